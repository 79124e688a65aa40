package dev.safecase.syntax;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.gen.SafeCaseLexer;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Text to parse tree. Collects every lexical and syntax error of a file; a file with one gives
 * no tree. The AST is built from the tree by {@code ast.AstBuilder}.
 */
public final class Parser {
    /**
     * Deepest nesting that the parser and the later passes (which recurse on formulas) accept:
     * open brackets and prefix operators in the text, levels of operators in a formula's tree.
     */
    public static final int MAX_DEPTH = 250;

    private Parser() {
    }

    /**
     * Initialises the lexer and parser classes (each deserialises its grammar's automaton, a few milliseconds
     * interpreted), so that a thread started early can do it while the command line is still being read.
     */
    public static void warmUp() {
        Objects.requireNonNull(SafeCaseLexer._ATN);
        Objects.requireNonNull(SafeCaseParser._ATN);
    }

    public static Optional<SafeCaseParser.FileContext> parse(SourceText source, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        SafeCaseLexer lexer = lexer(source);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors(source.display(), local, true));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        TokenChecks.check(tokens.getTokens(), source.display(), local);
        // The parser recurses once per level of nesting: refuse deep input before it starts.
        Optional<SafeCaseParser.FileContext> tree = Nesting.tooDeep(tokens.getTokens(), source.display(), local)
                ? Optional.empty() : tree(tokens, source.display(), local);
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : tree;
    }

    private static Optional<SafeCaseParser.FileContext> tree(CommonTokenStream tokens, String file, Diagnostics diags) {
        SafeCaseParser parser = new SafeCaseParser(tokens);
        parser.removeErrorListeners();
        try {
            // Two-stage parse: the fast SLL mode, which bails out at the first doubt; only then
            // full LL with error recovery and messages. Both give the same tree for valid input.
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                return Optional.of(parser.file());
            } catch (ParseCancellationException e) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(new SyntaxErrors(file, diags, false));
                parser.setErrorHandler(new DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                return Optional.of(parser.file());
            }
        } catch (StackOverflowError e) {
            // Nesting has already refused what is too deep; this is a last guard, at the token reached.
            Token at = parser.getCurrentToken();
            diags.error(Code.SC101, new Position(file, at.getLine(), at.getCharPositionInLine() + 1),
                    "formula nested too deeply to parse");
            return Optional.empty();
        }
    }

    /** Exposed for tools (fmt) that need the raw token stream. */
    public static SafeCaseLexer lexer(SourceText source) {
        return new SafeCaseLexer(CharStreams.fromString(source.text(), source.display()));
    }

    /**
     * What a file's first tokens say it is, without parsing it: used for files with syntax
     * errors, which have no tree. A case starts with {@code case NAME}; only comments and
     * whitespace may stand before it.
     */
    public record Heading(boolean isCase, Optional<String> caseName) {}

    public static Heading heading(SourceText source) {
        Lexer lexer = lexer(source);
        lexer.removeErrorListeners();
        List<? extends Token> all = lexer.getAllTokens();
        int i = skipHidden(all, 0, 0);
        if (i >= all.size() || all.get(i).getType() != SafeCaseLexer.CASE) return new Heading(false, Optional.empty());
        int name = skipHidden(all, i + 1, all.get(i).getStopIndex() + 1);
        boolean spaced = name > i + 1;
        boolean quoted = name < all.size() && all.get(name).getType() == SafeCaseLexer.QUOTED_IDENT;
        boolean word = name < all.size() && (quoted || isWord(all.get(name).getText()));
        return new Heading(true, spaced && word ? Optional.of(Identifiers.canonical(all.get(name).getText())) : Optional.empty());
    }

    /**
     * The first token from {@code i} on that is not whitespace or a comment, or the end when
     * the lexer skipped an unknown character on the way (then nothing there counts as a header).
     */
    private static int skipHidden(List<? extends Token> all, int i, int expectedStart) {
        int start = expectedStart;
        while (i < all.size() && all.get(i).getChannel() == Token.HIDDEN_CHANNEL
                && all.get(i).getType() != SafeCaseLexer.UNCLOSED_COMMENT && all.get(i).getStartIndex() == start) {
            start = all.get(i).getStopIndex() + 1;
            i++;
        }
        return i < all.size() && all.get(i).getStartIndex() == start ? i : all.size();
    }

    /** A name or a keyword (a keyword is a syntax error as a case name, but it still names the file). */
    private static boolean isWord(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) && s.charAt(0) < 128 || s.charAt(0) == '_')) return false;
        return s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
    }
}
