package dev.safecase.report;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Status;
import dev.safecase.report.CaseGraph.Kind;
import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.report.LayeredLayout.Edge;
import dev.safecase.report.LayeredLayout.Point;
import dev.safecase.report.SvgNodes.Vis;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.StrategyResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A case's argument as a GSN diagram (shapes in {@link SvgNodes}). Contexts stand left of the claim or strategy that
 * names them, justifications and assumptions right of it. Edges: supported by, a solid arrow; in context of, a hollow
 * arrow; an attack, a dashed red arrow from the defeater; eliminated by, a dash-dotted arrow with an open head from the
 * eliminating claim to the defeater. The review that accepts an asserted leaf is drawn as a solution under it. Fill
 * shows status, failing nodes also have a patterned border, and every node names its status in words. Laid out by
 * the layered layout when that fits {@link #MAX_WIDTH}, else by the bounded-width {@link TreeLayout}. All text is
 * XML-escaped, never CDATA; there is no script in the SVG (pages that embed it add their own).
 */
public final class SvgReport {
    private SvgReport() {
    }

    /** The widest a diagram is laid out (its nodes; the legend and title wrap to it). */
    static final double MAX_WIDTH = 2400;
    /** Beyond this many nodes the layered layout is not tried: such graphs are wider than the bound anyway. */
    private static final int LAYERED_LIMIT = 400;
    private static final double MARGIN = 20;
    private static final double HEADER = 34;
    private static final double LEGEND_HEIGHT = 96;
    private static final double LINE = SvgNodes.LINE;

    enum EdgeKind { SUPPORT, CHOICE, ATTACK, ELIMINATION }

    /** What to draw and how: {@code only} the nodes to draw (empty: all), {@code href} where a node links (empty: no link). */
    record Options(Set<String> only, Function<String, String> href) {
        static final Options PLAIN = new Options(Set.of(), id -> "");
    }

    /** An {@code <svg>} element, its natural size in pixels and the root it should open on. */
    record Drawing(String svg, double width, double height, String root, int nodes) {}

    /** A standalone SVG document, as written to {@code CASE.svg} by {@code graph}. */
    public static String render(CaseResult c) {
        return render(new CaseGraph(c), Options.PLAIN);
    }

    /** {@code CASE.svg} of a report: each node links to where the case's pages describe it. */
    static String standalone(Scene scene, Links l) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + draw(scene, id -> {
            String h = Diagrams.href(l, id);
            return h.startsWith("#") ? l.plan.casePage() + h : h;
        }).svg();
    }

    static String render(CaseGraph g, Options o) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + draw(g, o).svg();
    }

    /** The {@code <svg>} element without the XML declaration, for embedding in an HTML page. */
    static Drawing draw(CaseResult c) {
        return draw(new CaseGraph(c), Options.PLAIN);
    }

    /** What a diagram of {@code only} (empty: all) holds, and where it goes: laid out once, drawn for any page. */
    static Scene scene(CaseGraph g, Set<String> only) {
        CaseResult c = g.result;
        Map<String, Vis> vis = new LinkedHashMap<>();
        for (String id : g.allNodes()) {
            if (!only.isEmpty() && !only.contains(id)) continue;
            if (g.inner(id)) continue; // a module's own argument is drawn in the module, not in the case
            int hidden = only.isEmpty() ? 0 : (int) g.children(id).stream().filter(k -> !only.contains(k)).count();
            vis.put(id, SvgNodes.visual(g, id, hidden));
        }
        Map<Edge, EdgeKind> edges = new LinkedHashMap<>();
        for (String id : List.copyOf(vis.keySet())) {
            for (ArgumentGraph.Edge e : g.edges(id)) {
                if (!vis.containsKey(e.to())) continue;
                EdgeKind k = switch (e.kind()) {
                    case ATTACK -> EdgeKind.ATTACK;
                    case ELIMINATION -> EdgeKind.ELIMINATION;
                    case SUPPORT -> EdgeKind.SUPPORT;
                    case CHOICE -> EdgeKind.CHOICE;
                };
                edges.putIfAbsent(new Edge(id, e.to()), k);
            }
            review(g, id).ifPresent(text -> {
                Vis r = SvgNodes.review(id, text);
                vis.put(r.key(), r);
                edges.put(new Edge(id, r.key()), EdgeKind.SUPPORT);
            });
        }
        for (DefeaterResult d : c.defeaters()) {
            if (vis.containsKey(d.target()) && vis.containsKey(d.id())) {
                edges.putIfAbsent(new Edge(d.target(), d.id()), EdgeKind.ATTACK);
            }
        }
        // a context, justification or assumption is drawn beside each claim or strategy that names it (a copy per
        // node, as GSN tools do); one that no node names stands alone
        Map<String, LayeredLayout.Side> side = new LinkedHashMap<>();
        Map<String, List<String>> namedBy = NodeViews.namedBy(g);
        for (String anchor : g.allNodes()) {
            if (!vis.containsKey(anchor)) continue;
            for (String id : g.sideNodes(anchor)) {
                String key = id + "@" + anchor;
                if (vis.containsKey(key)) continue;
                Optional<Vis> v = SvgNodes.sideVisual(g, id);
                if (v.isEmpty()) continue;
                vis.put(key, v.get().as(key));
                side.put(key, new LayeredLayout.Side(anchor, g.kind(id) == Kind.CONTEXT));
            }
        }
        if (only.isEmpty()) {
            for (String id : g.texts.keySet()) {
                if (!namedBy.containsKey(id) && !g.inner(id)) SvgNodes.sideVisual(g, id).ifPresent(v -> vis.put(id, v));
            }
            for (String id : g.assumptions.keySet()) {
                if (!namedBy.containsKey(id) && !g.inner(id)) SvgNodes.sideVisual(g, id).ifPresent(v -> vis.put(id, v));
            }
        }

        List<LayeredLayout.Spec> specs = new ArrayList<>();
        for (Vis v : vis.values()) specs.add(new LayeredLayout.Spec(v.key(), v.width(), v.height()));
        LayeredLayout.Result layout = layout(specs, List.copyOf(edges.keySet()), side);
        return new Scene(g, vis, edges, side, layout);
    }

    /** A diagram laid out: its nodes to draw, its edges by kind, its side nodes, and the layout. */
    record Scene(CaseGraph g, Map<String, Vis> vis, Map<Edge, EdgeKind> edges, Map<String, LayeredLayout.Side> side,
                 LayeredLayout.Result layout) {}

    static Drawing draw(CaseGraph g, Options o) {
        return draw(scene(g, o.only()), o.href());
    }

    /** The scene as an {@code <svg>} element, each node linking to {@code href} of its ID. */
    static Drawing draw(Scene scene, Function<String, String> href) {
        CaseGraph g = scene.g();
        CaseResult c = g.result;
        Map<String, Vis> vis = scene.vis();
        Map<Edge, EdgeKind> edges = scene.edges();
        Map<String, LayeredLayout.Side> side = scene.side();
        LayeredLayout.Result layout = scene.layout();
        String title = "case " + c.name() + (c.text().isBlank() ? "" : " \u2014 " + Escaping.oneLine(c.text()));
        List<String> titleLines = TextWrap.wrap(title, 110, 2);
        double headerHeight = HEADER + (titleLines.size() - 1) * LINE;
        StringBuilder legend = new StringBuilder();
        double legendWidth = SvgLegend.draw(legend);
        boolean awayGoals = vis.values().stream().anyMatch(Vis::awayGoal);
        if (awayGoals) legendWidth = Math.max(legendWidth, ModuleShapes.legend(legend, 0, 78));
        double width = Math.max(Math.max(layout.width(), legendWidth + 2 * MARGIN),
                TextWrap.widest(titleLines) * SvgNodes.BOLD + 2 * MARGIN);
        double diagramHeight = vis.isEmpty() ? 60 : layout.height();
        double height = headerHeight + diagramHeight + LEGEND_HEIGHT + (awayGoals ? 22 : 0);
        String root = g.roots().stream().filter(vis::containsKey).findFirst().orElse("");

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gsn\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\"")
                .append(" role=\"img\" data-root=\"").append(Escaping.xml(root)).append("\" data-top=\"")
                .append(num(headerHeight)).append("\">\n");
        b.append("<title>").append(Escaping.xml("GSN diagram of case " + c.name())).append("</title>\n");
        SvgLegend.style(b);
        SvgLegend.defs(b);
        b.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\"/>\n");
        for (int i = 0; i < titleLines.size(); i++) {
            b.append("<text class=\"title\" x=\"").append(num(MARGIN)).append("\" y=\"").append(num(MARGIN + 6 + i * LINE))
                    .append("\">").append(Escaping.xml(titleLines.get(i))).append("</text>\n");
        }
        b.append("<g class=\"graph\" transform=\"translate(0,").append(num(headerHeight)).append(")\">\n");
        if (vis.isEmpty()) {
            String why = c.checked() ? "This case has no claims to draw." : "No diagram: this case has input errors.";
            b.append("<text x=\"").append(num(MARGIN)).append("\" y=\"30\">").append(Escaping.xml(why)).append("</text>\n");
        }
        b.append("<g class=\"edges\">\n");
        for (Map.Entry<Edge, EdgeKind> e : edges.entrySet()) edge(b, e.getKey(), e.getValue(), layout);
        for (Map.Entry<String, LayeredLayout.Side> a : side.entrySet()) {
            String anchor = a.getValue().anchor();
            contextEdge(b, anchor, a.getKey(), layout.boxes().get(anchor), g.kind(anchor), layout.boxes().get(a.getKey()));
        }
        b.append("</g>\n<g class=\"nodes\">\n");
        for (Vis v : vis.values()) {
            Box box = layout.boxes().get(v.key());
            if (box == null) continue;
            SvgNodes.draw(b, v, box, href.apply(v.node()));
        }
        b.append("</g>\n</g>\n");
        b.append("<g class=\"legend\" transform=\"translate(").append(num(MARGIN)).append(',')
                .append(num(headerHeight + diagramHeight + 8)).append(")\">\n").append(legend).append("</g>\n");
        b.append("</svg>\n");
        return new Drawing(b.toString(), width, height, root, vis.size());
    }

    /** Layered when it fits the bound, else the tree layout of bounded width. */
    static LayeredLayout.Result layout(List<LayeredLayout.Spec> specs, List<Edge> edges, Map<String, LayeredLayout.Side> side) {
        if (specs.size() <= LAYERED_LIMIT) {
            LayeredLayout.Result r = LayeredLayout.layout(specs, edges, side, MARGIN);
            if (r.width() <= MAX_WIDTH + 2 * MARGIN) return r;
        }
        return TreeLayout.layout(specs, edges, side, MARGIN, MAX_WIDTH);
    }

    /** The review text of an asserted claim or strategy that nothing else supports. */
    private static Optional<String> review(CaseGraph g, String id) {
        if (!g.children(id).isEmpty()) return Optional.empty();
        return switch (g.kind(id)) {
            case CLAIM -> {
                ClaimResult c = g.claims.get(id);
                yield c.support().supportedBy().isEmpty() ? c.support().asserted() : Optional.empty();
            }
            case STRATEGY -> {
                StrategyResult s = g.strategies.get(id);
                yield s.subclaims().isEmpty() ? s.asserted() : Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    // ---- edges ----

    private static void edge(StringBuilder b, Edge e, EdgeKind kind, LayeredLayout.Result layout) {
        List<Point> pts = layout.paths().get(e);
        if (pts == null || pts.size() < 2) return;
        // an attack points at what it attacks, an elimination at the defeater it eliminates: against the layout's
        // direction (the attacked node and the defeater stand above)
        if (kind != EdgeKind.SUPPORT && kind != EdgeKind.CHOICE) pts = reversed(pts);
        b.append("<path class=\"e ").append(kind.name().toLowerCase(Locale.ROOT)).append("\" data-from=\"")
                .append(Escaping.xml(e.from())).append("\" data-to=\"").append(Escaping.xml(e.to())).append("\" d=\"")
                .append(curve(pts)).append("\"/>\n");
    }

    private static List<Point> reversed(List<Point> pts) {
        List<Point> r = new ArrayList<>(pts);
        Collections.reverse(r);
        return r;
    }

    /** Vertical runs as lines, the bends between them as cubic segments with vertical tangents. */
    static String curve(List<Point> pts) {
        StringBuilder d = new StringBuilder("M").append(num(pts.get(0).x())).append(',').append(num(pts.get(0).y()));
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1);
            Point c = pts.get(i);
            if (Math.abs(a.x() - c.x()) < 0.5 || Math.abs(a.y() - c.y()) < 0.5) {
                d.append(" L").append(num(c.x())).append(',').append(num(c.y()));
                continue;
            }
            double my = (a.y() + c.y()) / 2;
            d.append(" C").append(num(a.x())).append(',').append(num(my)).append(' ').append(num(c.x())).append(',')
                    .append(num(my)).append(' ').append(num(c.x())).append(',').append(num(c.y()));
        }
        return d.toString();
    }

    /**
     * In-context-of edge from a claim or strategy to a context, justification or assumption in its side column: a
     * straight line from the node's outline (at the height of the side node, as far as the node reaches) to the
     * side node's near end.
     */
    private static void contextEdge(StringBuilder b, String anchorKey, String sideKey, Box anchor, Kind anchorKind,
                                    Box side) {
        if (anchor == null || side == null) return;
        boolean right = side.cx() >= anchor.cx();
        double inset = Math.min(8, anchor.height() / 2);
        double y1 = Math.max(anchor.top() + inset, Math.min(anchor.bottom() - inset, side.cy()));
        double x1;
        if (anchorKind == Kind.STRATEGY) {
            double f = (y1 - anchor.top()) / anchor.height();
            x1 = right ? anchor.right() - SvgNodes.SKEW * f : anchor.left() + SvgNodes.SKEW * (1 - f);
        } else {
            x1 = right ? anchor.right() : anchor.left();
        }
        double x2 = right ? side.left() : side.right();
        b.append("<path class=\"e context\" data-from=\"").append(Escaping.xml(anchorKey)).append("\" data-to=\"")
                .append(Escaping.xml(sideKey)).append("\" d=\"M").append(num(x1)).append(',').append(num(y1))
                .append(" L").append(num(x2)).append(',').append(num(side.cy())).append("\"/>\n");
    }

    static String num(double v) {
        return SvgNodes.num(v);
    }

    /** Unused statuses keep their place in the legend, so it reads the same in every diagram. */
    static boolean failing(Status s) {
        return Severity.rank(s) < Severity.rank(Status.OPEN);
    }
}
