package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Ansi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person at a terminal sees: colour only when wanted, short summaries of large cases, keyword suggestions. */
class TerminalTest {
    @TempDir
    Path tmp;

    @Test
    void colourIsOnOnlyForATerminalThatWantsIt() {
        assertEquals(Ansi.ON, Ansi.auto(true, null, "xterm-256color"));
        assertEquals(Ansi.OFF, Ansi.auto(true, "1", "xterm"), "NO_COLOR set");
        assertEquals(Ansi.ON, Ansi.auto(true, "", "xterm"), "an empty NO_COLOR does not count (no-color.org)");
        assertEquals(Ansi.OFF, Ansi.auto(true, null, "dumb"));
        assertEquals(Ansi.OFF, Ansi.auto(false, null, "xterm"), "not a terminal");
    }

    @Test
    void colourAlwaysColoursTheSummaryAndNeverLeavesItPlain() throws Exception {
        Path c = Files.writeString(tmp.resolve("c.case"), "case c \"C\"\nquantity p : probability\n"
                + "claim top \"T\": p <= 1% asserted \"reviewed\"\n");
        CommandLineTest.Run on = CommandLineTest.main("check", "--root", tmp.toString(), "--color", "always", c.toString());
        assertTrue(on.out().contains("\u001b["), on.out());
        CommandLineTest.Run off = CommandLineTest.main("check", "--root", tmp.toString(), "--color", "never", c.toString());
        assertFalse(off.out().contains("\u001b["), off.out());
        CommandLineTest.Run bad = CommandLineTest.main("check", "--root", tmp.toString(), "--color", "sometimes", c.toString());
        assertEquals(2, bad.code());
    }

    @Test
    void aLargeCaseListsOnlyWhatIsNotDischargedUnlessVerbose() throws Exception {
        StringBuilder sb = new StringBuilder("case big \"Big\"\nclaim top \"Top\" supported by c0");
        for (int i = 1; i < 60; i++) sb.append(", c").append(i);
        sb.append('\n');
        for (int i = 0; i < 59; i++) sb.append("claim c").append(i).append(" \"C").append(i).append("\" asserted \"ok\"\n");
        sb.append("claim c59 \"C59\" undeveloped\n");
        Path c = Files.writeString(tmp.resolve("big.case"), sb.toString());
        CommandLineTest.Run brief = CommandLineTest.main("check", "--root", tmp.toString(), c.toString());
        assertTrue(brief.out().contains("(--verbose lists every claim)"), brief.out());
        assertFalse(brief.out().contains("    c3 "), brief.out());
        assertTrue(brief.out().contains("c59"), brief.out());
        CommandLineTest.Run all = CommandLineTest.main("check", "--root", tmp.toString(), "--verbose", c.toString());
        assertTrue(all.out().contains("c3"), all.out());
        assertFalse(all.out().contains("(--verbose lists every claim)"), all.out());
    }

    @Test
    void aMistypedKeywordGetsASuggestion() throws Exception {
        Path c = Files.writeString(tmp.resolve("k.case"), "case k \"K\"\nclaim top \"T\" asumming a\nassumption a \"A\"\n");
        CommandLineTest.Run r = CommandLineTest.main("check", "--root", tmp.toString(), c.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'assuming'?"), r.err());
    }
}
