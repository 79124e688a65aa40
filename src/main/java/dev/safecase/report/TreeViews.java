package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.TreeRow;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.Clauses;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.Provenance;
import dev.safecase.result.StrategyResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The claim tree: each root with everything under it, as nested collapsible rows. The full tree shows every node; a
 * pruned tree (the case page of a large case) shows the roots and the paths down to the nodes that are neither
 * proved nor asserted, and says for each branch it leaves out that all below it is proved or asserted.
 */
final class TreeViews {
    private TreeViews() {
    }

    /** Rows a pruned tree shows at most; the full tree page has the rest. */
    static final int PRUNED_ROWS = 1500;

    static boolean fine(CaseGraph g, String id) {
        return g.status(id).map(s -> s == Status.PROVED || s == Status.ASSERTED).orElse(true);
    }

    /** The claims and strategies a pruned tree shows: the roots and every node on a path to a node not fine. */
    static Set<String> pruned(CaseGraph g) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(g.roots());
        while (!todo.isEmpty() && out.size() < PRUNED_ROWS) {
            String id = todo.pop();
            if (!out.add(id)) continue;
            if (fine(g, id)) continue;
            for (String child : g.children(id)) {
                if (!fine(g, child) && !out.contains(child)) todo.push(child);
            }
        }
        return out;
    }

    /** Every node, or ({@code only} non-empty) just those in {@code only}. */
    static List<TreeRow> rows(Links l, Set<String> only) {
        CaseGraph g = l.g;
        List<TreeRow> rows = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        List<String> starts = new ArrayList<>(g.roots());
        if (only.isEmpty()) {
            for (String id : g.allNodes()) if (g.parents(id).isEmpty()) starts.add(id);
            starts.addAll(g.allNodes());
        }
        for (String start : starts) {
            if (!shown.contains(start)) walk(l, start, only, shown, rows);
        }
        return rows;
    }

    /** Depth first without recursion: a frame per open node, its children still to show. */
    private static void walk(Links l, String start, Set<String> only, Set<String> shown, List<TreeRow> rows) {
        Deque<Frame> stack = new ArrayDeque<>();
        Set<String> path = new HashSet<>();
        Optional<Frame> f = open(l, start, 0, only, shown, path, rows);
        f.ifPresent(stack::push);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (top.next()[0] >= top.kids().size()) {
                stack.pop();
                path.remove(top.id());
                rows.add(TreeRow.close());
                continue;
            }
            String child = top.kids().get(top.next()[0]++);
            open(l, child, stack.size(), only, shown, path, rows).ifPresent(stack::push);
        }
    }

    private static Optional<Frame> open(Links l, String id, int depth, Set<String> only, Set<String> shown,
                                        Set<String> path, List<TreeRow> rows) {
        CaseGraph g = l.g;
        Optional<Status> status = g.status(id);
        String kind = g.kind(id).name().toLowerCase(Locale.ROOT);
        if (shown.contains(id) || path.contains(id)) {
            rows.add(TreeRow.shownAbove(kind, id, HtmlViews.text(g, id), label(status), Links.css(status),
                    new Link(l.nodeHref(id), "shown above", "")));
            return Optional.empty();
        }
        shown.add(id);
        List<Link> obs = g.obligationsOf(id).stream().map(l::badge).toList();
        List<String> children = g.children(id);
        List<String> kids = only.isEmpty() ? children : children.stream().filter(only::contains).toList();
        String anchor = g.kind(id) == CaseGraph.Kind.CLAIM || g.kind(id) == CaseGraph.Kind.STRATEGY ? "n-" + id : "";
        String formula = g.kind(id) == CaseGraph.Kind.CLAIM ? g.claims.get(id).formula().orElse("") : "";
        boolean expanded = depth == 0 || status.map(x -> x != Status.PROVED).orElse(true);
        List<String> notes = notes(g, id);
        if (kids.size() < children.size()) {
            notes.add((children.size() - kids.size()) + " more below, all proved or asserted (full tree)");
        }
        rows.add(TreeRow.node(!kids.isEmpty(), expanded, kind, id, anchor, HtmlViews.text(g, id), label(status),
                Links.css(status), formula, notes, obs, detailsLink(l, id)));
        if (kids.isEmpty()) return Optional.empty();
        path.add(id);
        return Optional.of(new Frame(id, kids, new int[] {0}));
    }

    private record Frame(String id, List<String> kids, int[] next) {}

    private static String label(Optional<Status> s) {
        return s.map(Status::label).orElse("no obligations");
    }

    private static Link detailsLink(Links l, String id) {
        return switch (l.g.kind(id)) {
            case EVIDENCE -> new Link(l.nodeHref(id), "evidence details", "");
            case DEFEATER -> new Link(l.nodeHref(id), "defeater details", "");
            default -> Links.NONE;
        };
    }

    private static List<String> notes(CaseGraph g, String id) {
        List<String> notes = new ArrayList<>();
        g.module(id).ifPresent(m -> notes.add((g.away(id) && g.kind(id) == CaseGraph.Kind.CLAIM
                ? ModuleShapes.awayGoalLabel(m.name()) : ModuleShapes.awayLabel(m.name())) + " (" + m.file() + ")"));
        switch (g.kind(id)) {
            case CLAIM -> {
                ClaimResult c = g.claims.get(id);
                if (c.root()) notes.add("root");
                notes.add(c.discharged() ? "discharged" : "not discharged");
                if (c.support().undeveloped()) notes.add("undeveloped");
                c.support().asserted().ifPresent(r -> notes.add("asserted: " + Escaping.oneLine(r)));
                clauses(notes, c.clauses());
                if (!c.restsOn().isEmpty()) notes.add("rests on " + capped(c.restsOn()));
                provenance(notes, c.provenance());
            }
            case STRATEGY -> {
                StrategyResult s = g.strategies.get(id);
                if (s.undeveloped()) notes.add("undeveloped");
                s.asserted().ifPresent(r -> notes.add("asserted: " + Escaping.oneLine(r)));
                clauses(notes, s.clauses());
                provenance(notes, s.provenance());
            }
            case EVIDENCE -> {
                EvidenceResult e = g.evidence.get(id);
                notes.add(e.file().map(f -> "file " + f).orElse("reference (no file)"));
                e.reason().ifPresent(r -> notes.add(Escaping.oneLine(r)));
            }
            case DEFEATER -> {
                DefeaterResult d = g.defeaters.get(id);
                notes.add(d.attack() + " " + d.target());
                d.accepted().ifPresent(r -> notes.add("accepted: " + Escaping.oneLine(r)));
                d.owner().ifPresent(o -> notes.add("owner: " + o));
            }
            default -> { }
        }
        return notes;
    }

    /** A list of names, cut after {@link PagePlan#MAX_LINKS} with a count. */
    static String capped(List<String> names) {
        if (names.size() <= PagePlan.MAX_LINKS) return String.join(", ", names);
        return String.join(", ", names.subList(0, PagePlan.MAX_LINKS)) + " and " + (names.size() - PagePlan.MAX_LINKS)
                + " more";
    }

    private static void clauses(List<String> notes, Clauses c) {
        if (!c.context().isEmpty()) notes.add("in context of " + capped(c.context()));
        if (!c.justifiedBy().isEmpty()) notes.add("justified by " + capped(c.justifiedBy()));
        if (!c.assuming().isEmpty()) notes.add("assuming " + capped(c.assuming()));
    }

    private static void provenance(List<String> notes, Provenance p) {
        p.owner().ifPresent(o -> notes.add("owner: " + o));
        p.origin().ifPresent(o -> notes.add("from pattern node " + o));
    }
}
