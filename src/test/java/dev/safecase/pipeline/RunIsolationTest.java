package dev.safecase.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.judge.Status;
import dev.safecase.report.JsonReport;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An obligation's verdict, core and counterexample depend on its case alone: a case's JSON is the
 * same checked alone or in a folder with other cases, run after run, with one worker or two.
 */
class RunIsolationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeCases() throws IOException {
        // sorts first and fills more than one solver block, with its own `Stakes`
        StringBuilder first = new StringBuilder("case a_first \"Many steps\"\n\nenum Stakes { low, high }\n");
        first.append("quantity s : Stakes \"stakes\"\n");
        for (int i = 0; i < 40; i++) {
            first.append("quantity x").append(i).append(" : real in [0, 10] \"x\"\n")
                    .append("assumption w").append(i).append(" \"w\": x").append(i).append(" <= 5 or s == Stakes.high\n")
                    .append("claim c").append(i).append(" \"c\": x").append(i).append(" <= 4\n")
                    .append("    assuming w").append(i).append("\n    supported by d").append(i).append('\n')
                    .append("claim d").append(i).append(" \"d\": x").append(i).append(" >= 1 asserted \"r\"\n");
        }
        Files.writeString(dir.resolve("a_first.case"), first.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b_mine.case"), """
                case b_mine "The case under test"

                enum Stakes { minor, major, critical }
                quantity s : Stakes "stakes"
                quantity p : probability "p"
                quantity q : real in [0, 10] "q"
                quantity r : real "r"

                assumption a "stakes are minor": s == Stakes.minor
                assumption w "warrant": p <= q / 10 and r >= q / 3

                claim top "top": s != Stakes.critical and p <= 1% and r <= 5
                    assuming a, w
                    supported by e

                evidence e "ref" gives q <= 0.5
                """, StandardCharsets.UTF_8);
    }

    private static String caseJson(List<Path> paths, int jobs) {
        Run run = new Verifier(Options.defaults(dir).withToday(TODAY).withJobs(jobs)).run(paths).run();
        CaseResult mine = run.cases().stream().filter(c -> c.name().equals("b_mine")).findFirst().orElseThrow();
        GateResult fixed = new GateResult(true, new GateResult.Rule(false, List.of(), "0"), 0, 0, List.of());
        String json = JsonReport.render(new Run(run.version(), run.solver(), run.today(), fixed, List.of(), List.of(mine)));
        return json.replaceAll("\"millis\":\\d+", "\"millis\":0");
    }

    @Test
    void aCaseIsJudgedTheSameAloneInAFolderAcrossRunsAndJobs() {
        String alone = caseJson(List.of(dir.resolve("b_mine.case")), 1);
        assertFalse(alone.contains("\"status\":\"unknown\""), alone);
        assertTrue(alone.contains("\"status\":\"refuted\""), "the case should have a counterexample to compare");
        for (int run = 0; run < 3; run++) assertEquals(alone, caseJson(List.of(dir), 1), "in the folder, run " + run);
        assertEquals(alone, caseJson(List.of(dir), 2), "in the folder with two workers");
        assertEquals(alone, caseJson(List.of(dir.resolve("b_mine.case")), 2), "alone with two workers");
    }

    @Test
    void aModuleSharedByTwoCasesGivesEachTheVerdictsItGivesAlone() throws IOException {
        Path shared = dir.resolve("shared");
        Files.createDirectories(shared.resolve("lib"));
        Files.writeString(shared.resolve("lib/risk.case"), "quantity risk : probability \"r\"\n", StandardCharsets.UTF_8);
        Files.writeString(shared.resolve("lib/bound.case"), "import lib.risk as m\nassumption bound \"b\": m.risk <= 1%\n",
                StandardCharsets.UTF_8);
        Files.writeString(shared.resolve("one.case"), """
                case one "imports the module twice, through a diamond"
                import lib.risk as m
                import lib.bound as a
                claim top "t": m.risk <= 2% assuming a.bound supported by e
                evidence e "ref"
                """, StandardCharsets.UTF_8);
        Files.writeString(shared.resolve("two.case"), """
                case two "imports it once, under another alias, and asks for more"
                import lib.risk as r
                claim top "t": r.risk <= 0.5% supported by e
                evidence e "ref" gives r.risk <= 0.6%
                """, StandardCharsets.UTF_8);
        Options o = Options.defaults(shared).withToday(TODAY).withJobs(1);
        Run all = new Verifier(o).run(List.of(shared)).run();
        assertEquals(List.of(), all.diagnostics().stream().map(d -> d.headline()).toList());
        Map<String, List<String>> together = verdicts(all);
        Map<String, List<String>> alone = new java.util.TreeMap<>();
        alone.putAll(verdicts(new Verifier(o).run(List.of(shared.resolve("one.case"))).run()));
        alone.putAll(verdicts(new Verifier(o).run(List.of(shared.resolve("two.case"))).run()));
        assertEquals(alone, together);
        assertTrue(together.get("one").contains("evidence:top proved"), together.toString());
        assertTrue(together.get("two").contains("evidence:top refuted"), together.toString());
    }

    private static Map<String, List<String>> verdicts(Run run) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (CaseResult c : run.cases()) {
            out.put(c.name(), c.obligations().stream().map(x -> x.id() + " " + x.status().label()).toList());
        }
        return out;
    }

    @Test
    void twoCasesMayDeclareTheSameEnumDifferently() {
        Run run = new Verifier(Options.defaults(dir).withToday(TODAY).withJobs(1)).run(List.of(dir)).run();
        for (CaseResult c : run.cases()) {
            assertEquals(0, c.summary().get(Status.UNKNOWN), c.name() + ": " + c.obligations().stream()
                    .filter(o -> o.status() == Status.UNKNOWN).map(o -> o.id() + " " + o.reason().orElse("")).toList());
        }
    }
}
