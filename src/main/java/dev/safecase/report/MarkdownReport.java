package dev.safecase.report;

import dev.safecase.result.AlternativesResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.judge.Status;
import dev.safecase.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary.md}, short enough for a pull-request comment: the gate, a case × status table, the first unproven
 * obligations, the open problems with owners, and input errors. Case text is escaped so it never becomes markup.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    static final int MAX_ITEMS = 20;

    public static String render(Run run) {
        StringBuilder b = new StringBuilder();
        GateResult gate = run.gate();
        b.append("## safecase: ").append(gate.passed() ? "\u2705 gate passed" : "\u274c gate failed").append("\n\n");
        b.append(gate.proved()).append(" of ").append(gate.total()).append(" obligations proved (")
                .append(Reports.percent(gate.proved(), gate.total())).append("); minimum ")
                .append(Escaping.markdown(gate.minProved())).append(gate.strict() ? "; strict" : "")
                .append("; fails on ").append(String.join(", ", gate.failOn().stream().map(Status::label).toList()))
                .append(".  \n");
        b.append(Escaping.markdown("safecase " + run.version() + ", " + run.solver() + ", " + run.today())).append("\n\n");
        for (String r : gate.reasons()) b.append("- ").append(Escaping.markdown(r)).append('\n');
        if (!gate.reasons().isEmpty()) b.append('\n');

        b.append("| case | verdict |");
        for (Palette.Style s : Palette.all()) b.append(' ').append(s.label()).append(" |");
        b.append(" total |\n|---|---|");
        for (int i = 0; i < Palette.all().size(); i++) b.append("--:|");
        b.append("--:|\n");
        for (CaseResult c : run.cases()) {
            b.append("| ").append(Escaping.code(c.name())).append(" | ").append(verdict(c)).append(" |");
            for (Palette.Style s : Palette.all()) b.append(' ').append(JsonReport.count(c.summary(), s.status())).append(" |");
            b.append(' ').append(c.total()).append(" |\n");
        }

        List<String> unproven = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            CaseGraph g = new CaseGraph(c);
            for (ObligationResult o : c.obligations()) {
                if (c.unproven().contains(o.id())) unproven.add(unprovenItem(c, o));
                if (c.openProblems().contains(o.id())) problems.add(problemItem(c, g, o));
            }
        }
        section(b, "Unproven obligations", unproven);
        section(b, "Open problems", problems);
        List<String> routes = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            for (AlternativesResult a : c.alternatives()) {
                for (AlternativesResult.Route r : a.routes()) routes.add(routeItem(c, a, r));
            }
        }
        section(b, "Alternative routes", routes);
        ConfidenceMarkdown.append(b, run);
        List<String> errors = new ArrayList<>();
        for (Diagnostic d : SarifReport.allDiagnostics(run)) {
            if (!d.isError()) continue;
            String where = Escaping.where(d.pos());
            errors.add((where.isEmpty() ? "" : Escaping.code(where) + " ") + d.code().id() + " "
                    + Escaping.markdown(d.message()));
        }
        section(b, "Input errors", errors);
        return b.toString();
    }

    private static String verdict(CaseResult c) {
        if (!c.checked()) return "\u26d4 input errors";
        return c.discharged() ? "\u2705 discharged" : "\u274c not discharged";
    }

    private static String unprovenItem(CaseResult c, ObligationResult o) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(o.status().label()).append("** ").append(Escaping.code(c.name() + ":" + o.id()));
        if (!o.file().isEmpty()) b.append(" at ").append(Escaping.code(o.file() + ":" + o.line()));
        o.reason().ifPresent(r -> b.append(" \u2014 ").append(Escaping.markdown(r)));
        return b.toString();
    }

    private static String problemItem(CaseResult c, CaseGraph g, ObligationResult o) {
        StringBuilder b = new StringBuilder(Escaping.code(c.name() + ":" + o.id()));
        Optional<String> blocked = g.problemClaim(o);
        blocked.ifPresent(cl -> b.append(" blocks ").append(Escaping.code(cl)));
        Optional<String> owner = g.owner(o);
        b.append(" \u2014 owner: ").append(owner.map(Escaping::markdown).orElse("none given"));
        return b.toString();
    }

    /** One route of a claim with choices, with its status and the open problems on it. */
    private static String routeItem(CaseResult c, AlternativesResult a, AlternativesResult.Route r) {
        StringBuilder b = new StringBuilder(Escaping.code(c.name() + ":" + a.node())).append(" by route ")
                .append(Escaping.code(r.name())).append(": **").append(r.status().label()).append("**");
        if (r.chosen()) b.append(" (the claim stands by it)");
        if (!r.openProblems().isEmpty()) {
            b.append(" \u2014 open: ").append(String.join(", ", r.openProblems().stream().map(id -> Escaping.code(id.toString()))
                    .toList()));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<String> items) {
        if (items.isEmpty()) return;
        b.append("\n### ").append(title).append(" (").append(items.size()).append(")\n\n");
        for (int i = 0; i < Math.min(MAX_ITEMS, items.size()); i++) b.append("- ").append(items.get(i)).append('\n');
        if (items.size() > MAX_ITEMS) {
            b.append("- \u2026 and ").append(items.size() - MAX_ITEMS).append(" more (see the HTML report)\n");
        }
    }
}
