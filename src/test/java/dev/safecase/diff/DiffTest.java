package dev.safecase.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.cli.Main;
import dev.safecase.judge.Status;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safecase diff} on the real results of two versions of a case, as a pull request would change it: a step
 * that becomes refuted, an undeveloped claim that gets developed, a new open defeater, evidence whose file changes and
 * evidence that expires.
 */
class DiffTest {
    @TempDir
    Path tmp;

    static final String BASE = """
            case budget "The yearly risk stays within budget"

            quantity risk : probability "Yearly risk"
            quantity measured : probability "Measured risk bound"
            quantity n : int in [0, 1000] "Tests run"

            assumption measured_bounds "The measurement bounds the risk": risk <= measured

            claim top "The risk is at most 2%": risk <= 2%
                assuming measured_bounds
                supported by low

            claim low "The measured bound is at most 1%": measured <= 1%
                supported by load_test

            claim tested "Enough tests ran": n >= 100
                supported by runs

            claim later "Recovery works"
                undeveloped
                owner "SRE team"

            evidence load_test "Load test LT-1" gives measured <= 1%

            evidence runs "Test log"
                file "evidence/runs.json"
                expires 2027-01-01
                gives n == json("/n")
            """;

    static final String HEAD = BASE
            .replace("claim top \"The risk is at most 2%\": risk <= 2%", "claim top \"The risk is at most 0.5%\": risk <= 0.5%")
            .replace("    undeveloped\n    owner \"SRE team\"", "    asserted \"Drill D-7\"")
            .replace("expires 2027-01-01", "expires 2026-03-01")
            + """

            defeater flaky "The load test was flaky" undermines load_test
                owner "QA"
            """;

    private Path base;
    private Path head;

    @BeforeEach
    void results() throws Exception {
        base = result("v1", BASE, "{\"n\": 120}");
        head = result("v2", HEAD, "{\"n\": 150}");
    }

