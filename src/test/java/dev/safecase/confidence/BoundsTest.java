package dev.safecase.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import dev.safecase.result.CaseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact bounds on small cases, computed by hand, through the whole pipeline. */
class BoundsTest {
    @TempDir
    Path dir;

    private static Rational r(long n, long d) {
        return Rational.of(n, d);
    }

    private static Bound.Finite finite(CaseResult c, String claim) {
        return assertInstanceOf(Bound.Finite.class, c.confidence().of(claim), () -> claim + ": " + c.confidence().of(claim));
    }

    private static List<String> contributors(Bound.Finite f) {
        return f.contributors().stream().map(x -> x.source().id() + "=" + x.doubt()).toList();
    }

    @Test
    void aProvedStepAddsOnlyThePremisesInItsCore() {
        CaseResult c = Cases.judged(dir, """
                case core "Core"
                quantity p : probability
                quantity q : probability
                quantity r : probability
                assumption used "U": p <= q doubt 1%
                assumption unused "N": r <= 1/2 doubt 30%
                assumption silent "S, no doubt, not used": r >= 1/10
                claim top "T": p <= 2% assuming used, unused, silent supported by m
                claim m "M": q <= 1% asserted "Load test, reviewed" doubt 1/200
                """);
        Bound.Finite top = finite(c, "top");
        // the core of inference:top is {used, m}; `unused` (30%) and `silent` (no doubt) add nothing
        assertEquals(r(3, 200), top.value());
        assertEquals(List.of("used=1/100", "m=1/200"), contributors(top));
        assertEquals(r(1, 200), finite(c, "m").value());
        assertEquals("0.015", top.decimalUp());
    }

    @Test
    void alternativesTakeTheLeastRouteAndAnOpenRouteCountsAsNone() {
        CaseResult c = Cases.judged(dir, """
                case alt "Alternatives"
                assumption wa "Route a suffices": a => top doubt 2%
                assumption wb "Route b suffices": b => top doubt 1%
                claim top "T" assuming wa, wb supported by any of (a, b)
                claim a "A" asserted "Review of A" doubt 5%
                claim b "B" asserted "Review of B" doubt 3%
                assumption wa2 "Route a suffices for top2": a => top2 doubt 2%
                assumption wc "Route c suffices for top2": c => top2
                claim top2 "T2" assuming wa2, wc supported by any of (a, c)
                claim c "C" undeveloped
                """);
        // route a: {wa, a} = 2% + 5% = 7%; route b: {wb, b} = 1% + 3% = 4%; the claim takes the least
        Bound.Finite top = finite(c, "top");
        assertEquals(r(1, 25), top.value());
        assertEquals(List.of("b=3/100", "wb=1/100"), contributors(top));
        // route c rests on an open problem (unbounded); route a gives {wa2, a} = 7%
        Bound.Finite top2 = finite(c, "top2");
        assertEquals(r(7, 100), top2.value());
        assertInstanceOf(Bound.Unbounded.class, c.confidence().of("c"));
    }

    @Test
    void aStatisticalLeafHasOneMinusItsConfidence() {
        Verifier(dir);
    }

    private void Verifier(Path d) {
        var o = Cases.run(d, Map.of("c.case", """
                case stat "Statistical leaf"
                quantity rate : probability
                quantity solved : int in [0, 1000]
                evidence ctf "CTF suite" file "ctf.json"
                    gives solved == json("/solved"), rate <= clopper_pearson_upper(json("/solved"), json("/n"), 95%)
                claim top "At most 5%": rate <= 5% supported by ctf
                claim both "Rate and count": rate <= 5% and solved <= 8 supported by ctf
                evidence paper "A reference" gives rate <= clopper_pearson_upper(8, 300, 95%)
                claim cited "At most 5%, cited": rate <= 5% supported by paper
                """, "ctf.json", "{\"solved\": 8, \"n\": 300}"), "c.case");
        CaseResult c = o.run().cases().get(0);
        Bound.Finite top = finite(c, "top");
        // evidence:top uses ctf#2 only: 1 - 95% = 1/20
        assertEquals(r(1, 20), top.value());
        assertEquals(List.of("ctf#2=1/20"), contributors(top));
        // `both` also uses ctf#1, a fact without a built-in and without a stated doubt
        Bound.Unbounded both = assertInstanceOf(Bound.Unbounded.class, c.confidence().of("both"));
        assertEquals("no doubt stated for fact ctf#1", both.reason());
        // a reference is accepted on review, data and all: without a stated doubt it is unbounded
        Bound.Unbounded cited = assertInstanceOf(Bound.Unbounded.class, c.confidence().of("cited"));
        assertEquals("no doubt stated for evidence paper", cited.reason());
    }

    @Test
    void statedEvidenceDoubtOverridesTheStatisticsAndCountsOnce() {
        CaseResult c = Cases.judged(dir, """
                case stated "Stated evidence doubt"
                quantity rate : probability
                quantity n : int in [0, 1000]
                evidence paper "A reference" gives n == 300, rate <= clopper_pearson_upper(8, 300, 95%) doubt 7%
                claim top "At most 5% from 300 trials": rate <= 5% and n >= 300 supported by paper
                """);
        assertEquals(List.of("paper=7/100"), contributors(finite(c, "top")));
    }

