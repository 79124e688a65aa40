package dev.safecase.syntax;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.syntax.gen.SafeCaseLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Measures nesting on the token stream, before the recursive-descent parser runs, so that deep
 * input gets a diagnostic at the place it gets too deep instead of a stack overflow.
 *
 * <p>A level is an open bracket ({@code ( [ {}) or a prefix construct that the parser enters by
 * recursion: {@code not}, unary {@code -}, {@code if}, {@code forall}, {@code exists}, {@code sum}
 * and the right-nested {@code =>}. A prefix construct counts as open until its bracket closes or
 * its formula ends (a {@code ,}, a clause keyword or the next declaration). That overcounts only
 * where the formula's own tree is at least as deep, so nothing within {@link Parser#MAX_DEPTH} is
 * refused here.
 */
final class Nesting {
    private static final Set<Integer> PREFIX = Set.of(SafeCaseLexer.NOT, SafeCaseLexer.IF, SafeCaseLexer.FORALL,
            SafeCaseLexer.EXISTS, SafeCaseLexer.SUM, SafeCaseLexer.IMPLIES);
    private static final Set<Integer> OPEN = Set.of(SafeCaseLexer.LPAREN, SafeCaseLexer.LBRACK, SafeCaseLexer.LBRACE);
    private static final Set<Integer> CLOSE = Set.of(SafeCaseLexer.RPAREN, SafeCaseLexer.RBRACK, SafeCaseLexer.RBRACE);
    /** Tokens after which a minus is binary. */
    private static final Set<Integer> OPERAND_END = Set.of(SafeCaseLexer.IDENT, SafeCaseLexer.QUOTED_IDENT, SafeCaseLexer.NUMBER, SafeCaseLexer.TRUE,
            SafeCaseLexer.FALSE, SafeCaseLexer.STRING, SafeCaseLexer.DATE, SafeCaseLexer.RPAREN, SafeCaseLexer.RBRACK);
    /** Tokens that cannot stand inside a formula: a formula before them has ended. */
    private static final Set<Integer> FORMULA_END = Set.of(SafeCaseLexer.COMMA, SafeCaseLexer.CASE, SafeCaseLexer.IMPORT,
            SafeCaseLexer.QUANTITY, SafeCaseLexer.ENUM, SafeCaseLexer.DEFINE, SafeCaseLexer.CONTEXT,
            SafeCaseLexer.ASSUMPTION, SafeCaseLexer.CLAIM, SafeCaseLexer.STRATEGY, SafeCaseLexer.EVIDENCE,
            SafeCaseLexer.DEFEATER, SafeCaseLexer.JUSTIFICATION, SafeCaseLexer.PATTERN, SafeCaseLexer.USE,
            SafeCaseLexer.SUPPORTED, SafeCaseLexer.JUSTIFIED, SafeCaseLexer.ASSUMING, SafeCaseLexer.ASSERTED,
            SafeCaseLexer.UNDEVELOPED, SafeCaseLexer.OWNER, SafeCaseLexer.REBUTS, SafeCaseLexer.UNDERCUTS,
            SafeCaseLexer.UNDERMINES, SafeCaseLexer.ELIMINATED, SafeCaseLexer.ACCEPTED, SafeCaseLexer.FILE,
            SafeCaseLexer.SHA256, SafeCaseLexer.GIVES, SafeCaseLexer.EXPIRES);

    private Nesting() {
    }

    /** Reports SC101 at the first token that opens level {@code MAX_DEPTH + 1}; true if there is one. */
    static boolean tooDeep(List<Token> tokens, String file, Diagnostics diags) {
        // For each open bracket, the prefix constructs open inside it; the bottom entry is the top level.
        Deque<int[]> levels = new ArrayDeque<>();
        levels.push(new int[1]);
        int depth = 0;
        int previous = Token.INVALID_TYPE;
        for (Token t : tokens) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            int type = t.getType();
            boolean opens = OPEN.contains(type) || PREFIX.contains(type)
                    || (type == SafeCaseLexer.MINUS && !OPERAND_END.contains(previous));
            if (OPEN.contains(type)) {
                levels.push(new int[1]);
                depth++;
            } else if (CLOSE.contains(type) && levels.size() > 1) {
                depth -= levels.pop()[0] + 1;
            } else if (FORMULA_END.contains(type)) {
                depth -= levels.peek()[0];
                levels.peek()[0] = 0;
            } else if (opens) {
                levels.peek()[0]++;
                depth++;
            }
            if (opens && depth > Parser.MAX_DEPTH) {
                diags.error(Code.SC101, new Position(file, t.getLine(), t.getCharPositionInLine() + 1),
                        "nested too deeply: this opens level " + depth + " of brackets and operators, and at most "
                                + Parser.MAX_DEPTH + " are allowed; split the formula into several claims, assumptions or defines");
                return true;
            }
            previous = type;
        }
        return false;
    }
}
