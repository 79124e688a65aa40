package dev.safecase.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.diag.SourceText;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks on single tokens: invisible characters in strings, escapes, and the heading of a file that does not parse. */
class TokenChecksTest {
    private static String parse(String text) {
        return Findings.of(text);
    }

    private static final String CONTROL = " SC102 control character U+%04X in a string; a text may hold tabs and line breaks, "
            + "but no other control characters";

    @Test
    void controlCharactersAreReportedAtTheFirstOneOfEachString() {
        assertEquals("1:9" + String.format(CONTROL, 0x1b), parse("case c \"\u001b[31m\u001b[0m\""));
        assertEquals("2:3" + String.format(CONTROL, 0x85), parse("case c \"\"\"\n  \u0085 next line\"\"\""));
        // columns count characters, so one outside the basic plane is one column
        assertEquals("1:10" + String.format(CONTROL, 0x07), parse("case c \"\uD83D\uDE00\u0007\""));
    }

    @Test
    void tabsAndLineBreaksAreFineAndALoneCarriageReturnIsNot() {
        assertEquals("", parse("case c \"\"\"a\tb\r\n  c\n  d\"\"\"\r\n"));
        assertEquals("1:12 SC102 control character U+000D (a carriage return without a line feed) in a string; a text may "
                + "hold tabs and line breaks, but no other control characters", parse("case c \"\"\"a\rb\"\"\""));
    }

    @Test
    void bidirectionalControlsAreRefused() {
        for (int c : new int[] {0x202A, 0x202E, 0x2066, 0x2069}) {
            assertEquals(String.format("1:9 SC102 bidirectional control character U+%04X in a string; it would show the text in "
                    + "another order than it is written", c), parse("case c \"" + Character.toString(c) + "x\""));
        }
        assertEquals("", parse("case c \"\u200f right-to-left mark and \u00e9 are fine\""));
    }

    @Test
    void aBadEscapeIsReportedAtItsBackslash() {
        assertEquals("1:12 SC102 bad escape '\\q' in a string (only \\\", \\\\ and \\n are allowed; write \\\\ for a backslash)",
                parse("case c \"\uD83D\uDE00\\n\\q\""));
    }

    @Test
    void theHeadingOfAFileThatDoesNotParseComesFromItsFirstTokens() {
        assertEquals(new Parser.Heading(true, Optional.of("broken")),
                Parser.heading(new SourceText(null, "t", "// about\n/* it */ case /* c */ broken \"x\" claim")));
        assertEquals(new Parser.Heading(true, Optional.of("claim")), Parser.heading(new SourceText(null, "t", "case claim")));
        assertEquals(new Parser.Heading(true, Optional.empty()), Parser.heading(new SourceText(null, "t", "case \"x\"")));
        assertEquals(new Parser.Heading(true, Optional.empty()), Parser.heading(new SourceText(null, "t", "case @name")));
        assertEquals(new Parser.Heading(false, Optional.empty()), Parser.heading(new SourceText(null, "t", "@case name")));
        assertEquals(new Parser.Heading(false, Optional.empty()), Parser.heading(new SourceText(null, "t", "claim x \"x\"")));
        assertEquals(new Parser.Heading(false, Optional.empty()), Parser.heading(new SourceText(null, "t", "")));
    }
}
