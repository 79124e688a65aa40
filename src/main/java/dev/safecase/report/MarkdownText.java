package dev.safecase.report;

/** Markdown escaping for other packages' reports (the diff): the same rules as {@code summary.md}'s. */
public final class MarkdownText {
    private MarkdownText() {
    }

    /** Inline text that never becomes markup, a link or a mention. */
    public static String inline(String s) {
        return Escaping.markdown(s);
    }

    /** A code span that holds any text. */
    public static String code(String s) {
        return Escaping.code(s);
    }
}
