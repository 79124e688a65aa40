package dev.safecase.format;

import dev.safecase.syntax.gen.SafeCaseLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The comments and line breaks around each token that the parser sees. A comment on the line
 * of the token before it trails that token; any other comment leads the next token, with
 * whether a blank line stood before it and whether a line break follows it. A token also
 * knows whether a blank line stood right before it.
 */
final class Trivia {
    /** A comment that starts its own line. */
    record Leading(String text, boolean blankBefore, boolean breakAfter, boolean line) {}

    /** A comment on the line of the token before it. */
    record Trailing(String text, boolean line) {}

    private final List<List<Leading>> leading = new ArrayList<>();
    private final List<List<Trailing>> trailing = new ArrayList<>();
    private final List<Boolean> blankBefore = new ArrayList<>();

    Trivia(List<? extends Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            leading.add(new ArrayList<>());
            trailing.add(new ArrayList<>());
            blankBefore.add(false);
        }
        int lastDefault = -1;
        int newlines = 0; // line breaks since the last default token or comment
        boolean broke = false; // a line break since the last default token
        Leading pending = null;
        List<Leading> waiting = new ArrayList<>();
        for (Token t : tokens) {
            int type = t.getType();
            if (t.getChannel() != Token.HIDDEN_CHANNEL) {
                if (pending != null) waiting.add(pending);
                leading.set(t.getTokenIndex(), List.copyOf(waiting));
                blankBefore.set(t.getTokenIndex(), newlines >= 2);
                waiting.clear();
                pending = null;
                lastDefault = t.getTokenIndex();
                newlines = 0;
                broke = false;
            } else if (type == SafeCaseLexer.LINE_COMMENT || type == SafeCaseLexer.BLOCK_COMMENT) {
                boolean line = type == SafeCaseLexer.LINE_COMMENT;
                String text = line ? t.getText().stripTrailing() : t.getText();
                if (pending != null) waiting.add(pending);
                pending = null;
                if (!broke && lastDefault >= 0) {
                    trailing.get(lastDefault).add(new Trailing(text, line));
                } else {
                    pending = new Leading(text, newlines >= 2, line, line);
                }
                // the line break that ends a line comment is in the whitespace after it
                newlines = 0;
                broke |= line;
            } else {
                int n = count(t.getText());
                newlines += n;
                if (n > 0) {
                    broke = true;
                    if (pending != null && !pending.breakAfter()) {
                        pending = new Leading(pending.text(), pending.blankBefore(), true, pending.line());
                    }
                }
            }
        }
    }

    private static int count(String ws) {
        int n = 0;
        for (int i = 0; i < ws.length(); i++) if (ws.charAt(i) == '\n') n++;
        return n;
    }

    List<Leading> leading(Token t) {
        return leading.get(t.getTokenIndex());
    }

    List<Trailing> trailing(Token t) {
        return trailing.get(t.getTokenIndex());
    }

    boolean blankBefore(Token t) {
        return blankBefore.get(t.getTokenIndex());
    }
}
