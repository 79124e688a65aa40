package dev.safecase.syntax;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.ast.AstBuilder;
import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.SourceUnit;
import dev.safecase.syntax.gen.SafeCaseLexer;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Text to AST. Collects every syntax error of a file; a file with syntax errors gives no AST. */
public final class Parser {
    private Parser() {
    }

    public static Optional<SourceUnit> parse(SourceText source, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        SafeCaseLexer lexer = new SafeCaseLexer(CharStreams.fromString(source.text(), source.display()));
        lexer.removeErrorListeners();
        lexer.addErrorListener(new Listener(source.display(), local, true));
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SafeCaseParser parser = new SafeCaseParser(tokens);
        parser.removeErrorListeners();
        SafeCaseParser.FileContext tree;
        try {
            // Two-stage parse: the fast SLL mode, which bails out at the first doubt; only then
            // full LL with error recovery and messages. Both give the same tree for valid input.
            parser.getInterpreter().setPredictionMode(org.antlr.v4.runtime.atn.PredictionMode.SLL);
            parser.setErrorHandler(new org.antlr.v4.runtime.BailErrorStrategy());
            try {
                tree = parser.file();
            } catch (org.antlr.v4.runtime.misc.ParseCancellationException e) {
                tokens.seek(0);
                parser.reset();
                parser.addErrorListener(new Listener(source.display(), local, false));
                parser.setErrorHandler(new org.antlr.v4.runtime.DefaultErrorStrategy());
                parser.getInterpreter().setPredictionMode(org.antlr.v4.runtime.atn.PredictionMode.LL);
                tree = parser.file();
            }
        } catch (StackOverflowError e) {
            diags.error(Code.SC101, new Position(source.display(), 1, 1), "formula nested too deeply to parse");
            return Optional.empty();
        }
        for (Token t : tokens.getTokens()) {
            Position at = new Position(source.display(), t.getLine(), t.getCharPositionInLine() + 1);
            switch (t.getType()) {
                case SafeCaseParser.STRING -> checkEscapes(t, source.display(), local);
                case SafeCaseParser.UNCLOSED_COMMENT -> local.error(Code.SC102, at, "unterminated /* comment (it needs a */)");
                case SafeCaseParser.UNCLOSED_LONG_STRING -> local.error(Code.SC102, at, "unterminated \"\"\" string (it needs a closing \"\"\")");
                default -> { }
            }
        }
        diags.addAll(local.sorted());
        if (local.hasErrors()) {
            return Optional.empty();
        }
        // The AST builder reports malformed numbers (SC102): like any syntax error, they leave no AST.
        Diagnostics built = new Diagnostics();
        SourceUnit unit = new AstBuilder(source, built).file(tree);
        for (Decl d : unit.decls()) checkDepth(d, built);
        diags.addAll(built.sorted());
        return built.hasErrors() ? Optional.empty() : Optional.of(unit);
    }

    /**
     * Deepest operator nesting of a formula that later passes (which recurse on formulas) accept.
     * The parser itself takes long flat chains such as {@code a + b + …} without recursing, but the
     * tree it builds for them is as deep as the chain is long.
     */
    public static final int MAX_DEPTH = 250;

    private static void checkDepth(Decl d, Diagnostics diags) {
        List<Expr> exprs = new ArrayList<>();
        if (d instanceof Decl.Quantity q) {
            Optional<Decl.Range> r = q.type() instanceof Decl.IntType i ? i.range()
                    : q.type() instanceof Decl.RealType t ? t.range() : Optional.empty();
            r.ifPresent(x -> exprs.addAll(List.of(x.low(), x.high())));
        } else if (d instanceof Decl.Define def) {
            exprs.add(def.value());
        } else if (d instanceof Decl.Element el) {
            el.formula().ifPresent(exprs::add);
            for (Clause c : el.clauses()) if (c instanceof Clause.Gives g) exprs.addAll(g.facts());
        } else if (d instanceof Decl.Use u) {
            for (Decl.Arg a : u.args()) a.value().ifPresent(exprs::add);
        } else if (d instanceof Decl.Pattern p) {
            for (Decl b : p.body()) checkDepth(b, diags);
        }
        for (Expr e : exprs) {
            if (depth(e) > MAX_DEPTH) {
                diags.error(Code.SC101, start(e), "formula nested too deeply (more than " + MAX_DEPTH
                        + " levels of operators); split it into several claims or assumptions");
            }
        }
    }

    /** Nesting depth of a formula, computed without recursion so that any depth can be measured. */
    public static int depth(Expr root) {
        int max = 0;
        Deque<Map.Entry<Expr, Integer>> todo = new ArrayDeque<>();
        todo.push(Map.entry(root, 1));
        while (!todo.isEmpty()) {
            Map.Entry<Expr, Integer> e = todo.pop();
            int d = e.getValue();
            max = Math.max(max, d);
            for (Expr c : children(e.getKey())) todo.push(Map.entry(c, d + 1));
        }
        return max;
    }

