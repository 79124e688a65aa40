package dev.safecase.report;

import dev.safecase.confidence.Bound;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;

/** The doubt part of {@code summary.md}: each root's bound and largest contributors, then the agendas when made. */
final class ConfidenceMarkdown {
    private ConfidenceMarkdown() {
    }

    static final int LARGEST = 3;

    static void append(StringBuilder b, Run run) {
        List<String> items = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            if (!c.checked()) continue;
            for (String r : c.confidence().roots()) items.add(Escaping.code(c.name() + ":" + r) + " " + line(c.confidence().of(r)));
        }
        if (!items.isEmpty()) {
            b.append("\n### Doubt bounds of the roots (").append(items.size()).append(")\n\n");
            int max = Math.min(MarkdownReport.MAX_ITEMS, items.size());
            for (int i = 0; i < max; i++) b.append("- ").append(items.get(i)).append('\n');
            if (items.size() > max) b.append("- \u2026 and ").append(items.size() - max).append(" more (see the HTML report)\n");
        }
        List<CaseResult> agendas = AgendaReport.cases(run);
        if (!agendas.isEmpty()) {
            b.append("\n### Agenda\n");
            for (CaseResult c : agendas) AgendaReport.markdownCase(b, c);
        }
    }

    private static String line(Bound bound) {
        if (bound instanceof Bound.Unbounded u) return "unbounded \u2014 " + Escaping.markdown(u.reason());
        Bound.Finite f = (Bound.Finite) bound;
        StringBuilder s = new StringBuilder("\u2264 ").append(Escaping.markdown(f.value().toString())).append(" (")
                .append(f.decimalUp()).append(')');
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(LARGEST, f.contributors().size()); i++) {
            Bound.Contribution x = f.contributors().get(i);
            parts.add(Escaping.code(x.source().id()) + " " + Escaping.markdown(x.doubt().toString()));
        }
        if (!parts.isEmpty()) s.append(" \u2014 largest: ").append(String.join(", ", parts));
        return s.toString();
    }
}
