package dev.safecase.syntax;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.syntax.gen.SafeCaseLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Checks on single tokens that the lexer rules leave open: escapes and invisible characters
 * in strings, what a quoted name may hold, and comments or long strings that the file ends inside.
 */
final class TokenChecks {
    private TokenChecks() {
    }

    static void check(List<Token> tokens, String file, Diagnostics diags) {
        for (Token t : tokens) {
            switch (t.getType()) {
                case SafeCaseLexer.STRING -> {
                    escapes(t, file, diags);
                    invisible(t, file, diags);
                }
                case SafeCaseLexer.LONG_STRING -> invisible(t, file, diags);
                case SafeCaseLexer.QUOTED_IDENT -> Identifiers.problem(t.getText().substring(1, t.getText().length() - 1))
                        .ifPresent(why -> diags.error(Code.SC102, at(file, t), why));
                case SafeCaseLexer.UNCLOSED_COMMENT -> diags.error(Code.SC102, at(file, t), "unterminated /* comment (it needs a */)");
                case SafeCaseLexer.UNCLOSED_LONG_STRING -> diags.error(Code.SC102, at(file, t), "unterminated \"\"\" string (it needs a closing \"\"\")");
                default -> { }
            }
        }
    }

    private static Position at(String file, Token t) {
        return new Position(file, t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** The lexer reads any escape, so that one bad escape does not derail the line; only three exist. */
    private static void escapes(Token t, String file, Diagnostics diags) {
        String raw = t.getText();
        int col = t.getCharPositionInLine() + 1;
        for (int i = 0; i < raw.length() - 1; i += Character.charCount(raw.codePointAt(i)), col++) {
            if (i == 0 || raw.charAt(i) != '\\') continue;
            char n = raw.charAt(i + 1);
            if (n != 'n' && n != '"' && n != '\\') {
                diags.error(Code.SC102, new Position(file, t.getLine(), col), "bad escape '\\" + n
                        + "' in a string (only \\\", \\\\ and \\n are allowed; write \\\\ for a backslash)");
            }
            i++;
            col++;
        }
    }

    /**
     * A text is printed to terminals and reports, where control characters (ESC, BEL, a lone CR)
     * and bidirectional overrides could draw or hide lines: each string may hold tab and line
     * breaks (LF, or CRLF as written on Windows) and nothing else invisible. The first one is
     * reported, at the character.
     */
    private static void invisible(Token t, String file, Diagnostics diags) {
        String raw = t.getText();
        int line = t.getLine();
        int col = t.getCharPositionInLine() + 1;
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            int next = i + Character.charCount(c);
            Optional<String> why = forbidden(c, next < raw.length() ? raw.charAt(next) : -1);
            if (why.isPresent()) {
                diags.error(Code.SC102, new Position(file, line, col), why.get());
                return;
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            i = next;
        }
    }

    private static Optional<String> forbidden(int c, int following) {
        if (c == '\t' || c == '\n' || (c == '\r' && following == '\n')) return Optional.empty();
        if (c >= 0x20 && c < 0x7F) return Optional.empty();
        String code = String.format("U+%04X", c);
        if (Character.getType(c) == Character.CONTROL) {
            return Optional.of("control character " + code + (c == '\r' ? " (a carriage return without a line feed)" : "")
                    + " in a string; a text may hold tabs and line breaks, but no other control characters");
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Optional.of("bidirectional control character " + code + " in a string; it would show the text "
                    + "in another order than it is written");
        }
        return Optional.empty();
    }
}
