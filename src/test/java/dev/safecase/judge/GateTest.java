package dev.safecase.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import dev.safecase.prove.Verdict;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The gate, its policy and the order of statuses. */
class GateTest {
    private static Gate gate(boolean strict, Set<Status> failOn, Rational minProved) {
        return new Gate(new GatePolicy(strict, failOn, minProved));
    }

    @Test
    void provedDischargesAndAssertedOnlyWhenNotStrict() {
        assertTrue(Gate.discharges(Status.PROVED, true));
        assertTrue(Gate.discharges(Status.ASSERTED, false));
        assertFalse(Gate.discharges(Status.ASSERTED, true));
        assertFalse(Gate.discharges(Status.OPEN, false));
    }

    @Test
    void vacuousAlwaysFailsAndAStrictGateFailsOnAsserted() {
        assertEquals(List.of(Status.VACUOUS), new GatePolicy(false, Set.of(), Rational.ZERO).failOnOrdered());
        assertEquals(List.of(Status.REFUTED, Status.VACUOUS, Status.ASSERTED),
                new GatePolicy(true, Set.of(Status.REFUTED), Rational.ZERO).failOnOrdered());
    }

    @Test
    void theDecisionGivesEveryReasonInWords() {
        Gate g = gate(false, GatePolicy.DEFAULT_FAIL_ON, Rational.of(9, 10));
        Gate.Decision d = g.decide(List.of(Status.PROVED, Status.REFUTED, Status.OPEN, Status.OPEN, Status.ASSERTED), 1, true);
        assertFalse(d.passed());
        assertEquals(List.of("1 case has input errors", "2 obligations are open", "1 obligation is refuted",
                "proved 1/5 = 0.2 < min-proved 0.9"), d.reasons());
        assertEquals(1, d.proved());
        assertEquals(5, d.total());
        Gate.Decision ok = g.decide(List.of(Status.PROVED), 0, false);
        assertTrue(ok.passed(), ok.reasons().toString());
    }

    @Test
    void anEmptyRunHasProvedEverything() {
        assertTrue(gate(false, GatePolicy.DEFAULT_FAIL_ON, Rational.ONE).decide(List.of(), 0, false).passed());
    }

    @Test
    void failOnIsParsedWithClearMessages() {
        assertEquals(Set.of(Status.REFUTED, Status.INVALID), GatePolicy.parseFailOn("refuted, invalid"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GatePolicy.parseFailOn("refuted,bogus"));
        assertEquals("unknown status 'bogus' (statuses: refuted, vacuous, unknown, open, invalid, asserted)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GatePolicy.parseFailOn("proved"));
    }

    @Test
    void statusesHaveOneSeverityAndOneListingOrder() {
        assertEquals(Status.INVALID, Status.worst(Status.REFUTED, Status.INVALID));
        assertEquals(Status.OPEN, Status.worst(Status.OPEN, Status.ASSERTED));
        assertEquals(List.of(Status.REFUTED, Status.OPEN, Status.ASSERTED),
                Status.inFailingOrder(Set.of(Status.ASSERTED, Status.OPEN, Status.REFUTED)));
        for (Verdict.Answer a : Verdict.Answer.values()) assertEquals(a.name(), Status.of(a).name());
    }
}
