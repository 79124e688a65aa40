package dev.safecase.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.pipeline.Verifier;
import dev.safecase.diag.Diagnostic;
import dev.safecase.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the verdict table (obligation → status) of every case in cases/, so a regression in the
 * prover or in the cases shows. Regenerate with -Dsafecase.regenerate=true.
 */
class CaseVerdictsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/cases");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static Run run;

    @BeforeAll
    static void runCases() {
        Path root = Path.of("").toAbsolutePath();
        run = new Verifier(Options.defaults(root).withToday(TODAY).withJobs(2)).run(List.of(root.resolve("cases"))).run();
    }

    static Stream<String> caseNames() {
        runCases();
        return run.cases().stream().map(CaseResult::name);
    }

    @Test
    void casesHaveNoInputErrors() {
        assertEquals(List.of(), run.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList());
        assertTrue(run.cases().size() >= 6, "expected the example and AI cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void verdictTableIsPinned(String name) throws IOException {
        CaseResult c = run.cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        StringBuilder sb = new StringBuilder("# obligation status of case " + name + " on " + TODAY + "\n");
        for (ObligationResult o : c.obligations()) sb.append(o.id()).append(' ').append(o.status().label()).append('\n');
        Golden.check(GOLDEN.resolve(name + ".verdicts"), sb.toString());
    }

    /** The pull-request summary of cases/: the refutations and clashes first, with their counterexamples. */
    @Test
    void summaryIsPinned() throws IOException {
        Golden.check(GOLDEN.resolve("summary.md"), dev.safecase.report.MarkdownReport.render(run,
                java.util.Optional.of("https://github.com/example/safecase/blob/main")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void expectCommentsHold(String name) throws IOException {
        CaseResult c = run.cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        for (String line : Files.readAllLines(Path.of(c.file()))) {
            String t = line.trim();
            if (!t.startsWith("// expect:")) continue;
            String[] w = t.substring("// expect:".length()).trim().split("\\s+");
            ObligationResult o = c.obligations().stream().filter(x -> x.id().toString().equals(w[1])).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no obligation " + w[1]));
            assertEquals(w[0], o.status().label(), name + ": " + t + " (" + o.reason().orElse("") + ")");
        }
    }
}
