package dev.safecase.cli;

import dev.safecase.result.AlternativesResult;
import dev.safecase.diag.Ansi;
import dev.safecase.diag.TerminalText;
import dev.safecase.judge.Status;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The human summary that {@code check} prints: per case, claims, unproven obligations, open problems; then the gate.
 * A case with more than {@link #LARGE} claims lists only the claims that are not discharged and at most
 * {@link #MAX_OPEN} open problems, so a large run that passes prints a few lines; {@code --verbose} lists everything.
 */
final class Summary {
    private Summary() {
    }

    /** Claims beyond which a case's summary lists only what is not discharged (unless verbose). */
    static final int LARGE = 40;
    /** Open problems listed per large case (unless verbose). */
    static final int MAX_OPEN = 30;

    static String text(Run run) {
        return text(run, false, Ansi.OFF);
    }

    static String text(Run run, boolean verbose, Ansi ansi) {
        StringBuilder sb = new StringBuilder();
        for (CaseResult c : run.cases()) caseText(sb, c, verbose, ansi);
        GateResult g = run.gate();
        sb.append("total: ").append(g.proved()).append(" of ").append(g.total()).append(" obligations proved\n");
        sb.append("gate: ").append(g.passed() ? ansi.boldGreen("PASSED") : ansi.boldRed("FAILED"));
        if (!g.reasons().isEmpty()) sb.append(" (").append(t(String.join("; ", g.reasons()))).append(')');
        sb.append(" [fail-on ").append(String.join(",", g.failOn().stream().map(Status::label).toList()));
        if (!"0".equals(g.minProved())) sb.append(", min-proved ").append(g.minProved());
        g.maxDoubt().ifPresent(m -> sb.append(", max-doubt ").append(m));
        sb.append("]\n");
        return sb.toString();
    }

    private static void caseText(StringBuilder sb, CaseResult c, boolean verbose, Ansi ansi) {
        sb.append("case ").append(ansi.bold(t(c.name()))).append(" (").append(t(c.file())).append("): ");
        if (!c.checked()) {
            sb.append(ansi.boldRed("NOT CHECKED")).append(": input errors (see above)\n\n");
            return;
        }
        sb.append(c.discharged() ? ansi.green("discharged") : ansi.boldRed("NOT discharged")).append('\n');
        sb.append("  ").append(counts(c.summary())).append('\n');
        boolean large = !verbose && c.claims().size() > LARGE;
        List<ClaimResult> claims = large ? c.claims().stream().filter(x -> !x.discharged()).toList() : c.claims();
        if (large) {
            sb.append("  claims: ").append(c.claims().size()).append(", ").append(c.claims().size() - claims.size())
                    .append(" discharged; ").append(claims.isEmpty() ? "all discharged" : "not discharged:")
                    .append(" (--verbose lists every claim)\n");
        } else {
            sb.append("  claims:\n");
        }
        int w = claims.stream().mapToInt(x -> t(x.id()).length()).max().orElse(4);
        for (ClaimResult cl : claims) {
            sb.append("    ").append(cl.discharged() ? "+ " : "- ").append(pad(t(cl.id()), w)).append("  ")
                    .append(status(cl.status(), 8, ansi)).append(cl.root() ? " (root) " : "        ")
                    .append(t(cl.text().replace('\n', ' '))).append('\n');
        }
        DoubtText.roots(sb, c);
        List<ObligationResult> unproven = new ArrayList<>();
        for (ObligationResult o : c.obligations()) {
            if (o.status() != Status.PROVED && o.status() != Status.ASSERTED && o.status() != Status.OPEN) unproven.add(o);
        }
        if (!unproven.isEmpty()) {
            sb.append("  unproven obligations:\n");
            for (ObligationResult o : unproven) {
                sb.append("    ").append(t(o.file())).append(':').append(o.line()).append(": ").append(t(o.id())).append(' ')
                        .append(status(o.status(), 0, ansi)).append(o.reason().map(r -> " - " + t(r)).orElse(""))
                        .append(o.ungated().map(r -> " [not gated: " + t(r) + "]").orElse("")).append('\n');
                if (!o.counterexample().isEmpty()) sb.append("      counterexample: ").append(t(map(o))).append('\n');
                if (!o.core().isEmpty()) sb.append("      clashing premises: ").append(t(String.join(", ", o.core()))).append('\n');
            }
        }
        List<ObligationResult> open = c.obligations().stream().filter(o -> o.status() == Status.OPEN && o.gated()).toList();
        if (!open.isEmpty()) {
            sb.append("  open problems:\n");
            int shown = large ? Math.min(MAX_OPEN, open.size()) : open.size();
            for (ObligationResult o : open.subList(0, shown)) problem(sb, o, "    ");
            if (shown < open.size()) {
                sb.append("    ... and ").append(open.size() - shown).append(" more open problems (--verbose lists them)\n");
            }
        }
        alternatives(sb, c);
        sb.append('\n');
    }

    private static void problem(StringBuilder sb, ObligationResult o, String indent) {
        sb.append(indent).append(t(o.file())).append(':').append(o.line()).append(": ").append(t(o.id()))
                .append(o.reason().map(r -> " - " + t(r)).orElse(""))
                .append(o.owner().map(x -> " [owner: " + t(x) + "]").orElse("")).append('\n');
    }

    /** Each node with choices: its routes side by side, with the open problems of each (parallel lines of work). */
    private static void alternatives(StringBuilder sb, CaseResult c) {
        if (c.alternatives().isEmpty()) return;
        sb.append("  alternatives:\n");
        for (AlternativesResult a : c.alternatives()) {
            sb.append("    ").append(t(a.node())).append(": ").append(t(String.join(", ", a.choices()))).append(" - ")
                    .append(a.status().label()).append('\n');
            for (AlternativesResult.Route r : a.routes()) {
                sb.append("      route ").append(t(r.name())).append(' ').append(r.status().label())
                        .append(r.chosen() ? " (the claim stands by it)" : "").append('\n');
                for (var id : r.openProblems()) {
                    c.obligations().stream().filter(o -> o.id().equals(id)).findFirst().ifPresent(o -> problem(sb, o, "        "));
                }
            }
        }
    }

    private static String status(Status s, int width, Ansi ansi) {
        String label = pad(s.label(), width);
        return switch (s) {
            case PROVED -> ansi.green(label);
            case ASSERTED -> ansi.cyan(label);
            case OPEN -> ansi.dim(label);
            case UNKNOWN -> ansi.yellow(label);
            case REFUTED, INVALID -> ansi.boldRed(label);
            case VACUOUS -> ansi.magenta(label);
        };
    }

    static String counts(Map<Status, Integer> summary) {
        List<String> parts = new ArrayList<>();
        int total = 0;
        for (Status s : Status.values()) {
            int n = summary.getOrDefault(s, 0);
            total += n;
            if (n > 0) parts.add(n + " " + s.label());
        }
        return total + " obligations: " + (parts.isEmpty() ? "none" : String.join(", ", parts));
    }

    /** The counterexample: the symbols that matter when the run knows them, else every symbol. */
    private static String map(ObligationResult o) {
        List<String> names = o.witness().parts().isEmpty() ? List.copyOf(o.counterexample().keySet()) : o.witness().symbols();
        List<String> parts = new ArrayList<>();
        for (String n : names) parts.add(n + " = " + o.counterexample().get(n));
        int hidden = o.counterexample().size() - names.size();
        return String.join(", ", parts) + (hidden > 0 ? " (and " + hidden + " symbols not connected to the goal)" : "");
    }

    /** Case text, file names and reasons, with anything that would act on the terminal escaped. */
    private static String t(Object s) {
        return TerminalText.escape(String.valueOf(s));
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
