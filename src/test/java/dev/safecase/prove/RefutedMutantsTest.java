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
        int alternatives = 0;
        int arguments = 0;
        for (Verifier.Outcome out : CrossCheckTest.outcomes()) {
            for (Verifier.Prepared p : out.prepared().values()) {
                for (Model.Node n : p.model().nodes()) {
                    Optional<Mutant> m = mutant(p.model(), n);
                    if (m.isEmpty()) continue;
                    mutants++;
                    if (n instanceof Model.Claim c && c.support() instanceof Model.Direct d && d.hasChoices()) alternatives++;
                    if (n instanceof Model.Defeater) arguments++;
                    Judgement j = judge(p, out, m.get());
                    for (ObligationId t : m.get().obligations()) {
                        Status s = j.obligations().get(t).status();
                        if (s == Status.PROVED || s == Status.ASSERTED) {
                            unsound.add(p.model().name() + ":" + t + " is " + s.label() + " although " + m.get().why());
                        }
                    }
                    for (String node : m.get().nodes()) {
                        Status s = j.nodes().get(node);
                        if (s == Status.PROVED || s == Status.ASSERTED) {
                            unsound.add(p.model().name() + ": node " + node + " is " + s.label() + " although " + m.get().why());
                        }
                    }
                }
            }
        }
        assertTrue(mutants >= 60, "too few steps mutated: " + mutants);
        assertTrue(alternatives >= 5, "too few claims with alternatives mutated: " + alternatives);
        assertTrue(arguments >= 5, "too few defeater arguments mutated: " + arguments);
        assertEquals(List.of(), unsound);
    }

    /**
     * A mutated case, the obligations and the nodes that must not be proved or asserted in it, why, and the evidence
     * states it adds.
     */
    private record Mutant(Model.Case model, List<ObligationId> obligations, List<String> nodes, String why,
                          Map<String, EvidenceState> added) {}

    private static Model.Evidence reference(String id, Model.Node at, Term says) {
        return new Model.Evidence(id, at.pos(), "says " + says, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(new Model.Fact(says, at.pos())), Optional.empty());
    }

    private static Optional<Mutant> mutant(Model.Case c, Model.Node n) {
        if (n instanceof Model.Claim claim && claim.support() instanceof Model.Direct d) {
            // Evidence against the claim joins the conjunctive part, so it breaks every route at once.
            String ev = AGAINST + claim.id();
            Term not = new Term.Not(new Term.ClaimRef(claim.id()));
            List<String> evidence = new ArrayList<>(d.evidence());
            evidence.add(ev);
            Model.Claim mutated = new Model.Claim(claim.id(), claim.pos(), claim.text(), claim.formula(), claim.context(),
                    claim.assuming(), claim.justifiedBy(), new Model.Direct(d.claims(), evidence, d.strategies(), d.choices()),
                    claim.asserted(), claim.owner(), claim.origin());
            Model.Case mc = replace(c, claim, mutated, reference(ev, claim, not));
            List<ObligationId> steps = new ArrayList<>();
            boolean onlyEvidence = d.claims().isEmpty() && d.strategies().isEmpty();
            if (!d.hasChoices()) {
                steps.add(ObligationId.of(onlyEvidence ? Obligation.Kind.EVIDENCE : Obligation.Kind.INFERENCE, claim.id()));
            } else {
                for (Model.Route r : d.routes()) {
                    boolean evidenceRoute = onlyEvidence && r.picks().stream().allMatch(x -> c.node(x).orElseThrow()
                            instanceof Model.Evidence);
                    steps.add(ObligationId.of(evidenceRoute ? Obligation.Kind.EVIDENCE : Obligation.Kind.INFERENCE, claim.id(),
                            r.name()));
                }
            }
            return Optional.of(new Mutant(mc, steps, List.of(claim.id()), "evidence against it breaks every route",
                    Map.of(ev, new EvidenceState(EvidenceState.Standing.REVIEWED, Optional.empty(),
                            List.of(new Model.Fact(not, claim.pos()))))));
        }
        if (n instanceof Model.Strategy s && !s.subclaims().isEmpty()) {
            Optional<String> parent = ArgumentGraph.of(c).parents(s.id()).stream().findFirst();
            if (parent.isEmpty() || !(c.node(parent.get()).orElseThrow() instanceof Model.Claim pc)
                    || !(pc.support() instanceof Model.ByStrategy)) {
                return Optional.empty();
            }
            String a = AGAINST + s.id();
            Model.Assumption against = new Model.Assumption(a, s.pos(), "the parent is false",
                    Optional.of(new Term.Not(new Term.ClaimRef(parent.get()))), Optional.empty());
            List<String> assuming = new ArrayList<>(s.assuming());
            assuming.add(a);
            Model.Strategy mutated = new Model.Strategy(s.id(), s.pos(), s.text(), s.context(), assuming, s.justifiedBy(),
                    s.subclaims(), s.undeveloped(), s.asserted(), s.owner(), s.origin());
            return Optional.of(new Mutant(replace(c, s, mutated, against), List.of(ObligationId.of(Obligation.Kind.INFERENCE,
                    s.id())), List.of(), "an assumption in scope refutes its parent", Map.of()));
        }
        if (n instanceof Model.Defeater d && d.argued() && d.accepted().isEmpty()) return argumentMutant(c, d);
        return Optional.empty();
    }

    /**
     * A defeater's own argument, changed so that its verdict must flip. A counter-argument gets an argument that holds
     * (a claim accepted by review that says what the defeater says): it is established, so neither it nor what it
     * attacks may be proved or asserted. A challenge (a defeater of the counter side) gets an argument that fails or is
     * unfinished: it is not established, so it may not be proved or asserted.
     */
    private static Optional<Mutant> argumentMutant(Model.Case c, Model.Defeater d) {
        Map<String, Model.Node> nodes = new HashMap<>();
        c.nodes().forEach(x -> nodes.putIfAbsent(x.id(), x));
        ArgumentGraph graph = ArgumentGraph.of(c);
        String attacked = ArgumentGraph.attacked(d, nodes);
        boolean challenge = graph.sides().get(attacked) == ArgumentGraph.Side.COUNTER;
        String x = AGAINST + d.id();
        if (!challenge) {
            Model.Claim holds = new Model.Claim(x, d.pos(), "the counter-argument holds", d.formula(), List.of(), List.of(),
                    List.of(), new Model.Unsupported(), Optional.of("mutant"), Optional.empty(), Optional.empty());
            Model.Defeater mutated = withArgument(d, new Model.Direct(List.of(x), List.of()));
            List<String> watch = nodes.get(attacked) instanceof Model.Evidence ? List.of() : List.of(attacked);
            // the challenges to it go too, so that nothing defeats the counter-argument
            Model.Case without = new Model.Case(c.name(), c.file(), c.path(), c.pos(), c.text(), c.quantities(), c.nodes().stream()
                    .filter(y -> !(y instanceof Model.Defeater ch && ArgumentGraph.attacked(ch, nodes).equals(d.id()))).toList());
            return Optional.of(new Mutant(replace(without, d, mutated, holds), List.of(ObligationId.of(Obligation.Kind.DEFEATER,
                    d.id())), watch, "its counter-argument is established", Map.of()));
        }
        if (d.formula().isPresent()) {
            Term not = new Term.Not(d.formula().get());
            Model.Direct arg = d.argument() instanceof Model.Direct a ? a : new Model.Direct(List.of(), List.of());
            List<String> evidence = new ArrayList<>(arg.evidence());
            evidence.add(x);
            Model.Defeater mutated = withArgument(d, new Model.Direct(arg.claims(), evidence, arg.strategies(), arg.choices()));
            return Optional.of(new Mutant(replace(c, d, mutated, reference(x, d, not)), List.of(ObligationId.of(
                    Obligation.Kind.DEFEATER, d.id())), List.of(), "evidence in its argument says the challenge is false",
                    Map.of(x, new EvidenceState(EvidenceState.Standing.REVIEWED, Optional.empty(),
                            List.of(new Model.Fact(not, d.pos()))))));
        }
        Model.Claim unfinished = new Model.Claim(x, d.pos(), "an unfinished argument", Optional.empty(), List.of(), List.of(),
                List.of(), new Model.Undeveloped(), Optional.empty(), Optional.empty(), Optional.empty());
        Model.Defeater mutated = withArgument(d, new Model.Direct(List.of(x), List.of()));
        return Optional.of(new Mutant(replace(c, d, mutated, unfinished), List.of(ObligationId.of(Obligation.Kind.DEFEATER,
                d.id())), List.of(), "its argument is unfinished", Map.of()));
    }

    private static Model.Defeater withArgument(Model.Defeater d, Model.Support argument) {
        return new Model.Defeater(d.id(), d.pos(), d.text(), d.formula(), d.attack(), d.target(), d.relation(),
                d.eliminatedBy(), d.accepted(), argument, d.owner(), d.origin());
    }

    private static Model.Case replace(Model.Case c, Model.Node old, Model.Node with, Model.Node added) {
        List<Model.Node> nodes = new ArrayList<>();
        for (Model.Node n : c.nodes()) nodes.add(n == old ? with : n);
        nodes.add(added);
        return new Model.Case(c.name(), c.file(), c.path(), c.pos(), c.text(), c.quantities(), nodes);
    }

    /**
     * Lowers, proves and judges the mutant as the pipeline does. An obligation the mutation leaves as it was keeps the
     * run's verdict; every other one is solved again.
     */
    private static Judgement judge(Verifier.Prepared p, Verifier.Outcome out, Mutant m) {
        Map<String, EvidenceState> states = new HashMap<>();
        p.evidence().forEach((id, o) -> states.put(id, EvidenceState.of(o)));
        states.putAll(m.added());
        ArgumentGraph graph = ArgumentGraph.of(m.model());
        Lowering.Lowered lowered = Lowering.lower(m.model(), graph, states, new Diagnostics());
        Map<ObligationId, Obligation> before = new HashMap<>();
        p.lowered().obligations().forEach(o -> before.put(o.id(), o));
        Map<ObligationId, Verdict> verdicts = new HashMap<>();
        try (Z3Session z3 = new Z3Session(10_000, 5_000_000)) {
            for (Obligation o : lowered.obligations()) {
                if (!o.isSolved()) continue;
                Optional<Verdict> old = o.equals(before.get(o.id())) ? out.verdict(p.model().name(), o.id()) : Optional.empty();
                verdicts.put(o.id(), old.orElseGet(() -> z3.decide(o)));
            }
        }
        return Judge.judge(new Judge.Input(m.model(), graph, lowered, states, verdicts), false, new Diagnostics());
    }
}
