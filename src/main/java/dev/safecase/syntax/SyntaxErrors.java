package dev.safecase.syntax;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Turns ANTLR's messages into plain words at the offending token, and collects them. */
final class SyntaxErrors extends BaseErrorListener {
    private static final Set<Integer> COMPARISONS = Set.of(SafeCaseParser.LT, SafeCaseParser.LE, SafeCaseParser.GT,
            SafeCaseParser.GE, SafeCaseParser.EQEQ, SafeCaseParser.NEQ);

    private static final Set<String> KEYWORDS = Identifiers.KEYWORDS;

    private final String file;
    private final Diagnostics diags;
    private final boolean lexical;

    SyntaxErrors(String file, Diagnostics diags, boolean lexical) {
        this.file = file;
        this.diags = diags;
        this.lexical = lexical;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                            RecognitionException e) {
        Position pos = new Position(file, line, col + 1);
        if (lexical) {
            diags.error(Code.SC102, pos, lexicalMessage(recognizer, msg));
            return;
        }
        Token tok = offending instanceof Token t ? t : null;
        diags.error(Code.SC101, pos, syntaxMessage((org.antlr.v4.runtime.Parser) recognizer, tok, msg));
    }

    private static String lexicalMessage(Recognizer<?, ?> recognizer, String msg) {
        String bad = msg.replaceFirst("^token recognition error at: '", "").replaceFirst("'$", "");
        if (bad.startsWith("\"\"\"")) return "unterminated \"\"\" string";
        if (bad.startsWith("\"")) {
            // ANTLR shows the line break that ended the string as the two characters \n (or \r).
            boolean unterminated = bad.endsWith("\\n") || bad.endsWith("\\r") || atEof(recognizer);
            return !unterminated && bad.contains("\\")
                    ? "bad escape in string (only \\\", \\\\ and \\n are allowed)"
                    : "unterminated string (a \"…\" string ends on its line; use \"\"\"…\"\"\" for several lines)";
        }
        if (bad.startsWith("/*")) return "unterminated /* comment";
        if (bad.startsWith("`")) return "unterminated quoted name (a `…` name ends on its line, at the next backtick)";
        if (bad.startsWith("%")) return "unexpected '%' (write the percentage without a space, as 5%)";
        return "unexpected character '" + printable(bad) + "'";
    }

    private static boolean atEof(Recognizer<?, ?> recognizer) {
        return recognizer instanceof Lexer l && l.getInputStream().LA(1) == Token.EOF;
    }

    private static String syntaxMessage(org.antlr.v4.runtime.Parser parser, Token tok, String msg) {
        String found = tok == null ? "input" : describe(tok);
        IntervalSet expected;
        try {
            expected = parser.getExpectedTokens();
        } catch (RuntimeException ex) {
            expected = new IntervalSet();
        }
        if (msg.startsWith("missing ")) {
            String what = msg.substring("missing ".length()).replaceFirst(" at .*$", "");
            return "missing " + symbols(what, parser.getVocabulary()) + " before " + found;
        }
        // Where a formula operand is expected a keyword usually means the formula was cut short.
        // (a support list may start with a number too, `2 of (…)`, so a formula is told by its other operands)
        boolean operand = expected.contains(SafeCaseParser.NUMBER) && expected.contains(SafeCaseParser.TRUE);
        if (tok != null && KEYWORDS.contains(tok.getText()) && expected.contains(SafeCaseParser.IDENT) && !operand) {
            return "'" + tok.getText() + "' is a reserved keyword and cannot be used as a name";
        }
        if (operand && tok != null && (tok.getType() == SafeCaseParser.FORALL || tok.getType() == SafeCaseParser.EXISTS
                || tok.getType() == SafeCaseParser.IF)) {
            return "'" + tok.getText() + "' extends as far right as it can, so it cannot be an operand here; "
                    + "put it in parentheses";
        }
        if (operand) return "unexpected " + found + "; expected a formula" + didYouMean(tok, expected, parser.getVocabulary());
        if (tok != null && COMPARISONS.contains(tok.getType())) {
            return "unexpected " + found + ": comparisons do not chain; write a < b and b < c";
        }
        if (tok != null && tok.getType() == SafeCaseParser.IFF) {
            return "unexpected " + found + ": <=> does not chain; add parentheses";
        }
        StringBuilder sb = new StringBuilder("unexpected ").append(found);
        String exp = expectedList(expected, parser.getVocabulary());
        if (!exp.isEmpty()) sb.append("; expected ").append(exp);
        sb.append(didYouMean(tok, expected, parser.getVocabulary()));
        return sb.toString();
    }

