package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.report.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code report -o}, {@code graph -o} and {@code smt -o} never delete or replace a user's files: they replace only
 * a folder that safecase wrote (marked), refuse anything else with exit 2, and touch nothing else on disk.
 */
class OutputFolderTest {
    @TempDir
    Path tmp;
    Path root;

    private static final String CASE = """
            case hello "A small case"
            quantity err : probability "error rate"
            quantity measured : probability "measured bound"
            assumption representative "The test is representative": err <= measured
            evidence load "Load test" file "evidence/load.json" gives measured <= json("/bound")
            claim top "Under 1%": err <= 1% assuming representative supported by load
            """;

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(root.resolve("cases/evidence"));
        Files.writeString(root.resolve("cases/hello.case"), CASE, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("cases/evidence/load.json"), "{\"bound\": 0.008}\n", StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/guide.md"), "# my notes\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("essay.txt"), "my essay\n", StandardCharsets.UTF_8);
    }

    private CommandLineTest.Run run(String command, Path out) {
        return CommandLineTest.main(command, "--root", root.toString(), "--today", "2026-11-22", "--jobs", "1", "-o",
                out.toString(), root.resolve("cases").toString());
    }

    /** Every file and folder under the temporary folder, with the content of each file. */
    private Map<String, String> disk() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(tmp)) {
            for (Path p : s.toList()) {
                files.put(tmp.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "<dir>");
            }
        }
        return files;
    }

    private void assertRefused(String command, Path out, String why) throws IOException {
        Map<String, String> before = disk();
        CommandLineTest.Run r = run(command, out);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("safecase: error: will not "), r.err());
        assertTrue(r.err().contains(why), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
        assertEquals(before, disk(), "nothing on disk changed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "graph", "smt"})
    void refusesTheProjectRootAndItsAncestors(String command) throws IOException {
        assertRefused(command, root, "is the project root");
        assertRefused(command, tmp, "is the project root");
        assertRefused(command, root.resolve("cases/.."), "is the project root");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "graph", "smt"})
    void refusesAFolderThatHoldsInputs(String command) throws IOException {
        assertRefused(command, root.resolve("cases"), "holds an input");
        // refused before the run, which alone knows the evidence files: not a folder safecase wrote
        assertRefused(command, root.resolve("cases/evidence"), "not empty and was not written by safecase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "graph", "smt"})
    void refusesAFolderWithOtherFiles(String command) throws IOException {
        assertRefused(command, root.resolve("docs"), "not empty and was not written by safecase");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "graph", "smt"})
    void refusesARegularFile(String command) throws IOException {
        assertRefused(command, root.resolve("essay.txt"), "it is a file");
    }

    @Test
    void refusesALinkToTheRoot() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("link"), root);
        assertRefused("report", link, "is the project root");
        assertRefused("report", link.resolve("docs"), "not empty");
    }

    @Test
    void refusesAMarkedFolderThatHoldsEvidence() throws IOException {
        Path reports = root.resolve("target/safecase");
        assertEquals(0, run("report", reports).code());
        // a later case cites a file of the report itself as evidence: the report may no longer replace it
        Files.writeString(root.resolve("cases/hello.case"), CASE.replace("evidence/load.json", "../target/safecase/bound.json"));
        Files.writeString(reports.resolve("bound.json"), "{\"bound\": 0.008}\n");
        assertRefused("report", reports, "holds an input");
    }

    @Test
    void writesANewFolderAndReplacesOnlyItsOwn() throws IOException {
        Path reports = root.resolve("target/safecase");
        CommandLineTest.Run first = run("report", reports);
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.isRegularFile(reports.resolve(OutputFolder.MARKER)));
        assertTrue(Files.isRegularFile(reports.resolve("index.html")));
        Files.writeString(reports.resolve("stale.html"), "from an earlier run");
        CommandLineTest.Run second = run("report", reports);
        assertEquals(0, second.code(), second.err());
        assertFalse(Files.exists(reports.resolve("stale.html")), "the old report was replaced as a whole");
        assertEquals(List.of("safecase"), names(root.resolve("target")), "no temporary folder left");

        Path empty = Files.createDirectories(root.resolve("out/empty"));
        assertEquals(0, run("report", empty).code());
        assertTrue(Files.isRegularFile(empty.resolve(OutputFolder.MARKER)));
    }

    @Test
    void graphAddsDiagramsToItsOwnFolderOnly() throws IOException {
        Path graphs = root.resolve("target/graphs");
        assertEquals(0, run("graph", graphs).code());
        assertEquals(List.of(OutputFolder.MARKER, "hello.svg"), names(graphs));
        assertEquals(0, run("graph", graphs).code(), "a second run may write into its own folder");
        Path reports = root.resolve("target/safecase");
        assertEquals(0, run("report", reports).code());
        assertEquals(0, run("graph", reports).code(), "and into a report folder");
    }

    @Test
    void smtReplacesItsOwnFolder() throws IOException {
        Path smt = root.resolve("target/smt");
        assertEquals(0, run("smt", smt).code());
        Files.writeString(smt.resolve("hello/stale.smt2"), "(check-sat)");
        assertEquals(0, run("smt", smt).code());
        assertFalse(Files.exists(smt.resolve("hello/stale.smt2")));
        assertTrue(Files.isRegularFile(smt.resolve("hello/evidence.top.smt2")), names(smt.resolve("hello")).toString());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            String[] n = s.map(p -> p.getFileName().toString()).toArray(String[]::new);
            Arrays.sort(n);
            return List.of(n);
        }
    }
}
