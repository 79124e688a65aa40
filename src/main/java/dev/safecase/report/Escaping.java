package dev.safecase.report;

/** Escaping for every output format; case text is data and never markup. */
final class Escaping {
    private Escaping() {
    }

    /** XML/HTML text and attribute values: the five special characters, and characters XML 1.0 forbids dropped. */
    static String xml(String s) {
        if (plain(s)) return s;
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

    /** Nothing to escape: printable ASCII without the five special characters (the common case, checked fast). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch > 0x7e || ch == '&' || ch == '<' || ch == '>' || ch == '"' || ch == '\'') return false;
        }
        return true;
    }

    private static boolean allowedInXml(char ch) {
        if (Character.isSurrogate(ch)) return false;
        return ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
    }

    /** Whitespace runs (newlines included) as one space, trimmed. */
    static String oneLine(String s) {
        boolean simple = !s.isEmpty() && s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ';
        for (int i = 0; simple && i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) && (ch != ' ' || i + 1 < s.length() && s.charAt(i + 1) == ' ')) simple = false;
        }
        return simple ? s : s.strip().replaceAll("\\s+", " ");
    }

    /**
     * Inline Markdown text for a pull-request comment: on one line, HTML special characters as entities (GitHub
     * renders raw HTML), and the punctuation that can start markup mid-line (emphasis, code, links, tables,
     * strike-through, math) backslash-escaped, so a text never becomes markup or a link. Line-start markers
     * ({@code #}, {@code -}, {@code +}) cannot occur, since the text is never at the start of a line. Then
     * {@link #unlinked} keeps GitHub from turning the text into links or notifications.
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
        return unlinked(b.toString());
    }

    /** U+2060 WORD JOINER: invisible, and no line break opportunity, so the text looks and wraps as written. */
    static final char JOINER = '\u2060';

    /**
     * Breaks what GitHub would turn into a link or a notification, by putting an invisible {@link #JOINER} where
     * its recognisers look. Backslashes and HTML entities do not help here: GitHub's autolinker (cmark-gfm's
     * {@code autolink} extension) finds e-mail addresses in the decoded text, and @mentions and #references are
     * found in the rendered HTML's text. The joiner goes
     * <ul>
     * <li>after every {@code @}: the e-mail recogniser needs a letter or digit right after it, and so does an
     *     {@code @user} or {@code @org/team} mention (which would notify them);</li>
     * <li>between {@code :} and {@code //}: {@code http://}, {@code https://} and {@code ftp://} links need the
     *     three characters together;</li>
     * <li>after {@code www} before a dot: a bare {@code www.host} link needs {@code www.} together;</li>
     * <li>after a {@code #} (or {@code GH-}) before a digit at the start of a word: {@code #12}, {@code org/repo#12}
     *     and {@code GH-12} link an issue and post a back-reference in it.</li>
     * </ul>
     * Commit hashes are left alone: GitHub links only hashes of commits in the repository, and a case has no
     * reason to quote those.
     */
    static String unlinked(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(ch);
            boolean before = i + 1 < s.length();
            if (ch == '@'
                    || ch == ':' && s.startsWith("//", i + 1)
                    || (ch == 'w' || ch == 'W') && before && s.charAt(i + 1) == '.' && i >= 2
                            && s.substring(i - 2, i + 1).equalsIgnoreCase("www")
                    || ch == '#' && before && isDigit(s.charAt(i + 1)) && (i == 0 || !isWord(s.charAt(i - 1))
                            || reference(s, i))
                    || ch == '-' && before && isDigit(s.charAt(i + 1)) && i >= 2 && s.startsWith("GH", i - 2)
                            && (i == 2 || !isWord(s.charAt(i - 3)))) {
                b.append(JOINER);
            }
        }
        return b.toString();
    }

    /** {@code owner/repo#12}: a reference even though a word character comes before the {@code #}. */
    private static boolean reference(String s, int hash) {
        int j = hash - 1;
        while (j >= 0 && (isWord(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '.')) j--;
        return j >= 0 && s.charAt(j) == '/';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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
