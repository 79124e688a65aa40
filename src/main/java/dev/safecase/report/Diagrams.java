package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.report.HtmlModel.DiagramView;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.Markup;
import dev.safecase.result.ObligationResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The diagrams of a case's pages: the whole argument, or for a large case the summary that the case page shows, the
 * paths from the roots down to every node that is neither proved nor asserted (the full diagram is linked). A node
 * links to the obligation that makes it fail, else to where it is described.
 */
final class Diagrams {
    /** Nodes a summary diagram draws at most. */
    static final int SUMMARY_NODES = 150;

    private final CaseGraph g;
    private SvgReport.Scene full;

    Diagrams(CaseGraph g) {
        this.g = g;
    }

    /** The whole argument, laid out once for every page that draws it. */
    SvgReport.Scene fullScene() {
        if (full == null) full = SvgReport.scene(g, Set.of());
        return full;
    }

    /** Nodes the full diagram draws (claims, strategies, evidence, defeaters). */
    int drawn() {
        return g.allNodes().size();
    }

    DiagramView full(Links l) {
        SvgReport.Drawing d = SvgReport.draw(fullScene(), id -> href(l, id));
        String note = "The argument in GSN notation, coloured by status; failing nodes also have a dashed or dotted "
                + "border. Drag to pan, use the buttons (or Ctrl and the wheel) to zoom, and the round buttons to fold a "
                + "subtree; a node links to where it is described, or to the obligation that makes it fail.";
        return new DiagramView(new Markup(d.svg()), d.root(), note, Links.NONE,
                new Link(l.to(l.plan.svg(), ""), l.plan.svg(), ""));
    }

    DiagramView summary(Links l) {
        Set<String> only = summaryNodes();
        SvgReport.Drawing d = SvgReport.draw(g, new SvgReport.Options(only, id -> href(l, id)));
        String note = "This case has " + drawn() + " nodes; the summary shows " + only.size() + ": the roots and the "
                + "paths down to every node that is neither proved nor asserted. A node with more below it says how "
                + "many.";
        return new DiagramView(new Markup(d.svg()), d.root(), note,
                new Link(l.to(l.plan.diagramPage(), "diagram"), "the full diagram", ""),
                new Link(l.to(l.plan.svg(), ""), l.plan.svg(), ""));
    }

    /** The roots, the nodes not fine and every node on a path between them, at most {@link #SUMMARY_NODES}. */
    Set<String> summaryNodes() {
        Map<String, Boolean> bad = new HashMap<>();
        for (String id : g.allNodes()) bad.put(id, !TreeViews.fine(g, id));
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String r : g.roots()) todo.addLast(r);
        // breadth first, so the nearest levels come first when the cap is reached
        while (!todo.isEmpty() && out.size() < SUMMARY_NODES) {
            String id = todo.pollFirst();
            if (!out.add(id)) continue;
            List<String> kids = g.children(id);
            boolean anyBad = kids.stream().anyMatch(k -> bad.getOrDefault(k, false));
            for (String k : kids) {
                // below a node that is fine, nothing is shown; below a failing one, what fails and the rest of its level
                if (bad.getOrDefault(id, false) && (bad.getOrDefault(k, false) || !anyBad) && !out.contains(k)) todo.addLast(k);
            }
        }
        return out;
    }

    /** A failing node links to its worst obligation, any other to where it is described. */
    static String href(Links l, String id) {
        Optional<ObligationResult> worst = l.g.obligationsOf(id).stream()
                .filter(o -> Severity.rank(o.status()) < Severity.rank(Status.ASSERTED))
                .min(java.util.Comparator.comparingInt(o -> Severity.rank(o.status())));
        if (worst.isPresent()) return l.obligationHref(worst.get().id());
        return l.nodeHref(id);
    }
}
