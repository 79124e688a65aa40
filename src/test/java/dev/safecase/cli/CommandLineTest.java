package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets the front end: exit codes, messages and the diagnostic format. */
class CommandLineTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.out().contains("\tat "), r.out());
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = main("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: safecase"), help.out());
        assertTrue(help.out().contains("check"), help.out());

        Run version = main("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("safecase 0.1.0"), version.out());

        Run checkHelp = main("check", "--help");
        assertEquals(0, checkHelp.code());
        assertTrue(checkHelp.out().contains("--root"), checkHelp.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"check --bogus", "check --today 2026-13-01", "check --min-proved 2", "check --jobs 0",
            "check --fail-on proved", "check --format xml", "nosuchcommand"})
    void badOptionsExitTwoWithOneMessageAndNoStackTrace(String args) {
        Run r = main(args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.errLines().get(0).startsWith("safecase: error: "), r.err());
        assertTrue(r.errLines().size() <= 2, "one message (and at most a hint): " + r.err());
        assertNoStackTrace(r);
        assertEquals("", r.out(), "nothing runs after a bad option");
    }

    @Test
    void missingPathExitsTwoWithSC001() {
        Path missing = tmp.resolve("missing.case");
        Run r = main("check", "--root", tmp.toString(), "--today", "2026-11-22", missing.toString());
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).matches(".*missing\\.case:1:1: error: SC001 no such file or directory"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void diagnosticsShowTheSourceLineAndACaretUnderTheColumn() throws IOException {
        Path typo = Files.writeString(tmp.resolve("typo.case"), """
                case typo "A typo"

                quantity p_unsafe : probability
                claim top "Safe":\tp_unsfe <= 1%
                    undeveloped
                """, StandardCharsets.UTF_8);
        Path warn = Files.writeString(tmp.resolve("warn.case"), """
                case warn "An unused assumption"
                assumption spare "Never assumed"
                claim top "Top" asserted "reviewed"
                """, StandardCharsets.UTF_8);
        Run r = main("check", "--root", tmp.toString(), "--today", "2026-11-22", "--jobs", "1", typo.toString(), warn.toString());
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.errLines();
        String dir = lines.get(0).substring(0, lines.get(0).indexOf("typo.case:4:19:"));
        // diagnostics come in source order, each as headline, source line, and the token's span underlined
        assertEquals(List.of(
                dir + "typo.case:4:19: error: SC201 unknown name 'p_unsfe' (did you mean 'p_unsafe'?)",
                "  claim top \"Safe\": p_unsfe <= 1%",   // a tab is shown as one space, so the underline lines up
                "                    ^^^^^^^",
                dir + "warn.case:2:1: warning: SC301 assumption spare is never assumed (name it in an `assuming` clause)",
                "  assumption spare \"Never assumed\"",
                "  ^^^^^^^^^^"), lines);
        assertNoStackTrace(r);
    }

    @Test
    void everyHeadlineHasTheEditorFormat() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.case"), "case bad \"x\"\nclaim top \"t\": q <= 1 undeveloped\n"
                + "claim top \"again\" undeveloped\n", StandardCharsets.UTF_8);
        Run r = main("check", "--root", tmp.toString(), f.toString());
        assertEquals(2, r.code());
        long headlines = r.errLines().stream().filter(l -> !l.startsWith("  ")).count();
        assertEquals(2, headlines, r.err());
        for (String l : r.errLines()) {
            if (l.startsWith("  ")) continue;
            assertTrue(l.matches("\\S+:\\d+:\\d+: (error|warning): SC\\d{3} .+"), l);
        }
    }
}
