package dev.safecase.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Verifier;
import dev.safecase.cli.Main;
import dev.safecase.lower.Obligation;
import dev.safecase.testing.Golden;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden SMT-LIB for a few corpus cases (regenerate with -Dsafecase.regenerate=true), and the
 * `smt` and `explain` commands through the CLI.
 */
class SmtGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/smt");

    @ParameterizedTest
    @ValueSource(strings = {"kinds", "enums", "atoms"})
    void standaloneScriptsArePinned(String name) throws IOException {
        Verifier.Outcome out = Corpus.run(Corpus.DIR.resolve(name + ".case"));
        StringBuilder all = new StringBuilder();
        for (Obligation o : out.prepared().get(name).lowered().obligations()) {
            if (o.mode() != Obligation.Mode.ENTAILMENT && o.mode() != Obligation.Mode.SATISFIABLE) continue;
            all.append(";; ==== ").append(o.id()).append('\n').append(Verifier.standalone(o, name));
        }
        Golden.check(GOLDEN.resolve(name + ".smt2"), all.toString());
    }

    @Test
    void smtCommandWritesOneFilePerObligation(@TempDir Path out) throws IOException {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"smt", "--root", Corpus.DIR.toString(), "-o", out.toString(),
                Corpus.DIR.resolve("kinds.case").toString()}, new PrintWriter(o), new PrintWriter(e));
        assertEquals(0, code, e.toString());
        try (Stream<Path> files = Files.list(out.resolve("kinds"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.contains("inference.split.smt2"), names.toString());
            assertTrue(names.contains("consistency.kinds.smt2"), names.toString());
        }
    }

    @Test
    void explainShowsPremisesSmtAndCounterexample() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new String[] {"explain", "inference:refuted_c", "--root", Corpus.DIR.toString(), "--today", "2026-11-22",
                Corpus.DIR.resolve("statuses.case").toString()}, new PrintWriter(o), new PrintWriter(e));
        String text = o.toString();
        assertEquals(1, code, e.toString());
        assertTrue(text.contains("status: refuted"), text);
        assertTrue(text.contains("[leaf2] y <= 2"), text);
        assertTrue(text.contains("counterexample:"), text);
        assertTrue(text.contains("(declare-const |y| Real)"), text);
        assertTrue(text.contains("(assert (=> trk!goal (not (<= |y| 1.0))))"), text);
    }
}
