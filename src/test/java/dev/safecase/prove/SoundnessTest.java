package dev.safecase.prove;

import dev.safecase.judge.Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safecase.pipeline.Verifier;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the goals and premises of the corpus's obligations (seeded) and checks that no mutant
 * reported proved is one that cvc5 finds satisfiable (premises ∧ ¬goal) or whose premises cvc5
 * finds unsatisfiable.
 */
class SoundnessTest {
    private static final int MUTANTS = 600;

    @Test
    void noMutantThatCvc5RefutesIsProved(@TempDir Path tmp) throws Exception {
        assumeTrue(Solvers.available("cvc5"), "the cvc5 binary is not installed");
        List<Obligation> pool = new ArrayList<>();
        for (Verifier.Outcome out : CrossCheckTest.outcomes()) {
            for (Verifier.Prepared p : out.prepared().values()) {
                for (Obligation o : p.lowered().obligations()) {
                    if (o.mode() == Obligation.Mode.ENTAILMENT && o.goal().isPresent()) pool.add(o);
                }
            }
        }
        assertTrue(pool.size() >= 20, "corpus too small: " + pool.size());
        Random rnd = new Random(20261123L);
        List<String> unsound = new ArrayList<>();
        int proved = 0;
        int refuted = 0;
        try (Z3Session z3 = new Z3Session(5_000, 5_000_000)) {
            for (int i = 0; i < MUTANTS; i++) {
                Obligation m = mutate(pool.get(rnd.nextInt(pool.size())), rnd, i);
                Verdict v = z3.decide(m);
                if (v.answer() == Verdict.Answer.REFUTED) refuted++;
                if (v.answer() != Verdict.Answer.PROVED) continue;
                proved++;
                Path f = tmp.resolve("m" + i + ".smt2");
                Files.writeString(f, dev.safecase.prove.SmtLib.standalone(m, "mutant", "test"), StandardCharsets.UTF_8);
                List<String> got = Solvers.answers("cvc5", f);
                if (got.contains("sat") && (got.get(0).equals("unsat") || got.size() > 1 && got.get(1).equals("sat"))) {
                    unsound.add("mutant " + i + " of " + m.id() + " is proved but cvc5 says " + got);
                } else if (!got.isEmpty() && got.get(0).equals("unsat")) {
                    unsound.add("mutant " + i + " of " + m.id() + " is proved but its premises are unsatisfiable for cvc5");
                }
            }
        }
        assertEquals(List.of(), unsound);
        assertTrue(proved > 50 && refuted > 50, "mutants should land on both sides: proved " + proved + ", refuted " + refuted);
    }

    /**
     * The same mutants decided the way a run decides them: cut into blocks, premises shown satisfiable by
     * the consistency phase (a guessed model or one check of their union), entailments tried on slices.
     */
    @Test
    void noMutantThatCvc5RefutesIsProvedByTheProver(@TempDir Path tmp) throws Exception {
        assumeTrue(Solvers.available("cvc5"), "the cvc5 binary is not installed");
        List<Obligation> pool = new ArrayList<>();
        for (Verifier.Outcome out : CrossCheckTest.outcomes()) {
            for (Verifier.Prepared p : out.prepared().values()) {
                for (Obligation o : p.lowered().obligations()) {
                    if (o.mode() == Obligation.Mode.ENTAILMENT && o.goal().isPresent()) pool.add(o);
                }
            }
        }
        Random rnd = new Random(20261202L);
        List<Obligation> mutants = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) mutants.add(mutate(pool.get(rnd.nextInt(pool.size())), rnd, i));
        List<Block> blocks = Prover.plan(Map.of("mutants", mutants));
        Map<Block, List<Verdict>> decided = new Prover(5_000, 5_000_000, 2).decide(blocks, Prover.Progress.NONE);
        List<String> unsound = new ArrayList<>();
        int proved = 0;
        int i = 0;
        for (Block b : blocks) {
            if (b.divisors()) continue;
            for (int k = 0; k < b.size(); k++, i++) {
                if (decided.get(b).get(k).answer() != Verdict.Answer.PROVED) continue;
                proved++;
                Obligation m = b.obligations().get(k);
                Path f = tmp.resolve("p" + i + ".smt2");
                Files.writeString(f, dev.safecase.prove.SmtLib.standalone(m, "mutant", "test"), StandardCharsets.UTF_8);
                List<String> got = Solvers.answers("cvc5", f);
                // as above: only an answer of cvc5 that contradicts the proof counts (a cvc5 timeout on non-linear mutants does not)
                if (got.contains("sat") && (got.get(0).equals("unsat") || got.size() > 1 && got.get(1).equals("sat"))) {
                    unsound.add("mutant " + i + " of " + m.id() + " is proved but cvc5 says " + got);
                } else if (!got.isEmpty() && got.get(0).equals("unsat")) {
                    unsound.add("mutant " + i + " of " + m.id() + " is proved but its premises are unsatisfiable for cvc5");
                }
            }
        }
        assertEquals(List.of(), unsound);
        assertTrue(proved > 50, "proved " + proved);
    }

    private static Obligation mutate(Obligation o, Random rnd, int seq) {
        // defines inlined first: a mutation inside one use of a define must not change its other uses
        List<Premise> premises = new ArrayList<>(o.premises().stream().map(p -> p.withFormula(Terms.inline(p.formula()))).toList());
        Term goal = Terms.inline(o.goal().orElseThrow());
        int what = rnd.nextInt(4);
        if (what == 0 && !premises.isEmpty()) {
            premises.remove(rnd.nextInt(premises.size()));
        } else if (what == 1 && !premises.isEmpty()) {
            int k = rnd.nextInt(premises.size());
            Premise p = premises.get(k);
            premises.set(k, p.withFormula(mutateTerm(p.formula(), rnd)));
        } else {
            goal = mutateTerm(goal, rnd);
        }
        return o.with(premises, Optional.of(goal));
    }

    /** Changes one randomly chosen node: a comparison operator, a constant, or negates a sub-formula. */
    static Term mutateTerm(Term t, Random rnd) {
        int count = count(t);
        int target = rnd.nextInt(Math.max(1, count));
        AtomicInteger seen = new AtomicInteger();
        int choice = rnd.nextInt(3);
        Rational factor = List.of(Rational.of(1, 2), Rational.of(2), Rational.of(101, 100), Rational.of(99, 100))
                .get(rnd.nextInt(4));
        Term.CmpOp op = Term.CmpOp.values()[rnd.nextInt(Term.CmpOp.values().length)];
        return Terms.map(t, x -> {
            if (seen.getAndIncrement() != target) return x;
            if (x instanceof Term.Num n && choice != 2) {
                Rational v = n.value().signum() == 0 ? Rational.of(1, 100) : n.value().multiply(factor);
                return new Term.Num(n.type() instanceof Type.Int ? Rational.of(v.ceil()) : v, n.type());
            }
            if (x instanceof Term.Cmp c && choice == 0 && c.left().type().isNumeric()) return new Term.Cmp(op, c.left(), c.right());
            if (x.type() instanceof Type.Bool) return new Term.Not(x);
            return x;
        });
    }

    private static int count(Term t) {
        int n = 1;
        for (Term c : Terms.children(t)) n += count(c);
        return n;
    }

}
