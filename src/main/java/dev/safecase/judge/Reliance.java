package dev.safecase.judge;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judgement.AssumptionUse;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.prove.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What proofs rest on: the assumptions each proof used (from its unsat core), what each claim
 * rests on over its closure, which obligations each assumption is in scope of and used by, and
 * the warning for a step that follows from its assumptions alone.
 */
final class Reliance {
    private final Map<ObligationId, Verdict> verdicts;

    Reliance(Map<ObligationId, Verdict> verdicts) {
        this.verdicts = verdicts;
    }

    /** The assumptions a proof used, in core order; none unless the solver proved it. */
    List<String> usedAssumptions(Obligation o) {
        Verdict v = verdicts.get(o.id());
        if (v == null || v.answer() != Verdict.Answer.PROVED) return List.of();
        List<String> out = new ArrayList<>();
        for (Premise p : v.core()) {
            if (p instanceof Premise.Assumption a) out.add(a.id());
        }
        return out;
    }

    /**
     * For every node, in {@code order}: the assumptions used by the proved obligations in its closure. A node with a
     * discharged route rests on that route, not on the others; a counter-argument passes up only its defeater's own
     * check and what eliminates or challenges it, not its argument (which argues against the case).
     */
    Map<String, Set<String>> restsOn(ArgumentGraph graph, List<String> order, Map<String, List<Obligation>> own,
                                     Function<Obligation, Status> status, Standings standings, boolean strict) {
        Map<String, Set<String>> rests = new HashMap<>();
        for (String id : order) {
            Set<String> out = new LinkedHashSet<>();
            boolean counter = standings.side(id) == ArgumentGraph.Side.COUNTER;
            Optional<Model.Route> chosen = standings.chosen(id).filter(r -> Gate.discharges(r.status(), strict))
                    .map(Standings.RouteStanding::route);
            for (Obligation o : own.getOrDefault(id, List.of())) {
                if (counter && o.kind() != Obligation.Kind.DEFEATER) continue;
                if (o.id().route().isPresent() && chosen.isPresent() && !o.id().route().get().equals(chosen.get().name())) continue;
                if (status.apply(o) == Status.PROVED) out.addAll(usedAssumptions(o));
            }
            for (ArgumentGraph.Edge e : graph.edges(id)) {
                boolean across = e.kind() == ArgumentGraph.EdgeKind.ATTACK || e.kind() == ArgumentGraph.EdgeKind.ELIMINATION;
                if (counter && !across) continue;
                if (e.kind() == ArgumentGraph.EdgeKind.CHOICE && chosen.isPresent() && !chosen.get().picks().contains(e.to())) {
                    continue;
                }
                out.addAll(rests.getOrDefault(e.to(), Set.of()));
            }
            rests.put(id, out);
        }
        return rests;
    }

    /**
     * Per assumption, in source order: the obligations it is a premise of (or, without a formula,
     * in scope of), and the proved ones that used it.
     */
    Map<String, AssumptionUse> assumptionUse(Model.Case model, List<Obligation> obligations, Map<String, List<String>> scope,
                                             Function<Obligation, Status> status) {
        Map<String, Set<ObligationId>> inScope = new HashMap<>();
        Map<String, List<ObligationId>> usedBy = new HashMap<>();
        Map<String, Model.Assumption> declared = new LinkedHashMap<>();
        for (Model.Assumption a : model.all(Model.Assumption.class)) declared.put(a.id(), a);
        for (Obligation o : obligations) {
            Set<String> here = new LinkedHashSet<>();
            for (Premise p : o.premises()) {
                if (p instanceof Premise.Assumption a) here.add(a.id());
            }
            if (o.kind() != Obligation.Kind.CONSISTENCY) {
                for (String a : scope.getOrDefault(o.node(), List.of())) {
                    Model.Assumption as = declared.get(a);
                    if (as != null && as.formula().isEmpty()) here.add(a);
                }
            }
            for (String a : here) inScope.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(o.id());
            if (status.apply(o) == Status.PROVED) {
                for (String a : usedAssumptions(o)) usedBy.computeIfAbsent(a, k -> new ArrayList<>()).add(o.id());
            }
        }
        Map<String, AssumptionUse> out = new LinkedHashMap<>();
        for (String a : declared.keySet()) {
            out.put(a, new AssumptionUse(List.copyOf(inScope.getOrDefault(a, Set.of())), usedBy.getOrDefault(a, List.of())));
        }
        return out;
    }

    /** SC317: a proved step whose proof uses none of the support it lists. */
    void warnAssumptionsOnly(Obligation o, Status s, Optional<Model.Node> node, Diagnostics diags) {
        if (s != Status.PROVED || (o.kind() != Obligation.Kind.INFERENCE && o.kind() != Obligation.Kind.EVIDENCE)) return;
        Verdict v = verdicts.get(o.id());
        if (v == null || node.isEmpty()) return;
        boolean hasSupport = o.premises().stream().anyMatch(Premise::isSupport);
        boolean usesSupport = v.core().stream().anyMatch(Premise::isSupport);
        if (hasSupport && !usesSupport) {
            List<String> used = usedAssumptions(o);
            diags.warning(Code.SC317, node.get().pos(), o.node() + " follows from assumptions alone ("
                    + (used.isEmpty() ? "none needed" : String.join(", ", used)) + "); its support is not used");
        }
    }
}
