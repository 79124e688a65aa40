package dev.safecase.judge;

import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Type;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judgement.ClaimJudgement;
import dev.safecase.judge.Judgement.EvidenceBound;
import dev.safecase.judge.Judgement.Judged;
import dev.safecase.lower.EvidenceState;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the verdicts of one case into final statuses: each obligation's status by the rules of
 * {@link ObligationRules}, each node's over its closure ({@link Standings}), what the proofs
 * rest on ({@link Reliance}), the bounds behind each claim ({@link Bounds}), and which claims and
 * whether the case are discharged.
 */
public final class Judge {
    private static final List<Obligation.Kind> OWN_KINDS = List.of(Obligation.Kind.SUPPORT, Obligation.Kind.INFERENCE,
            Obligation.Kind.EVIDENCE, Obligation.Kind.VALIDITY, Obligation.Kind.DEFEATER);

    /** What the judge reads: the checked case, its graph, its obligations and the solver's verdicts on them. */
    public record Input(Model.Case model, ArgumentGraph graph, Lowering.Lowered lowered, Map<String, EvidenceState> evidence,
                        Map<ObligationId, Verdict> verdicts) {
        public Input {
            evidence = Map.copyOf(evidence);
            verdicts = Map.copyOf(verdicts);
        }
    }

    private Judge() {
    }

    /** Judges one case; warnings (SC317, SC318) go to {@code diags}. */
    public static Judgement judge(Input in, boolean strict, Diagnostics diags) {
        Model.Case model = in.model();
        Map<String, Model.Node> nodes = new LinkedHashMap<>();
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        Map<ObligationId, Obligation> byId = new LinkedHashMap<>();
        for (Obligation o : in.lowered().obligations()) byId.put(o.id(), o);
        Map<String, List<Obligation>> own = new HashMap<>();
        for (Obligation.Kind k : OWN_KINDS) {
            for (Obligation o : byId.values()) {
                if (o.kind() == k) own.computeIfAbsent(o.node(), x -> new ArrayList<>()).add(o);
            }
        }
        List<String> order = in.graph().dependenciesFirst().orElse(in.graph().nodes());
        ObligationRules rules = new ObligationRules(nodes, in.verdicts(), diags);
        Standings standings = new Standings(in.graph(), order, nodes, own, rules);
        java.util.function.Function<Obligation, ObligationRules.Ruled> ruled = o -> o.kind() == Obligation.Kind.DEFEATER
                ? new ObligationRules.Ruled(standings.of(o.node()),
                        standings.defeaterReason(o.node()).or(() -> rules.rule(o, standings::of).reason()))
                : rules.rule(o, standings::of);
        java.util.function.Function<Obligation, Status> status = o -> ruled.apply(o).status();
        Reliance reliance = new Reliance(in.verdicts());
        Gating gating = new Gating(in.graph(), nodes, in.lowered().obligations(), standings, strict);

        Map<ObligationId, Judged> judged = new LinkedHashMap<>();
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status s : Status.values()) summary.put(s, 0);
        List<ObligationId> open = new ArrayList<>();
        List<ObligationId> unproven = new ArrayList<>();
        for (Obligation o : byId.values()) {
            ObligationRules.Ruled r = ruled.apply(o);
            Status s = r.status();
            summary.merge(s, 1, Integer::sum);
            if (s == Status.OPEN && !gating.left().containsKey(o.id())) open.add(o.id());
            if (s != Status.PROVED && s != Status.ASSERTED) unproven.add(o.id());
            judged.put(o.id(), judged(o, r, rules.verdict(o), reliance));
            if (standings.side(o.node()) == ArgumentGraph.Side.PRO) {
                reliance.warnAssumptionsOnly(o, s, Optional.ofNullable(nodes.get(o.node())), diags);
            }
        }

