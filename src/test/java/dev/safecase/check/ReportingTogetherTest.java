package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import dev.safecase.pipeline.Verifier;
import dev.safecase.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes are reported together, in source order, at their own lines (docs/language.md, "Mistakes"); cycles
 * name their nodes; evidence paths that leave the root are errors and are never opened.
 */
class ReportingTogetherTest {
    @TempDir
    Path tmp;

    private Verifier.Outcome run(Path root, Path... files) {
        Verifier v = new Verifier(Options.defaults(root).withToday(LocalDate.of(2026, 11, 22)).withJobs(1));
        return v.run(List.of(files));
    }

    private static String lines(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    private Path write(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void independentMistakesAreAllReportedInSourceOrder() throws IOException {
        Path f = write("mistakes.case", """
                case mistakes "Three independent mistakes"

                quantity p_unsafe : probability
                quantity flag : bool

                claim top "Safe": p_unsfe <= 1%
                    supported by middle
                claim middle "Typed": flag + 1 <= 2
                    undeveloped
                claim top "Again" undeveloped
                """);
        Verifier.Outcome out = run(tmp, f);
        assertEquals("""
                6:19 SC201 unknown name 'p_unsfe' (did you mean 'p_unsafe'?)
                8:28 SC401 no arithmetic on bool (operator +)
                10:7 SC202 'top' is already declared at %s:6:1 (one namespace holds nodes, quantities, defines, enums, \
                patterns, imports and use prefixes)""".formatted(out.run().diagnostics().get(0).pos().file()),
                lines(out.run().diagnostics()));
        CaseResult c = out.run().cases().get(0);
        assertFalse(c.checked(), "a case with errors is not checked");
        assertEquals(List.of(), c.obligations(), "a case with errors gets no obligations");
        assertEquals(2, out.exitCode());
    }

    @Test
    void aCycleIsReportedWithItsNodesAlongsideOtherMistakes() throws IOException {
        Path f = write("cycle.case", """
                case circular "A circular argument with a typo elsewhere"

                claim top "Top" supported by split
                strategy split "Split" supported by middle
                claim middle "Middle" supported by bottom
                claim bottom "Bottom" supported by top
                claim other "Other" supported by nothing_here
                """);
        assertEquals("""
                3:1 SC304 dependency cycle: top -> split -> middle -> bottom -> top
                7:34 SC201 unknown name 'nothing_here'""", lines(run(tmp, f).run().diagnostics()));
    }

    @Test
    void aCycleThroughADefeaterIsReported() throws IOException {
        Path f = write("defeated.case", """
                case defeated "A defeater eliminated by the claim it attacks"

                claim top "Top" undeveloped
                defeater worry "A doubt" rebuts top eliminated by top
                """);
        assertEquals("3:1 SC304 dependency cycle: top -> worry -> top", lines(run(tmp, f).run().diagnostics()));
    }

    @Test
    void evidenceOutsideTheRootIsAnErrorAndIsNeverOpened() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        // A named pipe: opening it for reading blocks until a writer comes, so a read would hang.
        Path pipe = outside.resolve("secret.json");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made && Files.exists(pipe), "mkfifo is not available here");
        Files.createDirectories(project.resolve("evidence"));
        Files.createSymbolicLink(project.resolve("evidence/link.json"), pipe);
        Path f = Files.writeString(project.resolve("escape.case"), """
                case escape "Evidence outside the root"

                quantity p : probability
                claim top "Top": p <= 1% supported by passwd, secret, linked
                evidence passwd "Not ours" file "../../etc/passwd"
                evidence secret "A pipe outside" file "../outside/secret.json"
                evidence linked "A link to it" file "evidence/link.json"
                """, StandardCharsets.UTF_8);
        Verifier.Outcome out = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(project, f),
                "something opened the pipe outside the root");
        String root = project.toAbsolutePath().normalize().toString();
        assertEquals("""
                5:33 SC501 evidence path "../../etc/passwd" leaves the project root %1$s (pass --root to widen it)
                6:39 SC501 evidence path "../outside/secret.json" leaves the project root %1$s (pass --root to widen it)
                7:37 SC501 evidence path "evidence/link.json" is a link to %2$s, outside the project root %1$s"""
                        .formatted(root, pipe.toRealPath()),
                lines(out.run().diagnostics()));
        assertEquals(2, out.exitCode());
    }
}
