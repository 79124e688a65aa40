package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code safecase import sacm}: a SACM file that another tool wrote comes in as a case that checks
 * without input errors; bad files are reported at file:line:col with exit 2 and nothing is written.
 */
class SacmImportTest {
    @TempDir
    Path tmp;

    static final String HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sacm:AssuranceCasePackage xmlns:sacm="http://www.omg.org/spec/SACM/2.2" xmlns:xmi="http://www.omg.org/spec/XMI/20131001"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmi:version="2.0" xmi:id="pkg">
              <name content="pump"/>
              <argumentPackage xmi:id="ap1">
                <argumentElement xsi:type="sacm:Claim" xmi:id="G1" gid="G1">
                  <description xmi:id="d1"><content><value lang="en" content="The pump is safe"/></content></description>
                </argumentElement>
            """;
    static final String TAIL = """
              </argumentPackage>
            </sacm:AssuranceCasePackage>
            """;

    private InteropRun.Result importing(String xml) throws IOException {
        Path f = TestFiles.write(tmp, "in/bad.xmi", xml);
        return InteropRun.cli("import", "sacm", f.toString(), "-o", tmp.resolve("out").toString(), "--root", tmp.toString());
    }

    @Test
    void aForeignFileComesInAndChecks() {
        Path in = tmp.resolve("in");
        InteropRun.copy(Path.of("src/test/resources/interop/sacm"), in);
        Path out = tmp.resolve("out");
        InteropRun.Result im = InteropRun.cli("import", "sacm", in.resolve("foreign.sacm.xmi").toString(), "-o", out.toString(),
                "--root", tmp.toString());
        assertEquals(0, im.code(), im.err());
        List<Path> cases = InteropRun.files(out, ".case");
        assertEquals(1, cases.size());
        String text = InteropRun.read(cases.get(0));
        for (String expected : List.of("case `Infusion pump` \"The infusion pump is acceptably safe\"",
                "claim G1 \"The pump delivers the prescribed dose\"\n    context C1\n    supported by S1",
                "strategy S1 \"Argue over each failure mode of the drive\"\n    justified by J1\n    supported by G2, G3",
                "claim G2 \"Over-infusion is prevented\"\n    assuming A1\n    supported by E1",
                "claim G3 \"Under-infusion is detected\"\n    undeveloped",
                "assumption A1 \"The flow sensor is calibrated\"", "justification J1 \"The failure modes come from the FMEA\"",
                "context C1 \"Hospital ward use\"", "// sacm: taggedValue: [{reviewer: QA board}]",
                "defeater D1 \"The bench rig does not reproduce air in the line\"\n    undermines E1\n    eliminated by G4")) {
            assertTrue(text.contains(expected), "expected\n" + expected + "\nin\n" + text);
        }
        InteropRun.Result check = InteropRun.cli("check", "--root", tmp.toString(), cases.get(0).toString());
        assertTrue(check.code() == 0 || check.code() == 1, "the imported case checks without input errors:\n" + check.err());
        assertTrue(check.out().contains("open") || check.err().contains("open") || check.code() == 1,
                "informal steps stay open:\n" + check.out());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed XML      | '<argumentElement xsi:type="sacm:Claim" xmi:id="G2">\\n'                                              | error: SC701 malformed XML
            unknown type       | '    <argumentElement xsi:type="sacm:Gadget" xmi:id="X1"/>\\n'                                      | 9:5: error: SC702 unknown SACM element type 'sacm:Gadget'
            dangling reference | '    <argumentElement xsi:type="sacm:AssertedInference" xmi:id="R1" source="G9" target="G1"/>\\n'   | 9:5: error: SC703 source G9 names no element of the SACM file
            duplicate gid      | '    <argumentElement xsi:type="sacm:Claim" xmi:id="G2" gid="G1"/>\n'                              | 9:5: error: SC704 element G1 is also defined at
            duplicate xmi:id   | '    <argumentElement xsi:type="sacm:Claim" xmi:id="G1" gid="G1b"/>\\n'                             | 9:5: error: SC704 xmi:id G1 is used twice (first at
            """)
    void badInputIsReportedAtItsPlaceAndNothingIsWritten(String what, String body, String expected) throws IOException {
        String xml = what.equals("malformed XML") ? HEAD + body.replace("\\n", "\n") + TAIL.replace("  </argumentPackage>\n", "")
                : HEAD + body.replace("\\n", "\n") + TAIL;
        InteropRun.Result r = importing(xml);
        assertEquals(2, r.code(), what + ": " + r.err());
        assertTrue(r.err().matches("(?s).*bad\\.xmi:\\d+:\\d+: .*"), what + ": file:line:col in\n" + r.err());
        assertTrue(r.err().contains(expected), what + ": expected " + expected + " in\n" + r.err());
        assertFalse(Files.exists(tmp.resolve("out")), what + ": nothing may be written");
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() throws IOException {
        InteropRun.Result r = importing(HEAD.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n") + TAIL);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("error: SC701 XML with a document type declaration (DTD) is refused"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }
}
