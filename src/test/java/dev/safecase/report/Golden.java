package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/report/. Regenerate them all with
 * {@code mvn -B -o test -Dtest='ReportGoldenTest' -Dsafecase.regenerate=true} and review the diff.
 */
final class Golden {
    private Golden() {
    }

    static final Path DIR = Path.of("src", "test", "resources", "report");

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("safecase.regenerate")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) fail("missing golden file " + file + "; create it with -Dsafecase.regenerate=true");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (expected.equals(actual)) return;
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
        fail(name + " differs from its golden file at line " + (i + 1) + ":\n  expected: "
                + (i < e.length ? e[i] : "<end of file>") + "\n  actual:   " + (i < a.length ? a[i] : "<end of file>")
                + "\n(regenerate with -Dsafecase.regenerate=true if the change is intended)");
    }
}
