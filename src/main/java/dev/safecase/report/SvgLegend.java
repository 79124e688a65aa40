package dev.safecase.report;

import dev.safecase.judge.Status;

/**
 * The furniture of a GSN diagram: its style sheet (paint by status class; failing statuses also get a border pattern,
 * so they differ without colour), the arrow heads, and the legend at its foot. Every rule is scoped to
 * {@code svg.gsn}, so the style sheet of a diagram inlined in a page touches nothing else.
 */
final class SvgLegend {
    private SvgLegend() {
    }

    static final String INK = "#1a1a1a";
    static final String EDGE = "#333333";
    static final String ELIMINATION = "#1d4e89";

    /** The dash pattern of a failing status's border (empty for the others). */
    static String dash(Status s) {
        return switch (s) {
            case REFUTED -> "9 3";
            case VACUOUS -> "2 3";
            case UNKNOWN -> "9 3 2 3";
            case INVALID -> "14 3 2 3 2 3";
            default -> "";
        };
    }

    static void style(StringBuilder b) {
        b.append("<style>\n");
        b.append("svg.gsn text{fill:").append(INK).append(";text-anchor:middle}\n");
        b.append("svg.gsn .legend text,svg.gsn text.title{text-anchor:start}\n");
        b.append("svg.gsn text.title{font-weight:bold;font-size:13px}\n");
        b.append("svg.gsn .b{font-weight:bold}\n");
        b.append("svg.gsn .sw{font-style:italic;fill:#444444}\n");
        b.append("svg.gsn .m{font-family:Menlo,Consolas,monospace;font-size:11px}\n");
        b.append("svg.gsn .i{font-style:italic;fill-opacity:0.85}\n");
        b.append("svg.gsn .bg{fill:#ffffff}\n");
        b.append("svg.gsn .sh{fill:").append(Palette.NEUTRAL_FILL).append(";stroke:").append(Palette.NEUTRAL_STROKE)
                .append(";stroke-width:1.6px}\n");
        b.append("svg.gsn .unused .sh{stroke-dasharray:4 3}\n");
        b.append("svg.gsn .diamond{fill:#ffffff;stroke:#555555;stroke-width:1.6px}\n");
        b.append("svg.gsn .letter{font-weight:bold;font-size:14px;text-anchor:start}\n");
        b.append("svg.gsn .defeater .sh{stroke:").append(Palette.ATTACK).append(";stroke-width:2.4px}\n");
        b.append("svg.gsn .dbadge{fill:").append(Palette.ATTACK).append("}\n");
        b.append("svg.gsn text.dletter{fill:#ffffff;font-weight:bold;font-size:11px}\n");
        for (Palette.Style s : Palette.all()) {
            b.append("svg.gsn .").append(s.css()).append(" .sh{fill:").append(s.fill()).append(";stroke:")
                    .append(s.stroke()).append("}\n");
            b.append("svg.gsn .").append(s.css()).append(" .diamond{stroke:").append(s.stroke()).append("}\n");
            String dash = dash(s.status());
            if (!dash.isEmpty()) {
                b.append("svg.gsn .").append(s.css()).append(" .sh{stroke-width:3px;stroke-dasharray:").append(dash)
                        .append("}\n");
            }
        }
        b.append("svg.gsn .e{fill:none;stroke:").append(EDGE).append(";stroke-width:1.3px}\n");
        b.append("svg.gsn .e.support{marker-end:url(#sc-arrow)}\n");
        // a member of a choice (any of, M of): a support edge, dashed, with GSN's hollow choice diamond at its start
        b.append("svg.gsn .e.choice{stroke-dasharray:5 3;marker-start:url(#sc-choice);marker-end:url(#sc-arrow)}\n");
        b.append("svg.gsn .e.context{marker-end:url(#sc-hollow)}\n");
        b.append("svg.gsn .e.attack{stroke:").append(Palette.ATTACK)
                .append(";stroke-width:1.8px;stroke-dasharray:6 4;marker-end:url(#sc-attack)}\n");
        b.append("svg.gsn .e.elimination{stroke:").append(ELIMINATION)
                .append(";stroke-width:1.8px;stroke-dasharray:8 3 2 3;marker-end:url(#sc-elim)}\n");
        b.append("svg.gsn .tg{cursor:pointer}\n");
        b.append("svg.gsn .tg circle{fill:#ffffff;stroke:#333333;stroke-width:1.2px}\n");
        b.append("svg.gsn .tg text{font-weight:bold;font-size:12px}\n");
        b.append("svg.gsn a:focus .sh{stroke:#0b57a4;stroke-width:3px}\n");
        b.append("</style>\n");
    }

