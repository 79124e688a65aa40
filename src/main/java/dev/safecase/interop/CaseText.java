package dev.safecase.interop;

import dev.safecase.syntax.Identifiers;
import java.util.List;
import java.util.Optional;

/** Pieces of case-language text as the importers write them: names, strings, lists, comments. */
public final class CaseText {
    private CaseText() {
    }

    /** Why {@code id} cannot be a name of a case, or empty when it can (bare or between backticks). */
    public static Optional<String> nameProblem(String id) {
        return Identifiers.isBare(id) ? Optional.empty() : Identifiers.problem(id);
    }

    /** {@code id} spelled as a case name: {@code G1} as is, {@code G1.1} as {@code `G1.1`}. */
    public static String name(String id) {
        return Identifiers.spell(id);
    }

    /**
     * Why {@code text} cannot be a case text, or empty when it can: tabs and line breaks are fine,
     * other control characters and bidirectional controls are not (the language refuses them, SC102).
     */
    public static Optional<String> textProblem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            String code = String.format("U+%04X", c);
            if (c != '\t' && c != '\n' && Character.getType(c) == Character.CONTROL) {
                return Optional.of("the text holds control character " + code + ", which a case text cannot hold");
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("the text holds bidirectional control character " + code + ", which a case text cannot hold");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** A {@code "…"} string with the value {@code text}: quotes, backslashes and line breaks escaped. */
    public static String string(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** {@code a, b, c}. */
    public static String list(List<String> names) {
        return String.join(", ", names);
    }

    /** A {@code //} comment line; a line break in {@code text} would end it, so it is written as {@code \n}. */
    public static String comment(String text) {
        return "//" + text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
