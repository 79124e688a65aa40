package dev.safecase.confidence;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judgement;
import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.prove.Verdict;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each claim and defeater rests on, walked over the argument graph children first (each node once, so a shared
 * subclaim is computed once and its premises are counted once): the set of premises whose failure could make it fail,
 * or the reason there is none to give. A proved step rests on the premises in its unsat core only; a step accepted by
 * review on the review and everything it lists; a claim with several routes on its least route; every node also rests
 * on the defeaters attacking what it uses.
 */
final class Propagation {
    /** The premises (indices into {@link Doubts}) a node rests on, or why it rests on something without a bound. */
    sealed interface Rests permits On, Without {}

    record On(BitSet sources) implements Rests {}

    record Without(String reason) implements Rests {}

    private final Model.Case model;
    private final Judgement judgement;
    private final Map<ObligationId, Verdict> verdicts;
    private final Map<ObligationId, Obligation> obligations = new HashMap<>();
    private final Routes routes;
    private final Doubts doubts;
    private final Map<String, Model.Node> nodes = new HashMap<>();
    private final Map<String, List<Model.Defeater>> rebutters = new HashMap<>();
    private final Map<String, List<Model.Defeater>> undercutters = new HashMap<>();
    private final Map<String, List<Model.Defeater>> underminers = new HashMap<>();
    private final Map<String, Rests> rests = new HashMap<>();
    private final java.util.Set<String> inProgress = new java.util.HashSet<>();

