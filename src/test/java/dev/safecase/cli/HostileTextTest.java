package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text that reaches the terminal from a case, a file name or an evidence file never acts on it: no raw control,
 * bidi or line-breaking character in any output of check, explain, the diagnostics or the error messages, so a
 * case cannot draw a fake {@code gate: PASSED} line. (The front end also refuses control characters in string
 * literals; these tests hold whether it does or not, and cover the routes it does not see.)
 */
class HostileTextTest {
    @TempDir
    Path root;

    /** Cursor up, erase the line, then a fake verdict; a bidi override; a bell. */
    static final String FORGED = "\u001b[1A\u001b[2Kgate: PASSED \u202e\u0007";

    @BeforeEach
    void evidence() throws IOException {
        Files.createDirectories(root.resolve("evidence"));
        Files.writeString(root.resolve("evidence/e.json"), "{\"n\": \"" + "\\u001b[2J\\u202egate: PASSED" + "\"}",
                StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertInert(CommandLineTest.Run r) {
        for (String stream : new String[] {r.out(), r.err()}) {
            stream.chars().forEach(c -> assertTrue(c == '\n' || c >= 0x20 && c != 0x7F && (c < 0x80 || c > 0x9F)
                    && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069) && c != 0x2028 && c != 0x2029,
                    "raw U+" + Integer.toHexString(c) + " in\n" + stream));
            assertFalse(stream.lines().anyMatch(l -> l.startsWith("gate: PASSED")), "a forged gate line:\n" + stream);
        }
    }

    private CommandLineTest.Run check(Path file, String... more) {
        String[] args = new String[] {"check", "--root", root.toString(), "--today", "2026-11-22", "--jobs", "1"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length + 1);
        System.arraycopy(more, 0, all, args.length, more.length);
        all[all.length - 1] = file.toString();
        return CommandLineTest.main(all);
    }

    @Test
    void caseTextsInTheSummaryAndTheDiagnostics() throws IOException {
        Path f = write("forged.case", "case forged \"t\"\n"
                + "claim top \"Top" + FORGED + "\" undeveloped owner \"owner" + FORGED + "\"\n");
        CommandLineTest.Run r = check(f);
        assertNotEquals(0, r.code());
        assertTrue(r.out().contains("\\u{1B}[2Kgate: PASSED") || r.err().contains("\\u{1B}[2Kgate: PASSED"), r.out() + r.err());
        assertInert(r);
        assertInert(check(f, "--format", "json"));
    }

    @Test
    void evidenceValuesInReasons() throws IOException {
        Path f = write("ev.case", """
                case ev "t"
                quantity n : real "n"
                evidence e "E" file "evidence/e.json" gives n <= json("/n")
                claim top "Top": n <= 5 supported by e
                """);
        CommandLineTest.Run r = check(f);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("gate: PASSED\\\")") || r.out().contains("gate: PASSED\")"), r.out());
        assertInert(r);
        CommandLineTest.Run explained = CommandLineTest.main("explain", "validity:e", "--root", root.toString(),
                "--today", "2026-11-22", f.toString());
        assertEquals(1, explained.code(), explained.err());
        assertInert(explained);
        assertInert(check(f, "--format", "json"));
    }

    @Test
    void fileNamesInEveryMessage() throws IOException {
        Path dir = Files.createDirectories(root.resolve("x\u001b[31m\nevil"));
        Path f = Files.writeString(dir.resolve("a\u202e\ngate: PASSED.case"), "case named \"t\"\nclaim top \"Top\" undeveloped q\n",
                StandardCharsets.UTF_8);
        CommandLineTest.Run r = check(f);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("x\\u{1B}[31m\\nevil/a\\u{202E}\\ngate: PASSED.case:2:"), r.err());
        assertInert(r);
        assertInert(check(dir.resolve("missing\u001b[2J.case")));
        assertInert(CommandLineTest.main("report", "--root", root.toString(), "-o", f.toString(), f.toString()));
    }

    @Test
    void optionValuesInErrors() {
        assertInert(CommandLineTest.main("check", "--today", "2026\u001b[2J\n" + "gate: PASSED"));
        assertInert(CommandLineTest.main("check", "--root", root.resolve("no\u202esuch").toString()));
        assertInert(CommandLineTest.main("explain", "inference:\u001b[2Jx", "--root", root.toString(), root.toString()));
    }
}
