package dev.safecase.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A define used twice is one shared term: a chain of 40 defines that each add the previous one to
 * itself unfolds to 2^40 leaves but stays 40 nodes, so the whole pipeline stays linear in the
 * text. Reasons and SMT-LIB name the defines instead of unfolding them.
 */
class SharedDefinesTest {
    private static final int DEPTH = 40;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a hang guard: before sharing this never finished
    void aDoublingChainOfDefinesIsDecided(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("case doubling \"A doubling chain of defines\"\n\n");
        sb.append("quantity x : real in [0, 1] \"x\"\n");
        sb.append("define d0 = x\n");
        for (int i = 1; i <= DEPTH; i++) sb.append("define d").append(i).append(" = d").append(i - 1).append(" + d").append(i - 1).append('\n');
        sb.append("claim big \"Doubled forty times, x stays under 2^40\": d").append(DEPTH).append(" <= ").append(1L << DEPTH).append('\n');
        sb.append("    supported by bench\n");
        sb.append("claim small \"Doubled forty times, x stays under 1000\": d").append(DEPTH).append(" <= 1000\n");
        sb.append("    supported by bench\n");
        sb.append("evidence bench \"x is at most 1\" gives x <= 1\n");
        Path file = dir.resolve("doubling.case");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);

        Verifier.Outcome out = new Verifier(Options.defaults(dir).withToday(LocalDate.of(2026, 11, 22)).withJobs(1))
                .run(List.of(file));
        CaseResult c = out.run().cases().get(0);
        assertEquals(List.of(), out.run().diagnostics().stream().filter(d -> d.isError()).toList());
        ObligationResult big = obligation(c, "evidence:big");
        ObligationResult small = obligation(c, "evidence:small");
        assertEquals(Status.PROVED, big.status(), big.reason().orElse(""));
        assertEquals(Status.REFUTED, small.status());
        Rational x = Rational.parse(small.counterexample().get("x"));
        assertTrue(x.compareTo(Rational.ONE) <= 0 && x.multiply(Rational.of(1L << DEPTH)).compareTo(Rational.of(1000)) > 0,
                "the counterexample makes d40 = 2^40 * x exceed 1000 with x in [0, 1]: x = " + x);
        assertEquals("the evidence facts hold (bench#1: x <= 1) but d40 <= 1000 fails", small.reason().orElseThrow());
        assertEquals(DEPTH + 1, small.definitions().size());
        assertEquals("d0", small.definitions().get(0).name());
        assertEquals("d40 = d39 + d39", "d40 = " + small.definitions().get(DEPTH).formula());

        Obligation lowered = out.prepared().get("doubling").lowered().obligations().stream()
                .filter(o -> o.id().toString().equals("evidence:small")).findFirst().orElseThrow();
        String smt = Verifier.standalone(lowered, "doubling");
        assertTrue(smt.contains("(define-fun |d40| () Real (+ |d39| |d39|))"), smt);
        assertTrue(smt.length() < 10_000, "SMT-LIB is linear in the defines: " + smt.length() + " characters");
    }

    private static ObligationResult obligation(CaseResult c, String id) {
        return c.obligations().stream().filter(o -> o.id().toString().equals(id)).findFirst().orElseThrow();
    }
}
