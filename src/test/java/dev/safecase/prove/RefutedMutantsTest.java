package dev.safecase.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Term;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.judge.Status;
import dev.safecase.lower.EvidenceState;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import dev.safecase.pipeline.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * For every evidence and inference step of the corpus (the prover corpus and cases/), a mutant
 * whose premises refute the step's goal: a claim's support gains a reference that gives the
 * negation of the claim, a strategy gains an assumption that negates its parent. Lowered, proved
 * and judged as the pipeline does, no such mutant may be {@code proved} or {@code asserted}: a
 * counterexample always stands, and evidence against a claim never passes as a review of it.
 */
class RefutedMutantsTest {
    private static final String AGAINST = "against_";

    @Test
    void noStepWhosePremisesRefuteItsGoalIsProvedOrAsserted() {
        List<String> unsound = new ArrayList<>();
        int mutants = 0;
        for (Verifier.Outcome out : CrossCheckTest.outcomes()) {
            for (Verifier.Prepared p : out.prepared().values()) {
                for (Model.Node n : p.model().nodes()) {
                    Optional<Mutant> m = mutant(p.model(), n);
                    if (m.isEmpty()) continue;
                    mutants++;
                    Status s = judge(p, m.get());
                    if (s == Status.PROVED || s == Status.ASSERTED) {
                        unsound.add(p.model().name() + ":" + m.get().target() + " is " + s.label()
                                + " although its premises refute its goal");
                    }
                }
            }
        }
        assertTrue(mutants >= 60, "too few steps mutated: " + mutants);
        assertEquals(List.of(), unsound);
    }

    /** A mutated case and the obligation to look at. */
    private record Mutant(Model.Case model, ObligationId target, Map<String, EvidenceState> added) {}

    private static Optional<Mutant> mutant(Model.Case c, Model.Node n) {
        if (n instanceof Model.Claim claim && claim.support() instanceof Model.Direct d) {
            String ev = AGAINST + claim.id();
            Model.Fact not = new Model.Fact(new Term.Not(new Term.ClaimRef(claim.id())), claim.pos());
            Model.Evidence against = new Model.Evidence(ev, claim.pos(), "says " + claim.id() + " is false",
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(not), Optional.empty());
            List<String> evidence = new ArrayList<>(d.evidence());
            evidence.add(ev);
            Model.Claim mutated = new Model.Claim(claim.id(), claim.pos(), claim.text(), claim.formula(), claim.context(),
                    claim.assuming(), claim.justifiedBy(), new Model.Direct(d.claims(), evidence), claim.asserted(),
                    claim.owner(), claim.origin());
            Obligation.Kind kind = d.claims().isEmpty() ? Obligation.Kind.EVIDENCE : Obligation.Kind.INFERENCE;
            return Optional.of(new Mutant(replace(c, claim, mutated, against), ObligationId.of(kind, claim.id()),
                    Map.of(ev, new EvidenceState(EvidenceState.Standing.REVIEWED, Optional.empty(), List.of(not)))));
        }
        if (n instanceof Model.Strategy s && !s.subclaims().isEmpty()) {
            Optional<String> parent = ArgumentGraph.of(c).parents(s.id()).stream().findFirst();
            if (parent.isEmpty()) return Optional.empty();
            String a = AGAINST + s.id();
            Model.Assumption against = new Model.Assumption(a, s.pos(), "the parent is false",
                    Optional.of(new Term.Not(new Term.ClaimRef(parent.get()))), Optional.empty());
            List<String> assuming = new ArrayList<>(s.assuming());
            assuming.add(a);
            Model.Strategy mutated = new Model.Strategy(s.id(), s.pos(), s.text(), s.context(), assuming, s.justifiedBy(),
                    s.subclaims(), s.undeveloped(), s.asserted(), s.owner(), s.origin());
            return Optional.of(new Mutant(replace(c, s, mutated, against), ObligationId.of(Obligation.Kind.INFERENCE, s.id()),
                    Map.of()));
        }
        return Optional.empty();
    }

    private static Model.Case replace(Model.Case c, Model.Node old, Model.Node with, Model.Node added) {
        List<Model.Node> nodes = new ArrayList<>();
        for (Model.Node n : c.nodes()) nodes.add(n == old ? with : n);
        nodes.add(added);
        return new Model.Case(c.name(), c.file(), c.path(), c.pos(), c.text(), c.quantities(), nodes);
    }

    /** Lowers, proves and judges the mutant as the pipeline does; the target's final status. */
    private static Status judge(Verifier.Prepared p, Mutant m) {
        Map<String, EvidenceState> states = new HashMap<>();
        p.evidence().forEach((id, o) -> states.put(id, EvidenceState.of(o)));
        states.putAll(m.added());
        ArgumentGraph graph = ArgumentGraph.of(m.model());
        Lowering.Lowered lowered = Lowering.lower(m.model(), graph, states, new Diagnostics());
        Obligation target = lowered.obligations().stream().filter(o -> o.id().equals(m.target())).findFirst().orElseThrow();
        Map<ObligationId, Verdict> verdicts = new HashMap<>();
        if (target.isSolved()) {
            try (Z3Session z3 = new Z3Session(10_000, 5_000_000)) {
                verdicts.put(target.id(), z3.decide(target));
            }
        }
        Judgement j = Judge.judge(new Judge.Input(m.model(), graph, lowered, states, verdicts), false, new Diagnostics());
        return j.obligations().get(m.target()).status();
    }
}
