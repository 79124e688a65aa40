package dev.safecase.report;

/** The legend under a case's diagram: status colours, node shapes and edge kinds, in three rows. */
final class SvgLegend {
    private SvgLegend() {
    }

    private static final double CHAR = 6.9;

    /** Three rows: status swatches, node shapes, edges. Returns the width used. */
    static double draw(StringBuilder b, double y) {
        double x = 0;
        for (Palette.Style s : Palette.all()) {
            b.append(SvgReport.rect(x, y, 14, 14, 2, "fill=\"" + s.fill() + "\" stroke=\"" + s.stroke() + "\" stroke-width=\"1.6\""));
            b.append(SvgReport.label(x + 19, y + 11, s.label()));
            x += 19 + s.label().length() * CHAR + 16;
        }
        double w = x;
        x = 0;
        double y2 = y + 26;
        String plain = "fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.3\"";
        b.append(SvgReport.rect(x, y2, 22, 14, 0, plain)).append(SvgReport.label(x + 27, y2 + 11, "claim"));
        x += 27 + 5 * CHAR + 16;
        b.append(SvgReport.polygon(plain, x + 5, y2, x + 27, y2, x + 22, y2 + 14, x, y2 + 14)).append(SvgReport.label(x + 32, y2 + 11, "strategy"));
        x += 32 + 8 * CHAR + 16;
        b.append("<circle cx=\"").append(SvgReport.num(x + 8)).append("\" cy=\"").append(SvgReport.num(y2 + 7)).append("\" r=\"8\" ")
                .append(plain).append("/>").append(SvgReport.label(x + 21, y2 + 11, "evidence"));
        x += 21 + 8 * CHAR + 16;
        b.append(SvgReport.rect(x, y2, 26, 14, 7, plain)).append(SvgReport.label(x + 31, y2 + 11, "context"));
        x += 31 + 7 * CHAR + 16;
        b.append("<ellipse cx=\"").append(SvgReport.num(x + 12)).append("\" cy=\"").append(SvgReport.num(y2 + 7))
                .append("\" rx=\"12\" ry=\"7\" ").append(plain).append("/>")
                .append(SvgReport.label(x + 29, y2 + 11, "J justification"));
        x += 29 + 15 * CHAR + 16;
        b.append("<ellipse cx=\"").append(SvgReport.num(x + 12)).append("\" cy=\"").append(SvgReport.num(y2 + 7))
                .append("\" rx=\"12\" ry=\"7\" ").append(plain).append("/>").append(SvgReport.label(x + 29, y2 + 11, "A assumption"));
        x += 29 + 12 * CHAR + 16;
        b.append(SvgReport.polygon("fill=\"#ffffff\" stroke=\"" + Palette.ATTACK + "\" stroke-width=\"2\"",
                x, y2 + 7, x + 5, y2, x + 19, y2, x + 24, y2 + 7, x + 19, y2 + 14, x + 5, y2 + 14))
                .append(SvgReport.label(x + 29, y2 + 11, "D defeater"));
        x += 29 + 10 * CHAR + 16;
        b.append(SvgReport.polygon(plain, x + 8, y2, x + 16, y2 + 7, x + 8, y2 + 14, x, y2 + 7))
                .append(SvgReport.label(x + 21, y2 + 11, "undeveloped"));
        x += 21 + 11 * CHAR;
        w = Math.max(w, x);
        x = 0;
        double y3 = y2 + 26;
        b.append("<path d=\"M").append(SvgReport.num(x)).append(',').append(SvgReport.num(y3 + 7)).append(" h26\" stroke=\"#333333\" ")
                .append("stroke-width=\"1.3\" marker-end=\"url(#sc-arrow)\"/>")
                .append(SvgReport.label(x + 32, y3 + 11, "supported by; from a defeater: eliminated by"));
        x += 32 + 44 * CHAR + 16;
        b.append("<path d=\"M").append(SvgReport.num(x)).append(',').append(SvgReport.num(y3 + 7)).append(" h26\" stroke=\"#333333\" ")
                .append("stroke-width=\"1.3\" marker-end=\"url(#sc-hollow)\"/>").append(SvgReport.label(x + 32, y3 + 11, "in context of"));
        x += 32 + 13 * CHAR + 16;
        b.append("<path d=\"M").append(SvgReport.num(x)).append(',').append(SvgReport.num(y3 + 7)).append(" h26\" stroke=\"")
                .append(Palette.ATTACK).append("\" stroke-width=\"1.8\" stroke-dasharray=\"6 4\" ")
                .append("marker-end=\"url(#sc-attack)\"/>").append(SvgReport.label(x + 32, y3 + 11, "attacks"));
        x += 32 + 7 * CHAR;
        return Math.max(w, x);
    }

}
