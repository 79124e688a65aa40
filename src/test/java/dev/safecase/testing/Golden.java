package dev.safecase.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: every golden test compares through here, so a missing golden fails (it is never written and passed)
 * and regeneration is one explicit flag for all of them: {@code mvn -B -o test -Dsafecase.regenerate=true}, then
 * review the diff ({@code -Dtest=...} to regenerate only some).
 */
public final class Golden {
    private Golden() {
    }

    /** The flag that rewrites golden files from the actual output instead of comparing. */
    public static final String REGENERATE = "safecase.regenerate";

    /** A report golden under src/test/resources/report/. */
    public static void check(String name, String actual) throws IOException {
        check(Path.of("src", "test", "resources", "report", name), actual);
    }

    public static void check(Path file, String actual) throws IOException {
        if (Boolean.getBoolean(REGENERATE)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) fail("missing golden file " + file + "; create it with -D" + REGENERATE + "=true and review it");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (expected.equals(actual)) return;
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        int i = 0;
        while (i < e.length && i < a.length && e[i].equals(a[i])) i++;
        fail(file + " differs from the output at line " + (i + 1) + ":\n  golden: "
                + (i < e.length ? e[i] : "<end of file>") + "\n  actual: " + (i < a.length ? a[i] : "<end of file>")
                + "\n(if the change is intended, regenerate with -D" + REGENERATE + "=true and review the diff)");
    }
}
