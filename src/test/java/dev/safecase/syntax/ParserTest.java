package dev.safecase.syntax;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.num.Rational;
import dev.safecase.ast.SourceUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser facade: layout, precedence, literals and the wording of syntax errors (SC101, SC102). */
class ParserTest {

    record Parsed(Optional<SourceUnit> unit, String diagnostics) {}

    static Parsed parse(String text) {
        Diagnostics d = new Diagnostics();
        Optional<SourceUnit> unit = dev.safecase.source.Sources.parse(new SourceText(null, "t.case", text), d);
        return new Parsed(unit, d.sorted().stream().map(x -> x.pos().line() + ":" + x.pos().col() + " " + x.code().id() + " "
                + x.message()).collect(Collectors.joining("\n")));
    }

    /** The formula of the one claim in {@code case c "c" claim x "x": FORMULA}. */
    static Expr formula(String formula) {
        Parsed p = parse("case c \"c\"\nclaim x \"x\": " + formula + "\n");
        assertEquals("", p.diagnostics(), formula);
        Decl.Element el = (Decl.Element) p.unit().orElseThrow().decls().get(0);
        return el.formula().orElseThrow();
    }

    /** Fully parenthesised form of a formula, to show how it was grouped. */
    static String show(Expr e) {
        if (e instanceof Expr.Num n) return n.source();
        if (e instanceof Expr.Bool b) return String.valueOf(b.value());
        if (e instanceof Expr.Ref r) return r.name().text() + r.index().map(i -> "[" + show(i) + "]").orElse("");
        if (e instanceof Expr.Str s) return "\"" + s.value() + "\"";
        if (e instanceof Expr.DateLit d) return d.source();
        if (e instanceof Expr.Call c) return c.function().text() + c.args().stream().map(ParserTest::show)
                .collect(Collectors.joining(", ", "(", ")"));
        if (e instanceof Expr.Unary u) return "(" + (u.op() == Expr.UnOp.NOT ? "not " : "-") + show(u.operand()) + ")";
        if (e instanceof Expr.Binary b) return "(" + show(b.left()) + " " + b.op().symbol + " " + show(b.right()) + ")";
        if (e instanceof Expr.If i) return "(if " + show(i.cond()) + " then " + show(i.then()) + " else " + show(i.otherwise()) + ")";
        Expr.Quant q = (Expr.Quant) e;
        return "(" + q.kind().name().toLowerCase() + " " + q.var() + " in " + q.enumName().text() + ": " + show(q.body()) + ")";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a or b and not c                  | (a or (b and (not c)))",
        "a => b => c                       | (a => (b => c))",
        "a or b => c <=> d                 | (((a or b) => c) <=> d)",
        "not a < b                         | (not (a < b))",
        "a + b * c - d / e                 | ((a + (b * c)) - (d / e))",
        "1/2 * a                           | ((1 / 2) * a)",
        "a - b - c                         | ((a - b) - c)",
        "-a * b                            | ((-a) * b)",
        "- - a                             | (-(-a))",
        "sum(h in H) a[h] * b[h] + 1       | ((sum h in H: (a[h] * b[h])) + 1)",
        "2 * sum(h in H) a[h]              | (2 * (sum h in H: a[h]))",
        "forall h in H: a[h] <= 1 and b    | (forall h in H: ((a[h] <= 1) and b))",
        "(forall h in H: a[h]) and b       | ((forall h in H: a[h]) and b)",
        "if c then 1 else 2 + 3            | (if c then 1 else (2 + 3))",
        "(if c then 1 else 2) + 3 <= x     | (((if c then 1 else 2) + 3) <= x)",
        "min(a, b + 1) <= abs(-c)          | (min(a, (b + 1)) <= abs((-c)))",
        "risk[h] <= Hazard.sabotage        | (risk[h] <= Hazard.sabotage)",
        "x.y.z == json(\"/a/0\")            | (x.y.z == json(\"/a/0\"))",
    })
    void precedenceAndAssociativity(String formula, String grouped) {
        assertEquals(grouped, show(formula(formula)));
    }

    @Test
    void formulasMaySpanLinesAndEndAtTheNextKeyword() {
        Parsed p = parse("case c \"c\"\nclaim x \"x\":\n    a\n    and b supported by y, z\nclaim y \"y\" undeveloped claim z \"z\" undeveloped");
        assertEquals("", p.diagnostics());
        Decl.Element x = (Decl.Element) p.unit().orElseThrow().decls().get(0);
        assertEquals("(a and b)", show(x.formula().orElseThrow()));
        assertEquals(1, x.clauses().size());
        assertEquals(3, p.unit().get().decls().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "5%        | 1/20   | false",
        "100%      | 1      | false",
        "0.5%      | 1/200  | false",
        "2         | 2      | true",
        "2.0       | 2      | true",
        "2.50      | 5/2    | false",
        "1e3       | 1000   | true",
        "1.5e-3    | 3/2000 | false",
        "12E+2     | 1200   | true",
        "0.1       | 1/10   | false",
    })
    void numbersAreExactRationals(String literal, String value, boolean isInt) {
        Expr.Binary cmp = (Expr.Binary) formula("p <= " + literal);
        Expr.Num n = (Expr.Num) cmp.right();
        assertEquals(Rational.parse(value), n.value());
        assertEquals(isInt, n.isInt(), "an int literal has an integral value and no %");
        assertEquals(literal, n.source(), "the literal's spelling is kept");
    }

    @Test
    void positionsAreOneBasedLineAndColumnEvenWithCrlfAndTabs() {
        Parsed p = parse("case c \"c\"\r\n\tclaim x \"x\": p\r\n");
        Decl.Element x = (Decl.Element) p.unit().orElseThrow().decls().get(0);
        assertEquals(new Position("t.case", 2, 2), x.pos());
        assertEquals(new Position("t.case", 2, 15), x.formula().orElseThrow().pos());
        assertEquals(new Position("t.case", 1, 6), p.unit().get().header().orElseThrow().namePos());
    }

    @Test
    void aFileWithoutHeaderIsAModuleAndCommentsMayComeFirst() {
        assertFalse(parse("quantity p : probability\n").unit().orElseThrow().isCase());
        assertTrue(parse("// intro\n/* more */\ncase c \"c\"\n").unit().orElseThrow().isCase());
        assertFalse(parse("").unit().orElseThrow().isCase());
    }

    @Test
    void stringEscapes() {
        Parsed p = parse("case c \"a \\\"b\\\" \\\\ c\\nd\"\n");
        assertEquals("", p.diagnostics());
        assertEquals("a \"b\" \\ c\nd", p.unit().orElseThrow().header().orElseThrow().text().value());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the message names what was found and, where it is short, what was expected
        "enum E { a, b claim x \"x\"                  | 1:26 SC101 unexpected 'claim'; expected '}' or ','",
        "quantity text : real                        | 1:21 SC101 'text' is a reserved keyword and cannot be used as a name",
        "claim x \"x\": p <= supported by y            | 1:30 SC101 unexpected 'supported'; expected a formula",
        "claim x \"x\": a and exists h in H: b         | 1:31 SC101 'exists' extends as far right as it can, so it cannot be an operand here; put it in parentheses",
        "claim x \"x\": a < b < c undeveloped          | 1:31 SC101 unexpected '<': comparisons do not chain; write a < b and b < c",
        "claim x \"x\": a <=> b <=> c undeveloped      | 1:33 SC101 unexpected '<=>': <=> does not chain; add parentheses",
        "evidence e \"e\" expires 2027-1-01            | 1:35 SC101 unexpected '2027'; expected a date (YYYY-MM-DD)",
        "claim x \"x\": p <= 5 % undeveloped           | 1:32 SC102 unexpected '%' (write the percentage without a space, as 5%)",
        "claim x \"x\": p <= 1 ; undeveloped           | 1:32 SC102 unexpected character ';'",
        "claim x \"C:\\temp\" undeveloped               | 1:23 SC102 bad escape '\\t' in a string (only \\\", \\\\ and \\n are allowed; write \\\\ for a backslash)",
        "claim x \"x\" undeveloped /* no end           | 1:36 SC102 unterminated /* comment (it needs a */)",
        "claim x \"\"\"no end                          | 1:20 SC102 unterminated \"\"\" string (it needs a closing \"\"\")",
        "claim x \"x\": p <= 1e99999 undeveloped       | 1:30 SC102 number '1e99999' has an exponent too large to be useful",
    })
    void syntaxErrorsSayWhatIsWrong(String line, String expected) {
        Parsed p = parse("case c \"c\" " + line);
        assertEquals(expected, p.diagnostics().lines().findFirst().orElse(""));
        assertTrue(p.unit().isEmpty(), "a file with a syntax error gives no AST");
    }

    @Test
    void unterminatedStringStopsAtTheEndOfItsLine() {
        Parsed p = parse("case c \"c\"\nclaim x \"no end\n    undeveloped\nclaim y \"y\" undeveloped\n");
        assertEquals("2:9 SC102 unterminated string (a \"…\" string ends on its line; use \"\"\"…\"\"\" for several lines)",
                p.diagnostics());
    }

    @Test
    void blockCommentsDoNotNest() {
        Parsed p = parse("case c \"c\"\n/* a /* b */ c */\n");
        assertEquals("2:14 SC101 unexpected 'c'", p.diagnostics().lines().findFirst().orElse(""));
    }

    @Test
    void everySyntaxErrorOfAFileIsReported() {
        Parsed p = parse("case c \"c\"\nquantity 1x : real\nclaim y \"y\": p <= undeveloped\nenum E { }\n");
        assertEquals(3, p.diagnostics().lines().count(), p.diagnostics());
    }

    @Test
    void formulasDeeperThanTheLimitAreRefused() {
        String ok = "p" + " + p".repeat(Parser.MAX_DEPTH - 2) + " <= 1";
        assertEquals(Parser.MAX_DEPTH, dev.safecase.ast.FormulaDepth.depth(formula(ok)));
        Parsed p = parse("case c \"c\"\nclaim x \"x\": p" + " + p".repeat(Parser.MAX_DEPTH) + " <= 1\n");
        assertEquals("2:14 SC101 formula nested too deeply (more than 250 levels of operators); split it into several "
                + "claims or assumptions", p.diagnostics());
    }

    @Test
    void keywordsAreReserved() {
        for (String kw : List.of("case", "claim", "probability", "sum", "then", "sha256")) {
            Parsed p = parse("quantity " + kw + " : real\n");
            assertEquals("1:10 SC101 '" + kw + "' is a reserved keyword and cannot be used as a name", p.diagnostics());
        }
    }
}
