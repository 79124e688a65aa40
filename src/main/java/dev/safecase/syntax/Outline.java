package dev.safecase.syntax;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.gen.SafeCaseLexer;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * A file's top-level declarations as text, and its line comments: what tools that write a case
 * back out (interchange formats) need beside the AST. Each piece of text is the declaration's
 * tokens joined as written, with every comment dropped and every run of whitespace made one space,
 * so it needs no line break (but inside a """…""" string) and still parses the same.
 */
public final class Outline {
    private Outline() {
    }

    /** A {@code // …} comment: where it starts and its text after the slashes. */
    public record Comment(int line, int col, String text) {}

    /**
     * A top-level declaration (or the case header, keyword {@code case}). For a claim, strategy,
     * evidence, defeater, assumption, context or justification, {@code formula} is its formula's
     * text and {@code clauses} the text of each clause in order; other declarations have neither.
     */
    public record Piece(int line, int col, int endLine, String keyword, String text, Optional<String> formula,
                        List<String> clauses) {
        public Piece {
            clauses = List.copyOf(clauses);
        }
    }

    public record File(List<Piece> pieces, List<Comment> comments) {
        public File {
            pieces = List.copyOf(pieces);
            comments = List.copyOf(comments);
        }
    }

    /** The outline of a file without syntax errors; empty (with the errors in {@code diags}) otherwise. */
    public static Optional<File> of(SourceText source, Diagnostics diags) {
        Optional<SafeCaseParser.FileContext> tree = Parser.parse(source, diags);
        if (tree.isEmpty()) return Optional.empty();
        CommonTokenStream tokens = new CommonTokenStream(Parser.lexer(source));
        tokens.fill();
        List<Token> all = tokens.getTokens();
        List<Comment> comments = new ArrayList<>();
        for (Token t : all) {
            if (t.getType() == SafeCaseLexer.LINE_COMMENT) {
                comments.add(new Comment(t.getLine(), t.getCharPositionInLine() + 1, t.getText().substring(2)));
            }
        }
        List<Piece> pieces = new ArrayList<>();
        SafeCaseParser.FileContext file = tree.get();
        if (file.caseHeader() != null) pieces.add(piece(file.caseHeader(), file.caseHeader(), all, Optional.empty(), List.of()));
        for (SafeCaseParser.DeclContext d : file.decl()) {
            SafeCaseParser.ElementContext e = d.element();
            if (e == null) {
                pieces.add(piece(d, inner(d), all, Optional.empty(), List.of()));
                continue;
            }
            List<String> clauses = new ArrayList<>();
            for (SafeCaseParser.ClauseContext c : e.clause()) clauses.add(text(c, all));
            pieces.add(piece(d, e, all, Optional.ofNullable(e.expr()).map(x -> text(x, all)), clauses));
        }
        return Optional.of(new File(pieces, comments));
    }

    /** The declaration itself, after its {@code public}/{@code private}: where the AST places it. */
    private static ParserRuleContext inner(SafeCaseParser.DeclContext d) {
        for (int i = 0; i < d.getChildCount(); i++) {
            if (d.getChild(i) instanceof ParserRuleContext c) return c;
        }
        return d;
    }

    /** A piece at {@code at}'s first token (where the AST places the declaration) holding the text of {@code ctx}. */
    private static Piece piece(ParserRuleContext ctx, ParserRuleContext at, List<Token> all, Optional<String> formula,
                               List<String> clauses) {
        Token start = at.getStart();
        return new Piece(start.getLine(), start.getCharPositionInLine() + 1, ctx.getStop().getLine(), start.getText(),
                text(ctx, all), formula, clauses);
    }

    /** The tokens of {@code ctx} on the default channel; one space wherever the text had whitespace or a comment. */
    private static String text(ParserRuleContext ctx, List<Token> all) {
        StringBuilder sb = new StringBuilder();
        int from = ctx.getStart().getTokenIndex();
        int to = ctx.getStop().getTokenIndex();
        Token previous = null;
        for (int i = from; i <= to; i++) {
            Token t = all.get(i);
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (previous != null && t.getStartIndex() > previous.getStopIndex() + 1) sb.append(' ');
            sb.append(t.getText());
            previous = t;
        }
        return sb.toString();
    }
}
