package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The JSON result is byte-identical across runs and --jobs values, apart from millis. */
class DeterminismTest {

    private static String json(String jobs) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--format", "json", "--today", "2026-11-22", "--jobs", jobs, "--no-cache",
                "cases", "src/test/resources/golden/prover"}, new PrintWriter(out), new PrintWriter(err));
        assertTrue(code == 1, () -> "the example cases fail the gate by design; exit " + code + ": " + err);
        return out.toString().replaceAll("\"millis\" ?: ?\\d+", "\"millis\": 0");
    }

    @Test
    void sameBytesWhateverJobs() {
        String one = json("1");
        assertTrue(one.contains("\"counterexample\""), "has counterexamples to compare");
        assertEquals(one, json("2"));
        assertEquals(one, json("1"));
    }
}