    /**
     * {@code "; did you mean 'assuming'?"} when the offending token is a name a keyword or two away from a keyword
     * (one edit for short words, two for longer ones), preferring keywords the parser expected there.
     */
    static String didYouMean(Token tok, IntervalSet expected, Vocabulary vocab) {
        if (tok == null || tok.getType() != SafeCaseParser.IDENT) return "";
        String word = tok.getText();
        if (word.length() < 3 || KEYWORDS.contains(word)) return "";
        int limit = word.length() <= 4 ? 1 : 2;
        String best = "";
        int bestScore = Integer.MAX_VALUE;
        for (String k : KEYWORDS) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k, limit);
            if (d > limit) continue;
            boolean wanted = false;
            for (int t : expected.toList()) {
                String lit = vocab.getLiteralName(t);
                if (lit != null && lit.equals("'" + k + "'")) wanted = true;
            }
            int score = d * 2 + (wanted ? 0 : 1);
            if (score < bestScore || score == bestScore && k.compareTo(best) < 0) {
                best = k;
                bestScore = score;
            }
        }
        return best.isEmpty() ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance with adjacent transpositions, or {@code limit + 1} once it is certainly above the limit. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String describe(Token tok) {
        if (tok.getType() == Token.EOF) return "end of file";
        String t = tok.getText();
        if (t.length() > 30) t = t.substring(0, 27) + "...";
        return "'" + printable(t) + "'";
    }

    private static String expectedList(IntervalSet expected, Vocabulary vocab) {
        // a quoted name is a name: "a name" once, and the list as long as before quoted names existed
        IntervalSet set = expected == null ? null : new IntervalSet(expected);
        if (set != null && set.contains(SafeCaseParser.IDENT)) set.remove(SafeCaseParser.QUOTED_IDENT);
        if (set == null || set.isNil() || set.size() > 6) return "";
        StringBuilder sb = new StringBuilder();
        var list = set.toList();
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) sb.append(i == list.size() - 1 ? " or " : ", ");
            sb.append(tokenName(list.get(i), vocab));
        }
        return sb.toString();
    }

    private static String tokenName(int type, Vocabulary vocab) {
        if (type == Token.EOF) return "end of file";
        return switch (type) {
            case SafeCaseParser.IDENT, SafeCaseParser.QUOTED_IDENT -> "a name";
            case SafeCaseParser.NUMBER -> "a number";
            case SafeCaseParser.STRING, SafeCaseParser.LONG_STRING -> "a string";
            case SafeCaseParser.DATE -> "a date (YYYY-MM-DD)";
            default -> {
                String lit = vocab.getLiteralName(type);
                yield lit != null ? lit : vocab.getDisplayName(type);
            }
        };
    }

    /** ANTLR names one token ({@code IDENT}) or a set ({@code {IDENT, QUOTED_IDENT}}). */
    private static String symbols(String antlrNames, Vocabulary vocab) {
        if (!antlrNames.startsWith("{") || !antlrNames.endsWith("}")) return symbol(antlrNames, vocab);
        List<String> names = new ArrayList<>();
        for (String n : antlrNames.substring(1, antlrNames.length() - 1).split(",\\s*")) {
            String s = symbol(n.trim(), vocab);
            if (!names.contains(s)) names.add(s);
        }
        return String.join(" or ", names);
    }

    private static String symbol(String antlrName, Vocabulary vocab) {
        for (int t = 1; t <= vocab.getMaxTokenType(); t++) {
            if (antlrName.equals(vocab.getSymbolicName(t)) || antlrName.equals(vocab.getLiteralName(t))) {
                return tokenName(t, vocab);
            }
        }
        return antlrName;
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }
}
