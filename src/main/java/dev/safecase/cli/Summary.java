package dev.safecase.cli;

import dev.safecase.result.AlternativesResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.diag.TerminalText;
import dev.safecase.judge.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The human summary that {@code check} prints: per case, claims, unproven obligations, open problems; then the gate. */
final class Summary {
    private Summary() {
    }

    static String text(Run run) {
        StringBuilder sb = new StringBuilder();
        for (CaseResult c : run.cases()) caseText(sb, c);
        GateResult g = run.gate();
        sb.append("total: ").append(g.proved()).append(" of ").append(g.total()).append(" obligations proved\n");
        sb.append("gate: ").append(g.passed() ? "PASSED" : "FAILED");
        if (!g.reasons().isEmpty()) sb.append(" (").append(t(String.join("; ", g.reasons()))).append(')');
        sb.append(" [fail-on ").append(String.join(",", g.failOn().stream().map(Status::label).toList()));
        if (!"0".equals(g.minProved())) sb.append(", min-proved ").append(g.minProved());
        g.maxDoubt().ifPresent(m -> sb.append(", max-doubt ").append(m));
        sb.append("]\n");
        return sb.toString();
    }

    private static void caseText(StringBuilder sb, CaseResult c) {
        sb.append("case ").append(t(c.name())).append(" (").append(t(c.file())).append("): ");
        if (!c.checked()) {
            sb.append("NOT CHECKED: input errors (see above)\n\n");
            return;
        }
        sb.append(c.discharged() ? "discharged" : "NOT discharged").append('\n');
        sb.append("  ").append(counts(c.summary())).append('\n');
        sb.append("  claims:\n");
        int w = c.claims().stream().mapToInt(x -> t(x.id()).length()).max().orElse(4);
        for (ClaimResult cl : c.claims()) {
            sb.append("    ").append(cl.discharged() ? "+ " : "- ").append(pad(t(cl.id()), w)).append("  ")
                    .append(pad(cl.status().label(), 8)).append(cl.root() ? " (root) " : "        ").append(t(cl.text().replace('\n', ' ')))
                    .append('\n');
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
                        .append(o.status().label()).append(o.reason().map(r -> " - " + t(r)).orElse(""))
                        .append(o.ungated().map(r -> " [not gated: " + t(r) + "]").orElse("")).append('\n');
                if (!o.counterexample().isEmpty()) sb.append("      counterexample: ").append(t(map(o.counterexample()))).append('\n');
                if (!o.core().isEmpty()) sb.append("      clashing premises: ").append(t(String.join(", ", o.core()))).append('\n');
            }
        }
        List<ObligationResult> open = c.obligations().stream().filter(o -> o.status() == Status.OPEN && o.gated()).toList();
        if (!open.isEmpty()) {
            sb.append("  open problems:\n");
            for (ObligationResult o : open) problem(sb, o, "    ");
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

    private static String map(Map<String, String> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " = " + v));
        return String.join(", ", parts);
    }

    /** Case text, file names and reasons, with anything that would act on the terminal escaped. */
    private static String t(Object s) {
        return TerminalText.escape(String.valueOf(s));
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
