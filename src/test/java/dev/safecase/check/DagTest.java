package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Term questions answered once per shared sub-term: a DAG with 2^100 paths is no harder than one with 100 nodes. */
class DagTest {
    private static Term doubled(Term leaf, int levels) {
        Term t = leaf;
        for (int i = 0; i < levels; i++) t = new Term.Arith(Term.ArithOp.ADD, t, t, Type.REAL);
        return t;
    }

    @Test
    void depthFollowsTheLongestPath() {
        assertEquals(101, new Dag().depth(doubled(new Term.Var("x", Type.REAL), 100)));
    }

    @Test
    void constantsFoldAsTermsConstantDoes() {
        Dag dag = new Dag();
        assertEquals(Optional.of(Rational.of(1L << 40)), dag.constant(doubled(new Term.Num(Rational.ONE, Type.INT), 40)));
        assertEquals(Optional.empty(), dag.constant(doubled(new Term.Var("x", Type.REAL), 100)));
        Term half = new Term.Arith(Term.ArithOp.DIV, new Term.Num(Rational.ONE, Type.INT), new Term.Num(Rational.of(2), Type.INT),
                Type.REAL);
        assertEquals(Optional.of(Rational.of(-1, 2)), dag.constant(new Term.Neg(half, Type.REAL)));
        assertEquals(Optional.empty(), dag.constant(new Term.Ite(new Term.BoolConst(true), half, half, Type.REAL)));
    }

    @Test
    void claimsAreListedInTheOrderFirstNamed() {
        Term a = new Term.ClaimRef("a");
        Term b = new Term.ClaimRef("b");
        Term shared = new Term.And(List.of(b, a));
        Term t = new Term.Or(List.of(shared, new Term.Not(shared), new Term.ClaimRef("c")));
        for (int i = 0; i < 80; i++) t = new Term.And(List.of(t, t));
        assertEquals(List.of("b", "a", "c"), List.copyOf(Dag.claims(t)));
    }

    @Test
    void jsonIsFoundUnderSharedTerms() {
        Dag dag = new Dag();
        assertFalse(dag.containsJson(doubled(new Term.Var("x", Type.REAL), 100)));
        assertTrue(dag.containsJson(doubled(new Term.Json("/n", Type.REAL, new dev.safecase.diag.Position("f", 1, 1)), 100)));
    }
}
