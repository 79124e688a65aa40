package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * WCAG 2.1 AA contrast of the report's palette: text at least 4.5:1 against what it stands on (the status fills of
 * badges and nodes, the page, the soft grey of headers and legends, and every rule of style.css that sets a text
 * colour), and status-bar segments at least 3:1 against the white page (non-text contrast).
 */
class PaletteContrastTest {
    static double luminance(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() == 3) h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double x = luminance(a);
        double y = luminance(b);
        return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    }

    @Test
    void contrastIsComputedAsWcagDefinesIt() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        assertEquals(4.54, contrast("#767676", "#ffffff"), 0.01);
    }

    @Test
    void statusTextIsReadableOnEveryStatusFill() {
        for (Palette.Style s : Palette.all()) {
            assertAA(SvgLegend.INK, s.fill(), s.label() + " badge and node text");
            assertAA("#444444", s.fill(), s.label() + " status word in a node");
            assertAA("#0b57a4", s.fill(), s.label() + " link on a badge's fill");
        }
    }

    @Test
    void barSegmentsStandOutFromThePage() {
        for (Palette.Style s : Palette.all()) {
            double c = contrast(s.bar(), "#ffffff");
            assertTrue(c >= 3.0, s.label() + " bar " + s.bar() + ": " + c);
        }
    }

    /** Every text colour of style.css, on the background its rule sets, or else on the page and the soft grey. */
    @Test
    void everyTextColourOfTheStyleSheetMeetsAA() throws IOException {
        String css;
        try (InputStream in = PaletteContrastTest.class.getResourceAsStream("/dev/safecase/report/style.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        css = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, String> vars = new HashMap<>();
        Matcher root = Pattern.compile(":root\\s*\\{([^}]*)}").matcher(css);
        assertTrue(root.find());
        for (String decl : root.group(1).split(";")) {
            String[] kv = decl.split(":", 2);
            if (kv.length == 2) vars.put(kv[0].trim(), kv[1].trim());
        }
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(css);
        List<String> checked = new ArrayList<>();
        while (rule.find()) {
            String selector = rule.group(1).trim();
            String color = value(rule.group(2), "color", vars);
            if (color == null || selector.startsWith("@")) continue;
            String bg = value(rule.group(2), "background", vars);
            if (bg == null) bg = value(rule.group(2), "background-color", vars);
            if (bg != null) {
                assertAA(color, bg, selector);
            } else if (!color.equalsIgnoreCase("#ffffff")) {
                assertAA(color, "#ffffff", selector + " on the page");
                assertAA(color, vars.get("--soft"), selector + " on the soft grey");
                assertAA(color, "#fafafa", selector + " on a group row");
            }
            checked.add(selector);
        }
        assertTrue(checked.size() >= 15, "found the text colours: " + checked);
        assertAA(vars.get("--muted"), vars.get("--soft"), "legend meanings");
        assertAA(vars.get("--link"), "#ffffff", "links");
    }

    private static String value(String body, String property, Map<String, String> vars) {
        Matcher m = Pattern.compile("(?:^|;|\\s)" + Pattern.quote(property) + "\\s*:\\s*([^;]+)").matcher(body);
        if (!m.find()) return null;
        String v = m.group(1).trim();
        Matcher var = Pattern.compile("var\\((--[\\w-]+)\\)").matcher(v);
        if (var.find()) v = vars.get(var.group(1));
        Matcher hex = Pattern.compile("#[0-9a-fA-F]{6}\\b|#[0-9a-fA-F]{3}\\b").matcher(v);
        return hex.find() ? hex.group() : null;
    }

    private static void assertAA(String text, String background, String where) {
        double c = contrast(text, background);
        assertTrue(c >= 4.5, where + ": " + text + " on " + background + " is " + String.format("%.2f", c) + ":1");
    }
}
