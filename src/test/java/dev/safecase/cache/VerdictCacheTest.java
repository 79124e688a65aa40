package dev.safecase.cache;

import static dev.safecase.cache.CacheFixture.json;
import static dev.safecase.cache.CacheFixture.options;
import static dev.safecase.cache.CacheFixture.run;
import static dev.safecase.cache.CacheFixture.withoutMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict cache end to end: hits, misses, what invalidates an entry, damaged entries. */
class VerdictCacheTest {
    @TempDir
    Path root;
    Options o;

    @BeforeEach
    void project() throws IOException {
        CacheFixture.write(root, 300);
        o = options(root);
    }

    @Test
    void aSecondRunTakesEveryVerdictFromTheCacheAndPrintsTheSameBytes() {
        Verifier.Outcome first = run(o);
        Verifier.Settled s1 = first.settled();
        assertTrue(s1.blocks() >= 5, "the fixture has several blocks: " + s1);
        assertEquals(0, s1.known());
        assertEquals(s1.blocks(), s1.decided());

        Verifier.Outcome second = run(o);
        assertEquals(new Verifier.Settled(s1.blocks(), s1.blocks(), 0, 0), second.settled());
        assertEquals(json(first), json(second), "a cached run is byte-identical to the run that filled the cache");
        String fresh = json(run(o.withoutCache()));
        assertEquals(withoutMillis(fresh), withoutMillis(json(second)), "and equal to a run without the cache, but for the time");
        assertTrue(json(first).contains("\"status\":\"refuted\"") && json(first).contains("\"status\":\"vacuous\""));
    }

    @Test
    void noCacheNeitherReadsNorWrites() throws IOException {
        run(o.withoutCache());
        assertEquals(List.of(), CacheFixture.entries(root));
        run(o);
        assertFalse(CacheFixture.entries(root).isEmpty());
        assertEquals(0, run(o.withoutCache()).settled().known());
    }

    /** After an edit only the blocks it touches are decided again, and the result is that of a run from scratch. */
    private void editedRunIsDecidedInPart(String what) {
        Verifier.Outcome after = run(o);
        Verifier.Settled s = after.settled();
        assertTrue(s.decided() >= 1, what + " must change some block's key: " + s);
        assertTrue(s.decided() <= 3, what + " must leave most blocks alone: " + s);
        assertEquals(withoutMillis(json(run(o.withoutCache()))), withoutMillis(json(after)), what);
    }

    @Test
    void editingAClaimsFormulaDecidesItsBlocksAgain() throws IOException {
        run(o);
        CacheFixture.replace(root.resolve("cases/bench.case"), "claim t5 \"node 5 is bounded\": x5 <= ", "claim t5 \"node 5 is bounded\": x5 <= 1 + ");
        editedRunIsDecidedInPart("a claim's formula");
    }

    @Test
    void editingAnAssumptionDecidesItsBlocksAgain() throws IOException {
        run(o);
        CacheFixture.replace(root.resolve("cases/mixed.case"), "a <= 10 * b", "a <= 20 * b");
        editedRunIsDecidedInPart("an assumption's formula");
    }

    @Test
    void aChangedEvidenceFileChangesTheKeysOfWhatRestsOnIt() throws IOException {
        run(o);
        // the facts read from the file stay the same; only its bytes change
        Files.writeString(root.resolve("cases/evidence/runs.json"), "{\"n\": 2500, \"note\": \"second\"}\n", StandardCharsets.UTF_8);
        editedRunIsDecidedInPart("an evidence file");
    }

    @Test
    void otherSolverBudgetsUseOtherEntries() {
        int blocks = run(o).settled().blocks();
        assertEquals(blocks, run(o.withTimeoutMs(9_000)).settled().decided());
        assertEquals(blocks, run(o.withRlimit(4_000_000)).settled().decided());
        assertEquals(0, run(o).settled().decided(), "the entries of the first budgets are still there");
    }

    @Test
    void aRenamedQuantityKeepsItsEntries() throws IOException {
        run(o);
        String text = Files.readString(root.resolve("cases/mixed.case"), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("cases/mixed.case"), text.replace("n_runs", "runs_made"), StandardCharsets.UTF_8);
        Verifier.Outcome after = run(o);
        assertEquals(0, after.settled().decided(), "Z3 is given canonical names: a renamed quantity is the same block");
        assertEquals(withoutMillis(json(run(o.withoutCache()))), withoutMillis(json(after)));
    }

    @Test
    void damagedEntriesAreIgnoredAndWrittenAgain() throws IOException {
        String first = json(run(o));
        List<Path> entries = CacheFixture.entries(root);
        assertTrue(entries.size() >= 3);
        Files.writeString(entries.get(0), "not an entry at all\n");
        String whole = Files.readString(entries.get(1));
        Files.writeString(entries.get(1), whole.substring(0, whole.length() / 2));
        String third = Files.readString(entries.get(2));
        Files.writeString(entries.get(2), third.replaceFirst(" (\\d)", " 9$1"));
        Path stray = entries.get(0).resolveSibling(".tmp-1-deadbeef");
        Files.writeString(stray, whole.substring(0, 10));

        Verifier.Outcome again = run(o);
        assertEquals(3, again.settled().decided(), "the three damaged entries count as absent");
        assertEquals(withoutMillis(first), withoutMillis(json(again)));
        assertEquals(0, run(o).settled().decided(), "and were written again, whole");
        assertTrue(Files.readString(entries.get(1)).endsWith("\n") && Files.readString(entries.get(1)).contains("sha256 "));
    }

    @Test
    void anUnwritableCacheIsReportedAndTheRunGoesOn() throws IOException {
        Path file = root.resolve("not-a-folder");
        Files.writeString(file, "x");
        Verifier.Outcome out = run(o.withCache(file.resolve("cache")));
        assertTrue(out.cacheProblem().isPresent(), "the problem is told");
        assertEquals(withoutMillis(json(run(o.withoutCache()))), withoutMillis(json(out)));
    }
}