    Propagation(Model.Case model, List<Obligation> obligations, Map<ObligationId, Verdict> verdicts, Judgement judgement,
                Routes routes, Doubts doubts) {
        this.model = model;
        this.judgement = judgement;
        this.verdicts = verdicts;
        this.routes = routes;
        this.doubts = doubts;
        for (Obligation o : obligations) this.obligations.put(o.id(), o);
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            Map<String, List<Model.Defeater>> by = switch (d.attack()) {
                case REBUTS -> rebutters;
                case UNDERCUTS -> undercutters;
                case UNDERMINES -> underminers;
            };
            by.computeIfAbsent(d.target(), k -> new ArrayList<>()).add(d);
        }
    }

    /** What every claim rests on, by claim ID. */
    Map<String, Rests> run(ArgumentGraph graph) {
        ObligationId consistency = ObligationId.of(Obligation.Kind.CONSISTENCY, model.name());
        Status consistent = status(consistency);
        List<String> order = graph.dependenciesFirst().orElse(graph.nodes());
        for (String id : order) {
            Model.Node n = nodes.get(id);
            if (!(n instanceof Model.Claim) && !(n instanceof Model.Defeater)) continue;
            if (consistent != Status.PROVED) {
                rests.put(id, new Without(consistency + " is " + consistent.label()
                        + ": the premises are not shown to hold together"));
            } else {
                rested(id);
            }
        }
        Map<String, Rests> out = new HashMap<>();
        for (Model.Claim c : model.all(Model.Claim.class)) {
            out.put(c.id(), rested(c.id()));
        }
        return out;
    }

    private Rests claim(Model.Claim c) {
        ObligationId support = ObligationId.of(Obligation.Kind.SUPPORT, c.id());
        Optional<Rests> gate = gate(support);
        if (gate.isPresent()) return gate.get();
        List<Route> rs = routes.routes(c.id());
        Rests own;
        if (rs.isEmpty()) {
            own = status(support) == Status.ASSERTED ? review(c.id()) : on(List.of());
        } else if (rs.size() == 1) {
            own = route(rs.get(0));
        } else {
            List<Rests> each = new ArrayList<>();
            List<Bound> bounds = new ArrayList<>();
            for (Route r : rs) {
                Rests x = route(r);
                each.add(x);
                bounds.add(Sums.of(x, doubts));
            }
            var best = MinRule.best(bounds);
            own = best.isPresent() ? each.get(best.getAsInt()) : new Without(((Bound.Unbounded) MinRule.min(bounds)).reason());
        }
        return union(own, attacks(rebutters.getOrDefault(c.id(), List.of())));
    }

    private Rests route(Route r) {
        for (ObligationId g : r.gates()) {
            Optional<Rests> bad = gate(g);
            if (bad.isPresent()) return bad.get();
        }
        for (String m : r.members()) {
            Status s = judgement.nodes().getOrDefault(m, Status.UNKNOWN);
            if (s != Status.PROVED && s != Status.ASSERTED) {
                return nodes.get(m) instanceof Model.Claim && rested(m) instanceof Without w ? w : new Without(m + " is " + s.label());
            }
        }
        Obligation step = obligations.get(r.step());
        Status s = status(r.step());
        Rests used;
        Optional<Verdict> proof = proof(r.step());
        if (s == Status.PROVED && proof.isPresent()) {
            used = core(proof.get());
        } else if (s == Status.PROVED || step.mode() == Obligation.Mode.ASSERTED) {
            // proved without a solver (a resolved problem, assumed), or informal evidence accepted on its review
            used = members(r.members());
        } else {
            // accepted by the step node's own review: the review, and everything the step lists
            used = union(review(r.stepNode()), members(r.members()));
        }
        for (String n : r.stepNodes()) used = union(used, attacks(undercutters.getOrDefault(n, List.of())));
        return used;
    }

    private Rests defeater(Model.Defeater d) {
        ObligationId id = ObligationId.of(Obligation.Kind.DEFEATER, d.id());
        Optional<Rests> gate = gate(id);
        if (gate.isPresent()) return gate.get();
        if (d.accepted().isPresent()) return review(d.id());
        Optional<Verdict> proof = proof(id);
        if (proof.isPresent()) return core(proof.get());
        Rests out = on(List.of());
        for (String c : d.eliminatedBy()) out = union(out, rested(c));
        return out;
    }

    /** The premises of a proof's unsat core: if they all hold, the goal holds. */
    private Rests core(Verdict v) {
        Rests out = on(List.of());
        for (Premise p : v.core()) {
            Rests r;
            if (p instanceof Premise.Assumption a) {
                r = on(doubts.ofNode(a.id()).stream().toList());
            } else if (p instanceof Premise.Subclaim x) {
                r = rested(x.id());
            } else if (p instanceof Premise.Eliminator x) {
                r = rested(x.id());
            } else if (p instanceof Premise.AssertedClaim x) {
                r = rested(x.id());
            } else if (p instanceof Premise.Fact f) {
                r = union(on(doubts.ofFact(f.evidence(), f.index()).stream().toList()),
                        attacks(underminers.getOrDefault(f.evidence(), List.of())));
            } else {
                r = on(List.of()); // a quantity's declared range holds by definition
            }
            out = union(out, r);
        }
        return out;
    }

    /** Everything the listed support rests on: each claim's premises, each evidence item whole. */
    private Rests members(List<String> members) {
        Rests out = on(List.of());
        for (String m : members) {
            if (nodes.get(m) instanceof Model.Evidence) {
                out = union(out, union(on(doubts.ofEvidence(m)), attacks(underminers.getOrDefault(m, List.of()))));
            } else {
                out = union(out, rested(m));
            }
        }
        return out;
    }

    /** The premise that a review (an `asserted` claim or strategy, an `accepted` defeater) is right. */
    private Rests review(String node) {
        Optional<Integer> i = doubts.ofNode(node);
        return i.isPresent() ? on(List.of(i.get())) : new Without("the review of " + node + " is no premise");
    }

    private Rests attacks(List<Model.Defeater> ds) {
        Rests out = on(List.of());
        for (Model.Defeater d : ds) out = union(out, rested(d.id()));
        return out;
    }

    /**
     * What a node rests on. The walk in dependency order has computed it already for every edge of the graph; a route
     * that the graph does not show (a {@link Routes} of its own) may reach a node not yet computed: it is computed then.
     */
    private Rests rested(String id) {
        Rests hit = rests.get(id);
        if (hit != null) return hit;
        if (!inProgress.add(id)) return new Without(id + " is on a dependency cycle");
        try {
            Rests r = compute(id);
            rests.put(id, r);
            return r;
        } finally {
            inProgress.remove(id);
        }
    }

    private Rests compute(String id) {
        Model.Node n = nodes.get(id);
        if (n instanceof Model.Claim c) return claim(c);
        if (n instanceof Model.Defeater d) return defeater(d);
        return new Without("no claim or defeater " + id);
    }

    /** Empty when the obligation is proved or asserted; otherwise why the route or node is unbounded. */
    private Optional<Rests> gate(ObligationId id) {
        if (!obligations.containsKey(id) || judgement.obligations().get(id) == null) {
            return Optional.of(new Without("it has no obligation " + id));
        }
        Status s = status(id);
        if (s == Status.PROVED || s == Status.ASSERTED) return Optional.empty();
        return Optional.of(new Without(id + " is " + s.label()));
    }

    private Status status(ObligationId id) {
        Judgement.Judged j = judgement.obligations().get(id);
        return j == null ? Status.UNKNOWN : j.status();
    }

    /** The solver's proof of a proved obligation, if the solver proved it. */
    private Optional<Verdict> proof(ObligationId id) {
        Verdict v = verdicts.get(id);
        return v != null && v.answer() == Verdict.Answer.PROVED && status(id) == Status.PROVED ? Optional.of(v)
                : Optional.empty();
    }

    private static Rests on(List<Integer> sources) {
        BitSet b = new BitSet();
        for (int i : sources) b.set(i);
        return new On(b);
    }

    private static Rests union(Rests a, Rests b) {
        if (a instanceof Without) return a;
        if (b instanceof Without) return b;
        BitSet out = (BitSet) ((On) a).sources().clone();
        out.or(((On) b).sources());
        return new On(out);
    }
}
