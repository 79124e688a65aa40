package dev.safecase.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.diag.Diagnostics;
import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a run are cases: from the parsed header, or from the first tokens of a file that does not parse. */
class CaseDiscoveryTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String text) throws IOException {
        return TestFiles.write(tmp, rel, text);
    }

    private static String findings(Diagnostics d, Path tmp) {
        return d.sorted().stream().map(x -> tmp.relativize(Path.of(x.pos().file()).toAbsolutePath()) + ":" + x.pos().line() + ":"
                + x.pos().col() + " " + x.code().id() + " " + x.message()).collect(Collectors.joining("\n"));
    }

    @Test
    void aFolderGivesItsCasesAndSkipsItsModules() throws IOException {
        write("a/ok.case", "// a case\ncase ok \"fine\"\nclaim top \"t\" undeveloped\n");
        write("a/lib.case", "quantity x : real\n");
        write("a/broken-module.case", "quantity (\n");
        write("a/broken.case", "/* a case that does not parse */\r\ncase broken \"b\"\nclaim (\n");
        write("a/empty.case", "// nothing here\n");
        Sources sources = new Sources(tmp);
        Diagnostics d = new Diagnostics();
        CaseDiscovery.Discovered found = CaseDiscovery.find(sources, List.of(tmp.resolve("a")), d);
        assertEquals(List.of("ok"), found.cases().stream().map(l -> l.unit().orElseThrow().header().orElseThrow().name()).toList());
        assertEquals(Map.of("broken", sources.display(tmp.resolve("a/broken.case"))), found.unparsed());
        // only the broken case is reported: the folder's modules, broken or empty, are not looked at
        assertEquals("a/broken.case:3:7 SC101 unexpected '('; expected a name", findings(d, tmp));
    }

    @Test
    void aFileNamedOnTheCommandLineMustBeACase() throws IOException {
        Path module = write("lib.case", "quantity x : real\n");
        Path empty = write("empty.case", "/* nothing */\n");
        Sources sources = new Sources(tmp);
        Diagnostics d = new Diagnostics();
        CaseDiscovery.Discovered found = CaseDiscovery.find(sources, List.of(module, empty), d);
        assertEquals(List.of(), found.cases());
        assertEquals("""
                empty.case:1:1 SC003 empty file: a case starts with `case NAME "text"`
                lib.case:1:1 SC003 this is a module (no `case NAME "text"` header); modules are checked through the cases that \
                import them""", findings(d, tmp));
    }

    @Test
    void aFolderWithoutACaseIsReported() throws IOException {
        write("m/lib.case", "quantity x : real\n");
        Diagnostics d = new Diagnostics();
        CaseDiscovery.find(new Sources(tmp), List.of(tmp.resolve("m")), d);
        assertEquals("m:1:1 SC003 no case found in this folder (a case starts with `case NAME \"text\"`)", findings(d, tmp));
    }
}
