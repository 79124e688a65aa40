package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Defines resolved once each, without recursion, and shared by every use. */
class DefinesTest {
    private static Defines.Resolved use(Passes p, Declarations.Declared d, String name) {
        Scope.DefineSym sym = (Scope.DefineSym) d.caseScope().local(name).orElseThrow();
        return p.formulas.defines().use(sym, Optional.empty()).orElseThrow(() -> new AssertionError(p.findings()));
    }

    /** The term under any number of define names. */
    private static Term body(Term t) {
        while (t instanceof Term.Def def) t = def.body();
        return t;
    }

    @Test
    void aLongChainResolvesInALoop() {
        StringBuilder s = new StringBuilder("case c \"c\"\nquantity b : bool\ndefine d0 = b\n");
        for (int i = 1; i <= 20_000; i++) s.append("define d").append(i).append(" = d").append(i - 1).append('\n');
        Passes p = Passes.of(s.toString());
        Declarations.Declared d = p.declare();
        Defines.Resolved r = use(p, d, "d20000");
        assertEquals("d20000", ((Term.Def) r.term()).name(), "a use of a define names it");
        assertEquals(new Term.Var("b", Type.BOOL), body(r.term()));
        assertEquals(Type.BOOL, r.type());
        assertEquals(1, r.depth());
        assertSame(body(r.term()), body(use(p, d, "d1").term()), "every define of the chain shares the one term");
    }

    @Test
    void doublingDefinesShareTheirHalvesAndKnowTheirDepth() {
        StringBuilder s = new StringBuilder("case c \"c\"\nquantity x : real\ndefine d0 = x\n");
        for (int i = 1; i <= 60; i++) s.append("define d").append(i).append(" = d").append(i - 1).append(" + d").append(i - 1).append('\n');
        Passes p = Passes.of(s.toString());
        Declarations.Declared d = p.declare();
        Defines.Resolved r = use(p, d, "d60");
        assertEquals(61, r.depth());
        Term.Arith top = (Term.Arith) ((Term.Def) r.term()).body();
        assertSame(top.left(), top.right());
        assertSame(top.left(), use(p, d, "d59").term(), "every use of a define is the one shared term");
    }

    @Test
    void aCycleIsReportedOnceAtTheDefineWhereItCloses() {
        Passes p = Passes.of("case c \"c\"\nquantity x : real\ndefine a = b + x\ndefine b = c * 2\ndefine c = a\n");
        Declarations.Declared d = p.declare();
        Scope.DefineSym a = (Scope.DefineSym) d.caseScope().local("a").orElseThrow();
        assertEquals(Optional.empty(), p.formulas.defines().use(a, Optional.empty()));
        assertEquals("3:8 SC305 define cycle: a -> b -> c -> a", p.findings());
    }
}