    /** Where a formula starts: a binary operator's position is its operator, so go left. */
    private static Position start(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Binary b) x = b.left();
        return x.pos();
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Binary b) return List.of(b.left(), b.right());
        if (e instanceof Expr.Unary u) return List.of(u.operand());
        if (e instanceof Expr.If i) return List.of(i.cond(), i.then(), i.otherwise());
        if (e instanceof Expr.Quant q) return List.of(q.body());
        if (e instanceof Expr.Call c) return c.args();
        if (e instanceof Expr.Ref r && r.index().isPresent()) return List.of(r.index().get());
        return List.of();
    }

    /** The lexer reads any escape, so that one bad escape does not derail the line; only three exist. */
    private static void checkEscapes(Token t, String file, Diagnostics diags) {
        String raw = t.getText();
        for (int i = 1; i < raw.length() - 1; i++) {
            if (raw.charAt(i) != '\\') continue;
            char n = raw.charAt(++i);
            if (n != 'n' && n != '"' && n != '\\') {
                diags.error(Code.SC102, new Position(file, t.getLine(), t.getCharPositionInLine() + i), "bad escape '\\" + n
                        + "' in a string (only \\\", \\\\ and \\n are allowed; write \\\\ for a backslash)");
            }
        }
    }

    private static final Set<Integer> COMPARISONS = Set.of(SafeCaseParser.LT, SafeCaseParser.LE, SafeCaseParser.GT,
            SafeCaseParser.GE, SafeCaseParser.EQEQ, SafeCaseParser.NEQ);

    private static final Set<String> KEYWORDS = Set.of(
            "case", "import", "as", "quantity", "enum", "define", "context", "assumption", "claim", "strategy",
            "evidence", "defeater", "justification", "pattern", "use", "supported", "by", "justified", "assuming",
            "asserted", "undeveloped", "owner", "rebuts", "undercuts", "undermines", "eliminated", "accepted",
            "file", "sha256", "gives", "expires", "and", "or", "not", "true", "false", "in", "sum", "forall",
            "exists", "if", "then", "else", "bool", "int", "real", "probability", "text");

    /** Turns ANTLR's messages into plain words at the offending token. */
    private static final class Listener extends BaseErrorListener {
        private final String file;
        private final Diagnostics diags;
        private final boolean lexical;

        Listener(String file, Diagnostics diags, boolean lexical) {
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
                return "missing " + symbol(what, parser.getVocabulary()) + " before " + found;
            }
            // Where a formula operand is expected a keyword usually means the formula was cut short.
            boolean operand = expected.contains(SafeCaseParser.NUMBER);
            if (tok != null && KEYWORDS.contains(tok.getText()) && expected.contains(SafeCaseParser.IDENT) && !operand) {
                return "'" + tok.getText() + "' is a reserved keyword and cannot be used as a name";
            }
            if (operand && tok != null && (tok.getType() == SafeCaseParser.FORALL || tok.getType() == SafeCaseParser.EXISTS
                    || tok.getType() == SafeCaseParser.IF)) {
                return "'" + tok.getText() + "' extends as far right as it can, so it cannot be an operand here; "
                        + "put it in parentheses";
            }
            if (operand) return "unexpected " + found + "; expected a formula";
            if (tok != null && COMPARISONS.contains(tok.getType())) {
                return "unexpected " + found + ": comparisons do not chain; write a < b and b < c";
            }
            if (tok != null && tok.getType() == SafeCaseParser.IFF) {
                return "unexpected " + found + ": <=> does not chain; add parentheses";
            }
            StringBuilder sb = new StringBuilder("unexpected ").append(found);
            String exp = expectedList(expected, parser.getVocabulary());
            if (!exp.isEmpty()) sb.append("; expected ").append(exp);
            return sb.toString();
        }

        private static String describe(Token tok) {
            if (tok.getType() == Token.EOF) return "end of file";
            String t = tok.getText();
            if (t.length() > 30) t = t.substring(0, 27) + "...";
            return "'" + printable(t) + "'";
        }

        private static String expectedList(IntervalSet set, Vocabulary vocab) {
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
                case SafeCaseParser.IDENT -> "a name";
                case SafeCaseParser.NUMBER -> "a number";
                case SafeCaseParser.STRING, SafeCaseParser.LONG_STRING -> "a string";
                case SafeCaseParser.DATE -> "a date (YYYY-MM-DD)";
                default -> {
                    String lit = vocab.getLiteralName(type);
                    yield lit != null ? lit : vocab.getDisplayName(type);
                }
            };
        }

        private static String symbol(String antlrName, Vocabulary vocab) {
            for (int t = 1; t <= vocab.getMaxTokenType(); t++) {
                if (antlrName.equals(vocab.getSymbolicName(t)) || antlrName.equals(vocab.getLiteralName(t))) {
                    return tokenName(t, vocab);
                }
            }
            return antlrName;
        }

        private static String printable(String s) {
            StringBuilder sb = new StringBuilder();
            for (char c : s.toCharArray()) {
                if (c < 0x20 || c == 0x7f) sb.append(String.format("\\u%04x", (int) c));
                else sb.append(c);
            }
            return sb.toString();
        }
    }

    /** Exposed for tools (fmt) that need the raw token stream. */
    public static Lexer lexer(SourceText source) {
        return new SafeCaseLexer(CharStreams.fromString(source.text(), source.display()));
    }
}
