package dev.safecase.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import dev.safecase.diag.Diagnostics;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open editor buffers read in preference to the files on disk, through the pipeline as the language server runs it. */
class OverlayTest {
    @TempDir
    Path tmp;

    private Verifier verifier(Overlay overlay) {
        return new Verifier(Options.defaults(tmp).withToday(LocalDate.of(2026, 11, 22)).withJobs(1), overlay);
    }

    private List<String> codes(Verifier v, Path file) {
        Diagnostics d = new Diagnostics();
        v.prepare(List.of(file), d, new LinkedHashMap<>());
        return d.sorted().stream().map(x -> x.pos().line() + ":" + x.code().id()).toList();
    }

    @Test
    void aBufferWinsOverTheFileOnDisk() throws Exception {
        Path c = TestFiles.write(tmp, "cases/a.case", "case a \"A\"\nclaim top \"Top\" supported by missing\n");
        assertEquals(List.of("2:SC201"), codes(verifier(Overlay.NONE), c));
        Overlay fixed = new Overlay(Map.of(c, "case a \"A\"\nclaim top \"Top\" undeveloped\n"));
        assertEquals(List.of(), codes(verifier(fixed), c));
        Overlay broken = new Overlay(Map.of(c, "case a \"A\"\nclaim top \"Top\" supported by\n"));
        assertEquals(List.of("3:SC101"), codes(verifier(broken), c));
        assertTrue(Files.readString(c).contains("missing"), "the file on disk is not touched");
    }

    @Test
    void anUnsavedModuleAndAnUnsavedCaseAreFound() throws Exception {
        Files.createDirectories(tmp.resolve("cases"));
        Path c = tmp.resolve("cases/new.case");
        Path m = tmp.resolve("cases/lib/premises.case");
        Overlay o = new Overlay(Map.of(
                c, "case n \"N\"\nimport lib.premises as p\nclaim top \"Top\": p.x assuming p.w undeveloped\n",
                m, "quantity x : bool\nassumption w \"W\": x\n"));
        assertEquals(List.of(), codes(verifier(o), c));
        Diagnostics d = new Diagnostics();
        var prepared = verifier(o).prepare(List.of(tmp.resolve("cases")), d, new LinkedHashMap<>());
        assertEquals(List.of("n"), List.copyOf(prepared.keySet()), "an unsaved case is found in its folder: " + d.sorted());
        Overlay noModule = new Overlay(Map.of(c, o.text(c).orElseThrow()));
        assertEquals("2:SC207", codes(verifier(noModule), c).get(0));
    }
}
