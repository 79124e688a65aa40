package dev.safecase.judge;

import static dev.safecase.judge.Judged.reason;
import static dev.safecase.judge.Judged.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.lower.ObligationId;
import dev.safecase.prove.Verdict.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The judge's rules, on small cases with verdicts chosen by the test (no solver). */
class JudgeTest {
    private static final String ASSERTED_STEP = """
            quantity p : probability
            claim c "C": p <= 1% asserted "Reviewed by the board" supported by e
            evidence e "E" gives p <= 2%
            """;

    @Test
    void aNodesAssertionAcceptsAnUnknownStep() {
        Judgement j = new Judged(ASSERTED_STEP).answer("evidence:c", Answer.UNKNOWN).restProved().judge();
        assertEquals(Status.ASSERTED, status(j, "evidence:c"));
        assertEquals("asserted: Reviewed by the board (was Z3 gave up: timeout)", reason(j, "evidence:c"));
    }

    @Test
    void noAssertionOverrulesACounterexample() {
        Judgement j = new Judged(ASSERTED_STEP).answer("evidence:c", Answer.REFUTED).restProved().judge();
        assertEquals(Status.REFUTED, status(j, "evidence:c"));
        assertEquals("the evidence facts hold (e#1: p <= 0.02) but p <= 0.01 fails", reason(j, "evidence:c"));
        assertEquals(Status.REFUTED, j.claims().get("c").status());
        assertFalse(j.claims().get("c").discharged());
    }

    @Test
    void anAssertionOnAProvedStepIsUnnecessary() {
        Judged c = new Judged(ASSERTED_STEP).answer("evidence:c", Answer.PROVED, "e#1").restProved();
        Judgement j = c.judge();
        assertEquals(Status.PROVED, status(j, "evidence:c"));
        assertEquals(List.of("SC318"), c.warnings.stream().map(d -> d.code().id()).toList());
    }

    @Test
    void aClaimHasTheWorstStatusOfItsClosure() {
        Judgement j = new Judged("""
                claim top "Top" supported by s
                strategy s "S" supported by a, b
                claim a "A" asserted "ok"
                claim b "B" undeveloped
                """).restProved().judge();
        assertEquals(Status.ASSERTED, j.claims().get("a").status());
        assertEquals(Status.OPEN, j.claims().get("b").status());
        assertEquals(Status.OPEN, j.nodes().get("s"));
        assertEquals(Status.OPEN, j.claims().get("top").status());
        assertTrue(j.claims().get("top").root());
        assertFalse(j.claims().get("a").root());
        assertFalse(j.discharged());
        assertEquals(List.of(ObligationId.parse("inference:s").orElseThrow(), ObligationId.parse("support:b").orElseThrow()),
                j.open(), "in obligation order");
    }

    @Test
    void aStrictGateDoesNotDischargeAReview() {
        String text = "claim top \"Top\" asserted \"ok\"\n";
        assertTrue(new Judged(text).restProved().judge(false).discharged());
        assertFalse(new Judged(text).restProved().judge(true).discharged());
    }

    private static final String DEFEATED = """
            quantity p : probability
            claim top "Top": p <= 1% supported by e
            evidence e "E" gives p <= 1%
            defeater d "D" rebuts top eliminated by x
            claim x "X" SUPPORT
            """;

    @Test
    void aDefeaterIsEliminatedByProvedClaims() {
        String byEvidence = DEFEATED.replace("SUPPORT", "supported by ex\nevidence ex \"EX\" gives x");
        Judgement j = new Judged(byEvidence, "e", "ex").restProved().judge();
        assertEquals(Status.PROVED, status(j, "defeater:d"));
        assertEquals(Status.PROVED, j.claims().get("top").status());
        j = new Judged(byEvidence, "e").restProved().judge();
        assertEquals(Status.ASSERTED, status(j, "defeater:d"), "a reference's validity is asserted, and so is x");
        j = new Judged(DEFEATED.replace("SUPPORT", "asserted \"ok\""), "e").restProved().judge();
        assertEquals(Status.ASSERTED, status(j, "defeater:d"));
        j = new Judged(DEFEATED.replace("SUPPORT", "undeveloped"), "e").restProved().judge();
        assertEquals(Status.OPEN, status(j, "defeater:d"));
        assertEquals("not eliminated: x is open", reason(j, "defeater:d"));
        assertEquals(Status.OPEN, j.claims().get("top").status(), "the defeater's status reaches the claim it attacks");
    }

    @Test
    void anAcceptedDefeaterIsAsserted() {
        Judgement j = new Judged("""
                claim top "Top" asserted "ok"
                defeater d "D" rebuts top accepted "Residual risk"
                """).restProved().judge();
        assertEquals(Status.ASSERTED, status(j, "defeater:d"));
        assertEquals("accepted: Residual risk", reason(j, "defeater:d"));
    }

    private static final String WARRANTED = """
            quantity p : probability
            assumption w "W": a => p <= 1%
            assumption v "V": p <= 1/2
            claim top "Top": p <= 1% assuming w, v supported by a
            claim a "A" asserted "ok"
            """;

    @Test
    void aProofRestsOnTheAssumptionsOfItsCore() {
        Judgement j = new Judged(WARRANTED).answer("inference:top", Answer.PROVED, "w", "a").restProved().judge();
        assertEquals(List.of("w"), j.obligations().get(ObligationId.parse("inference:top").orElseThrow()).usedAssumptions());
        assertEquals(List.of("w"), j.claims().get("top").restsOn());
        Judgement.AssumptionUse w = j.assumptions().get("w");
        assertEquals(List.of(ObligationId.parse("inference:top").orElseThrow()), w.usedBy());
        assertEquals(List.of(), j.assumptions().get("v").usedBy());
        assertTrue(j.assumptions().get("v").inScopeOf().contains(ObligationId.parse("inference:top").orElseThrow()));
    }

    @Test
    void aProofThatUsesNoneOfItsSupportIsWarnedAbout() {
        Judged c = new Judged(WARRANTED).answer("inference:top", Answer.PROVED, "v").restProved();
        c.judge();
        assertEquals(List.of("SC317"), c.warnings.stream().map(d -> d.code().id()).toList());
        assertEquals("top follows from assumptions alone (v); its support is not used", c.warnings.get(0).message());
    }

    @Test
    void theConsistencyOfTheCaseGatesEveryDischarge() {
        Judgement j = new Judged("claim top \"Top\" asserted \"ok\"\n").answer("consistency:c", Answer.VACUOUS).judge();
        assertEquals(Status.ASSERTED, j.claims().get("top").status());
        assertFalse(j.claims().get("top").discharged());
        assertFalse(j.discharged());
    }

    @Test
    void boundsAreTakenFromTheValidEvidenceInTheClosure() {
        Judgement j = new Judged("""
                quantity p : probability
                quantity q : probability
                claim top "Top" supported by a, b
                claim a "A": p <= 2% supported by ea
                claim b "B": q <= 2% supported by eb
                evidence ea "EA" gives p <= rule_of_three(0, 300)
                evidence eb "EB" gives q <= clopper_pearson_upper(0, 300, 99%)
                """).restProved().judge();
        Judgement.ClaimJudgement top = j.claims().get("top");
        assertEquals(List.of("ea", "eb"), top.bounds().stream().map(Judgement.EvidenceBound::evidence).toList());
        assertEquals("47/50", top.jointConfidence().toString(), "Bonferroni: 1 - (1 - 0.95) - (1 - 0.99)");
        assertEquals(1, j.claims().get("a").bounds().size());
    }
}
