package dev.safecase.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import dev.safecase.diag.Diagnostic;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.JsonReport;
import dev.safecase.result.CaseResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backtick-quoted names: their canonical spelling, and that they work through the whole pipeline. */
class QuotedNamesTest {
    @TempDir
    Path tmp;

    @Test
    void aNameThatNeedsNoBackticksIsTheSameNameWithout() {
        assertEquals("top", Identifiers.canonical("`top`"));
        assertEquals("top", Identifiers.canonical("top"));
        assertEquals("`G1.1`", Identifiers.canonical("`G1.1`"));
        assertEquals("`case`", Identifiers.canonical("`case`"));
        assertEquals("`G-Top`", Identifiers.spell("G-Top"));
        assertEquals("G1", Identifiers.spell("G1"));
        assertEquals("G1.1", Identifiers.content("`G1.1`"));
        assertTrue(Identifiers.isBare("_x1"));
        assertFalse(Identifiers.isBare("1x"));
        assertFalse(Identifiers.isBare("claim"));
    }

    @Test
    void whatAQuotedNameMayHold() {
        assertEquals(Optional.empty(), Identifiers.problem("Sn 3.a-b:c"));
        assertTrue(Identifiers.problem("").isPresent());
        assertTrue(Identifiers.problem("a\u202Eb").isPresent());
        assertTrue(Identifiers.problem("a\u0007b").isPresent());
        assertTrue(Identifiers.problem("x ").isPresent());
        assertTrue(Identifiers.problem("a".repeat(129)).isPresent());
        assertEquals(Optional.empty(), Identifiers.problem("a".repeat(128)));
    }

    @Test
    void qualifiedQuotedNamesReachAModuleAndReportsShowTheSpelling() throws IOException {
        TestFiles.write(tmp, "lib/defs.case", "context `C-1.2` \"The operating context\"\n");
        Path main = TestFiles.write(tmp, "main.case", """
                case `G-case` "Quoted names across a module"
                import lib.defs as d
                claim `G-Top` "Top" context d.`C-1.2` supported by `G1.1`, `ok`
                claim `G1.1` "Sub" undeveloped
                claim ok "Fine" undeveloped
                """);
        Verifier.Outcome out = new Verifier(Options.defaults(tmp).withToday(LocalDate.of(2026, 1, 1)).withJobs(1))
                .run(List.of(main));
        assertEquals(List.of(), out.run().diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList());
        CaseResult c = out.run().cases().get(0);
        assertEquals("`G-case`", c.name());
        assertEquals(List.of("`G-Top`", "`G1.1`", "ok"), c.claims().stream().map(x -> x.id()).toList());
        String json = JsonReport.render(out.run());
        assertTrue(json.contains("\"support:`G1.1`\""), json);
        assertTrue(json.contains("d.`C-1.2`"), json);
    }
}
