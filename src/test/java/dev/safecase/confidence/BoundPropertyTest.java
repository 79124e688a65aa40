package dev.safecase.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Position;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Verifier;
import dev.safecase.prove.Verdict;
import dev.safecase.prove.Z3Session;
import dev.safecase.result.CaseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Soundness of the bound on random cases (seeded). For every claim with a finite bound and the premises it sums over:
 * (1) with every one of those premises holding, the claim holds (Z3); (2) for each pattern of failing premises, Z3
 * decides whether the claim can then be false; the exact probability that it is false, summed over the patterns, is
 * never above the bound, whether the premises fail independently, together (comonotone), in disjoint events (the
 * adversarial worst case, where the union bound is attained when the doubts sum to at most 1), or under random
 * couplings. Every probability is an exact rational.
 */
class BoundPropertyTest {
    private static final long SEED = 19_2026L;
    private static final int CASES = 24;
    private static final int MAX_PREMISES = 5;

    @TempDir
    Path dir;

    @Test
    void theBoundIsNeverBelowTheProbabilityThatTheClaimIsFalse() throws Exception {
        Random rnd = new Random(SEED);
        int checked = 0;
        int tight = 0;
        try (Z3Session z3 = new Z3Session(10_000, 5_000_000)) {
            for (int n = 0; n < CASES; n++) {
                String text = randomCase(rnd, n);
                Path d = Files.createTempDirectory(dir, "r");
                Verifier.Outcome o = Cases.run(d, Map.of("c.case", text), "c.case");
                assertTrue(!o.run().hasInputErrors(), () -> o.run().diagnostics() + "\n" + text);
                CaseResult c = o.run().cases().get(0);
                Model.Case model = o.prepared().get(c.name()).model();
                for (Model.Claim claim : model.all(Model.Claim.class)) {
                    if (!(c.confidence().of(claim.id()) instanceof Bound.Finite f)) continue;
                    if (f.contributors().size() > MAX_PREMISES) continue;
                    Map<Integer, Boolean> falsifiable = new HashMap<>();
                    List<Bound.Contribution> cs = f.contributors();
                    for (int mask = 0; mask < (1 << cs.size()); mask++) {
                        falsifiable.put(mask, falsifiable(z3, model, claim, cs, mask));
                    }
                    assertEquals(false, falsifiable.get(0), () -> claim.id() + " can be false with all its premises true\n" + text);
                    List<Rational> d1 = cs.stream().map(Bound.Contribution::doubt).toList();
                    Rational sum = f.sum();
                    for (Map<Integer, Rational> dist : distributions(d1, rnd)) {
                        Rational pFalse = Rational.ZERO;
                        Rational pSome = Rational.ZERO;
                        for (var e : dist.entrySet()) {
                            if (falsifiable.get(e.getKey())) pFalse = pFalse.add(e.getValue());
                            if (e.getKey() != 0) pSome = pSome.add(e.getValue());
                        }
                        Rational fp = pFalse;
                        assertTrue(f.value().compareTo(pFalse) >= 0, () -> claim.id() + ": bound " + f.value()
                                + " below P(false) = " + fp + "\n" + text);
                        assertTrue(pFalse.compareTo(pSome) <= 0);
                    }
                    if (sum.compareTo(Rational.ONE) <= 0) {
                        // disjoint failures: P(some premise fails) is exactly the sum, the bound
                        Map<Integer, Rational> disjoint = coupling(d1, offsets(d1));
                        Rational pSome = Rational.ZERO;
                        for (var e : disjoint.entrySet()) if (e.getKey() != 0) pSome = pSome.add(e.getValue());
                        assertEquals(f.value(), pSome);
                        tight++;
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "too few bounded claims to check: " + checked);
        assertTrue(tight >= 10, "too few cases where the union bound is attained: " + tight);
    }

    // ------------------------------------------------------------ random cases

    private static String randomCase(Random rnd, int n) {
        int qs = 3;
        StringBuilder sb = new StringBuilder("case r" + n + " \"Random case " + n + "\"\n");
        for (int i = 0; i < qs; i++) sb.append("quantity x").append(i).append(" : real in [0, 10]\n");
        int leaves = 2 + rnd.nextInt(2);
        for (int i = 0; i < leaves; i++) {
            sb.append("claim l").append(i).append(" \"leaf\": x").append(rnd.nextInt(qs)).append(" <= ")
                    .append(1 + rnd.nextInt(5)).append(" asserted \"r\" doubt ").append(doubt(rnd)).append('\n');
        }
        int assumptions = 3;
        for (int i = 0; i < assumptions; i++) {
            int a = rnd.nextInt(qs);
            int b = rnd.nextInt(qs);
            String f = a == b ? "x" + a + " <= " + (2 + rnd.nextInt(7)) : "x" + a + " <= x" + b + " + " + rnd.nextInt(3);
            sb.append("assumption a").append(i).append(" \"a\": ").append(f);
            if (rnd.nextInt(6) > 0) sb.append(" doubt ").append(doubt(rnd));
            sb.append('\n');
        }
        int claims = 3;
        for (int i = 0; i < claims; i++) {
            List<String> support = new ArrayList<>();
            for (int j = 0; j < leaves; j++) if (rnd.nextBoolean()) support.add("l" + j);
            for (int j = 0; j < i; j++) if (rnd.nextBoolean()) support.add("c" + j);
            if (support.isEmpty()) support.add("l0");
            List<String> assuming = new ArrayList<>();
            for (int j = 0; j < assumptions; j++) if (rnd.nextBoolean()) assuming.add("a" + j);
            sb.append("claim c").append(i).append(" \"c\": x").append(rnd.nextInt(qs)).append(" <= ").append(3 + rnd.nextInt(8));
            if (!assuming.isEmpty()) sb.append(" assuming ").append(String.join(", ", assuming));
            sb.append(" supported by ").append(String.join(", ", support)).append('\n');
            if (rnd.nextInt(4) == 0) {
                sb.append("defeater d").append(i).append(" \"d\" rebuts c").append(i).append(" accepted \"r\" doubt ")
                        .append(doubt(rnd)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String doubt(Random rnd) {
        return (1 + rnd.nextInt(300)) + "/1000";
    }

    // ------------------------------------------------------------ can the claim be false?

    /** Whether the claim can be false when exactly the premises in {@code mask} fail (an accepted defeater: it holds). */
    private static boolean falsifiable(Z3Session z3, Model.Case model, Model.Claim claim, List<Bound.Contribution> cs,
                                       int mask) {
        List<Premise> premises = new ArrayList<>();
        for (Model.Quantity q : model.quantities()) {
            Term v = new Term.Var(q.name(), q.type());
            premises.add(new Premise.Range(q.name(), new Term.And(List.of(
                    new Term.Cmp(Term.CmpOp.LE, new Term.Num(q.low().orElseThrow(), Type.REAL), v),
                    new Term.Cmp(Term.CmpOp.LE, v, new Term.Num(q.high().orElseThrow(), Type.REAL))))));
        }
        for (int i = 0; i < cs.size(); i++) {
            Optional<Term> f = formula(model, cs.get(i).source());
            boolean fails = (mask & (1 << i)) != 0;
            if (f.isEmpty()) {
                if (fails) return true; // a defeater that holds may make the claim false in ways no formula states
                continue;
            }
            premises.add(new Premise.Assumption(cs.get(i).source().id(), fails ? new Term.Not(f.get()) : f.get()));
        }
        Obligation o = new Obligation(ObligationId.of(Obligation.Kind.INFERENCE, claim.id()), Position.NONE,
                Obligation.Mode.ENTAILMENT, premises, claim.formula(), List.of(), Optional.empty());
        Verdict v = z3.decide(o);
        // an impossible pattern (vacuous) is counted as if it made the claim false: the worst case
        return v.answer() != Verdict.Answer.PROVED;
    }

    private static Optional<Term> formula(Model.Case model, Source s) {
        Model.Node n = model.node(s.id()).orElseThrow();
        if (n instanceof Model.Assumption a) return a.formula();
        if (n instanceof Model.Claim c) return c.formula();
        return Optional.empty();
    }

    // ------------------------------------------------------------ joint distributions of failures

    /** Independent, comonotone, disjoint and three random couplings: each a distribution over failure patterns. */
    private static List<Map<Integer, Rational>> distributions(List<Rational> d, Random rnd) {
        List<Map<Integer, Rational>> out = new ArrayList<>();
        out.add(independent(d));
        out.add(coupling(d, d.stream().map(x -> Rational.ZERO).toList()));
        out.add(coupling(d, offsets(d)));
        for (int k = 0; k < 3; k++) {
            List<Rational> off = new ArrayList<>();
            for (int i = 0; i < d.size(); i++) off.add(Rational.of(rnd.nextInt(1000), 1000));
            out.add(coupling(d, off));
        }
        return out;
    }

    private static Map<Integer, Rational> independent(List<Rational> d) {
        Map<Integer, Rational> out = new HashMap<>();
        for (int mask = 0; mask < (1 << d.size()); mask++) {
            Rational p = Rational.ONE;
            for (int i = 0; i < d.size(); i++) {
                p = p.multiply((mask & (1 << i)) != 0 ? d.get(i) : Rational.ONE.subtract(d.get(i)));
            }
            out.put(mask, p);
        }
        return out;
    }

    /** Back to back: premise i fails on [Σ_{j<i} d_j, Σ_{j<=i} d_j) of the unit circle. */
    private static List<Rational> offsets(List<Rational> d) {
        List<Rational> out = new ArrayList<>();
        Rational at = Rational.ZERO;
        for (Rational x : d) {
            out.add(at);
            at = at.add(x);
        }
        return out;
    }

    /**
     * Premise i fails on the arc [offset_i, offset_i + d_i) of the unit circle (a uniform point): a coupling with the
     * given marginals. Enumerates the arcs' pieces and which premises fail on each.
     */
    private static Map<Integer, Rational> coupling(List<Rational> d, List<Rational> offsets) {
        TreeSet<Rational> cuts = new TreeSet<>();
        cuts.add(Rational.ZERO);
        cuts.add(Rational.ONE);
        for (int i = 0; i < d.size(); i++) {
            cuts.add(frac(offsets.get(i)));
            cuts.add(frac(offsets.get(i).add(d.get(i))));
        }
        Map<Integer, Rational> out = new HashMap<>();
        Rational prev = null;
        for (Rational c : cuts) {
            if (prev != null && c.compareTo(prev) > 0) {
                Rational mid = prev.add(c).divide(Rational.of(2));
                int mask = 0;
                for (int i = 0; i < d.size(); i++) if (onArc(mid, frac(offsets.get(i)), d.get(i))) mask |= 1 << i;
                out.merge(mask, c.subtract(prev), Rational::add);
            }
            prev = c;
        }
        return out;
    }

    private static boolean onArc(Rational x, Rational start, Rational length) {
        if (length.compareTo(Rational.ONE) >= 0) return true;
        Rational end = start.add(length);
        if (end.compareTo(Rational.ONE) <= 0) return x.compareTo(start) >= 0 && x.compareTo(end) < 0;
        return x.compareTo(start) >= 0 || x.compareTo(end.subtract(Rational.ONE)) < 0;
    }

    private static Rational frac(Rational r) {
        return r.subtract(Rational.of(r.floor()));
    }
}
