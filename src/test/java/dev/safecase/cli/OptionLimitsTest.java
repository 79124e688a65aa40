package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Numeric options out of range are a bad option (exit 2) with a message, never a hang or a silent cut. */
class OptionLimitsTest {
    @TempDir
    Path root;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "check";
        all[1] = "--root";
        all[2] = root.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), err.toString().strip()};
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHugeExponentInMinProvedIsRefusedAtOnce() {
        // before: 10^100000000 was computed while parsing the option (a hang)
        String[] r = run("--min-proved", "1e-100000000");
        assertEquals("2", r[0]);
        assertEquals("safecase: error: --min-proved 1e-100000000 is not a number between 0 and 1: the exponent of"
                + " 1e-100000000 is out of range (at most 10000 in magnitude)", r[1]);
    }

    @Test
    void solverBudgetsBeyondWhatZ3TakesAreRefused() {
        // before: accepted and cut to 2^31 - 1 without a word
        String[] t = run("--timeout-ms", "9999999999");
        assertEquals("2", t[0]);
        assertEquals("safecase: error: --timeout-ms must be between 1 and 2147483647 (got 9999999999)", t[1]);
        String[] r = run("--rlimit", "0");
        assertEquals("2", r[0]);
        assertEquals("safecase: error: --rlimit must be between 1 and 2147483647 (got 0)", r[1]);
    }
}
