package dev.safecase.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Diagnostics;
import dev.safecase.lower.Obligation;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canonical text: blind to the names a case chooses, not to anything Z3 is given. */
class CanonicalTest {
    @TempDir
    Path root;

    private String canonical(String text) throws IOException {
        Path f = root.resolve("c" + System.nanoTime() + ".case");
        Files.writeString(f, text);
        var prepared = new Verifier(Options.defaults(root)).prepare(List.of(f), new Diagnostics(), new LinkedHashMap<>());
        List<Obligation> solved = prepared.values().iterator().next().lowered().obligations().stream().filter(Obligation::isSolved).toList();
        return Canonical.of(solved).text();
    }

    private static final String CASE = """
            case c "c"
            enum Level { low, high }
            quantity x : real in [0, 10]
            quantity lvl : Level
            define twice = 2 * x
            assumption a "a": twice <= 4 and lvl == low
            claim top "top": x <= 2
                assuming a
                supported by base
            claim base "base" asserted "ok"
            """;

    @Test
    void namesDoNotCountStructureDoes() throws IOException {
        String c = canonical(CASE);
        assertTrue(c.contains("(declare v0 Real)"), c);
        assertTrue(!c.contains("twice") && !c.contains("lvl") && !c.contains("Level"), c);
        String renamed = CASE.replace("x", "y").replace("Level", "Grade").replace("lvl", "g").replace("twice", "double")
                .replace("top", "main").replace(" a ", " w ").replace("assuming a", "assuming w");
        assertEquals(c, canonical(renamed));
        assertNotEquals(c, canonical(CASE.replace("x <= 2", "x <= 3")));
        assertNotEquals(c, canonical(CASE.replace("[0, 10]", "[0, 11]")));
        assertNotEquals(c, canonical(CASE.replace("{ low, high }", "{ high, low }")));
        assertNotEquals(c, canonical(CASE.replace("2 * x", "3 * x")));
    }
}
