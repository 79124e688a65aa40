package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.SourceLine;
import dev.safecase.report.HtmlModel.SourcePage;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case file as a page, as coverage reports show code: every line with its number, the lines that obligations sit
 * on marked with the worst status among them and linked to each obligation (which link back to the line).
 */
final class SourceViews {
    private SourceViews() {
    }

    /** The text of an input file by the name the run shows it under, if it was read. */
    interface Sources {
        Optional<String> text(String file);

        Sources NONE = file -> Optional.empty();
    }

    /** Lines longer than this are cut on the page (the file itself is not). */
    private static final int MAX_LINE = 2000;

    static SourcePage page(Run run, CaseResult c, CaseGraph g, PagePlan plan, Sources sources) {
        Links l = new Links(g, plan, plan.sourcePage(), java.util.Set.of());
        Map<Integer, List<ObligationResult>> byLine = new HashMap<>();
        for (ObligationResult o : c.obligations()) {
            if (o.file().equals(c.file()) && o.line() > 0) byLine.computeIfAbsent(o.line(), k -> new ArrayList<>()).add(o);
        }
        Optional<String> text = sources.text(c.file());
        List<SourceLine> lines = new ArrayList<>();
        String note;
        if (text.isPresent()) {
            List<String> raw = text.get().lines().toList();
            for (int i = 0; i < raw.size(); i++) {
                int n = i + 1;
                List<ObligationResult> here = byLine.getOrDefault(n, List.of());
                Optional<Status> worst = here.stream().map(ObligationResult::status)
                        .min(java.util.Comparator.comparingInt(Severity::rank));
                String css = worst.map(s -> "ln " + Palette.of(s).css()).orElse("");
                List<Link> obs = here.stream().map(l::badge).toList();
                lines.add(new SourceLine(n, "L" + n, TextWrap.cut(raw.get(i), MAX_LINE), css, obs));
            }
            note = "Lines with obligations are marked with the worst status among them; instances of a pattern have "
                    + "their obligations on the line of their use.";
        } else {
            note = "The text of " + c.file() + " was not available when the report was written.";
        }
        return new SourcePage(HtmlViews.head(run, c, l), new Link(l.to(plan.casePage(), ""), "case " + c.name(), ""),
                c.file(), lines, note);
    }
}
