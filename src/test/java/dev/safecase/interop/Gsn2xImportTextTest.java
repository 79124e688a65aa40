package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.interop.gsn2x.Gsn2xFile;
import dev.safecase.interop.gsn2x.Gsn2xImport;
import dev.safecase.interop.gsn2x.Gsn2xInput;
import dev.safecase.testing.Golden;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case text that an import writes, pinned for each gsn2x fixture (golden files next to the
 * fixture, under expected/). For the fixtures under full/ this is the syntax of the language
 * features that issue 13 adds (mixed support, modules with public claims and away goals,
 * defeaters with their own support and defeaters attacking defeaters): the import emits exactly
 * that, today; Gsn2xFullLanguageTest checks those cases once the language has them.
 */
class Gsn2xImportTextTest {
    static Stream<String> fixtures() {
        return Stream.of("core/core.gsn.yaml", "modules/main.gsn.yaml", "dialectic/dialectic.gsn.yaml", "ids/ids.gsn.yaml",
                "full/mixed/mixed.gsn.yaml", "full/modular/index.gsn.yaml", "full/dialectic/dialectic.gsn.yaml",
                "full/template/template.gsn.yaml,full/template/supplier.gsn.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importWritesTheGoldenCaseText(String fixture) throws IOException {
        List<Path> files = Arrays.stream(fixture.split(",")).map(Gsn2xRoundTripTest.FIXTURES::resolve).toList();
        Diagnostics diags = new Diagnostics();
        List<Gsn2xFile> read = Gsn2xInput.read(files, Gsn2xRoundTripTest.FIXTURES, new HashMap<String, SourceText>(), diags).orElseThrow();
        List<OutputFile> out = Gsn2xImport.convert(read, diags).orElseThrow(() -> new AssertionError(diags.sorted()));
        assertEquals(List.of(), diags.sorted());
        Path expected = files.get(0).getParent().resolve("expected");
        for (OutputFile f : out) Golden.check(expected.resolve(f.name()), f.text());
    }
}
