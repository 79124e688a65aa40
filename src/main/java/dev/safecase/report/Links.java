package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.result.ObligationResult;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links from one page of a case's report to its nodes, obligations and source lines, wherever the {@link PagePlan}
 * puts them. Anchors: {@code n-ID} for claims and strategies (in the claim tree), {@code ev-}, {@code df-},
 * {@code as-}, {@code tx-} for evidence, defeaters, assumptions, contexts and justifications, {@code ob-KIND:ID} for
 * obligations, {@code L12} for a source line.
 */
final class Links {
    static final Link NONE = new Link("", "", "");

    final CaseGraph g;
    final PagePlan plan;
    /** The page these links are written on, relative to the report folder. */
    final String page;
    /** Claims and strategies that have their claim-tree row on this page (a large case's pruned tree). */
    private final Set<String> treeHere;
    private final Map<ObligationId, ObligationResult> obligations = new HashMap<>();

    Links(CaseGraph g, PagePlan plan, String page, Set<String> treeHere) {
        this.g = g;
        this.plan = plan;
        this.page = page;
        this.treeHere = treeHere;
        for (ObligationResult o : g.result.obligations()) obligations.putIfAbsent(o.id(), o);
    }

    /** The same links written on another page. */
    Links on(String otherPage, Set<String> otherTree) {
        return new Links(g, plan, otherPage, otherTree);
    }

    String to(String target, String anchor) {
        return PagePlan.href(page, target, anchor);
    }

    static String css(Optional<Status> s) {
        return s.map(x -> Palette.of(x).css()).orElse("st-none");
    }

    /** Where a node is described: its claim-tree row, or its row in the nodes' sections. */
    String nodeHref(String id) {
        return switch (g.kind(id)) {
            case CLAIM, STRATEGY -> treeHere.contains(id) ? "#n-" + id : to(plan.treePage(), "n-" + id);
            case EVIDENCE -> to(plan.nodesPage(), "ev-" + id);
            case DEFEATER -> to(plan.nodesPage(), "df-" + id);
            case ASSUMPTION -> to(plan.nodesPage(), "as-" + id);
            case CONTEXT, JUSTIFICATION -> to(plan.nodesPage(), "tx-" + id);
            default -> "";
        };
    }

    Link node(String id) {
        return new Link(nodeHref(id), id, css(g.status(id)));
    }

    String obligationHref(ObligationId id) {
        return obligations.containsKey(id) ? to(plan.obligationPage(id), "ob-" + id) : "";
    }

    Link obligation(ObligationId id) {
        ObligationResult o = obligations.get(id);
        return new Link(obligationHref(id), id.toString(), css(Optional.ofNullable(o).map(ObligationResult::status)));
    }

    /** A badge link to an obligation, labelled with its kind and status. */
    Link badge(ObligationResult o) {
        return new Link(obligationHref(o.id()), o.id().kind().label() + " " + o.status().label(),
                Palette.of(o.status()).css());
    }

    /** {@code file:line}, linked to the line on the case's source page (when it is the case's own file). */
    Link location(String file, int line) {
        if (file.isEmpty()) return NONE;
        String text = line > 0 ? file + ":" + line : file;
        if (!file.equals(g.result.file()) || line <= 0) return new Link("", text, "");
        return new Link(to(plan.sourcePage(), "L" + line), text, "");
    }
}
