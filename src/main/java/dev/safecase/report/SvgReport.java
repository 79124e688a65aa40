package dev.safecase.report;

import dev.safecase.result.AssumptionResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.NodeInfo;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Status;
import dev.safecase.report.CaseGraph.Kind;
import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.report.LayeredLayout.Edge;
import dev.safecase.report.LayeredLayout.Point;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A case's argument as a GSN diagram: goals (claims) as rectangles, strategies as parallelograms, evidence as
 * circles (solutions), contexts as rounded rectangles, justifications and assumptions as ovals marked J and A,
 * defeaters as red hexagons marked D, undeveloped nodes with the diamond. Contexts stand left of the claim or strategy
 * that names them, justifications and assumptions right of it. Supported-by edges are solid arrows, in-context-of
 * edges hollow arrows, attacks dashed red. Fill shows status and every node also names its status in words. All text
 * is XML-escaped, never CDATA.
 */
public final class SvgReport {
    private SvgReport() {
    }

    private static final double FONT = 12;
    private static final double LINE = 15;
    private static final double CHAR = 6.9;
    private static final double BOLD = 7.6;
    private static final double PAD = 8;
    private static final double SKEW = 14;
    private static final double HEX = 16;
    private static final double MARGIN = 20;
    private static final double HEADER = 34;
    private static final double LEGEND_HEIGHT = 96;
    private static final String INK = "#1a1a1a";
    private static final String MUTED = "#444444";

    private enum EdgeKind { SUPPORT, ATTACK, ELIMINATION }

    private enum Style { BOLD, PLAIN, MONO, STATUS }

    private record Line(String text, Style style, String status) {}

    /** {@code away}: the module of a module node that the case names (an away goal, for a claim). */
    private record Vis(String id, Kind kind, List<Line> lines, double width, double height, Optional<Status> status,
                       boolean undeveloped, boolean unused, String tooltip, Optional<String> away) {
        Vis(String id, Kind kind, List<Line> lines, double width, double height, Optional<Status> status,
            boolean undeveloped, boolean unused, String tooltip) {
            this(id, kind, lines, width, height, status, undeveloped, unused, tooltip, Optional.empty());
        }

        Vis as(String key) {
            return new Vis(key, kind, lines, width, height, status, undeveloped, unused, tooltip, away);
        }
    }

    /** An {@code <svg>} element and its natural width in pixels. */
    record Drawing(String svg, double width) {}

