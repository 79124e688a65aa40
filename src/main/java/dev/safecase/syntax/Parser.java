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
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
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
        return parse(source, diags, DeclSink.NONE);
    }

    /**
     * Told of each top-level declaration as soon as it is parsed, so that its AST can be built and its part of the
     * parse tree dropped at once: the tree of a large file then never lives whole, which spares the collector
     * copying it (about a third of a 10,000-claim check's pauses; docs/benchmarks.md). A declaration handed over is
     * removed from the returned tree. Only the fast first pass hands declarations over, and they are free of syntax
     * errors; when that pass gives up, {@link #restart} is called and the full parse keeps every declaration in the tree.
     */
    public interface DeclSink {
        DeclSink NONE = new DeclSink() {
            @Override
            public boolean wants() {
                return false;
            }

            @Override
            public void accept(SafeCaseParser.DeclContext decl) {
            }

            @Override
            public void restart() {
            }
        };

        /** Whether declarations are handed over at all (otherwise the tree stays whole). */
        default boolean wants() {
            return true;
        }

        void accept(SafeCaseParser.DeclContext decl);

        /** Forget every declaration handed over: the file is parsed again, and the tree will hold them all. */
        void restart();
    }

    /** As {@link #parse(SourceText, Diagnostics)}, handing each top-level declaration to {@code sink} as it is parsed. */
    public static Optional<SafeCaseParser.FileContext> parse(SourceText source, Diagnostics diags, DeclSink sink) {
        Diagnostics local = new Diagnostics();
        // A tree handed over declaration by declaration is only read for its AST, never for its trivia: its token
        // stream may go without whitespace and comments (about half the tokens of a file), which the parser skips anyway.
        SafeCaseLexer lexer = sink.wants() ? new WithoutTrivia(source) : lexer(source);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new SyntaxErrors(source.display(), local, true));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        TokenChecks.check(tokens.getTokens(), source.display(), local);
        // The parser recurses once per level of nesting: refuse deep input before it starts.
        Optional<SafeCaseParser.FileContext> tree = Nesting.tooDeep(tokens.getTokens(), source.display(), local)
                ? Optional.empty() : tree(tokens, source.display(), local, local.hasErrors() ? DeclSink.NONE : sink);
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : tree;
    }

    /**
     * The lexer without whitespace and complete comments: they are matched as ever, but no token is made for them.
     * An unclosed comment or long string still gives its token, for {@link TokenChecks} to report.
     */
    private static final class WithoutTrivia extends SafeCaseLexer {
        /** Stands for a trivia token inside {@link #nextToken}; never handed out. */
        private final CommonToken trivia = new CommonToken(WS);

        WithoutTrivia(SourceText source) {
            super(CharStreams.fromString(source.text(), source.display()));
        }

        @Override
        public Token emit() {
            if (_type == WS || _type == LINE_COMMENT || _type == BLOCK_COMMENT) {
                _token = trivia;
                return trivia;
            }
            return super.emit();
        }

        @Override
        public Token nextToken() {
            Token t = super.nextToken();
            while (t == trivia) t = super.nextToken();
            return t;
        }
    }

    /** Hands each declaration of the file rule to the sink when the rule exits, and drops it from the tree. */
    private static final class Handover implements ParseTreeListener {
        private final DeclSink sink;

        Handover(DeclSink sink) {
            this.sink = sink;
        }

        @Override
        public void exitEveryRule(ParserRuleContext ctx) {
            // a rule also exits on the way out of a bail-out, with the exception set on it: such a declaration is broken
            if (ctx.exception != null) return;
            if (ctx instanceof SafeCaseParser.DeclContext d && ctx.getParent() instanceof SafeCaseParser.FileContext file) {
                sink.accept(d);
                file.removeLastChild();
            }
        }

        @Override
        public void enterEveryRule(ParserRuleContext ctx) {
        }

        @Override
        public void visitTerminal(TerminalNode node) {
        }

        @Override
        public void visitErrorNode(ErrorNode node) {
        }
    }

    private static Optional<SafeCaseParser.FileContext> tree(CommonTokenStream tokens, String file, Diagnostics diags, DeclSink sink) {
        SafeCaseParser parser = new SafeCaseParser(tokens);
        parser.removeErrorListeners();
        try {
            // Two-stage parse: the fast SLL mode, which bails out at the first doubt; only then
            // full LL with error recovery and messages. Both give the same tree for valid input.
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            if (sink.wants()) parser.addParseListener(new Handover(sink));
            try {
                return Optional.of(parser.file());
            } catch (ParseCancellationException e) {
                parser.removeParseListeners();
                if (sink.wants()) sink.restart();
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
