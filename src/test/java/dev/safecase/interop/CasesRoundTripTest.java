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
 * Every case of cases/ goes out to gsn2x and comes back: the case imported from the export has
 * the same nodes (kinds, texts, formulas, relations, clauses) and the same verdict for every
 * obligation. The evidence folder is copied next to the imported case, where its relative paths
 * point.
 */
class CasesRoundTripTest {
    @TempDir
    Path tmp;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("cases"))) {
            // the case files (a module of a modular case comes along with its case)
            return s.filter(p -> p.toString().endsWith(".case") && InteropRun.read(p).matches("(?s)(.*\n)?case .*"))
                    .map(Path::toString).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportThenImportKeepsNodesRelationsTextsAndVerdicts(String file) {
        Path original = Path.of(file);
        Path project = tmp.resolve("project");
        InteropRun.copy(original.getParent(), project.resolve("orig"));
        Path orig = project.resolve("orig").resolve(original.getFileName().toString());
        CaseSnapshot before = CaseSnapshot.of(InteropRun.verify(project, orig));

        Path yaml = tmp.resolve("yaml");
        InteropRun.Result ex = InteropRun.cli("export", "--to", "gsn2x", "--root", project.toString(), orig.toString(),
                "-o", yaml.toString());
        assertEquals(0, ex.code(), ex.err());
        List<Path> written = InteropRun.files(yaml, ".gsn.yaml");
        assertTrue(!written.isEmpty(), "at least one gsn2x file");

        Path back = project.resolve("back");
        List<String> args = new java.util.ArrayList<>(List.of("import", "gsn2x"));
        written.forEach(w -> args.add(w.toString()));
        args.addAll(List.of("-o", back.toString(), "--root", project.toString()));
        InteropRun.Result im = InteropRun.cli(args.toArray(String[]::new));
        assertEquals(0, im.code(), im.err());
        if (Files.isDirectory(project.resolve("orig/evidence"))) InteropRun.copy(project.resolve("orig/evidence"), back.resolve("evidence"));
        // a case's own modules are referred to by its imports, not exported (docs/interop.md): they stay beside it
        for (Path m : InteropRun.files(project.resolve("orig"), ".case")) {
            boolean module = !InteropRun.read(m).matches("(?s)(.*\\n)?case .*");
            if (module && !Files.exists(back.resolve(m.getFileName().toString()))) InteropRun.copy(m, back.resolve(m.getFileName().toString()));
        }
        List<Path> cases = InteropRun.files(back, ".case").stream()
                .filter(p -> InteropRun.read(p).matches("(?s)(.*\n)?case .*")).toList();
        assertEquals(1, cases.size(), "one case file among " + InteropRun.files(back, ".case"));
        CaseSnapshot after = CaseSnapshot.of(InteropRun.verify(project, cases.get(0)));

        assertEquals(before.name(), after.name());
        assertEquals(before.text(), after.text());
        assertEquals(before.nodes(), after.nodes());
        assertEquals(before.verdicts(), after.verdicts());
        assertTrue(before.verdicts().size() > 3, "the case has obligations to compare");
    }
}
