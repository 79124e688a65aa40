package dev.safecase.ast;

import dev.safecase.num.Rational;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parse tree to AST: texts, clauses, patterns and uses as the later passes see them. */
class AstBuilderTest {

    private static SourceUnit parse(String text) {
        Diagnostics d = new Diagnostics();
        Optional<SourceUnit> unit = dev.safecase.source.Sources.parse(new SourceText(null, "t.case", text), d);
        assertEquals(List.of(), d.sorted());
        return unit.orElseThrow();
    }

    @Test
    void longStringsDropTheFirstLineBreakAndTheCommonIndentation() {
        String raw = "\"\"\"\n        First line\n          indented more\n\n        last\n    \"\"\"";
        assertEquals("First line\n  indented more\n\nlast", AstBuilder.longString(raw));
        assertEquals("one line", AstBuilder.longString("\"\"\"one line\"\"\""));
        assertEquals("keeps \"quotes\" and \\ as written", AstBuilder.longString("\"\"\"keeps \"quotes\" and \\ as written\"\"\""));
        assertEquals("a\nb", AstBuilder.longString("\"\"\"\r\n  a\r\n  b\r\n\"\"\""));
    }

    @Test
    void longStringsAreTextsLikeAnyOther() {
        SourceUnit u = parse("case c \"\"\"\n    A case whose text\n    spans two lines\n    \"\"\"\n");
        assertEquals("A case whose text\nspans two lines", u.header().orElseThrow().text().value());
    }

    @Test
    void elementsKeepTheirClausesInSourceOrder() {
        SourceUnit u = parse("""
                case c "c"
                claim top "Top": p <= 1%
                    owner "team"
                    supported by a, b.c
                    assuming x
                """);
        Decl.Element top = (Decl.Element) u.decls().get(0);
        assertEquals(Decl.ElementKind.CLAIM, top.kind());
        assertEquals("top", top.id().text());
        assertEquals(new Position("t.case", 2, 1), top.pos());
        assertEquals(List.of(Clause.Kind.OWNER, Clause.Kind.SUPPORTED_BY, Clause.Kind.ASSUMING),
                top.clauses().stream().map(Clause::kind).toList());
        Clause.Support sup = (Clause.Support) top.clauses().get(1);
        List<Name> names = sup.items().stream().map(i -> ((Clause.Plain) i).ref().name()).toList();
        assertEquals(List.of("a", "b.c"), names.stream().map(Name::text).toList());
        assertEquals(new Position("t.case", 4, 18), names.get(0).pos());
    }

    @Test
    void evidenceClauses() {
        SourceUnit u = parse("""
                case c "c"
                evidence e "E"
                    gives p <= json("/a"), q == 1
                    expires 2027-06-01
                    file "x.json"
                """);
        Decl.Element e = (Decl.Element) u.decls().get(0);
        Clause.Gives g = (Clause.Gives) e.clauses().get(0);
        assertEquals(2, g.facts().size());
        Clause.Expires exp = (Clause.Expires) e.clauses().get(1);
        assertEquals("2027-06-01", exp.date());
        assertEquals(new Position("t.case", 4, 13), exp.datePos());
        assertEquals("x.json", ((Clause.Str) e.clauses().get(2)).text().value());
    }

    @Test
    void patternsAndUsesKeepTheArgumentsAsWritten() {
        SourceUnit u = parse("""
                case c "c"
                pattern p(name: text, limit: probability, n: int, on: bool) {
                    claim top "About {name}" undeveloped
                }
                use p(name: "x", limit: 5%, n: 2 * 3, on: true) as inst
                """);
        Decl.Pattern p = (Decl.Pattern) u.decls().get(0);
        assertEquals(List.of(Decl.ParamType.TEXT, Decl.ParamType.PROBABILITY, Decl.ParamType.INT, Decl.ParamType.BOOL),
                p.params().stream().map(Decl.Param::type).toList());
        assertEquals(1, p.body().size());
        Decl.Use use = (Decl.Use) u.decls().get(1);
        assertEquals("inst", use.prefix().id());
        // the source text of an argument is what {name} interpolates: "5%" stays "5%"
        assertEquals(List.of("x", "5%", "2 * 3", "true"), use.args().stream().map(Decl.Arg::source).toList());
        assertTrue(use.args().get(0).text().isPresent());
        assertTrue(use.args().get(1).value().isPresent());
    }

    @Test
    void indexedQuantitiesAndRanges() {
        SourceUnit u = parse("""
                case c "c"
                quantity risk[h in Hazard] : probability "Risk of {h}"
                quantity n : int in [0, 10]
                """);
        Decl.Quantity risk = (Decl.Quantity) u.decls().get(0);
        assertEquals(Optional.of("h"), risk.indexVar().map(Decl.Ident::id));
        assertEquals(Optional.of("Hazard"), risk.indexEnum().map(Name::text));
        Decl.Quantity n = (Decl.Quantity) u.decls().get(1);
        Decl.IntType t = (Decl.IntType) n.type();
        assertEquals(Rational.of(10), ((Expr.Num) t.range().orElseThrow().high()).value());
    }

    @Test
    void rationalsAreExact() {
        assertEquals(Rational.of(1, 20), Rational.parse("0.05"));
        assertEquals(Rational.of(3, 2000), Rational.parse("1.5e-3"));
        assertEquals("-1/3", Rational.of(2, -6).toString());
        assertEquals(Rational.of(1, 3), Rational.of(1, 6).add(Rational.of(1, 6)));
        assertEquals(java.math.BigInteger.ONE, Rational.of(1, 3).ceil());
        assertEquals(java.math.BigInteger.valueOf(-1), Rational.of(-1, 3).floor());
        assertThrows(ArithmeticException.class, () -> Rational.of(1, 0));
        assertTrue(Rational.of(1, 3).compareTo(Rational.parse("0.3333333333333333")) > 0, "no rounding: 1/3 > 0.3333…");
    }
}
