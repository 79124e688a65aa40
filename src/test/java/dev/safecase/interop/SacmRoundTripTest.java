package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case in cases/ through SACM and back: {@code export --to sacm}, then {@code import sacm},
 * gives a case with the same name, text, nodes (kinds, texts, formulas, relations, clauses) and
 * verdicts. The formulas and the clauses SACM has no place for ride in {@code safecase:*} tagged values.
 */
class SacmRoundTripTest {
    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        return CasesRoundTripTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportThenImportKeepsNodesRelationsTextsFormulasAndVerdicts(String file) {
        Path original = Path.of(file);
        Path project = tmp.resolve("project");
        InteropRun.copy(original.getParent(), project.resolve("orig"));
        Path orig = project.resolve("orig").resolve(original.getFileName().toString());
        CaseSnapshot before = CaseSnapshot.of(InteropRun.verify(project, orig));

        Path xmi = tmp.resolve("case.xmi");
        InteropRun.Result ex = InteropRun.cli("export", "--to", "sacm", "--root", project.toString(), orig.toString(),
                "-o", xmi.toString());
        assertEquals(0, ex.code(), ex.err());
        assertTrue(Files.isRegularFile(xmi));
        SacmStructure.check(InteropRun.read(xmi));

        Path back = project.resolve("back");
        InteropRun.Result im = InteropRun.cli("import", "sacm", xmi.toString(), "-o", back.toString(), "--root", project.toString());
        assertEquals(0, im.code(), im.err());
        if (Files.isDirectory(project.resolve("orig/evidence"))) InteropRun.copy(project.resolve("orig/evidence"), back.resolve("evidence"));
        // a case's own modules are referred to by its imports, not exported (docs/interop.md): they stay beside it
        for (Path m : InteropRun.files(project.resolve("orig"), ".case")) {
            boolean module = !InteropRun.read(m).matches("(?s)(.*\\n)?case .*");
            if (module && !Files.exists(back.resolve(m.getFileName().toString()))) InteropRun.copy(m, back.resolve(m.getFileName().toString()));
        }
        List<Path> cases = InteropRun.files(back, ".case").stream()
                .filter(p -> InteropRun.read(p).matches("(?s)(.*\\n)?case .*")).toList();
        assertEquals(1, cases.size(), "one case file among " + InteropRun.files(back, ".case"));
        CaseSnapshot after = CaseSnapshot.of(InteropRun.verify(project, cases.get(0)));

        assertEquals(before.name(), after.name());
        assertEquals(before.text(), after.text());
        assertEquals(before.nodes(), after.nodes());
        assertEquals(before.verdicts(), after.verdicts());
        assertTrue(before.verdicts().size() > 3, "the case has obligations to compare");
    }
}
