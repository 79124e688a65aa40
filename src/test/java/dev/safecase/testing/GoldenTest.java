package dev.safecase.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** A golden test can fail: a missing golden is an error (never written and passed), a changed one names the line. */
class GoldenTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingGoldenFailsAndIsNotWritten() {
        Path file = tmp.resolve("case.verdicts");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.check(file, "inference:top proved\n"));
        assertTrue(e.getMessage().startsWith("missing golden file "), e.getMessage());
        assertTrue(Files.notExists(file));
    }

    @Test
    void aChangedGoldenFailsAtTheFirstDifferentLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("case.verdicts"), "a proved\nb proved\n");
        Golden.check(file, "a proved\nb proved\n");
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Golden.check(file, "a proved\nb refuted\n"));
        assertTrue(e.getMessage().contains("at line 2:\n  golden: b proved\n  actual: b refuted"), e.getMessage());
    }

    @Test
    void regenerationIsOneExplicitFlag() throws Exception {
        Path file = tmp.resolve("sub/new.smt2");
        String before = System.getProperty(Golden.REGENERATE);
        System.setProperty(Golden.REGENERATE, "true");
        try {
            Golden.check(file, "(check-sat)\n");
        } finally {
            if (before == null) System.clearProperty(Golden.REGENERATE);
            else System.setProperty(Golden.REGENERATE, before);
        }
        assertEquals("(check-sat)\n", Files.readString(file));
        Golden.check(file, "(check-sat)\n");
    }
}
