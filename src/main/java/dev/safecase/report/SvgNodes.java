package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.report.CaseGraph.Kind;
import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.result.AssumptionResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.NodeInfo;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The nodes of a GSN diagram: what each shows (its lines of text and size) and how it is drawn. Goals (claims) are
 * rectangles, strategies parallelograms, solutions (evidence, and the review of an asserted claim) circles, contexts
 * rounded rectangles, justifications and assumptions ovals marked J and A, defeaters red hexagons marked D; an
 * undeveloped node has the diamond under it, inside its box. Paint comes from the diagram's style sheet by class.
 */
final class SvgNodes {
    private SvgNodes() {
    }

    static final double FONT = 12;
    static final double LINE = 15;
    static final double CHAR = 6.9;
    static final double BOLD = 7.6;
    static final double PAD = 8;
    static final double SKEW = 14;
    static final double HEX = 16;
    /** Room under a node for the undeveloped diamond. */
    static final double DIAMOND = 16;

    enum Style { BOLD, PLAIN, MONO, STATUS }

    record Line(String text, Style style, String status) {}

    /**
     * A node to draw. {@code key} is its ID, or for a side node drawn beside an anchor {@code ID@ANCHOR}, or for the
     * review of an asserted node {@code ID#review}; {@code node} is the ID of the node it stands for. {@code shapeHeight}
     * is the shape's height (the box adds the diamond's room below).
     */
    record Vis(String key, String node, Kind kind, boolean review, List<Line> lines, double width, double height,
               double shapeHeight, Optional<Status> status, boolean undeveloped, boolean unused, String tooltip,
               boolean cut, Optional<String> away) {
        Vis(String key, String node, Kind kind, boolean review, List<Line> lines, double width, double height,
            double shapeHeight, Optional<Status> status, boolean undeveloped, boolean unused, String tooltip, boolean cut) {
            this(key, node, kind, review, lines, width, height, shapeHeight, status, undeveloped, unused, tooltip, cut,
                    Optional.empty());
        }

        Vis as(String newKey) {
            return new Vis(newKey, node, kind, review, lines, width, height, shapeHeight, status, undeveloped, unused,
                    tooltip, cut, away);
        }

        /** A claim of an imported module that the case names: drawn with GSN's away-goal band. */
        boolean awayGoal() {
            return away.isPresent() && kind == Kind.CLAIM;
        }
    }

    /** Whether the lines drawn leave out some of {@code text} (they were cut with an ellipsis). */
    static boolean cut(List<String> lines, String text) {
        String shown = String.join("", lines).replace(" ", "");
        return !shown.equals(Escaping.oneLine(text).replace(" ", ""));
    }

