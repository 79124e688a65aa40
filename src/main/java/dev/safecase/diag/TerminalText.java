package dev.safecase.diag;

/**
 * Text from a case, a file name, an evidence file or an option, made safe to print on a terminal: every character
 * that is not printable is shown as an escape instead of acting on the terminal. Without it, an owner text could
 * move the cursor, clear the screen or reorder the line (ESC, CR, bidi overrides) and draw a fake
 * {@code gate: PASSED}. Every terminal output of the CLI, and the diagnostic printer, passes case text through here.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * One field of output: newlines, tabs and other control characters (C0, DEL, C1), format characters (bidi
     * embeddings, overrides and isolates, zero-width characters, the BOM), line and paragraph separators,
     * unpaired surrogates and unassigned code points become {@code \n}, {@code \r}, {@code \t} or <code>&#92;u{XXXX}</code>.
     * Printable text, accents and emoji included, is unchanged.
     */
    public static String escape(String s) {
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!printable(cp)) break;
            i += Character.charCount(cp);
        }
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (printable(cp)) b.appendCodePoint(cp);
            else b.append(escaped(cp));
        }
        return b.toString();
    }

    /** The escape {@link #escape} writes for a code point that is not printable. */
    public static String escaped(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format("\\u{%X}", cp);
        };
    }

    public static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