        boolean consistent = status.apply(byId.get(ObligationId.of(Obligation.Kind.CONSISTENCY, model.name()))) == Status.PROVED;
        Set<String> roots = Set.copyOf(in.graph().roots());
        Map<String, Set<String>> rests = reliance.restsOn(in.graph(), order, own, status, standings, strict);
        Map<String, List<Model.Fact>> facts = new HashMap<>();
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            EvidenceState st = in.evidence().get(e.id());
            facts.put(e.id(), st == null || st.facts().isEmpty() ? e.facts() : st.facts());
        }
        Bounds bounds = new Bounds(model, in.graph(), order, facts,
                e -> status.apply(byId.get(ObligationId.of(Obligation.Kind.VALIDITY, e))) != Status.INVALID);
        Map<String, Integer> source = new HashMap<>();
        for (Model.Node n : model.nodes()) source.putIfAbsent(n.id(), source.size());

        Map<String, ClaimJudgement> claimJudgements = new LinkedHashMap<>();
        boolean discharged = true;
        for (Model.Claim c : model.all(Model.Claim.class)) {
            Status s = standings.of(c.id());
            boolean d = consistent && Gate.discharges(s, strict);
            boolean root = roots.contains(c.id());
            if (root && !d) discharged = false;
            List<String> restsOn = rests.getOrDefault(c.id(), Set.of()).stream()
                    .sorted((a, b) -> Integer.compare(source.get(a), source.get(b))).toList();
            List<EvidenceBound> bs = bounds.ofNode(c.id());
            claimJudgements.put(c.id(), new ClaimJudgement(s, root, d, restsOn, bs, Bounds.jointConfidence(bs)));
        }
        if (roots.isEmpty()) discharged = consistent;
        Map<String, Status> nodeStatus = new LinkedHashMap<>();
        for (String id : in.graph().nodes()) nodeStatus.put(id, standings.of(id));
        Map<String, List<EvidenceBound>> evidenceBounds = new LinkedHashMap<>();
        for (Model.Evidence e : model.all(Model.Evidence.class)) evidenceBounds.put(e.id(), bounds.ofEvidence(e.id()));
        List<Judgement.Alternatives> alternatives = alternatives(model, in.graph(), standings, own, byId, status, strict);
        return new Judgement(judged, nodeStatus, claimJudgements,
                reliance.assumptionUse(model, in.lowered().obligations(), in.lowered().scope(), status), evidenceBounds,
                discharged, summary, open, unproven, alternatives, gating.left(), in.graph().sides());
    }

    /** The routes of every node whose support list has choices, in source order. */
    private static List<Judgement.Alternatives> alternatives(Model.Case model, ArgumentGraph graph, Standings standings,
                                                             Map<String, List<Obligation>> own,
                                                             Map<ObligationId, Obligation> byId,
                                                             java.util.function.Function<Obligation, Status> status,
                                                             boolean strict) {
        List<Judgement.Alternatives> out = new ArrayList<>();
        for (Model.Node n : model.nodes()) {
            Model.Support sup = n instanceof Model.Claim c ? c.support() : n instanceof Model.Defeater d ? d.argument()
                    : new Model.Unsupported();
            if (!(sup instanceof Model.Direct list) || !list.hasChoices()) continue;
            Optional<Standings.RouteStanding> chosen = standings.chosen(n.id()).filter(r -> Gate.discharges(r.status(), strict));
            List<Judgement.RouteJudgement> routes = new ArrayList<>();
            for (Standings.RouteStanding r : standings.routes(n.id())) {
                List<ObligationId> steps = own.getOrDefault(n.id(), List.of()).stream()
                        .filter(o -> o.id().route().equals(Optional.of(r.route().name()))).map(Obligation::id).toList();
                List<ObligationId> problems = new ArrayList<>();
                for (ObligationId id : steps) if (status.apply(byId.get(id)) == Status.OPEN) problems.add(id);
                java.util.Set<String> seen = new java.util.LinkedHashSet<>();
                for (String p : r.route().picks()) if (!list.conjunctive().contains(p)) seen.addAll(graph.closure(p));
                for (String x : seen) {
                    for (Obligation o : own.getOrDefault(x, List.of())) {
                        if (status.apply(o) == Status.OPEN && !problems.contains(o.id())) problems.add(o.id());
                    }
                }
                boolean isChosen = chosen.isPresent() && chosen.get().route().name().equals(r.route().name());
                routes.add(new Judgement.RouteJudgement(r.route().name(), r.route().picks(), r.status(), isChosen, steps, problems));
            }
            out.add(new Judgement.Alternatives(n.id(), list.choices().stream().map(Model.Choice::text).toList(),
                    standings.chosen(n.id()).map(Standings.RouteStanding::status).orElse(Status.OPEN), routes));
        }
        return out;
    }

    private static Judged judged(Obligation o, ObligationRules.Ruled r, Optional<Verdict> v, Reliance reliance) {
        Status s = r.status();
        List<String> core = v.map(x -> x.core().stream().map(Premise::name).toList()).orElse(List.of());
        Map<String, String> cex = v.filter(x -> x.answer() == Verdict.Answer.REFUTED).map(Verdict::counterexample)
                .orElse(Map.of());
        Map<String, String> ordered = new LinkedHashMap<>();
        if (!cex.isEmpty()) {
            for (Map.Entry<String, Type> sym : SmtLib.symbols(o).entrySet()) ordered.put(sym.getKey(), cex.get(sym.getKey()));
        }
        return new Judged(s, r.reason(), s == Status.PROVED ? reliance.usedAssumptions(o) : List.of(),
                s == Status.PROVED ? List.of() : core, ordered, v.map(Verdict::millis).orElse(0L));
    }
}
