package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CI-facing outputs and CLI habits: --format github and markdown, --output-file, --exit-zero, --quiet, '-', root search. */
class CiFormatsTest {
    @TempDir
    Path tmp;

    static final String REFUTED = """
            case mon "Harm stays under budget"

            quantity p_harm : probability "Chance of harm"
            quantity p_miss : probability "Chance of a miss"

            assumption needs_miss "Harm needs a miss": p_harm <= p_miss

            claim top "Harm is rare": p_harm <= 1%
                assuming needs_miss
                supported by good_monitor

            claim good_monitor "Misses are rare": p_miss <= 2%
                asserted "Monitor evaluation ME-3"
            """;

    private Path write(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void githubAnnotationsPointAtTheFailingLineWithTheCounterexample() throws Exception {
        write("cases/mon.case", REFUTED);
        CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), "--format", "github",
                tmp.resolve("cases").toString());
        assertEquals(1, r.code(), r.err());
        String first = r.out().lines().filter(l -> l.startsWith("::error file=")).findFirst().orElseThrow();
        assertTrue(first.contains("mon.case,line=8,title=safecase%3A mon inference%3Atop refuted::"), first);
        assertTrue(first.contains("%0Acounterexample: "), first);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("::error title=safecase::gate FAILED")), r.out());
    }

    @Test
    void markdownSummaryAndOutputFile() throws Exception {
        write("cases/mon.case", REFUTED);
        Path out = tmp.resolve("out/summary.md");
        CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), "--format", "markdown",
                "--output-file", out.toString(), "--exit-zero", tmp.resolve("cases").toString());
        assertEquals(0, r.code(), "--exit-zero turns a failed gate into 0");
        assertEquals("", r.out());
        String md = Files.readString(out);
        assertTrue(md.startsWith("## safecase: \u274c gate failed"), md);
        try (var s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "no temporary file is left beside the output");
        }
    }

    @Test
    void exitZeroKeepsInputErrorsAtTwoAndQuietPrintsOnlyErrors() throws Exception {
        write("cases/bad.case", "case bad \"x\"\nclaim c \"y\": q <= 1\n");
        CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), "--exit-zero", "-q",
                tmp.resolve("cases").toString());
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("SC201"), r.err());
    }

    @Test
    void codeQualityIsAnArrayOfGitlabIssues() throws Exception {
        write("cases/mon.case", REFUTED);
        CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), "--format", "codequality",
                tmp.resolve("cases").toString());
        JsonNode issues = new ObjectMapper().readTree(r.out());
        assertTrue(issues.isArray() && issues.size() >= 1, r.out());
        JsonNode i = issues.get(0);
        for (String k : new String[] {"description", "check_name", "fingerprint", "severity"}) assertTrue(i.has(k), k);
        assertEquals("critical", i.get("severity").asText());
        assertTrue(i.get("location").get("path").asText().endsWith("cases/mon.case"));
        assertEquals(8, i.get("location").get("lines").get("begin").asInt());
    }

    @Test
    void aCaseFromStdin() throws Exception {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(REFUTED.getBytes(StandardCharsets.UTF_8)));
            CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), "-");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.out().contains("case mon (<stdin>): NOT discharged"), r.out());
            assertTrue(r.out().contains("<stdin>:8: inference:top refuted"), r.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void theRootIsTheNearestFolderWithAMarker() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path docs = Files.createDirectories(project.resolve("docs/deep"));
        assertEquals(docs, ProjectRoot.find(docs), "no marker up to the temporary folder's own");
        Files.createDirectories(project.resolve("cases"));
        assertEquals(project, ProjectRoot.find(docs));
        Files.writeString(project.resolve("docs/.safecase-root"), "");
        assertEquals(project.resolve("docs"), ProjectRoot.find(docs));
    }

    @Test
    void bareCommandAndUnknownCommands() {
        CommandLineTest.Run bare = CommandLineTest.main();
        assertEquals(2, bare.code());
        assertTrue(bare.err().contains("Usage: safecase"), bare.err());
        CommandLineTest.Run typo = CommandLineTest.main("chek");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("unknown command 'chek' (did you mean 'check'"), typo.err());
        CommandLineTest.Run completion = CommandLineTest.main("completion", "bash");
        assertEquals(0, completion.code());
        assertTrue(completion.out().contains("complete -F"), completion.out().substring(0, 200));
        assertTrue(completion.out().contains("diff"), "the completion knows every command");
        assertFalse(completion.out().isEmpty());
    }
}
