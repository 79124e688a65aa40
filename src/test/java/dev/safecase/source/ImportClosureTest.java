package dev.safecase.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a case needs, each read and parsed once, found without recursion. */
class ImportClosureTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String text) throws IOException {
        return TestFiles.write(tmp, rel, text);
    }

    private static Set<String> files(ImportClosure c) {
        return c.lookups().values().stream().filter(ModuleLookup.Found.class::isInstance)
                .map(l -> ((ModuleLookup.Found) l).module().text().display().replaceFirst(".*/", "")).collect(Collectors.toSet());
    }

    @Test
    void everyImportOfTheClosureIsLookedUpOnce() throws IOException {
        write("lib/d.case", "quantity x : real\n");
        write("lib/b.case", "import lib.d\nimport lib.nothere\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.b\nimport lib.d as d2\nimport stdlib.ai.hazards\n");
        Sources sources = new Sources(tmp);
        ImportClosure c = ImportClosure.load(sources, sources.load(main));
        assertEquals(Set.of("d.case", "b.case", "hazards.case"), files(c));
        assertEquals(5, c.lookups().size());
        assertInstanceOf(ModuleLookup.Missing.class,
                c.lookups().get(new ImportClosure.Site(sources.load(tmp.resolve("lib/b.case")).key(), List.of("lib", "nothere"))));
        // the same file from two importers is one parsed unit
        assertSame(sources.load(tmp.resolve("lib/d.case")), sources.load(tmp.resolve("lib/../lib/d.case")));
    }

    @Test
    void aFileReachedThroughALinkIsTheSameFile() throws IOException {
        Path real = write("lib/m.case", "quantity x : real\n");
        Path link = tmp.resolve("alias.case");
        Files.createSymbolicLink(link, real);
        Sources sources = new Sources(tmp);
        assertSame(sources.load(real), sources.load(link));
        assertEquals(real.toRealPath().toString(), sources.load(link).key());
    }

    @Test
    void importsOfACaseOrOfABrokenFileAreNotFollowed() throws IOException {
        write("other.case", "case other \"o\"\nimport lib.x\n");
        write("broken.case", "import lib.y\nclaim (\n");
        Path main = write("main.case", "case c \"c\"\nimport other\nimport broken\n");
        Sources sources = new Sources(tmp);
        ImportClosure c = ImportClosure.load(sources, sources.load(main));
        assertEquals(Set.of("other.case", "broken.case"), files(c));
        assertEquals(2, c.lookups().size());
    }

    @Test
    void aLongChainIsLoadedWithAWorkList() throws IOException {
        for (int i = 1; i <= 3000; i++) write("m" + i + ".case", i < 3000 ? "import m" + (i + 1) + "\n" : "");
        Path main = write("main.case", "case c \"c\"\nimport m1\n");
        Sources sources = new Sources(tmp);
        assertEquals(3000, ImportClosure.load(sources, sources.load(main)).lookups().size());
    }
}
