package dev.safecase.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What reaches a terminal: control, bidi and invisible characters are shown as escapes, never obeyed. */
class TerminalTextTest {
    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"1B, \\u{1B}", "07, \\u{7}", "0D, \\r", "0A, \\n", "09, \\t", "00, \\u{0}", "7F, \\u{7F}", "85, \\u{85}",
            "9B, \\u{9B}", "202A, \\u{202A}", "202B, \\u{202B}", "202C, \\u{202C}", "202D, \\u{202D}", "202E, \\u{202E}",
            "2066, \\u{2066}", "2067, \\u{2067}", "2068, \\u{2068}", "2069, \\u{2069}", "200E, \\u{200E}", "200B, \\u{200B}",
            "2028, \\u{2028}", "2029, \\u{2029}", "FEFF, \\u{FEFF}", "D800, \\u{D800}", "E0001, \\u{E0001}"})
    void escapesWhatIsNotPrintable(String hex, String escaped) {
        String ch = new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertEquals("a" + escaped + "b", TerminalText.escape("a" + ch + "b"));
    }

    @Test
    void keepsPrintableText() {
        String text = "Sûreté ≤ 1 % — naïve 日本語 😀 \\ \" ' <b> {x}";
        assertEquals(text, TerminalText.escape(text));
    }

    @Test
    void aFakeGateLineStaysOnTheOwnerLine() {
        assertEquals("o\\u{1B}[1A\\u{1B}[2K\\rgate: PASSED\\n", TerminalText.escape("o\u001b[1A\u001b[2K\rgate: PASSED\n"));
    }

    @Test
    void thePrinterEscapesHeadlineAndSourceLineAndKeepsTheCaretUnderTheColumn() {
        SourceText src = new SourceText(null, "x\u001b[31m.case", "claim top \"\u202e\u001b[2J\" q undeveloped\n");
        Diagnostic d = new Diagnostic(Severity.ERROR, Code.SC201, new Position("x\u001b[31m.case", 1, 19),
                "unknown name 'q' in \"\u202e\"");
        List<String> lines = DiagnosticPrinter.format(d, f -> Optional.of(src)).lines().toList();
        assertEquals(List.of(
                "x\\u{1B}[31m.case:1:19: error: SC201 unknown name 'q' in \"\\u{202E}\"",
                "  claim top \"\\u{202E}\\u{1B}[2J\" q undeveloped",
                "                                ^"), lines);
    }
}
