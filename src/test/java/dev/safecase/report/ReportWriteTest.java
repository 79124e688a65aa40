package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports are written whole or not at all. */
class ReportWriteTest {
    private static final OutputFolder.Protected NONE = OutputFolder.Protected.none();

    @TempDir
    Path tmp;

    /** Every file under {@code dir} with its content. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private List<String> siblings() throws IOException {
        return names(tmp);
    }

    /** The names in {@code dir}, sorted. */
    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryReport() throws Exception {
        Path out = tmp.resolve("report");
        Reports.writeAll(ReportFixture.run(), out, NONE);
        for (String name : List.of(OutputFolder.MARKER, "index.html", "debate.html", "debate.svg", "broken.html", "broken.svg",
                "safecase.json", "junit.xml", "safecase.sarif", "summary.md")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        assertEquals(List.of("report"), siblings(), "no temporary directories left behind");
        assertEquals(JsonReport.render(ReportFixture.run()), Files.readString(out.resolve("safecase.json")));
    }

    @Test
    void replacesTheOldReportAsAWhole() throws Exception {
        Path out = tmp.resolve("safecase");
        Run run = ReportFixture.run();
        Reports.writeAll(run, out, NONE);
        Run onlyDebate = new Run(run.version(), run.solver(), run.today(), run.gate(), List.of(),
                List.of(run.cases().get(0)));
        Reports.writeAll(onlyDebate, out, NONE);
        assertFalse(Files.exists(out.resolve("broken.html")), "a stale page of a removed case is gone");
        assertTrue(Files.exists(out.resolve("debate.html")));
        assertEquals(List.of("safecase"), siblings());
    }

    @Test
    void aFailureMidwayLeavesThePreviousReportIntact() throws Exception {
        Path out = tmp.resolve("report");
        Reports.writeAll(ReportFixture.run(), out, NONE);
        Map<String, String> before = snapshot(out);
        IOException e = assertThrows(IOException.class, () -> Reports.writeAtomically(out, NONE, dir -> {
            Files.writeString(dir.resolve("index.html"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(before, snapshot(out));
        assertEquals(List.of("report"), siblings());
    }

    @Test
    void aRenderingBugMidwayLeavesThePreviousReportIntact() throws Exception {
        Path out = tmp.resolve("report");
        Run good = ReportFixture.run();
        Reports.writeAll(good, out, NONE);
        Map<String, String> before = snapshot(out);
        CaseResult c = good.cases().get(0);
        CaseResult bad = new CaseResult(new CaseResult.Source(c.name(), c.file(), c.line(), null), c.checked(),
                c.outcome(), c.nodes(), c.obligations(), c.diagnostics(), c.graph());
        Run badRun = new Run(good.version(), good.solver(), good.today(), good.gate(), good.diagnostics(),
                List.of(bad));
        assertThrows(RuntimeException.class, () -> Reports.writeAll(badRun, out, NONE));
        assertEquals(before, snapshot(out));
        assertEquals(List.of("report"), siblings());
    }

    @Test
    void anUnwritableTargetThrowsAndChangesNothing() throws Exception {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        assertThrows(IOException.class, () -> Reports.writeAll(ReportFixture.run(), blocker.resolve("report"), NONE));
        assertEquals("x", Files.readString(blocker));
        assertEquals(List.of("not-a-dir"), siblings());
    }

    @Test
    void writesSvgsForTheGraphCommand() throws Exception {
        Path out = tmp.resolve("graphs");
        Reports.writeSvgs(ReportFixture.run(), out, NONE);
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(List.of(OutputFolder.MARKER, "broken.svg", "debate.svg"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void caseFileNamesNeverClash() {
        Run run = ReportFixture.run();
        CaseResult c = run.cases().get(0);
        List<CaseResult> cases = Stream.of("index", "Debate", "debate", "a b").map(n -> new CaseResult(
                new CaseResult.Source(n, c.file(), 1, ""), true, new CaseResult.Outcome(false, Map.of(), List.of(), List.of()),
                CaseResult.Nodes.NONE, List.of(), List.of(), c.graph())).toList();
        Run named = new Run(run.version(), run.solver(), run.today(), run.gate(), List.of(), cases);
        assertEquals(List.of("case-index", "Debate", "debate-2", "a_b"),
                List.copyOf(Reports.fileStems(named).values()));
    }
}
