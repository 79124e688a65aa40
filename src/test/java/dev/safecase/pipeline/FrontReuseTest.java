package dev.safecase.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.report.JsonReport;
import dev.safecase.source.Overlay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A front end prepared earlier (the language server's check of a buffer) is proved again only while everything it
 * read is unchanged: the case, its imports and every place an import was looked for, its evidence files, the
 * options. Proving a current front gives the same JSON as a fresh run; any change makes the run prepare again,
 * and its result shows the change.
 */
class FrontReuseTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    @TempDir
    Path root;
    private Path caseFile;
    private Path evidence;
    private Path module;

    @BeforeEach
    void write() throws IOException {
        Files.createDirectories(root.resolve("sub"));
        module = root.resolve("lib.case");
        Files.writeString(module, "quantity q : real in [0, 10] \"q\"\n", StandardCharsets.UTF_8);
        evidence = root.resolve("sub/ev.json");
        Files.writeString(evidence, "{\"q\": 1}\n", StandardCharsets.UTF_8);
        caseFile = root.resolve("sub/main.case");
        Files.writeString(caseFile, caseText(sha(evidence)), StandardCharsets.UTF_8);
    }

    private static String caseText(String sha) {
        return "case main \"Front reuse\"\nimport lib\n\n"
                + "claim top \"q is small\": lib.q <= 5\n    supported by e\n\n"
                + "evidence e \"measured\"\n    file \"ev.json\"\n    sha256 \"" + sha + "\"\n    gives lib.q <= 1\n";
    }

    private static String sha(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private Options options() {
        return Options.defaults(root).withToday(TODAY);
    }

    private static String json(Verifier.Outcome o) {
        return JsonReport.render(o.run()).replaceAll("\"millis\":\\d+", "\"millis\":0");
    }

    private String fresh() {
        return json(new Verifier(options()).run(List.of(caseFile)));
    }

    private Verifier.Front front() {
        return new Verifier(options()).front(List.of(caseFile));
    }

    @Test
    void anUnchangedFrontIsCurrentAndProvesAsAFreshRun() {
        Verifier.Front f = front();
        assertTrue(f.prepared().containsKey("main"), f.diagnostics().toString());
        Verifier later = new Verifier(options());
        assertTrue(later.current(f));
        String reused = json(later.run(f));
        assertEquals(fresh(), reused);
        assertTrue(reused.contains("\"status\":\"proved\""), reused);
    }

    @Test
    void aChangedEvidenceFileIsSeen() throws IOException {
        Verifier.Front f = front();
        String before = fresh();
        Files.writeString(evidence, "{\"q\": 2}\n", StandardCharsets.UTF_8);
        Verifier later = new Verifier(options());
        assertFalse(later.current(f));
        String after = json(later.run(f));
        assertEquals(fresh(), after);
        assertNotEquals(before, after, "the hash no longer matches: the evidence is invalid now");
    }

    @Test
    void aChangedModuleIsSeen() throws IOException {
        Verifier.Front f = front();
        Files.writeString(module, "quantity q : real in [0, 10] \"q, changed\"\n", StandardCharsets.UTF_8);
        assertFalse(new Verifier(options()).current(f));
    }

    @Test
    void aModuleThatNowHidesTheOneFoundIsSeen() throws IOException {
        Verifier.Front f = front();
        // imports look next to the importing file first: this one now wins over the one under the root
        Files.writeString(root.resolve("sub/lib.case"), "quantity q : real in [0, 1] \"q\"\n", StandardCharsets.UTF_8);
        Verifier later = new Verifier(options());
        assertFalse(later.current(f));
        assertEquals(fresh(), json(later.run(f)));
    }

    @Test
    void otherOptionsOrAnotherBufferAreSeen() {
        Verifier.Front f = front();
        assertFalse(new Verifier(options().withTimeoutMs(1234)).current(f));
        assertFalse(new Verifier(options().withToday(TODAY.plusDays(1))).current(f));
        Overlay edited = new Overlay(Map.of(caseFile, caseText("00").replace("<= 5", "<= 6")));
        assertFalse(new Verifier(options(), edited).current(f));
        Overlay sameText;
        try {
            sameText = new Overlay(Map.of(caseFile, Files.readString(caseFile)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(new Verifier(options(), sameText).current(f), "a buffer holding the file's text reads the same");
    }

    @Test
    void aFrontWithACaseThatFailedIsNeverCurrent() throws IOException {
        Files.writeString(caseFile, "case main \"broken\"\nclaim top \"t\": nothere <= 1 asserted \"r\"\n", StandardCharsets.UTF_8);
        Verifier.Front f = front();
        assertTrue(f.prepared().isEmpty());
        assertFalse(new Verifier(options()).current(f));
    }
}
