package dev.safecase.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Vocabulary;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goals' words without Maven: rules, shortfalls, the failure message, and messages in Maven's terms. */
class GateReportTest {
    @TempDir
    Path tmp;

    static final String CASE = """
            case mon "Harm stays under budget"

            quantity p_harm : probability "Chance of harm"
            quantity p_miss : probability "Chance of a miss"

            assumption needs_miss "Harm needs a miss": p_harm <= p_miss

            claim top "Harm is rare": p_harm <= 1%
                assuming needs_miss
                supported by good_monitor

            claim good_monitor "Misses are rare": p_miss <= 2%
                asserted "Monitor evaluation ME-3"

            claim later "It stays so"
                undeveloped
            """;

    private Run run(String failOn, String minProved) throws Exception {
        Path cases = Files.createDirectories(tmp.resolve("mod/cases"));
        Files.writeString(cases.resolve("mon.case"), CASE);
        Path base = tmp.resolve("mod");
        Options o = Options.defaults(base).withToday(LocalDate.of(2026, 6, 1)).withJobs(1)
                .withFailOn(Options.parseFailOn(failOn)).withMinProved(Options.parseShare(minProved))
                .withAudience(new Options.Audience(base, Vocabulary.MAVEN));
        return new Verifier(o).run(List.of(cases)).run();
    }

    @Test
    void theFailureNamesTheObligationWithItsCounterexampleAndTheShortfalls() throws Exception {
        Run r = run("refuted,vacuous,invalid", "0.9");
        GateReport g = new GateReport(r, List.of(CaseRule.of(1, new Rule(List.of("m*"), List.of(), null, 0, null))));
        assertFalse(g.passed());
        String m = g.failureMessage();
        assertTrue(m.startsWith("safecase gate failed: 1 obligation is refuted; proved "), m);
        assertTrue(m.contains("< minProved 0.9"), "the gate's reason names the parameter: " + m);
        assertTrue(m.contains("\nfailing obligations:\n  mon: cases/mon.case:8: inference:top refuted \u2014 "), m);
        assertTrue(m.contains("      counterexample: p_harm = "), m);
        assertTrue(m.contains("\nnot proved (the proved share falls short):\n"), m);
        assertTrue(m.contains("rule 1 (includes m*): case mon (cases/mon.case): 1 open > maxOpen 0"), m);
        assertTrue(g.obligationLines().stream().anyMatch(l -> l.error() && l.text().contains("support:later open")),
                "an open obligation is an error once a rule limits it");
    }

    @Test
    void excludesAndFilesSelectCases() throws Exception {
        Run r = run("refuted,vacuous,invalid", "0");
        GateReport none = new GateReport(r, List.of(CaseRule.of(1, new Rule(List.of(), List.of("cases/*.case"), null, 0, 0))));
        assertTrue(none.breaches().isEmpty(), "the file pattern excludes the case");
        GateReport all = new GateReport(r, List.of(CaseRule.of(1, new Rule(List.of(), List.of(), "100%", null, null))));
        assertEquals(1, all.breaches().size());
        assertTrue(all.breaches().get(0).shortfalls().get(0).startsWith("proved "), all.breaches().toString());
    }

    @Test
    void badRulesNameTheRuleAndTheParameter() {
        IllegalArgumentException share = assertThrows(IllegalArgumentException.class,
                () -> CaseRule.of(2, new Rule(List.of(), List.of(), "1.5", null, null)));
        assertEquals("<rules> rule 2: <minProved> 1.5 must be between 0 and 1", share.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> CaseRule.of(1, new Rule(List.of(), List.of(), null, -1, null)));
        assertEquals("<rules> rule 1: <maxOpen> must be 0 or more", count.getMessage());
    }

    @Test
    void aCaseOutsideTheRootSaysSetRoot() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("x.case"), CASE);
        Path base = Files.createDirectories(tmp.resolve("mod"));
        Options o = Options.defaults(base).withJobs(1).withAudience(new Options.Audience(base, Vocabulary.MAVEN));
        Run r = new Verifier(o).run(List.of(outside.resolve("x.case"))).run();
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().endsWith("; set <root>")), r.diagnostics().toString());
        Run cli = new Verifier(o.withAudience(Options.Audience.cli())).run(List.of(outside.resolve("x.case"))).run();
        assertTrue(cli.diagnostics().stream().anyMatch(d -> d.message().endsWith("; pass --root")), cli.diagnostics().toString());
    }
}
