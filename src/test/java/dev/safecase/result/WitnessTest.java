package dev.safecase.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The witness of a refutation on the real cases: the symbols that matter and the goal evaluated exactly. */
class WitnessTest {
    private static Run run;

    @BeforeAll
    static void prove() {
        Path root = Path.of("").toAbsolutePath();
        run = new Verifier(Options.defaults(root).withToday(LocalDate.of(2026, 11, 22)).withJobs(2))
                .run(List.of(root.resolve("cases"))).run();
    }

    private static ObligationResult obligation(String caseName, String id) {
        CaseResult c = run.cases().stream().filter(x -> x.name().equals(caseName)).findFirst().orElseThrow();
        return c.obligations().stream().filter(o -> o.id().toString().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void budgetSidesAreEvaluatedExactly() {
        Witness w = obligation("budget", "inference:within_budget").witness();
        assertEquals(Optional.of(new Witness.Comparison("total", "1/40", ">", "budget", "1/50")), w.failed());
        assertEquals("total <= budget", w.parts().get(0).expression());
        assertEquals(Optional.of("false"), w.parts().get(0).value());
        assertTrue(w.parts().stream().anyMatch(p -> p.expression().equals("total") && p.value().equals(Optional.of("1/40"))));
    }

    @Test
    void symbolsFarFromTheGoalAreLeftOut() {
        ObligationResult o = obligation("control", "inference:s_extrapolate");
        Witness w = o.witness();
        assertTrue(w.hidden() > 0, "control's inherited symbols are not connected to ub.total: " + o.counterexample());
        assertEquals(o.counterexample().size(), w.symbols().size() + w.hidden());
        assertTrue(w.symbols().contains("p_attack[spread]"), String.valueOf(w.symbols()));
        assertTrue(w.symbols().stream().noneMatch(s -> s.startsWith("ce.")), String.valueOf(w.symbols()));
    }

    @Test
    void definesKeepTheirNames() {
        Witness w = obligation("automation", "inference:fancy_design").witness();
        assertEquals("not plan.collapses", w.parts().get(0).expression());
        assertTrue(w.parts().stream().anyMatch(p -> p.expression().equals("plan.collapses")
                && p.value().equals(Optional.of("true"))), String.valueOf(w.parts()));
        for (Witness.Part p : w.parts()) assertTrue(!p.expression().contains(" then "), p.expression());
    }

    @Test
    void aFailingConjunctShowsItsSides() {
        Witness w = obligation("inability", "evidence:ranges.clean_run").witness();
        assertEquals(Optional.of(new Witness.Comparison("ranges.trial_rate", "3/40", ">", "0.04", "1/25")), w.failed());
    }

    @Test
    void provedObligationsHaveNoWitness() {
        for (CaseResult c : run.cases()) {
            for (ObligationResult o : c.obligations()) {
                if (o.counterexample().isEmpty()) assertEquals(Witness.NONE, o.witness(), o.id().toString());
                else assertTrue(!o.witness().parts().isEmpty(), o.id().toString());
            }
        }
    }
}