    static void defs(StringBuilder b) {
        b.append("<defs>\n");
        marker(b, "sc-arrow", "<path d=\"M1,1 L11,6 L1,11 z\" fill=\"" + EDGE + "\"/>");
        marker(b, "sc-hollow", "<path d=\"M1,1 L11,6 L1,11 z\" fill=\"#ffffff\" stroke=\"" + EDGE + "\" stroke-width=\"1.2\"/>");
        marker(b, "sc-choice", "<path d=\"M1,6 L6,1 L11,6 L6,11 z\" fill=\"#ffffff\" stroke=\"" + EDGE + "\" stroke-width=\"1.2\"/>");
        marker(b, "sc-attack", "<path d=\"M1,1 L11,6 L1,11 z\" fill=\"" + Palette.ATTACK + "\"/>");
        // an open chevron with a bar: unlike every other head, so "eliminated by" never reads as "supported by"
        marker(b, "sc-elim", "<path d=\"M1,1 L11,6 L1,11 M11,1 L11,11\" fill=\"none\" stroke=\"" + ELIMINATION
                + "\" stroke-width=\"1.8\"/>");
        b.append("</defs>\n");
    }

    private static void marker(StringBuilder b, String id, String shape) {
        b.append("<marker id=\"").append(id).append("\" viewBox=\"0 0 12 12\" refX=\"11\" refY=\"6\" ")
                .append("markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                .append(shape).append("</marker>\n");
    }

    /** Three rows: status swatches (with the border patterns), node shapes, edges. Returns the width used. */
    static double draw(StringBuilder b) {
        double x = 0;
        double y = 0;
        final double c = SvgNodes.CHAR;
        for (Palette.Style s : Palette.all()) {
            b.append("<g class=\"").append(s.css()).append("\">")
                    .append(SvgNodes.rect(x, y, 22, 14, 2).replace("\n", "")).append("</g>");
            b.append(label(x + 27, y + 11, s.label()));
            x += 27 + s.label().length() * c + 16;
        }
        double w = x;
        x = 0;
        double y2 = y + 26;
        b.append(SvgNodes.rect(x, y2, 22, 14, 0)).append(label(x + 27, y2 + 11, "claim"));
        x += 27 + 5 * c + 16;
        b.append(SvgNodes.polygon("sh", x + 5, y2, x + 27, y2, x + 22, y2 + 14, x, y2 + 14))
                .append(label(x + 32, y2 + 11, "strategy"));
        x += 32 + 8 * c + 16;
        b.append("<circle class=\"sh\" cx=\"").append(num(x + 8)).append("\" cy=\"").append(num(y2 + 7)).append("\" r=\"8\"/>")
                .append(label(x + 21, y2 + 11, "evidence or review"));
        x += 21 + 18 * c + 16;
        b.append(SvgNodes.rect(x, y2, 26, 14, 7)).append(label(x + 31, y2 + 11, "context"));
        x += 31 + 7 * c + 16;
        b.append("<ellipse class=\"sh\" cx=\"").append(num(x + 12)).append("\" cy=\"").append(num(y2 + 7))
                .append("\" rx=\"12\" ry=\"7\"/>").append(label(x + 29, y2 + 11, "J justification"));
        x += 29 + 15 * c + 16;
        b.append("<ellipse class=\"sh\" cx=\"").append(num(x + 12)).append("\" cy=\"").append(num(y2 + 7))
                .append("\" rx=\"12\" ry=\"7\"/>").append(label(x + 29, y2 + 11, "A assumption"));
        x += 29 + 12 * c + 16;
        b.append("<g class=\"defeater\">").append(SvgNodes.polygon("sh", x, y2 + 7, x + 5, y2, x + 19, y2, x + 24, y2 + 7,
                x + 19, y2 + 14, x + 5, y2 + 14).replace("\n", "")).append("</g>").append(label(x + 29, y2 + 11, "D defeater"));
        x += 29 + 10 * c + 16;
        b.append(SvgNodes.polygon("diamond", x + 8, y2, x + 16, y2 + 7, x + 8, y2 + 14, x, y2 + 7))
                .append(label(x + 21, y2 + 11, "undeveloped"));
        x += 21 + 11 * c;
        w = Math.max(w, x);
        x = 0;
        double y3 = y2 + 26;
        x = edgeSample(b, x, y3, "support", "supported by");
        x = edgeSample(b, x, y3, "choice", "one of a choice");
        x = edgeSample(b, x, y3, "context", "in context of");
        x = edgeSample(b, x, y3, "attack", "attacks (from the defeater)");
        x = edgeSample(b, x, y3, "elimination", "eliminates (claim to defeater)");
        return Math.max(w, x);
    }

    private static double edgeSample(StringBuilder b, double x, double y, String css, String text) {
        b.append("<path class=\"e ").append(css).append("\" d=\"M").append(num(x)).append(',').append(num(y + 7))
                .append(" h30\"/>").append(label(x + 36, y + 11, text));
        return x + 36 + text.length() * SvgNodes.CHAR + 18;
    }

    private static String label(double x, double y, String text) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\">" + Escaping.xml(text) + "</text>\n";
    }

    private static String num(double v) {
        return SvgNodes.num(v);
    }
}
