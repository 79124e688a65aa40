package dev.safecase.report;

/** Escaping for every output format; case text is data and never markup. */
final class Escaping {
    private Escaping() {
    }

    /** XML/HTML text and attribute values: the five special characters, and characters XML 1.0 forbids dropped. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(ch).append(s.charAt(++i));
                    } else if (allowedInXml(ch)) {
                        b.append(ch);
                    } else {
                        b.append('\uFFFD');
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean allowedInXml(char ch) {
        if (Character.isSurrogate(ch)) return false;
        return ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
    }

    /** Whitespace runs (newlines included) as one space, trimmed. */
    static String oneLine(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * Inline Markdown text for a pull-request comment: on one line, HTML special characters as entities (GitHub
     * renders raw HTML), and the punctuation that can start markup mid-line (emphasis, code, links, tables,
     * strike-through, math) backslash-escaped, so a text never becomes markup or a link. Line-start markers
     * ({@code #}, {@code -}, {@code +}) cannot occur, since the text is never at the start of a line.
     */
    static String markdown(String s) {
        String line = oneLine(s);
        StringBuilder b = new StringBuilder(line.length() + 8);
        for (char ch : line.toCharArray()) {
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '~', '$' ->
                        b.append('\\').append(ch);
                default -> b.append(allowedInXml(ch) ? ch : '\uFFFD');
            }
        }
        return b.toString();
    }

    /** {@code file:line:col}, or less when line or column is unknown (0). */
    static String where(dev.safecase.diag.Position p) {
        if (p.file().isEmpty()) return "";
        if (p.line() <= 0) return p.file();
        return p.col() <= 0 ? p.file() + ":" + p.line() : p.toString();
    }

    /** An identifier in a Markdown code span; backticks cannot occur in IDs, but never trust that. */
    static String code(String s) {
        String t = oneLine(s).replace("`", "'");
        return "`" + t + "`";
    }
}