    private Path result(String dir, String text, String runs) throws Exception {
        Path root = tmp.resolve(dir);
        Files.createDirectories(root.resolve("cases/evidence"));
        Files.writeString(root.resolve("cases/budget.case"), text);
        Files.writeString(root.resolve("cases/evidence/runs.json"), runs);
        Path out = tmp.resolve(dir + ".json");
        Run r = main("check", "--root", root.toString(), "--today", "2026-06-01", "--format", "json", "--output-file",
                out.toString(), root.resolve("cases").toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        return out;
    }

    record Run(int code, String out, String err) {}

    static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private ResultDiff diff() throws Exception {
        try (var b = Files.newInputStream(base); var h = Files.newInputStream(head)) {
            return ResultDiff.of(SnapshotReader.read(b, "base.json"), SnapshotReader.read(h, "head.json"));
        }
    }

    @Test
    void findsEveryKindOfChange() throws Exception {
        ResultDiff d = diff();
        ResultDiff.StatusChange top = d.changed().stream().filter(c -> c.after().id().equals("inference:top")).findFirst().orElseThrow();
        assertEquals(Status.PROVED, top.before().status());
        assertEquals(Status.REFUTED, top.after().status());
        assertTrue(top.worse());
        assertFalse(top.after().counterexample().isEmpty(), "the counterexample comes along");
        assertTrue(d.closed().stream().anyMatch(i -> i.obligation().id().equals("support:later")), "the undeveloped claim is developed");
        assertTrue(d.improvements().stream().anyMatch(c -> c.after().id().equals("support:later")
                && c.after().status() == Status.ASSERTED));
        assertTrue(d.opened().stream().anyMatch(i -> i.obligation().id().equals("defeater:flaky")), "the new defeater is an open problem");
        assertTrue(d.added().stream().anyMatch(i -> i.obligation().id().equals("defeater:flaky")));
        ResultDiff.EvidenceChange runs = d.evidence().stream().filter(e -> e.after().id().equals("runs")).findFirst().orElseThrow();
        assertTrue(runs.what().stream().anyMatch(w -> w.startsWith("content changed (sha256 ")), runs.what().toString());
        assertTrue(runs.what().contains("expired"), runs.what().toString());
        assertTrue(runs.what().contains("expiry 2027-01-01 \u2192 2026-03-01"), runs.what().toString());
        assertFalse(d.empty());
    }

    @Test
    void theSameResultTwiceIsAnEmptyDiff() throws Exception {
        try (var b = Files.newInputStream(base); var h = Files.newInputStream(base)) {
            ResultDiff d = ResultDiff.of(SnapshotReader.read(b, "a"), SnapshotReader.read(h, "b"));
            assertTrue(d.empty());
            assertTrue(DiffReport.text(d).contains("no obligation, open problem or evidence changed"));
        }
    }

    @Test
    void theCommandInEachFormat() throws Exception {
        Run text = main("diff", base.toString(), head.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Worse ("), text.out());
        assertTrue(text.out().contains(": budget:inference:top proved \u2192 refuted"), text.out());
        assertTrue(text.out().contains("New open problems (1):"), text.out());
        assertTrue(text.out().contains("budget:defeater:flaky"), text.out());

        Run md = main("diff", "--format", "markdown", base.toString(), head.toString());
        assertTrue(md.out().startsWith("## safecase diff\n\n\u274c gate"), md.out());
        assertTrue(md.out().contains("### Worse (3)\n\n- `budget:inference:top` at `"), md.out());

        Run json = main("diff", "--format", "json", base.toString(), head.toString());
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertEquals("refuted", j.get("changed").get(0).get("after").asText());
        assertTrue(j.get("openedProblems").size() >= 1);
        // runs expired; load_test changed too (the new open defeater undermines it: asserted -> open)
        boolean runsExpired = false;
        for (JsonNode e : j.get("evidence")) if (e.get("id").asText().equals("runs")) runsExpired = e.get("expired").asBoolean();
        assertTrue(runsExpired, json.out());

        Run gate = main("diff", "--fail-on-worse", base.toString(), head.toString());
        assertEquals(1, gate.code());
        Run better = main("diff", "--fail-on-worse", head.toString(), head.toString());
        assertEquals(0, better.code());
    }

    @Test
    void aBaselineRevisionIsCheckedOutAndComparedWithTheWorkingTree() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("cases/evidence"));
        Files.writeString(repo.resolve("cases/budget.case"), BASE);
        Files.writeString(repo.resolve("cases/evidence/runs.json"), "{\"n\": 120}");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "-c", "user.email=ci@example.org", "-c", "user.name=ci", "commit", "-q", "-m", "v1");
        Files.writeString(repo.resolve("cases/budget.case"), HEAD);
        Run d = main("diff", "--baseline", "HEAD", "--root", repo.toString());
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains(": budget:inference:top proved \u2192 refuted"), d.out());
        Run gate = main("diff", "--baseline", "HEAD", "--fail-on-worse", "--root", repo.toString());
        assertEquals(1, gate.code(), gate.err());
        Run same = main("diff", "--baseline", "HEAD", "--root", repo.toString(), tmp.resolve("v1.json").toString());
        assertEquals(0, same.code(), same.err());
        // the temporary copy is gone, the working tree untouched
        assertEquals(HEAD, Files.readString(repo.resolve("cases/budget.case")));
        Run bad = main("diff", "--baseline", "no-such-branch", "--root", repo.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--baseline"), bad.err());
        Run notGit = main("diff", "--baseline", "HEAD", "--root", tmp.resolve("v1").toString());
        assertEquals(2, notGit.code());
        assertTrue(notGit.err().contains("--baseline: git rev-parse failed"), notGit.err());
    }

    private static void git(Path dir, String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git", "-C", dir.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void notAResultIsAnInputError() throws Exception {
        Path junk = tmp.resolve("junk.json");
        Files.writeString(junk, "{\"a\": 1, \"a\": 2}");
        Run dup = main("diff", junk.toString(), head.toString());
        assertEquals(2, dup.code());
        assertTrue(dup.err().contains("junk.json:1:"), dup.err());
        assertTrue(dup.err().contains("Duplicate field 'a'"), dup.err());
        Files.writeString(junk, "{\"tool\": \"other\"}");
        assertTrue(main("diff", junk.toString(), head.toString()).err().contains("not a safecase result"));
        Run missing = main("diff", tmp.resolve("nope.json").toString(), head.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json: no such file"), missing.err());
        assertThrows(SnapshotReader.Bad.class, () -> SnapshotReader.read(
                new ByteArrayInputStream("{\"tool\": \"safecase\", \"gate\": 3}".getBytes(StandardCharsets.UTF_8)), "x"));
    }
}
