package dev.safecase.syntax;

import dev.safecase.syntax.gen.SafeCaseLexer;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names as the language spells them. A name is either bare ({@code top}, {@code G1}) or quoted
 * between backticks ({@code `G1.1`}, {@code `G-Top`}), so that diagram IDs survive unchanged. The
 * <em>canonical</em> spelling of a name is bare when it can be, and quoted otherwise: {@code `top`}
 * and {@code top} are the same name, {@code top}; {@code `G1.1`} stays {@code `G1.1`}. Every later
 * stage sees names only in their canonical spelling, so a quoted name that holds a dot can never be
 * taken for a qualified one, and reports show the name the way it has to be written.
 */
public final class Identifiers {
    /** Characters a quoted name may hold at most (between the backticks). */
    public static final int MAX_QUOTED_LENGTH = 128;

    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The reserved words, which only a quoted name may spell: every literal token of the grammar that
     * is spelt like a name, read from the generated lexer so that a new keyword is never missed.
     */
    public static final Set<String> KEYWORDS = keywords();

    private static Set<String> keywords() {
        Set<String> out = new java.util.TreeSet<>();
        var vocabulary = SafeCaseLexer.VOCABULARY;
        for (int t = 0; t <= vocabulary.getMaxTokenType(); t++) {
            String literal = vocabulary.getLiteralName(t);
            if (literal == null || literal.length() < 3) continue;
            String word = literal.substring(1, literal.length() - 1);
            if (BARE.matcher(word).matches()) out.add(word);
        }
        return Set.copyOf(out);
    }

    private Identifiers() {
    }

    /** True when {@code name} can be written without backticks: a plain name that is not a reserved word. */
    public static boolean isBare(String name) {
        return BARE.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    /** The canonical spelling of a name given by its content (the text between backticks, if quoted). */
    public static String spell(String name) {
        return isBare(name) ? name : "`" + name + "`";
    }

    /** The canonical spelling of an identifier token as written: {@code `top`} becomes {@code top}. */
    public static String canonical(String token) {
        return token.length() >= 2 && token.startsWith("`") && token.endsWith("`")
                ? spell(token.substring(1, token.length() - 1)) : token;
    }

    /** The content of a canonical name: {@code `G1.1`} gives {@code G1.1}, {@code top} gives {@code top}. */
    public static String content(String canonical) {
        return canonical.length() >= 2 && canonical.startsWith("`") && canonical.endsWith("`")
                ? canonical.substring(1, canonical.length() - 1) : canonical;
    }

    /**
     * Why {@code name} cannot be the content of a quoted name, or empty when it can: it must be
     * 1 to {@link #MAX_QUOTED_LENGTH} characters, without backticks, line breaks, tabs or other
     * control characters, bidirectional controls, {@code |} or {@code \} (which solvers' quoted
     * symbols cannot hold), {@code /} or {@code +} (which route obligation IDs use), and without a space at either end.
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) return Optional.of("a quoted name needs at least one character between the backticks");
        int length = name.codePointCount(0, name.length());
        if (length > MAX_QUOTED_LENGTH) {
            return Optional.of("a quoted name has at most " + MAX_QUOTED_LENGTH + " characters (this one has " + length + ")");
        }
        if (name.startsWith(" ") || name.endsWith(" ")) return Optional.of("a quoted name may not start or end with a space");
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            String code = String.format("U+%04X", c);
            if (c == '`') return Optional.of("a quoted name may not hold a backtick");
            if (c == '|' || c == '\\') return Optional.of("a quoted name may not hold '" + (char) c + "'");
            if (c == '/' || c == '+') {
                return Optional.of("a quoted name may not hold '" + (char) c + "' (obligation IDs use it for routes: inference:C/a+b)");
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("control character " + code + " in a quoted name");
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return Optional.of("bidirectional control character " + code + " in a quoted name");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }
}