    static Vis visual(CaseGraph g, String id, int hiddenBelow) {
        Kind kind = g.kind(id);
        Optional<Status> status = g.status(id);
        String statusWord = status.map(Status::label).orElse("no obligations");
        List<Line> lines = new ArrayList<>();
        boolean[] cut = {false};
        String tooltip;
        switch (kind) {
            case CLAIM -> {
                ClaimResult cl = g.claims.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                add(lines, cut, cl.text(), 28, 6, Style.PLAIN);
                cl.formula().filter(f -> !f.isBlank()).ifPresent(f -> add(lines, cut, f, 30, 2, Style.MONO));
                tooltip = id + " (" + statusWord + "): " + Escaping.oneLine(cl.text())
                        + cl.formula().map(f -> " \u2014 " + f).orElse("");
            }
            case STRATEGY -> {
                StrategyResult st = g.strategies.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                if (st.text().isBlank()) {
                    lines.add(new Line("strategy", Style.STATUS, ""));
                } else {
                    add(lines, cut, st.text(), 30, 4, Style.PLAIN);
                }
                tooltip = "strategy " + id + " (" + statusWord + ")"
                        + (st.text().isBlank() ? "" : ": " + Escaping.oneLine(st.text()));
            }
            case EVIDENCE -> {
                EvidenceResult e = g.evidence.get(id);
                lines.add(new Line(id, Style.BOLD, ""));
                add(lines, cut, e.text(), 18, 2, Style.PLAIN);
                lines.add(new Line(statusWord, Style.STATUS, ""));
                tooltip = id + " (" + statusWord + "): " + Escaping.oneLine(e.text())
                        + e.file().map(f -> " \u2014 " + f).orElse("");
            }
            case DEFEATER -> {
                DefeaterResult d = g.defeaters.get(id);
                lines.add(new Line(id, Style.BOLD, statusWord));
                add(lines, cut, d.text(), 26, 4, Style.PLAIN);
                lines.add(new Line(d.attack() + " " + d.target(), Style.STATUS, ""));
                tooltip = "defeater " + id + " (" + statusWord + "), " + d.attack() + " " + d.target() + ": "
                        + Escaping.oneLine(d.text());
            }
            default -> {
                lines.add(new Line(id, Style.BOLD, ""));
                tooltip = id;
            }
        }
        if (hiddenBelow > 0) lines.add(new Line("+" + hiddenBelow + " below, in the full diagram", Style.STATUS, ""));
        // a module node the case names: an away goal (a band at its foot), or an away solution, context… (in words)
        Optional<String> away = g.away(id) ? g.module(id).map(NodeInfo.ModuleRef::name) : Optional.empty();
        if (away.isPresent()) {
            boolean goal = kind == Kind.CLAIM;
            if (!goal) lines.add(new Line(ModuleShapes.awayLabel(away.get()), Style.STATUS, ""));
            tooltip = (goal ? ModuleShapes.awayGoalLabel(away.get()) : ModuleShapes.awayLabel(away.get())) + ": " + tooltip;
            cut[0] = true;
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
        if (away.isPresent() && kind == Kind.CLAIM) {
            w = Math.max(w, ModuleShapes.awayGoalLabel(away.get()).length() * 6.3 + 36);
            h += ModuleShapes.BAND;
        }
        boolean undeveloped = g.undeveloped(id);
        double shape = Math.ceil(h);
        return new Vis(id, id, kind, false, lines, Math.ceil(w), shape + (undeveloped ? DIAMOND : 0), shape, status,
                undeveloped, false, tooltip, cut[0], away);
    }

    /** The review that accepts an asserted leaf, drawn as a GSN solution under it: a circle labelled with the review. */
    static Vis review(String id, String text) {
        List<Line> lines = new ArrayList<>();
        boolean[] cut = {false};
        lines.add(new Line("review", Style.BOLD, ""));
        add(lines, cut, text, 18, 3, Style.PLAIN);
        double tw = textWidth(lines);
        double th = lines.size() * LINE;
        double r = Math.ceil(Math.max(32, Math.sqrt(tw * tw / 4 + th * th / 4) + 4));
        return new Vis(id + "#review", id, Kind.EVIDENCE, true, lines, 2 * r, 2 * r, 2 * r,
                Optional.of(Status.ASSERTED), false, false, "review accepting " + id + ": " + Escaping.oneLine(text), cut[0]);
    }

    /**
     * A context (rounded rectangle), justification (oval marked J) or assumption (oval marked A, dashed when no
     * obligation has it in scope). Empty for an ID that is none of these.
     */
    static Optional<Vis> sideVisual(CaseGraph g, String id) {
        Kind kind = g.kind(id);
        if (kind != Kind.CONTEXT && kind != Kind.JUSTIFICATION && kind != Kind.ASSUMPTION) return Optional.empty();
        List<Line> lines = new ArrayList<>();
        boolean[] cut = {false};
        lines.add(new Line(id, Style.BOLD, ""));
        String tip;
        boolean unused = false;
        if (kind == Kind.ASSUMPTION) {
            AssumptionResult a = g.assumptions.get(id);
            add(lines, cut, a.text(), 24, 3, Style.PLAIN);
            unused = a.inScopeOf().isEmpty() && a.usedBy().isEmpty();
            cut[0] |= a.formula().filter(f -> !f.isBlank()).isPresent();
            if (unused) lines.add(new Line("unused", Style.STATUS, ""));
            tip = "assumption " + id + ": " + Escaping.oneLine(a.text())
                    + a.formula().filter(f -> !f.isBlank()).map(f -> " \u2014 " + f).orElse("");
        } else {
            TextResult t = g.texts.get(id);
            add(lines, cut, t.text(), kind == Kind.CONTEXT ? 30 : 24, kind == Kind.CONTEXT ? 4 : 3, Style.PLAIN);
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
        return Optional.of(new Vis(id, id, kind, false, lines, Math.ceil(w), Math.ceil(h), Math.ceil(h),
                Optional.empty(), false, unused, tip, cut[0]));
    }

    /** Adds {@code text} wrapped; notes in {@code cut} when the wrap left some of it out. */
    private static void add(List<Line> lines, boolean[] cut, String text, int width, int max, Style style) {
        List<String> wrapped = TextWrap.wrap(text, width, max);
        wrapped.forEach(t -> lines.add(new Line(t, style, "")));
        cut[0] |= cut(wrapped, text);
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

    /**
     * One node: a group with its kind and status as classes (the style sheet paints it), its ID as
     * {@code data-id}, the shape and text inside a link ({@code href}: where the node is described, or the obligation
     * that makes it fail). The full text is in a tooltip only when the node cuts it; it is always where the link goes.
     */
    static void draw(StringBuilder b, Vis v, Box box, String href) {
        String css = v.status().map(s -> " " + Palette.of(s).css()).orElse("");
        b.append("<g class=\"node ").append(v.kind().name().toLowerCase(Locale.ROOT)).append(v.review() ? " review" : "")
                .append(css).append(v.unused() ? " unused" : "").append("\" data-id=\"").append(Escaping.xml(v.key()))
                .append("\">");
        if (!href.isEmpty()) b.append("<a href=\"").append(Escaping.xml(href)).append("\">");
        if (v.cut()) b.append("<title>").append(Escaping.xml(v.tooltip())).append("</title>\n");
        double l = box.left();
        double r = box.right();
        double t = box.top();
        double sb = t + v.shapeHeight();
        double cy = t + v.shapeHeight() / 2;
        switch (v.kind()) {
            case CLAIM -> b.append(rect(l, t, box.width(), v.shapeHeight(), 0));
            case STRATEGY -> b.append(polygon("sh", l + SKEW, t, r, t, r - SKEW, sb, l, sb));
            case EVIDENCE -> b.append("<circle class=\"sh\" cx=\"").append(num(box.cx())).append("\" cy=\"").append(num(cy))
                    .append("\" r=\"").append(num(box.width() / 2)).append("\"/>\n");
            case DEFEATER -> {
                b.append(polygon("sh", l, cy, l + HEX, t, r - HEX, t, r, cy, r - HEX, sb, l + HEX, sb));
                b.append("<circle class=\"dbadge\" cx=\"").append(num(l + HEX)).append("\" cy=\"").append(num(t))
                        .append("\" r=\"8\"/><text class=\"dletter\" x=\"").append(num(l + HEX)).append("\" y=\"")
                        .append(num(t + 4)).append("\">D</text>\n");
            }
            case ASSUMPTION, JUSTIFICATION -> {
                b.append("<ellipse class=\"sh\" cx=\"").append(num(box.cx())).append("\" cy=\"").append(num(cy))
                        .append("\" rx=\"").append(num(box.width() / 2)).append("\" ry=\"")
                        .append(num(v.shapeHeight() / 2)).append("\"/>\n");
                // GSN's letter at the lower right, on the outline and inside the node's box
                b.append("<text class=\"letter\" x=\"").append(num(box.cx() + box.width() * 0.37 + 2)).append("\" y=\"")
                        .append(num(cy + v.shapeHeight() * 0.37 + 10)).append("\">")
                        .append(v.kind() == Kind.ASSUMPTION ? "A" : "J").append("</text>\n");
            }
            case CONTEXT -> b.append(rect(l, t, box.width(), v.shapeHeight(), Math.min(v.shapeHeight() / 2, 16)));
            default -> b.append(rect(l, t, box.width(), v.shapeHeight(), 4));
        }
        if (v.awayGoal()) ModuleShapes.band(b, l, r, sb, "#555555", v.away().get());
        if (v.undeveloped()) b.append(polygon("diamond", box.cx(), sb, box.cx() + 8, sb + 8, box.cx(), sb + 16, box.cx() - 8, sb + 8));
        double y = cy - (v.awayGoal() ? ModuleShapes.BAND / 2 : 0) - v.lines().size() * LINE / 2 + FONT - 1;
        for (Line line : v.lines()) {
            b.append("<text x=\"").append(num(box.cx())).append("\" y=\"").append(num(y)).append('"');
            switch (line.style()) {
                case BOLD -> {
                    b.append("><tspan class=\"b\">").append(Escaping.xml(line.text())).append("</tspan>");
                    if (!line.status().isEmpty()) {
                        b.append("<tspan class=\"sw\"> \u00b7 ").append(Escaping.xml(line.status())).append("</tspan>");
                    }
                }
                case MONO -> b.append(" class=\"m\">").append(Escaping.xml(line.text()));
                case STATUS -> b.append(" class=\"i\">").append(Escaping.xml(line.text()));
                default -> b.append('>').append(Escaping.xml(line.text()));
            }
            b.append("</text>\n");
            y += LINE;
        }
        if (!href.isEmpty()) b.append("</a>");
        b.append("</g>\n");
    }

    static String rect(double x, double y, double w, double h, double rx) {
        return "<rect class=\"sh\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\"" + (rx > 0 ? " rx=\"" + num(rx) + "\"" : "") + "/>\n";
    }

    static String polygon(String css, double... xy) {
        StringBuilder p = new StringBuilder("<polygon class=\"").append(css).append("\" points=\"");
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) p.append(' ');
            p.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        return p.append("\"/>\n").toString();
    }

    /** Coordinates to half a pixel, no trailing ".0", never locale-dependent. */
    static String num(double v) {
        long halves = Math.round(v * 2);
        return (halves % 2 == 0) ? Long.toString(halves / 2) : (halves < 0 && halves / 2 == 0 ? "-0" : Long.toString(halves / 2)) + ".5";
    }
}
