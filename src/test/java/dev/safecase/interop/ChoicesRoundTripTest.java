package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A support list with {@code any of} / {@code M of} written in the case file itself (not in a pattern or a completion):
 * neither gsn2x nor SACM can hold a choice, so it rides as text and comes back as written, with its verdicts.
 */
class ChoicesRoundTripTest {
    @TempDir
    Path tmp;

    static final String CASE = """
            case choices "A claim with two routes"

            quantity p : probability "Failure probability"

            claim top "The failure probability is small": p <= 1%
                supported by any of (tested, analysed), reviewed
            claim tested "The test bounds it": p <= 0.5%
                asserted "Test report TR-1"
            claim analysed "The analysis bounds it": p <= 2%
                asserted "Analysis AN-1"
            claim reviewed "The design was reviewed"
                asserted "Review RV-1"
            """;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gsn2x", "sacm"})
    void aChoiceComesBackAsWritten(String format) throws IOException {
        Path orig = TestFiles.write(tmp, "orig/choices.case", CASE);
        CaseSnapshot before = CaseSnapshot.of(InteropRun.verify(tmp, orig));
        Path out = tmp.resolve(format.equals("sacm") ? "case.xmi" : "yaml");
        InteropRun.Result ex = InteropRun.cli("export", "--to", format, "--root", tmp.toString(), orig.toString(), "-o", out.toString());
        assertEquals(0, ex.code(), ex.err());
        List<Path> written = format.equals("sacm") ? List.of(out) : InteropRun.files(out, ".gsn.yaml");
        Path back = tmp.resolve("back");
        InteropRun.Result im = InteropRun.cli("import", format, written.get(0).toString(), "-o", back.toString(), "--root", tmp.toString());
        assertEquals(0, im.code(), im.err());
        Path imported = InteropRun.files(back, ".case").get(0);
        assertTrue(InteropRun.read(imported).contains("supported by any of (tested, analysed), reviewed"), InteropRun.read(imported));
        CaseSnapshot after = CaseSnapshot.of(InteropRun.verify(tmp, imported));
        assertEquals(before.nodes(), after.nodes());
        assertEquals(before.verdicts(), after.verdicts());
    }
}
