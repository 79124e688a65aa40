package dev.safecase.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Diagnostics;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.lower.ObligationId;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The numbers of docs/confidence.md, section 7, on the shipped cases. */
class WorkedExamplesTest {
    private static Verifier.Outcome run(String file) {
        Verifier v = new Verifier(Cases.options(Path.of("").toAbsolutePath()));
        return v.withAgendas(v.run(List.of(Path.of(file).toAbsolutePath())));
    }

    private static Rational value(Bound b) {
        return assertInstanceOf(Bound.Finite.class, b, () -> "unbounded: " + b).value();
    }

    @Test
    void debate() {
        CaseResult c = run("cases/debate/debate.case").run().cases().get(0);
        Agenda a = c.confidence().agenda().orElseThrow();
        Agenda.Root safe = a.roots().stream().filter(r -> r.claim().equals("advisor_safe")).findFirst().orElseThrow();
        assertInstanceOf(Bound.Unbounded.class, safe.bound());
        // the two exploration-hacking routes are parallel shots: one minimal set through each
        assertEquals(2, safe.sets().size());
        for (Agenda.ResolvingSet set : safe.sets()) {
            assertEquals(6, set.problems().size());
            assertEquals(Rational.of(21, 200), value(set.bound()));
        }
        assertTrue(safe.sets().get(0).problems().contains(ObligationId.parse("support:perturbation_robust").orElseThrow()));
        assertTrue(safe.sets().get(1).problems().contains(ObligationId.parse("support:bad_context_search").orElseThrow()));
        Agenda.Root local = a.roots().stream().filter(r -> r.claim().equals("local_honesty")).findFirst().orElseThrow();
        assertEquals("inference:local_honesty is refuted", local.blocker().orElseThrow());
    }

    @Test
    void inability() {
        Verifier.Outcome o = run("cases/inability/inability.case");
        CaseResult c = o.run().cases().get(0);
        assertEquals(Rational.of(13, 200), value(c.confidence().of("ctf.top")));
        assertEquals(Rational.of(7, 100), value(c.confidence().of("novice.measured")));
        assertInstanceOf(Bound.Unbounded.class, c.confidence().of("novice.top"));
        assertTrue(c.confidence().agenda().orElseThrow().roots().get(0).blocker().orElseThrow()
                .contains("evidence:ranges.clean_run is refuted"));

        // with the sandbagging problem of the CTF branch resolved, novice.top has a bound
        Verifier.Prepared p = o.prepared().get(c.name());
        Judge.Input in = Verifier.judgeInput(p, o.verdicts());
        Rejudge r = new Rejudge(in, false, new SupportRoutes(p.model()), 10);
        Rejudge.State s = r.with(Set.of(ObligationId.parse("support:no_sandbagging_ctf").orElseThrow())).orElseThrow();
        assertEquals(Rational.of(7, 50), value(s.bounds().of("novice.top")));
        Judgement now = Judge.judge(in, false, new Diagnostics());
        assertInstanceOf(Bound.Unbounded.class, Confidence.of(in, now).of("novice.top"));
    }
}
