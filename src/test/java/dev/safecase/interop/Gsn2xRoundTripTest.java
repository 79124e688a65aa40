package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * gsn2x fixtures that need only today's case language: import, check (exit 0 or 1: the case is
 * well-formed, its informal steps are open), export; every gsn2x file comes back with the parsed
 * structure it had (see {@link Gsn2xStructure}), and nothing else is written.
 */
class Gsn2xRoundTripTest {
    static final Path FIXTURES = Path.of("src/test/resources/interop/gsn2x");

    @TempDir
    Path tmp;

    /** The fixture folder and the file that is the case (the others are reached through uses). */
    static Stream<String> fixtures() {
        return Stream.of("core/core.gsn.yaml", "modules/main.gsn.yaml", "dialectic/dialectic.gsn.yaml",
                "ids/ids.gsn.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importThenExportGivesTheSameStructure(String fixture) {
        Path in = tmp.resolve("in");
        InteropRun.copy(FIXTURES.resolve(fixture).getParent(), in);
        Path main = in.resolve(Path.of(fixture).getFileName().toString());
        Path cases = tmp.resolve("cases");
        InteropRun.Result im = InteropRun.cli("import", "gsn2x", main.toString(), "-o", cases.toString(), "--root", tmp.toString());
        assertEquals(0, im.code(), im.err());
        Path caseFile = cases.resolve(InteropRun.files(cases, ".case").stream()
                .filter(p -> InteropRun.read(p).contains("\ncase ")).findFirst().orElseThrow().getFileName());

        InteropRun.Result check = InteropRun.cli("check", "--root", tmp.toString(), caseFile.toString());
        assertTrue(check.code() == 0 || check.code() == 1, "imported case must check without input errors:\n" + check.err());

        Path out = tmp.resolve("out");
        InteropRun.Result ex = InteropRun.cli("export", "--to", "gsn2x", "--root", tmp.toString(), caseFile.toString(),
                "-o", out.toString());
        assertEquals(0, ex.code(), ex.err());

        List<String> inputs = new ArrayList<>(InteropRun.files(in, ".yaml").stream().map(p -> p.getFileName().toString()).toList());
        List<String> outputs = InteropRun.files(out, ".yaml").stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(inputs, outputs, "the export writes the files the import read");
        for (String name : inputs) {
            assertEquals(Gsn2xStructure.of(InteropRun.read(in.resolve(name))), Gsn2xStructure.of(InteropRun.read(out.resolve(name))),
                    name + " changed in the round trip");
        }
        assertTrue(InteropRun.read(out.resolve(outputs.get(0))).contains("status-"), "export colours by status");
    }
}
