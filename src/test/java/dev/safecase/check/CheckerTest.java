package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.source.Sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checker's choices where the language leaves room (docs/language.md, "Choices"), shown
 * on the resolved terms it hands to the lowering.
 */
class CheckerTest {
    @TempDir
    Path tmp;

    private static Model.Case model(String body) {
        FrontEnd.Result r = FrontEnd.check("case c \"c\"\n" + body);
        assertEquals("", r.render(), "no diagnostics expected");
        return r.model().orElseThrow();
    }

    private static String errors(String body) {
        return FrontEnd.check("case c \"c\"\n" + body).render();
    }

    private static Term formula(Model.Case m, String id) {
        Model.Node n = m.node(id).orElseThrow();
        if (n instanceof Model.Claim c) return c.formula().orElseThrow();
        if (n instanceof Model.Assumption a) return a.formula().orElseThrow();
        return ((Model.Defeater) n).formula().orElseThrow();
    }

    private static final Type.EnumType HAZARD = new Type.EnumType("Hazard", List.of("deception", "sabotage"));

    private static Term real(String v) {
        return new Term.Num(Rational.parse(v), Type.REAL);
    }

    @Test
    void namesMayBeUsedBeforeTheirDeclaration() {
        Model.Case m = model("claim top \"t\": p <= limit undeveloped\nquantity p : probability\ndefine limit = 5%\n");
        assertEquals(new Term.Cmp(Term.CmpOp.LE, new Term.Var("p", Type.REAL), real("1/20")), formula(m, "top"));
    }

    @Test
    void bareEnumMembersResolveWhenOneEnumHasThem() {
        Model.Case m = model("enum Hazard { deception, sabotage }\nquantity h : Hazard\n"
                + "claim a \"a\": h == sabotage undeveloped\nclaim b \"b\": h == Hazard.sabotage undeveloped\n");
        assertEquals(formula(m, "a"), formula(m, "b"));
        assertEquals(new Term.EnumConst(HAZARD, "sabotage"), ((Term.Cmp) formula(m, "a")).right());
    }

    @Test
    void declaredNamesWinOverBareEnumMembers() {
        // `low` is a quantity here, so `level == low` compares an enum with a real
        assertEquals("5:20 error SC402 cannot compare enum Level with real; an enum compares only with the same enum",
                errors("enum Level { low, high }\nquantity level : Level\nquantity low : real\n"
                        + "claim a \"a\": level == low undeveloped\n"));
    }

    @Test
    void definesAreInlinedAsResolvedTreesWithoutNameCapture() {
        Model.Case m = model("""
                enum Hazard { deception, sabotage }
                quantity risk[h in Hazard] : probability
                define total = sum(h in Hazard) risk[h]
                claim each "Each": forall h in Hazard: total <= 1
                    undeveloped
                """);
        Term sum = new Term.Sum(List.of(new Term.Var("risk[deception]", Type.REAL),
                new Term.Var("risk[sabotage]", Type.REAL)), Type.REAL);
        Term le = new Term.Cmp(Term.CmpOp.LE, sum, new Term.Num(Rational.ONE, Type.INT));
        // the define's own binder h is not the claim's h: each conjunct holds the whole sum
        assertEquals(new Term.And(List.of(le, le)), dev.safecase.formula.Terms.inline(formula(m, "each")));
    }

    @Test
    void claimsArePropositions() {
        Model.Case m = model("""
                quantity p : probability
                claim formal "Formal": p <= 1%
                    undeveloped
                claim informal "Informal" undeveloped
                assumption warrant "Warrant": informal => formal
                claim top "Top" assuming warrant undeveloped
                """);
        assertEquals(new Term.Implies(new Term.ClaimRef("informal"), new Term.ClaimRef("formal")), formula(m, "warrant"));
    }

    @Test
    void arithmeticTypes() {
        Model.Case m = model("""
                quantity n : int
                quantity x : real
                claim a "a": n + 1 <= 2 undeveloped
                claim b "b": n / 2 <= x undeveloped
                claim c "c": n + 0.5 <= x undeveloped
                claim d "d": 1/2 * x <= 1 undeveloped
                """);
        assertEquals(Type.INT, ((Term.Cmp) formula(m, "a")).left().type());
        assertEquals(Type.REAL, ((Term.Cmp) formula(m, "b")).left().type(), "division is exact: an int divided is a real");
        assertEquals(Type.REAL, ((Term.Cmp) formula(m, "c")).left().type());
        assertEquals(new Term.Arith(Term.ArithOp.MUL, real("1/2"), new Term.Var("x", Type.REAL), Type.REAL),
                ((Term.Cmp) formula(m, "d")).left(), "constants fold exactly");
    }

    @Test
    void anEnumValuedIndexBecomesABranchPerMember() {
        Model.Case m = model("""
                enum Hazard { deception, sabotage }
                quantity worst : Hazard
                quantity risk[h in Hazard] : probability
                claim top "t": risk[worst] <= 1% undeveloped
                """);
        Term expected = new Term.Ite(new Term.Cmp(Term.CmpOp.EQ, new Term.Var("worst", HAZARD), new Term.EnumConst(HAZARD, "deception")),
                new Term.Var("risk[deception]", Type.REAL), new Term.Var("risk[sabotage]", Type.REAL), Type.REAL);
        assertEquals(expected, ((Term.Cmp) formula(m, "top")).left());
    }

