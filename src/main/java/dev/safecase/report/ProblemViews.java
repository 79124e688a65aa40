package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.ProblemGroup;
import dev.safecase.report.HtmlModel.ProblemRow;
import dev.safecase.result.ObligationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The research agenda: every open obligation, grouped by the claim it blocks ({@link CaseGraph#problemClaim}), each
 * with the node that is open, its text and its owner. Problems follow the claim tree top-down (so a case built from a
 * pattern reads in the pattern's order), and groups the order of their first problem.
 */
final class ProblemViews {
    private ProblemViews() {
    }

    /** The groups, with at most {@code max} problems in all. */
    static List<ProblemGroup> problems(Links l, int max) {
        CaseGraph g = l.g;
        Map<String, Integer> order = g.treeOrder();
        Set<ObligationId> openIds = new HashSet<>(g.result.openProblems());
        List<ObligationResult> open = g.result.obligations().stream()
                .filter(o -> openIds.contains(o.id()))
                .sorted(Comparator.comparingInt(o -> order.getOrDefault(o.node(), Integer.MAX_VALUE)))
                .limit(max)
                .toList();
        Map<String, List<ProblemRow>> groups = new LinkedHashMap<>();
        for (ObligationResult o : open) {
            String claim = g.problemClaim(o).orElse("");
            CaseGraph.Kind kind = g.kind(o.node());
            String what = switch (kind) {
                case CLAIM -> g.undeveloped(o.node()) ? "undeveloped claim" : "claim";
                case UNKNOWN -> "";
                default -> kind.name().toLowerCase(Locale.ROOT);
            };
            Link node = kind == CaseGraph.Kind.UNKNOWN ? Links.NONE : l.node(o.node());
            String text = HtmlViews.text(g, o.node());
            String reason = o.reason().map(Escaping::oneLine).orElse("");
            // the reason only when it adds something: not "undeveloped: nothing supports X yet" nor the text again
            if ((g.undeveloped(o.node()) && reason.startsWith("undeveloped")) || (!text.isEmpty() && reason.contains(text))) {
                reason = "";
            }
            groups.computeIfAbsent(claim, k -> new ArrayList<>()).add(new ProblemRow(l.obligation(o.id()), what, node,
                    text, reason, g.owner(o).map(Escaping::oneLine).orElse(""), l.location(o.file(), o.line())));
        }
        Set<ObligationId> known = new HashSet<>();
        g.result.obligations().forEach(o -> known.add(o.id()));
        for (ObligationId id : g.result.openProblems()) {
            if (!known.contains(id)) {
                groups.computeIfAbsent("", k -> new ArrayList<>())
                        .add(new ProblemRow(new Link("", id.toString(), ""), "", Links.NONE, "", "", "", Links.NONE));
            }
        }
        List<ProblemGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<ProblemRow>> e : groups.entrySet()) {
            if (e.getKey().isEmpty()) {
                out.add(new ProblemGroup(new Link(l.to(l.plan.casePage(), "obligations"), "the case as a whole", ""), "",
                        "", "st-none", List.of(), e.getValue()));
            } else {
                Optional<Status> st = g.status(e.getKey());
                List<Link> above = g.claimsAbove(e.getKey()).stream().map(l::node).toList();
                out.add(new ProblemGroup(l.node(e.getKey()), HtmlViews.text(g, e.getKey()),
                        st.map(Status::label).orElse(""), Links.css(st), NodeViews.capped(above), e.getValue()));
            }
        }
        return out;
    }
}
