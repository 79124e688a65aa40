package dev.safecase.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Parser;
import dev.safecase.syntax.gen.SafeCaseLexer;
import dev.safecase.testing.Golden;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The formatter on every case and module of the repository, the standard library, the test
 * corpus and a corpus with a comment in every position: its output parses to the same AST
 * (compared here without positions, independently of the formatter's own check), keeps every
 * comment, is a fixed point, and does not depend on the layout it was given.
 */
class FormatterTest {
    private static final Path CORPUS = Path.of("src/test/resources/format/comments.case");

    static Optional<String> format(String text) {
        return Formatter.format(new SourceText(Path.of("t.case"), "t.case", text), new Diagnostics());
    }

    static String fmt(String text) {
        Diagnostics d = new Diagnostics();
        Optional<String> out = Formatter.format(new SourceText(Path.of("t.case"), "t.case", text), d);
        assertTrue(out.isPresent(), () -> "does not parse: " + d.sorted());
        return out.get();
    }

    /** Every .case file in the repository that parses (the golden front-end files include deliberate syntax errors). */
    static List<Path> repositoryFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : List.of("cases", "stdlib", "src/test/resources", "src/it")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".case")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyFileOfTheRepository() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : repositoryFiles()) {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (parse(text).isEmpty()) continue;
            tests.add(DynamicTest.dynamicTest(p.toString(), () -> checkAll(p.toString(), text)));
        }
        assertTrue(tests.size() > 60, "expected the repository's cases, found " + tests.size());
        return tests.stream();
    }

    private static void checkAll(String name, String text) {
        String once = fmt(text);
        assertEquals(once, fmt(once), name + ": formatting twice changes the text");
        assertEquals(shape(text), shape(once), name + ": the AST changed");
        assertEquals(comments(text), comments(once), name + ": a comment changed or went missing");
        assertEquals(once, fmt(scramble(text, new Random(name.hashCode()))), name + ": the layout depends on the input's");
        for (String line : once.split("\n")) assertFalse(line.endsWith(" "), name + ": trailing space in: " + line);
    }

    @Test
    void theCommentCorpusHasOneLayout() throws IOException {
        String text = Files.readString(CORPUS, StandardCharsets.UTF_8);
        String once = fmt(text);
        Golden.check(Path.of("src/test/resources/format/comments.formatted"), once);
        checkAll(CORPUS.toString(), text);
        // the corpus does have a comment wherever a line comment or a block comment can stand
        assertTrue(comments(text).size() >= 60, "corpus too small: " + comments(text).size());
    }

    @Test
    void modifiersChoicesIndexesAndTablesKeepTheirPlace() {
        String text = "enum H { a, b }\npublic pattern p(x: bool) { claim c \"C\" undeveloped when x }\n"
                + "define cap[h in H] = { a: 1%, b: 2%, }\n"
                + "public evidence e \"E\" file \"e.json\" sha256 \"00\" gives true\n"
                + "private claim k[h in H] \"K {h}\" supported by any of (m[*], n), 2 of (e, m[a], n)\n";
        String once = fmt(text);
        assertTrue(once.contains("public pattern p(x: bool) {"), once);
        assertTrue(once.contains("define cap[h in H] = {a: 1%, b: 2%,}"), once);
        assertTrue(once.contains("public evidence e \"E\"\n"), once);
        assertTrue(once.contains("private claim k[h in H] \"K {h}\" supported by any of (m[*], n), 2 of (e, m[a], n)"), once);
        checkAll("modifiers", text);
    }

    @Test
    void layoutIsCanonical() {
        String messy = "case  t   \"T\"\nquantity x:probability \"X\"\n\n\n\nclaim top \"Top\" :x<=1%   supported by\n a,b\n"
                + "claim a \"A\" undeveloped   owner \"Me\"\nclaim b \"B\"    undeveloped\n";
        assertEquals("""
                case t "T"
                quantity x : probability "X"

                claim top "Top": x <= 1% supported by a, b
                claim a "A"
                    undeveloped
                    owner "Me"
                claim b "B" undeveloped
                """, fmt(messy));
    }

    @Test
    void longFormulasBreakAtTheirLoosestOperatorWithinTheWidth() {
        StringBuilder sb = new StringBuilder("case t \"T\"\nenum E { a, b }\n");
        sb.append("quantity p[e in E] : probability\nquantity ready : bool\n");
        sb.append("assumption w \"W\": ready and p[a] <= 1% and p[b] <= 1% and p[a] + p[b] <= 2% and p[a] * 2 <= p[b] + 3% => ready and ready\n");
        String out = fmt(sb.toString());
        assertEquals("""
                case t "T"
                enum E { a, b }
                quantity p[e in E] : probability
                quantity ready : bool
                assumption w "W":
                    ready and p[a] <= 1% and p[b] <= 1% and p[a] + p[b] <= 2% and p[a] * 2 <= p[b] + 3%
                        => ready and ready
                """, out);
        for (String line : out.split("\n")) assertTrue(line.length() <= Formatter.WIDTH, line);
    }

    @Test
    void patternArgumentsKeepTheirSpellingBecauseTextsInterpolateIt() {
        String text = "pattern p(t: probability) {\n    claim c \"At most {t}\": t <= 1\n}\nuse p(t:1/2*  10%) as q\n";
        String out = fmt(text);
        assertTrue(out.contains("use p(t: 1/2*  10%) as q"), out);
    }

    @Test
    void keepsWindowsLineBreaksAndBlankLinesButCollapsesRunsOfThem() {
        String out = fmt("case t \"T\"\r\n\r\n\r\n\r\nclaim c \"C\" undeveloped // why\r\n");
        assertEquals("case t \"T\"\r\n\r\nclaim c \"C\" undeveloped // why\r\n", out);
    }

    @Test
    void anEmptyFileStaysEmptyAndACommentOnlyModuleKeepsItsComments() {
        assertEquals("", fmt(""));
        assertEquals("// nothing yet\n\n/* later */\n", fmt("  // nothing yet\n\n\n   /* later */"));
    }

    @Test
    void refusesAFileThatDoesNotParseAndSaysWhere() {
        Diagnostics d = new Diagnostics();
        Optional<String> out = Formatter.format(new SourceText(Path.of("bad.case"), "bad.case", "case t \"T\"\nclaim c \"C\" supported by\n"), d);
        assertTrue(out.isEmpty());
        assertTrue(d.hasErrors());
        assertTrue(d.sorted().get(0).headline().startsWith("bad.case:3:1: error: SC101"), d.sorted().get(0).headline());
    }

    @Test
    void astralCharactersBeforeAPatternArgumentDoNotShiftItsText() {
        String text = "// \uD83D\uDE80 launch\npattern p(t: probability) {\n    claim c \"At most {t}\": t <= 1\n}\n"
                + "use p(t: 5%) as q\n";
        assertEquals(text, fmt(text.replace("use p(t: 5%)", "use    p(t:5%)").replace("t: 5%", "t:5%")));
        SourceUnit u = parse(text).orElseThrow();
        assertEquals("5%", ((dev.safecase.ast.Decl.Use) u.decls().get(1)).args().get(0).source());
    }

    // ------------------------------------------------------------ helpers, independent of the formatter

    private static Optional<SourceUnit> parse(String text) {
        return Sources.parse(new SourceText(Path.of("t.case"), "t.case", text), new Diagnostics());
    }

    /** The AST with every position left out, by reflection over the AST's records. */
    private static String shape(String text) {
        SourceUnit u = parse(text).orElseThrow();
        StringBuilder sb = new StringBuilder();
        describe(u.header(), sb);
        describe(u.decls(), sb);
        return sb.toString();
    }

    private static void describe(Object o, StringBuilder sb) {
        if (o instanceof dev.safecase.diag.Position || o instanceof Path) return;
        if (o instanceof Record r) {
            sb.append(r.getClass().getName()).append('{');
            for (var c : r.getClass().getRecordComponents()) {
                try {
                    Object v = c.getAccessor().invoke(r);
                    sb.append(c.getName()).append('=');
                    describe(v, sb);
                    sb.append(';');
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            sb.append('}');
        } else if (o instanceof Iterable<?> it) {
            sb.append('[');
            for (Object x : it) {
                describe(x, sb);
                sb.append(',');
            }
            sb.append(']');
        } else if (o instanceof Optional<?> opt) {
            sb.append(opt.isPresent() ? "some(" : "none");
            opt.ifPresent(x -> describe(x, sb));
            if (opt.isPresent()) sb.append(')');
        } else {
            sb.append('<').append(o).append('>');
        }
    }

    private static List<Token> lex(String text) {
        SafeCaseLexer lexer = Parser.lexer(new SourceText(null, "t.case", text));
        lexer.removeErrorListeners();
        List<Token> out = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) out.add(t);
        return out;
    }

    private static List<String> comments(String text) {
        List<String> out = new ArrayList<>();
        for (Token t : lex(text)) {
            if (t.getType() == SafeCaseLexer.LINE_COMMENT) out.add(t.getText().stripTrailing());
            if (t.getType() == SafeCaseLexer.BLOCK_COMMENT) out.add(t.getText());
        }
        return out;
    }

    /**
     * The same tokens with other whitespace between them: spaces become line breaks and back,
     * indentation changes. Whitespace next to a comment and blank lines stay, since they say
     * where a comment belongs and where the author wanted a gap.
     */
    static String scramble(String text, Random rnd) {
        List<Token> ts = lex(text);
        StringBuilder sb = new StringBuilder();
        String[] choices = {" ", "  ", "\n", "\n        ", "\n  ", "\t"};
        int inArguments = -1; // bracket depth inside a use's arguments, whose spelling is meaning
        for (int i = 0; i < ts.size(); i++) {
            Token t = ts.get(i);
            if (t.getType() == SafeCaseLexer.USE) inArguments = 0;
            else if (inArguments >= 0 && t.getType() == SafeCaseLexer.LPAREN) inArguments++;
            else if (inArguments >= 0 && t.getType() == SafeCaseLexer.RPAREN && --inArguments == 0) inArguments = -1;
            boolean ws = t.getType() == SafeCaseLexer.WS;
            boolean nearComment = i > 0 && isComment(ts.get(i - 1)) || i + 1 < ts.size() && isComment(ts.get(i + 1));
            boolean blank = t.getText().chars().filter(c -> c == '\n').count() >= 2;
            if (!ws || nearComment || inArguments > 0 || i == 0 || i + 1 == ts.size()) sb.append(t.getText());
            else if (blank) sb.append("\n\n");
            else sb.append(choices[rnd.nextInt(choices.length)]);
        }
        return sb.toString();
    }

    private static boolean isComment(Token t) {
        return t.getType() == SafeCaseLexer.LINE_COMMENT || t.getType() == SafeCaseLexer.BLOCK_COMMENT;
    }
}
