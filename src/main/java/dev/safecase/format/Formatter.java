package dev.safecase.format;

import dev.safecase.ast.AstBuilder;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.Parser;
import dev.safecase.syntax.gen.SafeCaseLexer;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * The one canonical layout of a {@code .case} file: what {@code safecase fmt} writes and what
 * the language server's formatting returns. Only whitespace changes: every token and every
 * comment stays, in order. Each result is checked before it is returned: it parses, it has
 * the same tokens and comments, and the same AST up to positions; a failure of that check is
 * a bug in the formatter and is thrown, never written.
 */
public final class Formatter {
    /** Lines are filled up to this many columns where a construct can break; a long text stays whole. */
    public static final int WIDTH = 100;

    private Formatter() {
    }

    /** The formatted text, or empty when the file does not parse (the reasons go to {@code diags}). */
    public static Optional<String> format(SourceText source, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Optional<SafeCaseParser.FileContext> tree = Parser.parse(source, local);
        Optional<SourceUnit> unit = tree.flatMap(t -> AstBuilder.build(source, t, local));
        diags.addAll(local.sorted());
        if (unit.isEmpty() || local.hasErrors()) return Optional.empty();
        List<Token> tokens = tokens(source);
        String out = render(tree.get(), tokens, newline(source.text()));
        verify(source, unit.get(), tokens, out);
        return Optional.of(out);
    }

    private static String render(SafeCaseParser.FileContext tree, List<Token> tokens, String newline) {
        if (tokens.size() == 1) return ""; // nothing but EOF: an empty file stays empty
        Trivia trivia = new Trivia(tokens);
        Doc doc = new Printer(trivia).file(tree);
        return Layout.render(doc, WIDTH, newline);
    }

    /** The same lexer run as the parser's, so that token indexes agree with the tree's tokens. */
    private static List<Token> tokens(SourceText source) {
        SafeCaseLexer lexer = Parser.lexer(source);
        lexer.removeErrorListeners();
        CommonTokenStream stream = new CommonTokenStream(lexer);
        stream.fill();
        return stream.getTokens();
    }

    /** CRLF when the file's first line break is one, else LF. */
    private static String newline(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    private static void verify(SourceText source, SourceUnit before, List<Token> tokensBefore, String out) {
        SourceText formatted = new SourceText(source.path(), source.display(), out);
        Diagnostics d = new Diagnostics();
        Optional<SourceUnit> after = Parser.parse(formatted, d).flatMap(t -> AstBuilder.build(formatted, t, d));
        if (after.isEmpty()) throw bug(source, "its output does not parse: " + d.sorted().get(0).headline());
        List<Token> tokensAfter = tokens(formatted);
        if (!significant(tokensBefore).equals(significant(tokensAfter))) throw bug(source, "it changed a token");
        if (!comments(tokensBefore).equals(comments(tokensAfter))) throw bug(source, "it changed or lost a comment");
        if (!AstShape.of(before).equals(AstShape.of(after.get()))) throw bug(source, "it changed the AST");
    }

    private static IllegalStateException bug(SourceText source, String what) {
        return new IllegalStateException("the formatter would change the meaning of " + source.display() + " (" + what
                + "); the file was left as it is. This is a bug in safecase");
    }

    private static List<String> significant(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) if (t.getChannel() != Token.HIDDEN_CHANNEL) out.add(t.getType() + " " + t.getText());
        return out;
    }

    private static List<String> comments(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.getType() == SafeCaseLexer.LINE_COMMENT) out.add(t.getText().stripTrailing());
            else if (t.getType() == SafeCaseLexer.BLOCK_COMMENT) out.add(t.getText());
        }
        return out;
    }
}
