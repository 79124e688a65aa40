package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gsn2x fixtures under full/ through the whole round trip: import, check, export, same
 * structure. They use what issue 13 adds to the language: mixed support ({@code supported by g2,
 * s1}), modules that hold claims and strategies ({@code public claim}) referred to as away goals
 * ({@code alias.id}), defeaters with their own argument ({@code defeater d rebuts c supported by
 * e}) and defeaters that attack defeaters. Gsn2xImportTextTest pins what the import writes for
 * these fixtures.
 */
class Gsn2xFullLanguageTest {
    @TempDir
    Path tmp;

    static Stream<String> fixtures() {
        return Stream.of("full/mixed/mixed.gsn.yaml", "full/modular/index.gsn.yaml", "full/dialectic/dialectic.gsn.yaml",
                "full/template/template.gsn.yaml,full/template/supplier.gsn.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importChecksAndExportGivesTheSameStructure(String fixture) {
        List<String> named = Arrays.asList(fixture.split(","));
        Path in = tmp.resolve("in");
        InteropRun.copy(Gsn2xRoundTripTest.FIXTURES.resolve(named.get(0)).getParent(), in);
        List<String> args = new ArrayList<>(List.of("import", "gsn2x"));
        for (String n : named) args.add(in.resolve(Path.of(n).getFileName().toString()).toString());
        Path cases = tmp.resolve("cases");
        args.addAll(List.of("-o", cases.toString(), "--root", tmp.toString()));
        InteropRun.Result im = InteropRun.cli(args.toArray(String[]::new));
        assertEquals(0, im.code(), im.err());
        Path caseFile = InteropRun.files(cases, ".case").stream().filter(p -> InteropRun.read(p).contains("\ncase ")).findFirst().orElseThrow();

        InteropRun.Result check = InteropRun.cli("check", "--root", tmp.toString(), caseFile.toString());
        assertTrue(check.code() == 0 || check.code() == 1, "imported case must check without input errors:\n" + check.err());

        Path out = tmp.resolve("out");
        InteropRun.Result ex = InteropRun.cli("export", "--to", "gsn2x", "--root", tmp.toString(), caseFile.toString(), "-o", out.toString());
        assertEquals(0, ex.code(), ex.err());
        for (Path input : InteropRun.files(in, ".yaml")) {
            Path output = out.resolve(input.getFileName().toString());
            assertEquals(Gsn2xStructure.of(InteropRun.read(input)), Gsn2xStructure.of(InteropRun.read(output)), input + " changed");
        }
    }
}