    /** A standalone SVG document, as written to {@code CASE.svg}. */
    public static String render(CaseResult c) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + draw(c).svg();
    }

    /** The {@code <svg>} element without the XML declaration, for embedding in an HTML page. */
    static Drawing draw(CaseResult c) {
        CaseGraph g = new CaseGraph(c);
        Map<String, Vis> vis = new LinkedHashMap<>();
        for (String id : g.allNodes()) {
            if (!g.inner(id)) vis.put(id, visual(g, id));
        }

        Map<Edge, EdgeKind> edges = new LinkedHashMap<>();
        for (String id : g.allNodes()) {
            for (ArgumentGraph.Edge e : g.edges(id)) {
                if (e.kind() == ArgumentGraph.EdgeKind.ATTACK || !vis.containsKey(e.to())) continue;
                edges.putIfAbsent(new Edge(id, e.to()),
                        e.kind() == ArgumentGraph.EdgeKind.ELIMINATION ? EdgeKind.ELIMINATION : EdgeKind.SUPPORT);
            }
        }
        for (DefeaterResult d : c.defeaters()) {
            if (vis.containsKey(d.target()) && vis.containsKey(d.id())) {
                edges.putIfAbsent(new Edge(d.target(), d.id()), EdgeKind.ATTACK);
            }
        }
        // a context, justification or assumption is drawn beside each claim or strategy that names it (a copy per
        // node, as GSN tools do); one that no node names stands alone
        Map<String, LayeredLayout.Side> side = new LinkedHashMap<>();
        List<String> anchors = g.allNodes().stream().filter(id -> vis.containsKey(id) && !g.sideNodes(id).isEmpty()).toList();
        for (String anchor : anchors) {
            for (String id : g.sideNodes(anchor)) {
                Optional<Vis> v = sideVisual(g, id);
                if (v.isEmpty()) continue;
                String key = id + "@" + anchor;
                if (vis.containsKey(key)) continue;
                vis.put(key, v.get().as(key));
                side.put(key, new LayeredLayout.Side(anchor, g.kind(id) == Kind.CONTEXT));
            }
        }
        for (String id : g.texts.keySet()) {
            if (g.namedBy(id).isEmpty()) sideVisual(g, id).ifPresent(v -> vis.put(id, v));
        }
        for (String id : g.assumptions.keySet()) {
            if (g.namedBy(id).isEmpty()) sideVisual(g, id).ifPresent(v -> vis.put(id, v));
        }

        List<LayeredLayout.Spec> specs = new ArrayList<>();
        for (Vis v : vis.values()) specs.add(new LayeredLayout.Spec(v.id(), v.width(), v.height()));
        LayeredLayout.Result layout = LayeredLayout.layout(specs, List.copyOf(edges.keySet()), side, MARGIN);

        String title = "case " + c.name() + (c.text().isBlank() ? "" : " \u2014 " + Escaping.oneLine(c.text()));
        List<String> titleLines = TextWrap.wrap(title, 110, 2);
        double headerHeight = HEADER + (titleLines.size() - 1) * LINE;
        StringBuilder legend = new StringBuilder();
        double legendWidth = SvgLegend.draw(legend, 0);
        boolean awayGoals = vis.values().stream().anyMatch(v -> v.away().isPresent() && v.kind() == Kind.CLAIM);
        if (awayGoals) legendWidth = Math.max(legendWidth, ModuleShapes.legend(legend, 0, 78));
        double width = Math.max(Math.max(layout.width(), legendWidth + 2 * MARGIN),
                TextWrap.widest(titleLines) * BOLD + 2 * MARGIN);
        double diagramHeight = vis.isEmpty() ? 60 : layout.height();
        double height = headerHeight + diagramHeight + LEGEND_HEIGHT + (awayGoals ? 22 : 0);

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gsn\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"")
                .append(num(FONT)).append("\" role=\"img\">\n");
        b.append("<title>").append(Escaping.xml("GSN diagram of case " + c.name())).append("</title>\n");
        defs(b);
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" fill=\"#ffffff\"/>\n");
        for (int i = 0; i < titleLines.size(); i++) {
            b.append("<text x=\"").append(num(MARGIN)).append("\" y=\"").append(num(MARGIN + 6 + i * LINE))
                    .append("\" font-weight=\"bold\" font-size=\"13\" fill=\"").append(INK).append("\">")
                    .append(Escaping.xml(titleLines.get(i))).append("</text>\n");
        }
        b.append("<g transform=\"translate(0,").append(num(headerHeight)).append(")\">\n");
        if (vis.isEmpty()) {
            String why = c.checked() ? "This case has no claims to draw." : "No diagram: this case has input errors.";
            b.append("<text x=\"").append(num(MARGIN)).append("\" y=\"30\" fill=\"").append(INK).append("\">")
                    .append(Escaping.xml(why)).append("</text>\n");
        }
        b.append("<g class=\"edges\" fill=\"none\">\n");
        for (Map.Entry<Edge, EdgeKind> e : edges.entrySet()) edge(b, e.getKey(), e.getValue(), layout, g);
        for (Map.Entry<String, LayeredLayout.Side> a : side.entrySet()) {
            String anchor = a.getValue().anchor();
            contextEdge(b, layout.boxes().get(anchor), g.kind(anchor), layout.boxes().get(a.getKey()));
        }
        b.append("</g>\n<g class=\"nodes\">\n");
        for (Vis v : vis.values()) node(b, v, layout.boxes().get(v.id()));
        b.append("</g>\n</g>\n");
        b.append("<g class=\"legend\" transform=\"translate(").append(num(MARGIN)).append(',')
                .append(num(headerHeight + diagramHeight + 8)).append(")\">\n").append(legend).append("</g>\n");
        b.append("</svg>\n");
        return new Drawing(b.toString(), width);
    }

    // ---- node shapes and text ----

    private static Vis visual(CaseGraph g, String id) {
        Kind kind = g.kind(id);
        Optional<Status> status = g.status(id);
        String statusWord = status.map(Status::label).orElse("no obligations");
        List<Line> lines = new ArrayList<>();
        String tooltip;
        switch (kind) {
            case CLAIM -> {
                ClaimResult cl = g.claims.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                TextWrap.wrap(cl.text(), 28, 6).forEach(t -> lines.add(new Line(t, Style.PLAIN, "")));
                cl.formula().filter(f -> !f.isBlank())
                        .ifPresent(f -> TextWrap.wrap(f, 30, 2).forEach(t -> lines.add(new Line(t, Style.MONO, ""))));
                tooltip = id + " (" + statusWord + "): " + Escaping.oneLine(cl.text())
                        + cl.formula().map(f -> " \u2014 " + f).orElse("");
            }
            case STRATEGY -> {
                StrategyResult st = g.strategies.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                if (st.text().isBlank()) {
                    lines.add(new Line("strategy", Style.STATUS, ""));
                } else {
                    TextWrap.wrap(st.text(), 30, 4).forEach(t -> lines.add(new Line(t, Style.PLAIN, "")));
                }
                tooltip = "strategy " + id + " (" + statusWord + ")"
                        + (st.text().isBlank() ? "" : ": " + Escaping.oneLine(st.text()));
            }
            case EVIDENCE -> {
                EvidenceResult e = g.evidence.get(id);
                lines.add(new Line(id, Style.BOLD, ""));
                TextWrap.wrap(e.text(), 18, 2).forEach(t -> lines.add(new Line(t, Style.PLAIN, "")));
                lines.add(new Line(statusWord, Style.STATUS, ""));
                tooltip = id + " (" + statusWord + "): " + Escaping.oneLine(e.text())
                        + e.file().map(f -> " \u2014 " + f).orElse("");
            }
            case DEFEATER -> {
                DefeaterResult d = g.defeaters.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                TextWrap.wrap(d.text(), 26, 4).forEach(t -> lines.add(new Line(t, Style.PLAIN, "")));
                lines.add(new Line(d.attack() + " " + d.target(), Style.STATUS, ""));
                tooltip = "defeater " + id + " (" + statusWord + "), " + d.attack() + " " + d.target() + ": "
                        + Escaping.oneLine(d.text());
            }
            default -> {
                lines.add(new Line(id, Style.BOLD, ""));
                tooltip = id;
            }
        }
        if (g.away(id) && kind != Kind.CLAIM) {
            g.module(id).ifPresent(m -> lines.add(new Line(ModuleShapes.awayLabel(m.name()), Style.STATUS, "")));
        }
        double tw = textWidth(lines);
        double th = lines.size() * LINE;
        double w;
        double h;
        switch (kind) {
            case STRATEGY -> {
                w = Math.max(120, tw + 2 * PAD + 2 * SKEW);
                h = th + 2 * PAD;
            }
            case EVIDENCE -> {
                double r = Math.max(36, Math.sqrt(tw * tw / 4 + th * th / 4) + 4);
                w = 2 * r;
                h = 2 * r;
            }
            case DEFEATER -> {
                w = Math.max(130, tw + 2 * PAD + 2 * HEX);
                h = th + 2 * PAD;
            }
            default -> {
                w = Math.max(120, tw + 2 * PAD);
                h = th + 2 * PAD;
            }
        }
        Optional<String> away = g.away(id) ? g.module(id).map(NodeInfo.ModuleRef::name) : Optional.empty();
        if (away.isPresent() && kind == Kind.CLAIM) {
            w = Math.max(w, ModuleShapes.awayGoalLabel(away.get()).length() * 6.3 + 36);
            h += ModuleShapes.BAND;
            tooltip = ModuleShapes.awayGoalLabel(away.get()) + ": " + tooltip;
        } else if (away.isPresent()) {
            tooltip = ModuleShapes.awayLabel(away.get()) + ": " + tooltip;
        }
        return new Vis(id, kind, lines, Math.ceil(w), Math.ceil(h), status, g.undeveloped(id), false, tooltip, away);
    }

    /**
     * A context (rounded rectangle), justification (oval marked J) or assumption (oval marked A, dashed when no
     * obligation has it in scope). Empty for an ID that is none of these.
     */
    private static Optional<Vis> sideVisual(CaseGraph g, String id) {
        Kind kind = g.kind(id);
        if (kind != Kind.CONTEXT && kind != Kind.JUSTIFICATION && kind != Kind.ASSUMPTION) return Optional.empty();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(id, Style.BOLD, ""));
        String tip;
        boolean unused = false;
        if (kind == Kind.ASSUMPTION) {
            AssumptionResult a = g.assumptions.get(id);
            TextWrap.wrap(a.text(), 24, 3).forEach(t -> lines.add(new Line(t, Style.PLAIN, "")));
            unused = a.inScopeOf().isEmpty() && a.usedBy().isEmpty();
            if (unused) lines.add(new Line("unused", Style.STATUS, ""));
            tip = "assumption " + id + ": " + Escaping.oneLine(a.text())
                    + a.formula().filter(f -> !f.isBlank()).map(f -> " \u2014 " + f).orElse("");
        } else {
            TextResult t = g.texts.get(id);
            TextWrap.wrap(t.text(), kind == Kind.CONTEXT ? 30 : 24, kind == Kind.CONTEXT ? 4 : 3)
                    .forEach(x -> lines.add(new Line(x, Style.PLAIN, "")));
            tip = t.kind() + " " + id + ": " + Escaping.oneLine(t.text());
        }
        double tw = textWidth(lines);
        double th = lines.size() * LINE;
        double w;
        double h;
        if (kind == Kind.CONTEXT) {
            w = Math.max(110, tw + 2 * PAD + 16);
            h = th + 2 * PAD;
        } else {
            // an ellipse around the text block: (tw / w)² + (th / h)² ≤ 1 with w = 1.5·tw, h = 1.34·th
            w = Math.max(96, tw * 1.5 + 10);
            h = Math.max(48, th * 1.34 + 8);
        }
        return Optional.of(new Vis(id, kind, lines, Math.ceil(w), Math.ceil(h), Optional.empty(), false, unused, tip));
    }

    private static double textWidth(List<Line> lines) {
        double w = 0;
        for (Line l : lines) {
            double lw = switch (l.style()) {
                case BOLD -> chars(l.text()) * BOLD + (l.status().isEmpty() ? 0 : (chars(l.status()) + 3) * CHAR);
                case MONO -> chars(l.text()) * 7.3;
                default -> chars(l.text()) * CHAR;
            };
            w = Math.max(w, lw);
        }
        return w;
    }

    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    private static void node(StringBuilder b, Vis v, Box box) {
        if (box == null) return;
        String fill = v.status().map(s -> Palette.of(s).fill()).orElse(Palette.NEUTRAL_FILL);
        String stroke = v.status().map(s -> Palette.of(s).stroke()).orElse(Palette.NEUTRAL_STROKE);
        String css = v.status().map(s -> " " + Palette.of(s).css()).orElse("");
        b.append("<g class=\"node ").append(v.kind().name().toLowerCase(Locale.ROOT)).append(css).append("\">");
        b.append("<title>").append(Escaping.xml(v.tooltip())).append("</title>\n");
        String paint = "fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"1.6\"";
        double l = box.left();
        double r = box.right();
        double t = box.top();
        double bo = box.bottom();
        switch (v.kind()) {
            case CLAIM -> b.append(rect(l, t, box.width(), box.height(), 0, paint));
            case STRATEGY -> b.append(polygon(paint, l + SKEW, t, r, t, r - SKEW, bo, l, bo));
            case EVIDENCE -> b.append("<circle cx=\"").append(num(box.cx())).append("\" cy=\"").append(num(box.cy()))
                    .append("\" r=\"").append(num(box.width() / 2)).append("\" ").append(paint).append("/>\n");
            case DEFEATER -> {
                b.append(polygon("fill=\"" + fill + "\" stroke=\"" + Palette.ATTACK + "\" stroke-width=\"2.4\"",
                        l, box.cy(), l + HEX, t, r - HEX, t, r, box.cy(), r - HEX, bo, l + HEX, bo));
                badge(b, l + HEX, t, "D", Palette.ATTACK);
            }
            case ASSUMPTION, JUSTIFICATION -> {
                b.append("<ellipse cx=\"").append(num(box.cx())).append("\" cy=\"").append(num(box.cy()))
                        .append("\" rx=\"").append(num(box.width() / 2)).append("\" ry=\"").append(num(box.height() / 2))
                        .append("\" ").append(paint).append(v.unused() ? " stroke-dasharray=\"4 3\"" : "").append("/>\n");
                // GSN's letter at the lower right, on the outline and inside the node's box
                b.append("<text x=\"").append(num(box.cx() + box.width() * 0.37 + 2)).append("\" y=\"")
                        .append(num(box.cy() + box.height() * 0.37 + 10))
                        .append("\" font-weight=\"bold\" font-size=\"14\" fill=\"").append(INK).append("\">")
                        .append(v.kind() == Kind.ASSUMPTION ? "A" : "J").append("</text>\n");
            }
            case CONTEXT -> b.append(rect(l, t, box.width(), box.height(), Math.min(box.height() / 2, 16), paint));
            default -> b.append(rect(l, t, box.width(), box.height(), 4, paint));
        }
        boolean awayGoal = v.away().isPresent() && v.kind() == Kind.CLAIM;
        if (awayGoal) ModuleShapes.band(b, box, stroke, v.away().get());
        if (v.undeveloped()) {
            double cx = box.cx();
            b.append(polygon("fill=\"#ffffff\" stroke=\"" + stroke + "\" stroke-width=\"1.6\"",
                    cx, bo, cx + 8, bo + 8, cx, bo + 16, cx - 8, bo + 8));
        }
        double y = box.cy() - (awayGoal ? ModuleShapes.BAND / 2 : 0) - v.lines().size() * LINE / 2 + FONT - 1;
        for (Line line : v.lines()) {
            b.append("<text x=\"").append(num(box.cx())).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"middle\" fill=\"").append(INK).append('"');
            switch (line.style()) {
                case BOLD -> {
                    b.append("><tspan font-weight=\"bold\">").append(Escaping.xml(line.text())).append("</tspan>");
                    if (!line.status().isEmpty()) {
                        b.append("<tspan font-style=\"italic\" fill=\"").append(MUTED).append("\"> \u00b7 ")
                                .append(Escaping.xml(line.status())).append("</tspan>");
                    }
                }
                case MONO -> b.append(" font-family=\"Menlo, Consolas, monospace\" font-size=\"11\">")
                        .append(Escaping.xml(line.text()));
                case STATUS -> b.append(" font-style=\"italic\" fill-opacity=\"0.85\">").append(Escaping.xml(line.text()));
                default -> b.append('>').append(Escaping.xml(line.text()));
            }
            b.append("</text>\n");
            y += LINE;
        }
        b.append("</g>\n");
    }

    private static void badge(StringBuilder b, double x, double y, String letter, String colour) {
        b.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"8\" fill=\"")
                .append(colour).append("\"/><text x=\"").append(num(x)).append("\" y=\"").append(num(y + 4))
                .append("\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"11\" fill=\"#ffffff\">")
                .append(letter).append("</text>\n");
    }

    // ---- edges ----

    private static void edge(StringBuilder b, Edge e, EdgeKind kind, LayeredLayout.Result layout, CaseGraph g) {
        Box from = layout.boxes().get(e.from());
        Box to = layout.boxes().get(e.to());
        if (from == null || to == null) return;
        // straight down through each layer, bending only between layers, so no edge crosses a node of its layers
        List<Point> pts = new ArrayList<>();
        double startX = from.cx();
        if (kind == EdgeKind.ATTACK && g.undeveloped(e.from())) startX += Math.min(24, from.width() / 4);
        double startY = from.bottom() + (g.undeveloped(e.from()) && kind != EdgeKind.ATTACK ? 16 : 0);
        pts.add(new Point(startX, startY));
        LayeredLayout.Band first = layout.bandAt(from.cy());
        if (first.bottom() > startY + 0.5) pts.add(new Point(startX, first.bottom()));
        for (Point d : layout.routes().getOrDefault(e, List.of())) {
            LayeredLayout.Band band = layout.bandAt(d.y());
            pts.add(new Point(d.x(), band.top()));
            pts.add(new Point(d.x(), band.bottom()));
        }
        LayeredLayout.Band last = layout.bandAt(to.cy());
        if (last.top() < to.top() - 0.5) pts.add(new Point(to.cx(), last.top()));
        pts.add(new Point(to.cx(), to.top()));
        if (kind == EdgeKind.ATTACK) pts = reversed(pts);
        String style = switch (kind) {
            case ATTACK -> "stroke=\"" + Palette.ATTACK + "\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\" "
                    + "marker-end=\"url(#sc-attack)\"";
            default -> "stroke=\"#333333\" stroke-width=\"1.3\" marker-end=\"url(#sc-arrow)\"";
        };
        b.append("<path class=\"").append(kind.name().toLowerCase(Locale.ROOT)).append("\" d=\"").append(curve(pts))
                .append("\" ").append(style).append("/>\n");
    }

    private static List<Point> reversed(List<Point> pts) {
        List<Point> r = new ArrayList<>(pts);
        Collections.reverse(r);
        return r;
    }

    /** Vertical runs as lines, the bends between them as cubic segments with vertical tangents. */
    private static String curve(List<Point> pts) {
        StringBuilder d = new StringBuilder("M").append(num(pts.get(0).x())).append(',').append(num(pts.get(0).y()));
        for (int i = 1; i < pts.size(); i++) {
            Point a = pts.get(i - 1);
            Point c = pts.get(i);
            if (Math.abs(a.x() - c.x()) < 0.5) {
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
    private static void contextEdge(StringBuilder b, Box anchor, Kind anchorKind, Box side) {
        if (anchor == null || side == null) return;
        boolean right = side.cx() >= anchor.cx();
        double inset = Math.min(8, anchor.height() / 2);
        double y1 = Math.max(anchor.top() + inset, Math.min(anchor.bottom() - inset, side.cy()));
        double x1;
        if (anchorKind == Kind.STRATEGY) {
            double f = (y1 - anchor.top()) / anchor.height();
            x1 = right ? anchor.right() - SKEW * f : anchor.left() + SKEW * (1 - f);
        } else {
            x1 = right ? anchor.right() : anchor.left();
        }
        double x2 = right ? side.left() : side.right();
        b.append("<path class=\"context\" d=\"M").append(num(x1)).append(',').append(num(y1)).append(" L")
                .append(num(x2)).append(',').append(num(side.cy()))
                .append("\" stroke=\"#333333\" stroke-width=\"1.3\" marker-end=\"url(#sc-hollow)\"/>\n");
    }

    // ---- furniture ----

    private static void defs(StringBuilder b) {
        b.append("<defs>\n");
        marker(b, "sc-arrow", "fill=\"#333333\"");
        marker(b, "sc-hollow", "fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"1.2\"");
        marker(b, "sc-attack", "fill=\"" + Palette.ATTACK + "\"");
        b.append("</defs>\n");
    }

    private static void marker(StringBuilder b, String id, String paint) {
        b.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 12 12\" refX=\"11\" refY=\"6\" ")
                .append("markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                .append("<path d=\"M1,1 L11,6 L1,11 z\" ").append(paint).append("/></marker>\n");
    }

    static String label(double x, double y, String text) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"" + INK + "\">" + Escaping.xml(text) + "</text>\n";
    }

    static String rect(double x, double y, double w, double h, double rx, String paint) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\""
                + (rx > 0 ? " rx=\"" + num(rx) + "\"" : "") + " " + paint + "/>\n";
    }

    static String polygon(String paint, double... xy) {
        StringBuilder p = new StringBuilder("<polygon points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) p.append(' ');
            p.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        return p.append("\" ").append(paint).append("/>\n").toString();
    }

    /** Coordinates with at most one decimal, no trailing ".0", never locale-dependent. */
    static String num(double v) {
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) return Long.toString((long) r);
        return String.format(Locale.ROOT, "%.1f", r);
    }
}
