package dev.safecase.cli;

import dev.safecase.confidence.Bound;
import dev.safecase.diag.TerminalText;
import dev.safecase.result.CaseResult;
import java.util.ArrayList;
import java.util.List;

/** The summary's doubt lines: each root's bound and its largest contributors (docs/confidence.md). */
final class DoubtText {
    private DoubtText() {
    }

    static final int LARGEST = 3;

    static void roots(StringBuilder sb, CaseResult c) {
        if (c.confidence().roots().isEmpty()) return;
        sb.append("  doubt (upper bound on the probability that a root is false):\n");
        for (String root : c.confidence().roots()) {
            sb.append("    ").append(t(root)).append(": ").append(line(c.confidence().of(root))).append('\n');
        }
    }

    static String line(Bound b) {
        if (b instanceof Bound.Unbounded u) return "unbounded - " + t(u.reason());
        Bound.Finite f = (Bound.Finite) b;
        StringBuilder sb = new StringBuilder("<= ").append(f.value()).append(" (").append(f.decimalUp()).append(')');
        if (f.contributors().isEmpty()) return sb.append(", resting on no doubted premise").toString();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(LARGEST, f.contributors().size()); i++) {
            Bound.Contribution x = f.contributors().get(i);
            parts.add(t(x.source().id()) + " " + x.doubt());
        }
        int more = f.contributors().size() - LARGEST;
        sb.append(", largest: ").append(String.join(", ", parts));
        if (more > 0) sb.append(" and ").append(more).append(" more");
        return sb.toString();
    }

    private static String t(String s) {
        return TerminalText.escape(s);
    }
}
