package dev.safecase.report;

/**
 * GSN's modular extension in the diagram. A claim of an imported module that the case names is
 * an <em>away goal</em>: the goal rectangle with a band along its foot that holds the module
 * symbol (a folder with a tab) and "away goal · module NAME"; its argument is developed in the
 * module, so the diagram stops there. Other module nodes the case names (an away solution, an
 * away context…) say "module NAME" in words. The module's own inner nodes are not drawn.
 */
final class ModuleShapes {
    private ModuleShapes() {
    }

    /** The height of the band at the foot of an away goal. */
    static final double BAND = 20;

    static String awayGoalLabel(String module) {
        return "away goal \u00b7 module " + module;
    }

    static String awayLabel(String module) {
        return "module " + module;
    }

    /** The band of an away goal: a rule above the foot of the box, the module symbol, and the label. */
    static void band(StringBuilder b, double left, double right, double bottom, String stroke, String module) {
        double y = bottom - BAND;
        b.append("<line x1=\"").append(SvgReport.num(left)).append("\" y1=\"").append(SvgReport.num(y))
                .append("\" x2=\"").append(SvgReport.num(right)).append("\" y2=\"").append(SvgReport.num(y))
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.2\"/>\n");
        double x = left + 8;
        symbol(b, x, y + 5, stroke);
        b.append("<text x=\"").append(SvgReport.num(x + 20)).append("\" y=\"").append(SvgReport.num(y + 14))
                .append("\" font-style=\"italic\" font-size=\"11\" fill=\"#1a1a1a\">")
                .append(Escaping.xml(awayGoalLabel(module))).append("</text>\n");
    }

    /** GSN's module symbol: a small folder, a tab over its left half. */
    static void symbol(StringBuilder b, double x, double y, String stroke) {
        String paint = "fill=\"#ffffff\" stroke=\"" + stroke + "\" stroke-width=\"1.1\"";
        b.append("<rect x=\"").append(SvgReport.num(x)).append("\" y=\"").append(SvgReport.num(y))
                .append("\" width=\"6\" height=\"3\" ").append(paint).append("/>\n");
        b.append("<rect x=\"").append(SvgReport.num(x)).append("\" y=\"").append(SvgReport.num(y + 3))
                .append("\" width=\"14\" height=\"8\" ").append(paint).append("/>\n");
    }

    /** The legend entry, drawn only for a diagram with an away goal; returns the width used. */
    static double legend(StringBuilder b, double x, double y) {
        b.append("<rect x=\"").append(SvgReport.num(x)).append("\" y=\"").append(SvgReport.num(y))
                .append("\" width=\"22\" height=\"14\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"1.3\"/>\n");
        symbol(b, x + 4, y + 3, "#555555");
        b.append("<text x=\"").append(SvgReport.num(x + 27)).append("\" y=\"").append(SvgReport.num(y + 11))
                .append("\" fill=\"#1a1a1a\">away goal (developed in a module)</text>\n");
        return 27 + 33 * 6.9;
    }
}
