package dev.safecase.syntax;

import dev.safecase.diag.SourceText;
import dev.safecase.syntax.gen.SafeCaseLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The tokens of a text as tools see them (an editor's highlighting, ranges, completion), without
 * the parser's types: every token but whitespace, comments included, also of a text that does
 * not parse. Offsets count UTF-16 units into {@link SourceText#text()}; lines and columns are
 * 1-based and count code points, as diagnostics do.
 */
public final class Lexemes {
    private Lexemes() {
    }

    public enum Kind { KEYWORD, IDENT, NUMBER, STRING, DATE, OPERATOR, PUNCTUATION, COMMENT }

    /** One token; {@code start} inclusive and {@code end} exclusive offsets into the text. */
    public record Lexeme(Kind kind, String text, int line, int col, int start, int end) {
        public boolean is(String s) {
            return text.equals(s);
        }
    }

    public static List<Lexeme> of(SourceText source) {
        String text = source.text();
        Lexer lexer = Parser.lexer(source);
        lexer.removeErrorListeners();
        int[] utf16 = utf16Offsets(text);
        List<Lexeme> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            Kind k = kind(t.getType());
            if (k == null) continue;
            int start = utf16[t.getStartIndex()];
            int end = utf16[t.getStopIndex() + 1];
            out.add(new Lexeme(k, text.substring(start, end), t.getLine(), t.getCharPositionInLine() + 1, start, end));
        }
        return out;
    }

    /** Every keyword of the language, as written: the lexer's literal tokens that are words. */
    public static List<String> keywords() {
        List<String> out = new ArrayList<>();
        for (int type = 1; type <= SafeCaseLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (isKeyword(type)) out.add(literal(type));
        }
        return out;
    }

    private static String literal(int type) {
        String lit = SafeCaseLexer.VOCABULARY.getLiteralName(type);
        return lit == null ? "" : lit.substring(1, lit.length() - 1);
    }

    private static boolean isKeyword(int type) {
        String lit = literal(type);
        return !lit.isEmpty() && lit.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_');
    }

    private static Kind kind(int type) {
        if (isKeyword(type)) return Kind.KEYWORD;
        return switch (type) {
            case SafeCaseLexer.IDENT -> Kind.IDENT;
            case SafeCaseLexer.NUMBER -> Kind.NUMBER;
            case SafeCaseLexer.STRING, SafeCaseLexer.LONG_STRING, SafeCaseLexer.UNCLOSED_LONG_STRING -> Kind.STRING;
            case SafeCaseLexer.DATE -> Kind.DATE;
            case SafeCaseLexer.LINE_COMMENT, SafeCaseLexer.BLOCK_COMMENT, SafeCaseLexer.UNCLOSED_COMMENT -> Kind.COMMENT;
            case SafeCaseLexer.IFF, SafeCaseLexer.IMPLIES, SafeCaseLexer.EQEQ, SafeCaseLexer.NEQ, SafeCaseLexer.LE,
                    SafeCaseLexer.GE, SafeCaseLexer.LT, SafeCaseLexer.GT, SafeCaseLexer.EQ, SafeCaseLexer.PLUS,
                    SafeCaseLexer.MINUS, SafeCaseLexer.STAR, SafeCaseLexer.SLASH -> Kind.OPERATOR;
            case SafeCaseLexer.WS -> null;
            default -> Kind.PUNCTUATION;
        };
    }

    /** For each code point index, its UTF-16 offset (one entry past the end too). */
    private static int[] utf16Offsets(String text) {
        int n = text.codePointCount(0, text.length());
        int[] out = new int[n + 1];
        int off = 0;
        for (int i = 0; i < n; i++) {
            out[i] = off;
            off += Character.charCount(text.codePointAt(off));
        }
        out[n] = off;
        return out;
    }
}
