package dev.safecase.cli;

import static dev.safecase.cache.CacheFixture.withoutMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.cache.CacheFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --shard I/N on every shard, then merge: the result, the reports and the gate of the run without shards. */
class ShardMergeTest {
    @TempDir
    Path root;

    record Run(int code, String out, String err) {}

    private Run main(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--root", root.toString(), "--today", "2026-11-22", "--jobs", "1"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void project() throws IOException {
        CacheFixture.write(root, 300);
    }

    private List<String> shards(int n, String... extra) {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String part = root.resolve("parts/part-" + i + ".json").toString();
            List<String> args = new ArrayList<>(List.of("check", "--shard", i + "/" + n, "-o", part));
            args.addAll(List.of(extra));
            args.add(root.resolve("cases").toString());
            Run r = main(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("shard " + i + "/" + n + ":"), r.out());
            parts.add(part);
        }
        return parts;
    }

    private Run merge(List<String> parts, String... extra) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(List.of(extra));
        args.addAll(parts);
        args.add(root.resolve("cases").toString());
        return main(args.toArray(String[]::new));
    }

    @Test
    void mergedShardsGiveTheResultOfOneRun() {
        Run whole = main("check", "--no-cache", "--format", "json", root.resolve("cases").toString());
        assertEquals(1, whole.code(), "the fixture fails the gate");
        for (int n : new int[] {1, 3}) {
            List<String> parts = shards(n, "--no-cache");
            Run merged = merge(parts, "--no-cache", "--format", "json");
            assertEquals(whole.code(), merged.code(), merged.err());
            assertEquals(withoutMillis(whole.out()), withoutMillis(merged.out()), n + " shards");
            assertEquals(whole.err(), merged.err(), "the same diagnostics");
        }
        Run text = merge(shards(2, "--no-cache"), "--no-cache");
        assertEquals(withoutMillis(main("check", "--no-cache", root.resolve("cases").toString()).out()), withoutMillis(text.out()));
    }

    @Test
    void withTheSameCacheTheMergedReportsAreByteIdentical() throws IOException {
        Run report = main("report", "-o", root.resolve("whole").toString(), root.resolve("cases").toString());
        assertEquals(1, report.code(), report.err());
        List<String> parts = shards(3);
        Run merged = merge(parts, "-o", root.resolve("merged").toString());
        assertEquals(1, merged.code(), merged.err());
        List<Path> files = files(root.resolve("whole"));
        assertTrue(files.size() >= 6, files.toString());
        assertEquals(files, files(root.resolve("merged")));
        for (Path f : files) {
            assertEquals(Files.readString(root.resolve("whole").resolve(f)), Files.readString(root.resolve("merged").resolve(f)), f.toString());
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void aMissingShardIsAnErrorNotAPartialResult() {
        List<String> parts = shards(3, "--no-cache");
        Run merged = merge(parts.subList(0, 2), "--no-cache");
        assertEquals(2, merged.code());
        assertTrue(merged.err().contains("do not hold the verdicts of"), merged.err());
        assertFalse(merged.out().contains("gate:"), merged.out());
    }

    @Test
    void badShardsAndPartsAreRefused() throws IOException {
        for (String bad : new String[] {"0/2", "3/2", "2", "a/b", "1/0"}) {
            Run r = main("check", "--shard", bad, root.resolve("cases").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().startsWith("safecase: error: --shard"), r.err());
        }
        Path notPart = root.resolve("x.json");
        Files.writeString(notPart, "{\"tool\": \"safecase\"}");
        Run r = merge(List.of(notPart.toString()), "--no-cache");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not a partial result"), r.err());
        Run clobber = main("check", "--shard", "1/2", "-o", notPart.toString(), root.resolve("cases").toString());
        assertEquals(2, clobber.code());
        assertEquals("{\"tool\": \"safecase\"}", Files.readString(notPart), "a file that is not a partial result is left alone");
    }
}
