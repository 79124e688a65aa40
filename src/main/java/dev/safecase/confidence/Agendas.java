package dev.safecase.confidence;

import dev.safecase.judge.Gate;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link Agenda} of a judged case (docs/confidence.md, "The agenda"). */
public final class Agendas {
    /** Minimal resolving sets listed per root at most. */
    public static final int MAX_SETS = 64;
    /** Re-judgements of one case at most (each judges the whole case once). */
    public static final int MAX_JUDGEMENTS = 4096;

    private Agendas() {
    }

    public static Agenda of(Judge.Input in, Judgement now, boolean strict) {
        return of(in, now, strict, new SupportRoutes(in.model()), MAX_SETS, MAX_JUDGEMENTS);
    }

    public static Agenda of(Judge.Input in, Judgement now, boolean strict, Routes routes, int maxSets, int maxJudgements) {
        Model.Case model = in.model();
        Map<String, Model.Node> nodes = new HashMap<>();
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        Map<ObligationId, Obligation> obligations = new LinkedHashMap<>();
        for (Obligation o : in.lowered().obligations()) obligations.put(o.id(), o);
        Rejudge rejudge = new Rejudge(in, strict, routes, maxJudgements);
        Confidence.CaseConfidence boundsNow = Confidence.of(in, now, routes);

        List<ObligationId> open = now.open();
        List<ObligationId> primary = open.stream().filter(id -> waitsOn(id, nodes).isEmpty()).toList();
        Map<String, Set<String>> closure = new HashMap<>();
        for (String r : in.graph().roots()) closure.put(r, new LinkedHashSet<>(in.graph().closure(r)));

        List<Agenda.Root> roots = new ArrayList<>();
        for (String r : in.graph().roots()) {
            Judgement.ClaimJudgement cj = now.claims().get(r);
            List<ObligationId> relevant = primary.stream().filter(id -> closure.get(r).contains(id.node())).toList();
            if (cj.discharged()) {
                roots.add(new Agenda.Root(r, cj.status(), true, boundsNow.of(r), relevant, List.of(), false, Optional.empty()));
                continue;
            }
            ResolvingSets.Found f = ResolvingSets.of(relevant,
                    set -> rejudge.with(set).map(s -> s.judgement().claims().get(r).discharged()), maxSets);
            List<Agenda.ResolvingSet> sets = new ArrayList<>();
            for (List<ObligationId> s : f.sets()) {
                Bound b = rejudge.with(Set.copyOf(s)).map(x -> x.bounds().of(r))
                        .orElse(new Bound.Unbounded("not computed: the agenda's judge budget ran out"));
                sets.add(new Agenda.ResolvingSet(s, b));
            }
            Optional<String> blocker = f.resolvable() ? Optional.empty()
                    : Optional.of(blocker(r, relevant, rejudge, closure.get(r), obligations.keySet(), strict));
            roots.add(new Agenda.Root(r, cj.status(), false, boundsNow.of(r), relevant, sets, f.truncated(), blocker));
        }

        List<Agenda.Problem> problems = new ArrayList<>();
        for (ObligationId id : open) {
            List<String> blocks = new ArrayList<>();
            for (Agenda.Root root : roots) if (closure.get(root.claim()).contains(id.node())) blocks.add(root.claim());
            List<String> waits = waitsOn(id, nodes);
            List<Agenda.Leverage> leverage = new ArrayList<>();
            if (waits.isEmpty()) {
                Optional<Rejudge.State> alone = rejudge.with(Set.of(id));
                for (Agenda.Root root : roots) {
                    if (!root.problems().contains(id)) continue;
                    int in1 = (int) root.sets().stream().filter(s -> s.problems().contains(id)).count();
                    boolean byItself = root.sets().stream().anyMatch(s -> s.problems().equals(List.of(id)));
                    Bound b = alone.map(s -> s.bounds().of(root.claim()))
                            .orElse(new Bound.Unbounded("not computed: the agenda's judge budget ran out"));
                    leverage.add(new Agenda.Leverage(root.claim(), byItself, in1, root.sets().size(), b));
                }
            }
            Obligation o = obligations.get(id);
            Judgement.Judged j = now.obligations().get(id);
            Model.Node node = nodes.get(id.node());
            problems.add(new Agenda.Problem(id, id.node(), node == null ? "" : node.text(), owner(node), j.reason(),
                    o.pos().line(), blocks, waits, leverage));
        }
        return new Agenda(problems, roots, new Agenda.Limits(maxSets, maxJudgements, rejudge.count()));
    }

    /** A defeater open only because its eliminators are not discharged waits on them; any other problem on nothing. */
    static List<String> waitsOn(ObligationId id, Map<String, Model.Node> nodes) {
        if (id.kind() == Obligation.Kind.DEFEATER && nodes.get(id.node()) instanceof Model.Defeater d
                && !d.eliminatedBy().isEmpty()) {
            return d.eliminatedBy();
        }
        return List.of();
    }

    /** What still fails in a root's closure with every open problem resolved: why no set of them discharges it. */
    private static String blocker(String root, List<ObligationId> relevant, Rejudge rejudge, Set<String> closure,
                                  Set<ObligationId> all, boolean strict) {
        Optional<Rejudge.State> s = rejudge.with(Set.copyOf(relevant));
        if (s.isEmpty()) return "not computed: the agenda's judge budget ran out";
        List<String> failing = new ArrayList<>();
        for (ObligationId id : all) {
            boolean inScope = closure.contains(id.node()) || id.kind() == Obligation.Kind.CONSISTENCY;
            Status st = s.get().judgement().obligations().get(id).status();
            if (inScope && !Gate.discharges(st, strict)) failing.add(id + " is " + st.label());
        }
        if (failing.isEmpty()) failing.add(root + " is not discharged");
        return String.join(", ", failing);
    }

    private static Optional<String> owner(Model.Node n) {
        if (n instanceof Model.Claim c) return c.owner();
        if (n instanceof Model.Strategy s) return s.owner();
        if (n instanceof Model.Defeater d) return d.owner();
        return Optional.empty();
    }
}
