package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.cache.CacheFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line: on a terminal (here forced), erased at the end; never with --quiet or when stderr is not a terminal. */
class ProgressTest {
    @TempDir
    Path root;

    @AfterEach
    void reset() {
        System.clearProperty("safecase.progress");
        System.clearProperty("safecase.progress.delayMs");
    }

    private String[] run(String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[extra.length + 9];
        System.arraycopy(new String[] {"check", "--no-cache", "--root", root.toString(), "--today", "2026-11-22", "--jobs", "1"}, 0, args, 0, 8);
        System.arraycopy(extra, 0, args, 8, extra.length);
        args[args.length - 1] = root.resolve("cases").toString();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, code, err.toString());
        return new String[] {out.toString(), err.toString()};
    }

    @Test
    void shownOnATerminalOnly() throws Exception {
        CacheFixture.write(root, 300);
        System.setProperty("safecase.progress.delayMs", "0");
        System.setProperty("safecase.progress", "1");
        String err = run()[1];
        assertTrue(err.contains("\rsafecase: proving 2 cases: "), err);
        assertTrue(err.contains(" obligations ("), err);
        assertTrue(err.matches("(?s).*\r +\r.*"), "erased at the end");
        String[] quiet = run("--quiet");
        assertFalse(quiet[1].contains("proving"), quiet[1]);
        assertEquals("", quiet[0], "--quiet prints no summary");
        assertFalse(quiet[1].contains("warning"), "nor warnings");
        System.setProperty("safecase.progress", "0");
        assertFalse(run()[1].contains("proving"));
    }
}
