package dev.safecase.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.lower.ObligationId;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The agenda of the shipped cases lists every open problem with its leverage, and its minimal resolving sets are
 * right by the verifier itself: the case rewritten with a set's problems resolved in the language (an undeveloped
 * claim given a reference, an open defeater accepted) is verified from scratch and the root is discharged; with any
 * one problem of the set left open it is not.
 */
class AgendaResolutionTest {
    @TempDir
    Path dir;
    /** What kept the last rewritten case's root from being discharged, for the failure message. */
    private String last = "";

    private static Verifier.Outcome agenda(Path caseFile, Path root) {
        Verifier v = new Verifier(Cases.options(root));
        return v.withAgendas(v.run(List.of(caseFile)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cases/debate/debate.case", "cases/automation/automation.case"})
    void minimalResolvingSetsDischargeTheirRootWhenVerifiedAgain(String file) throws IOException {
        Path source = Path.of(file).toAbsolutePath();
        Verifier.Outcome o = agenda(source, Path.of("").toAbsolutePath());
        CaseResult c = o.run().cases().get(0);
        Agenda a = c.confidence().agenda().orElseThrow();
        var model = o.prepared().get(c.name()).model();

        // every open obligation is on the agenda, with its owner and leverage for each root it blocks
        List<ObligationId> listed = a.problems().stream().map(Agenda.Problem::id).toList();
        assertEquals(c.openProblems(), listed);
        for (Agenda.Problem p : a.problems()) {
            assertFalse(p.blocks().isEmpty(), p.id() + " blocks no root");
            if (p.primary()) assertEquals(p.blocks(), p.leverage().stream().map(Agenda.Leverage::root).toList());
        }

        String text = Files.readString(source, StandardCharsets.UTF_8);
        int checkedSets = 0;
        for (Agenda.Root r : a.roots()) {
            if (r.discharged() || r.blocker().isPresent()) continue;
            assertFalse(r.sets().isEmpty(), r.claim() + " has neither a blocker nor a resolving set");
            for (Agenda.ResolvingSet s : r.sets()) {
                assertTrue(discharged(text, model, new LinkedHashSet<>(s.problems()), r.claim()),
                        () -> r.claim() + " is not discharged with " + s.problems() + " resolved: " + last);
                for (ObligationId left : s.problems()) {
                    Set<ObligationId> fewer = new LinkedHashSet<>(s.problems());
                    fewer.remove(left);
                    assertFalse(discharged(text, model, fewer, r.claim()),
                            r.claim() + " is discharged with " + left + " still open: the set is not minimal");
                }
                checkedSets++;
            }
        }
        assertTrue(checkedSets > 0);
    }

    private boolean discharged(String text, dev.safecase.model.Model.Case model, Set<ObligationId> resolved, String root)
            throws IOException {
        Path d = Files.createTempDirectory(dir, "assumed");
        Path f = d.resolve("case.case");
        Files.writeString(f, Assume.resolved(text, model, resolved), StandardCharsets.UTF_8);
        Verifier.Outcome o = new Verifier(Cases.options(d)).run(List.of(f));
        assertFalse(o.run().hasInputErrors(), () -> "the rewritten case does not check: " + o.run().diagnostics());
        CaseResult c = o.run().cases().get(0);
        List<String> roots = new ArrayList<>();
        for (ClaimResult cl : c.claims()) if (cl.root()) roots.add(cl.id());
        assertTrue(roots.contains(root), "the rewrite changed the roots: " + roots);
        boolean yes = c.claims().stream().filter(cl -> cl.id().equals(root)).findFirst().orElseThrow().discharged();
        if (!yes) last = c.unproven().toString() + " open " + c.openProblems() + " in " + f;
        return yes;
    }
}
