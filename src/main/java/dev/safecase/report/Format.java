package dev.safecase.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The files a report folder can hold. {@code html} is the front page and one page per case, with each case's
 * diagram beside it ({@code CASE.svg}, which the page links to); {@code svg} the diagrams alone.
 */
public enum Format {
    HTML("index.html, CASE.html and CASE.svg"),
    SVG("CASE.svg"),
    JSON("safecase.json"),
    JUNIT("junit.xml"),
    SARIF("safecase.sarif"),
    MARKDOWN("summary.md"),
    CODEQUALITY("codequality.json");

    /** What {@code report} writes when no formats are named: everything but the Code Quality file. */
    public static final Set<Format> DEFAULT = EnumSet.of(HTML, SVG, JSON, JUNIT, SARIF, MARKDOWN);

    private final String files;

    Format(String files) {
        this.files = files;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The files it writes, for help texts. */
    public String files() {
        return files;
    }

    /**
     * Parses a comma-separated list such as {@code html,sarif}; {@code all} stands for every format. The message of the
     * exception names the unknown word and the known ones.
     */
    public static Set<Format> parseList(String s) {
        Set<Format> out = EnumSet.noneOf(Format.class);
        for (String part : s.split(",")) {
            String w = part.trim().toLowerCase(Locale.ROOT);
            if (w.isEmpty()) continue;
            if (w.equals("all")) {
                out.addAll(EnumSet.allOf(Format.class));
                continue;
            }
            Format f = null;
            for (Format c : values()) if (c.label().equals(w)) f = c;
            if (f == null) throw new IllegalArgumentException("unknown format " + part.trim() + " (known: " + known() + ", all)");
            out.add(f);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no format named (known: " + known() + ", all)");
        return out;
    }

    static String known() {
        List<String> names = new ArrayList<>();
        for (Format f : values()) names.add(f.label());
        return String.join(", ", names);
    }
}