    @Test
    void jsonTakesItsTypeFromWhereItStands() {
        Model.Case m = model("""
                enum Level { low, high }
                quantity n : int
                quantity level : Level
                quantity p : probability
                claim top "t": p <= 1% supported by e
                evidence e "E"
                    file "e.json"
                    gives n == json("/n"), json("/level") == level, json("/ok"), p <= rule_of_three(0, json("/n"))
                """);
        List<Model.Fact> facts = ((Model.Evidence) m.node("e").orElseThrow()).facts();
        assertEquals(Type.INT, ((Term.Cmp) facts.get(0).formula()).right().type());
        assertEquals(new Type.EnumType("Level", List.of("low", "high")), ((Term.Cmp) facts.get(1).formula()).left().type());
        assertEquals(Type.BOOL, assertInstanceOf(Term.Json.class, facts.get(2).formula()).type(), "a whole fact is bool");
        Term.Builtin b = assertInstanceOf(Term.Builtin.class, ((Term.Cmp) facts.get(3).formula()).right());
        assertEquals(Type.INT, b.args().get(0).type(), "the built-in's parameter types its argument");
    }

    @Test
    void roundedBuiltInsStandWhereALargerValueIsWeaker() {
        Model.Case m = model("""
                quantity p : probability
                quantity q : probability
                assumption upper "Upper": p <= rule_of_three(0, 300) and rule_of_three(0, 300) >= q
                claim top "t" assuming upper undeveloped
                """);
        Term.And and = assertInstanceOf(Term.And.class, formula(m, "upper"));
        assertEquals(2, and.operands().size());
        assertTrue(errors("quantity p : probability\nassumption a \"a\": p <= 1 or p <= rule_of_three(0, 300)\n"
                + "claim t \"t\" assuming a undeveloped\n").contains("SC406"), "not a top-level conjunct");
    }

    @Test
    void patternTextsInterpolateTheArgumentsAsWritten() {
        Model.Case m = model("""
                pattern p(what: text, limit: probability) {
                    quantity rate : probability "Rate of {what}"
                    claim top "{what} stays below {limit}; braces: {{x}}": rate <= limit
                        undeveloped
                }
                use p(what: "misuse", limit: 5%) as inst
                """);
        Model.Claim top = (Model.Claim) m.node("inst.top").orElseThrow();
        assertEquals("misuse stays below 5%; braces: {x}", top.text());
        assertEquals(new Term.Cmp(Term.CmpOp.LE, new Term.Var("inst.rate", Type.REAL), real("1/20")), top.formula().orElseThrow());
        assertEquals("Rate of misuse", m.quantities().get(0).description());
    }

    @Test
    void patternBodiesSeeTheirOwnNamesFirstThenTheDeclaringFile() {
        Model.Case m = model("""
                quantity rate : probability
                quantity shared : probability
                pattern p(x: int) {
                    quantity rate : probability
                    claim top "t": rate <= shared undeveloped
                }
                use p(x: 1) as inst
                """);
        assertEquals(new Term.Cmp(Term.CmpOp.LE, new Term.Var("inst.rate", Type.REAL), new Term.Var("shared", Type.REAL)),
                formula(m, "inst.top"));
    }

    @Test
    void completionsAddClausesAndReplaceUndeveloped() {
        Model.Case m = model("""
                pattern p(x: int) {
                    assumption inner "Inner"
                    claim top "t" assuming inner undeveloped
                }
                use p(x: 1) as inst
                assumption outer "Outer"
                claim leaf "Leaf" asserted "reviewed"
                claim inst.top assuming outer supported by leaf owner "team"
                """);
        Model.Claim top = (Model.Claim) m.node("inst.top").orElseThrow();
        assertEquals(List.of("inst.inner", "outer"), top.assuming());
        assertEquals(new Model.Direct(List.of("leaf"), List.of()), top.support());
        assertEquals(Optional.of("team"), top.owner());
    }

    @Test
    void moduleAssumptionsJoinACaseOnlyWhenNamed() throws IOException {
        Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(tmp.resolve("lib/premises.case"), """
                quantity p : probability
                assumption small "Small": p <= 1%
                assumption unrelated "Unrelated": p >= 0
                """, StandardCharsets.UTF_8);
        FrontEnd.Result r = FrontEnd.check(new Sources(tmp), "c.case", """
                case c "c"
                import lib.premises as pr
                claim top "Top": pr.p <= 2% assuming pr.small undeveloped
                """);
        assertEquals("", r.render());
        Model.Case m = r.model().orElseThrow();
        assertEquals(List.of("top", "pr.small"), m.nodes().stream().map(Model.Node::id).toList());
        assertEquals(List.of("pr.p"), m.quantities().stream().map(Model.Quantity::name).toList());
    }

    @Test
    void anUnusedBrokenPartOfAModuleStillFailsTheImport() throws IOException {
        Files.createDirectories(tmp.resolve("lib"));
        Files.writeString(tmp.resolve("lib/broken.case"), """
                quantity fine : probability
                define unused = fine + nothing
                """, StandardCharsets.UTF_8);
        FrontEnd.Result r = FrontEnd.check(new Sources(tmp), "c.case", """
                case c "c"
                import lib.broken
                claim top "Top": broken.fine <= 1% undeveloped
                """);
        String shown = new Sources(tmp).display(tmp.resolve("lib/broken.case"));
        // in source order: the module's own error (its absolute path sorts first), then the import that fails
        assertEquals("2:24 error SC201 unknown name 'nothing'\n"
                + "2:1 error SC209 module lib.broken has errors (reported at " + shown + ")", r.render());
    }

    @Test
    void aTextParameterIsNotAValue() {
        assertEquals("""
                3:18 error SC401 text parameter cannot be used in a formula (use {name} in a text instead)""",
                errors("pattern p(name: text) {\n  claim top \"t\": name undeveloped\n}\nuse p(name: \"x\") as i\n"));
    }
}