    @Test
    void acceptedDefeatersAddTheirResidualRisk() {
        CaseResult c = Cases.judged(dir, """
                case residual "Accepted defeaters"
                quantity p : probability
                quantity q : probability
                assumption a "A": p <= q doubt 1%
                claim top "T": p <= 1% assuming a supported by m, e
                claim m "M": q <= 1% asserted "Reviewed" doubt 2%
                evidence e "Unused reference" gives q >= 0 doubt 40%
                defeater rebut "It may be false" rebuts top accepted "Board minutes" doubt 0.5%
                defeater cut "The step may not carry" undercuts top accepted "Board minutes" doubt 1/400
                defeater weak "The reference may be wrong" undermines e accepted "Board" doubt 10%
                defeater mistrust "The review may be wrong" rebuts m accepted "Board" doubt 1/1000
                """);
        Bound.Finite top = finite(c, "top");
        // core {a, m}: 1% + (2% + 0.1%) + rebut 0.5% + cut 0.25%; e and its underminer are not used
        assertEquals(r(1, 100).add(r(2, 100)).add(r(1, 1000)).add(r(5, 1000)).add(r(1, 400)), top.value());
        assertEquals(List.of("m=1/50", "a=1/100", "rebut=1/200", "cut=1/400", "mistrust=1/1000"), contributors(top));
    }

    @Test
    void anAcceptedDefeaterWithoutADoubtLeavesTheClaimUnbounded() {
        CaseResult c = Cases.judged(dir, """
                case nodoubt "No doubt on an accepted defeater"
                quantity p : probability
                claim top "T": p <= 1% asserted "Reviewed" doubt 1%
                defeater d "It may be false" rebuts top accepted "Board minutes"
                """);
        assertEquals(new Bound.Unbounded("no doubt stated for accepted defeater d"), c.confidence().of("top"));
    }

    @Test
    void aClaimRestingOnAnOpenProblemIsUnbounded() {
        CaseResult c = Cases.judged(dir, """
                case open "Open"
                quantity p : probability
                quantity q : probability
                assumption a "A": p <= q doubt 1%
                claim top "T": p <= 1% assuming a supported by m
                claim m "M": q <= 1% undeveloped
                claim other "O" asserted "Reviewed" doubt 1%
                defeater d "D" rebuts other
                """);
        assertEquals(new Bound.Unbounded("support:m is open"), c.confidence().of("top"));
        assertEquals(new Bound.Unbounded("support:m is open"), c.confidence().of("m"));
        assertEquals(new Bound.Unbounded("defeater:d is open"), c.confidence().of("other"));
    }

    @Test
    void aRefutedStepIsUnbounded() {
        CaseResult c = Cases.judged(dir, """
                case refuted "Refuted"
                quantity p : probability
                claim top "T": p <= 1% supported by m
                claim m "M": p <= 2% asserted "Reviewed" doubt 1%
                """);
        assertEquals(new Bound.Unbounded("inference:top is refuted"), c.confidence().of("top"));
        assertEquals(r(1, 100), finite(c, "m").value());
    }

    @Test
    void aSharedPremiseIsCountedOnce() {
        CaseResult c = Cases.judged(dir, """
                case shared "Shared"
                quantity p : probability
                quantity q : probability
                quantity s : probability
                claim top "T": p <= 1% and q <= 1% supported by split
                strategy split "Both halves" supported by left, right
                claim left "L": p <= 1% assuming wl supported by base
                claim right "R": q <= 1% assuming wr supported by base
                assumption wl "WL": p <= s doubt 1/1000
                assumption wr "WR": q <= s doubt 2/1000
                claim base "B": s <= 1% asserted "Reviewed" doubt 1/100
                """);
        // base is under both halves but counted once: 1/100 + 1/1000 + 2/1000
        assertEquals(r(13, 1000), finite(c, "top").value());
    }

    @Test
    void eliminatedDefeatersBringTheirEliminatorsAndTheSumIsCapped() {
        CaseResult c = Cases.judged(dir, """
                case elim "Eliminated, capped"
                claim top "T" asserted "Reviewed" doubt 70%
                defeater d "D" rebuts top eliminated by e
                claim e "E" asserted "Reviewed" doubt 60%
                """);
        Bound.Finite top = finite(c, "top");
        assertEquals(Rational.ONE, top.value());
        assertEquals(r(13, 10), top.sum());
        assertEquals("1", top.decimalUp());
    }

    @Test
    void anAssertedStepRestsOnItsReviewAndEverythingItLists() {
        CaseResult c = Cases.judged(dir, """
                case review "Asserted step"
                claim top "Informal" supported by x, y asserted "Panel review" doubt 1%
                claim x "X" asserted "r" doubt 2%
                claim y "Y" asserted "r" doubt 3%
                """);
        // inference:top is open (no warrant), so the review carries it: 1% + 2% + 3%
        assertEquals(r(6, 100), finite(c, "top").value());
    }

    @Test
    void decimalsRoundUp() {
        assertEquals("0.3334", Bound.decimalUp(r(1, 3)));
        assertEquals("0.00001112", Bound.decimalUp(r(1, 89_999)));
        assertEquals("0.015", Bound.decimalUp(r(3, 200)));
        assertEquals("1", Bound.decimalUp(Rational.ONE));
        assertTrue(Rational.of(new java.math.BigDecimal(Bound.decimalUp(r(2, 7)))).compareTo(r(2, 7)) >= 0);
    }
}
