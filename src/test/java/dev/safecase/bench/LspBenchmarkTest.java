package dev.safecase.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LSP benchmark runs end to end on a small case (its figures are not checked: timings belong in benchmarks). */
class LspBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void measuresEveryFigureThroughTheRealServer() throws Exception {
        StringWriter w = new StringWriter();
        LspBenchmark.run(List.of(20), dir, 1, new PrintWriter(w));
        String out = w.toString();
        for (String row : List.of("didOpen to diagnostics", "didChange (one claim edited) to diagnostics",
                "didSave, empty cache (a full check)", "didSave after a one-claim edit, to verdicts",
                "one-claim save as a share of the full check")) {
            assertTrue(out.contains(row), row + " missing in:\n" + out);
        }
    }
}
