package dev.safecase.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A guessed model is only ever taken when Z3 agrees the premises are satisfiable. */
class WitnessTest {
    private static final Term.Var X = new Term.Var("x", Type.REAL);
    private static final Term.Var N = new Term.Var("n", Type.INT);

    private static Term num(String r) {
        return new Term.Num(Rational.parse(r), Type.REAL);
    }

    private static boolean sat(Term... fs) {
        return Witness.satisfiesAll(List.of(fs), Map.of());
    }

    @Test
    void evaluatesExactlyAndGivesUpWhenUnsure() {
        assertTrue(sat(new Term.Cmp(Term.CmpOp.LE, X, num("1/3"))), "x = 0");
        assertFalse(sat(new Term.Cmp(Term.CmpOp.GT, X, num("0"))));
        assertFalse(sat(new Term.Cmp(Term.CmpOp.LE, new Term.Arith(Term.ArithOp.DIV, num("1"), X, Type.REAL), num("5"))),
                "1 / 0 is any value to Z3: no conclusion");
        assertFalse(sat(new Term.Cmp(Term.CmpOp.EQ, new Term.Arith(Term.ArithOp.DIV, N, new Term.Num(Rational.of(2), Type.INT), Type.INT),
                new Term.Num(Rational.ZERO, Type.INT))), "an integer division is not guessed");
        assertTrue(sat(new Term.Or(List.of(new Term.ClaimRef("c"), new Term.Not(new Term.ClaimRef("c"))))));
        assertTrue(sat(new Term.ClaimRef("c")), "atoms true");
        assertTrue(sat(new Term.Not(new Term.ClaimRef("c"))), "then atoms false");
        assertFalse(sat(new Term.ClaimRef("c"), new Term.Not(new Term.ClaimRef("c"))));
        Type.EnumType level = new Type.EnumType("Level", List.of("low", "high"));
        Term.Var lv = new Term.Var("lvl", level);
        assertTrue(sat(new Term.Cmp(Term.CmpOp.EQ, lv, new Term.EnumConst(level, "low"))));
        assertFalse(sat(new Term.Cmp(Term.CmpOp.EQ, lv, new Term.EnumConst(level, "high"))));
        Term range = new Term.And(List.of(new Term.Cmp(Term.CmpOp.LE, num("5/2"), N), new Term.Cmp(Term.CmpOp.LE, N, num("10"))));
        Map<String, Rational> lows = new HashMap<>();
        Witness.low(new Premise.Range("n", range)).ifPresent(l -> lows.put("n", l));
        assertEquals(Optional.of(Rational.of(3)), Optional.ofNullable(lows.get("n")), "an int's low end, rounded up");
        assertTrue(Witness.satisfiesAll(List.of(range, new Term.Cmp(Term.CmpOp.EQ, N, num("3"))), lows));
        assertFalse(Witness.satisfiesAll(List.of(range, new Term.Cmp(Term.CmpOp.EQ, N, num("4"))), lows));
    }

    /** Every corpus obligation and seeded mutants of them: whenever the guess says satisfiable, so does Z3. */
    @Test
    void neverSaysSatisfiableWhereZ3DoesNot() {
        List<Obligation> pool = new ArrayList<>();
        for (Verifier.Outcome out : CrossCheckTest.outcomes()) {
            for (Verifier.Prepared p : out.prepared().values()) pool.addAll(p.lowered().obligations().stream().filter(Obligation::isSolved).toList());
        }
        Random rnd = new Random(7);
        int guessed = 0;
        int checked = 0;
        try (Z3Session z3 = new Z3Session(5_000, 5_000_000)) {
            for (int i = 0; i < pool.size() * 4; i++) {
                Obligation o = pool.get(i % pool.size());
                List<Premise> premises = new ArrayList<>(o.premises());
                if (i >= pool.size() && !premises.isEmpty()) {
                    int k = rnd.nextInt(premises.size());
                    premises.set(k, premises.get(k).withFormula(SoundnessTest.mutateTerm(dev.safecase.formula.Terms.inline(premises.get(k).formula()), rnd)));
                }
                Map<String, Rational> lows = new HashMap<>();
                for (Premise p : premises) if (p instanceof Premise.Range r) Witness.low(r).ifPresent(l -> lows.put(r.quantity(), l));
                if (!Witness.satisfiesAll(premises.stream().map(Premise::formula).toList(), lows)) continue;
                guessed++;
                Obligation asSat = new Obligation(o.id(), o.pos(), Obligation.Mode.SATISFIABLE, premises, Optional.empty(), List.of(), Optional.empty());
                Verdict v = z3.decide(asSat);
                checked++;
                assertEquals(Verdict.Answer.PROVED, v.answer(), "guessed satisfiable but Z3 says " + v.answer() + ": " + o.id() + " " + premises);
            }
        }
        assertTrue(guessed > 20, "the guess should succeed now and then: " + guessed + " of " + pool.size() * 4);
        assertTrue(checked == guessed);
    }
}
