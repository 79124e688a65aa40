package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad gsn2x input: every mistake is reported with its file, line and column and a stable code,
 * the exit status is 2, and nothing is written (the output folder is not even created).
 */
class Gsn2xBadInputTest {
    @TempDir
    Path tmp;

    private InteropRun.Result importing(String yaml) throws IOException {
        Path f = TestFiles.write(tmp, "in/bad.gsn.yaml", yaml);
        return InteropRun.cli("import", "gsn2x", f.toString(), "-o", tmp.resolve("out").toString(), "--root", tmp.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed YAML      | 'G1:\\n  text: [unclosed\\n'                                   | 3:1: error: SC701 malformed YAML
            a list at the top   | '- G1\\n- G2\\n'                                                | 1:1: error: SC701 a gsn2x file is a mapping from element IDs to elements, not a list
            empty file          | ''                                                              | 1:1: error: SC701 empty file
            two documents       | 'G1: {}\\n---\\nG2: {}\\n'                                      | 2:1: error: SC701 malformed YAML: but found another document
            unknown type        | 'G1:\\n  supportedBy: [X1]\\nX1:\\n  text: what am I\\n'        | 3:1: error: SC702 element X1 is of unknown type
            unknown nodeType    | 'Q1:\\n  nodeType: Gaol\\n'                                     | 2:13: error: SC702 unknown nodeType 'Gaol'
            dangling reference  | 'G1:\\n  supportedBy: [G2, Sn9]\\nG2:\\n  undeveloped: true\\n' | 2:21: error: SC703 Sn9 is not an element of any input file
            a list as a string  | 'G1:\\n  supportedBy: G2, G3\\nG2: {}\\nG3: {}\\n'              | 2:16: error: SC703 G2, G3 is not an element of any input file (several IDs are written as a list: [A, B])
            duplicate key       | 'G1:\\n  text: a\\nG1:\\n  text: b\\n'                          | 3:1: error: SC704 duplicate key G1 (first at 1:1)
            text as a list      | 'G1:\\n  text: [a, b]\\n'                                       | 2:9: error: SC705 text is a text
            bad rankIncrement   | 'G1:\\n  rankIncrement: -2\\n  undeveloped: true\\n'             | 2:18: error: SC705 rankIncrement must be a whole number of at least 0
            bad horizontalIndex | 'G1:\\n  horizontalIndex: {relative: left}\\n'                  | 2:20: error: SC705 horizontalIndex is {relative: N} or {absolute: N or last}
            bad undeveloped     | 'G1:\\n  undeveloped: yes please\\n'                            | 2:16: error: SC705 undeveloped must be true or false
            support a context   | 'G1:\\n  supportedBy: [C1]\\nC1: {}\\n'                          | 2:17: error: SC705 G1 (Goal) cannot be supported by C1 (Context)
            undeveloped support | 'G1:\\n  undeveloped: true\\n  supportedBy: [Sn1]\\nSn1: {}\\n' | 3:17: error: SC705 undeveloped element G1 has supporting arguments (gsn2x V03)
            goal challenges     | 'G1:\\n  challenges: G2\\nG2: {}\\n'                             | 2:15: error: SC705 G1 is a Goal; only counter-goals and counter-solutions challenge
            unrelated relation  | 'G1: {}\\nG2: {}\\nCG1:\\n  challenges: G1 -> G2\\n'             | 4:15: error: SC703 CG1 challenges the relation G1 -> G2, but neither
            control character   | 'G1:\\n  text: "bell \\\\a here"\\n'                              | 2:9: error: SC706 the text holds control character U+0007
            ID with a bar       | '"G|1":\\n  undeveloped: true\\n'                                | 1:1: error: SC706 the ID G|1 cannot be a name in a case: a quoted name may not hold '|'
            built-in as ID      | 'max:\\n  nodeType: Goal\\n'                                     | 1:1: error: SC706 the ID max is a built-in function
            module without name | 'module:\\n  brief: x\\nG1: {}\\n'                               | 2:3: error: SC705 module information needs a name
            unargued counter    | 'G1:\n  supportedBy: [Sn1]\nSn1: {}\nCG1:\n  supportedBy: [CSn1]\n  challenges: G1\nCSn1:\n  nodeType: CounterSolution\nCSn2:\n  nodeType: CounterSolution\n  challenges: CG1\n' | 11:15: error: SC706 CSn2 challenges CG1, which argues against the case
            edited safecase     | 'G1:\\n  safecase-formula: "p <= "\\n'                           | 2:21: error: SC706 the safecase layer does not parse
            """)
    void isReportedAtItsPlaceAndNothingIsWritten(String what, String yaml, String expected) throws IOException {
        InteropRun.Result r = importing(yaml.replace("\\n", "\n").replace("\\\\", "\\"));
        assertEquals(2, r.code(), what + ": " + r.err());
        assertTrue(r.err().contains("bad.gsn.yaml:" + expected), what + ": expected " + expected + " in\n" + r.err());
        assertFalse(Files.exists(tmp.resolve("out")), what + ": nothing may be written");
    }

    @Test
    void anIdDefinedInTwoModulesIsAClashAtTheSecond() throws IOException {
        TestFiles.write(tmp, "in/a.gsn.yaml", "module:\n  name: A\n  uses: [b.gsn.yaml]\nG1:\n  supportedBy: [Sn1]\nSn1: {}\n");
        TestFiles.write(tmp, "in/b.gsn.yaml", "module:\n  name: B\nSn1: {}\n");
        InteropRun.Result r = InteropRun.cli("import", "gsn2x", tmp.resolve("in/a.gsn.yaml").toString(), "-o",
                tmp.resolve("out").toString(), "--root", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("b.gsn.yaml:3:1: error: SC704 element Sn1 is also defined at "), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aMissingUsedModuleIsADanglingReference() throws IOException {
        TestFiles.write(tmp, "in/a.gsn.yaml", "module:\n  name: A\n  uses: [nowhere.gsn.yaml]\nG1: {undeveloped: true}\n");
        InteropRun.Result r = InteropRun.cli("import", "gsn2x", tmp.resolve("in/a.gsn.yaml").toString(), "-o",
                tmp.resolve("out").toString(), "--root", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a.gsn.yaml:3:10: error: SC703 used module file nowhere.gsn.yaml not found"), r.err());
    }

    @Test
    void aFolderThatSafecaseDidNotWriteIsNotReplaced() throws IOException {
        TestFiles.write(tmp, "in/a.gsn.yaml", "G1: {undeveloped: true}\n");
        TestFiles.write(tmp, "out/mine.txt", "keep me");
        InteropRun.Result r = InteropRun.cli("import", "gsn2x", tmp.resolve("in/a.gsn.yaml").toString(), "-o",
                tmp.resolve("out").toString(), "--root", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("was not written by safecase"), r.err());
        assertEquals("keep me", Files.readString(tmp.resolve("out/mine.txt")));
    }

    @Test
    void aFolderThatSafecaseWroteIsReplacedWhole() throws IOException {
        TestFiles.write(tmp, "in/a.gsn.yaml", "G1: {undeveloped: true}\n");
        Path out = tmp.resolve("out");
        assertEquals(0, InteropRun.cli("import", "gsn2x", tmp.resolve("in/a.gsn.yaml").toString(), "-o", out.toString(),
                "--root", tmp.toString()).code());
        TestFiles.write(tmp, "in/a.gsn.yaml", "G2: {undeveloped: true}\n");
        TestFiles.write(tmp, "in/a2.gsn.yaml", "G3: {undeveloped: true}\n");
        java.nio.file.Files.move(tmp.resolve("in/a2.gsn.yaml"), tmp.resolve("in/b.gsn.yaml"));
        assertEquals(0, InteropRun.cli("import", "gsn2x", tmp.resolve("in/b.gsn.yaml").toString(), "-o", out.toString(),
                "--root", tmp.toString()).code());
        assertEquals(java.util.List.of("b.case"), InteropRun.files(out, ".case").stream().map(p -> p.getFileName().toString()).toList());
    }
}
