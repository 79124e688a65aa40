package dev.safecase.judge;

import dev.safecase.num.Rational;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judgement.EvidenceBound;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The statistical bounds behind each claim: the bounds evaluated in the facts of every valid
 * evidence item in its closure, and the confidence that they all hold at once.
 */
final class Bounds {
    private final Map<String, List<EvidenceBound>> byEvidence = new HashMap<>();
    private final Map<String, Set<String>> evidenceIn = new HashMap<>();
    private final Map<String, Integer> source = new HashMap<>();

    /**
     * @param facts the facts of each evidence item as the evidence stage read them
     * @param valid whether an evidence item's validity holds (proved or asserted)
     */
    Bounds(Model.Case model, ArgumentGraph graph, List<String> order, Map<String, List<Model.Fact>> facts,
           Predicate<String> valid) {
        for (Model.Node n : model.nodes()) source.putIfAbsent(n.id(), source.size());
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            List<EvidenceBound> out = new ArrayList<>();
            for (Model.Fact f : facts.getOrDefault(e.id(), e.facts())) {
                for (Model.Bound b : f.bounds()) out.add(new EvidenceBound(e.id(), b, b.function().confidence(b.args())));
            }
            byEvidence.put(e.id(), List.copyOf(out));
        }
        for (String id : order) {
            Set<String> in = new LinkedHashSet<>();
            if (byEvidence.containsKey(id) && valid.test(id)) in.add(id);
            for (String c : graph.children(id)) in.addAll(evidenceIn.getOrDefault(c, Set.of()));
            evidenceIn.put(id, in);
        }
    }

    /** The bounds of one evidence item's facts, in fact order. */
    List<EvidenceBound> ofEvidence(String evidence) {
        return byEvidence.getOrDefault(evidence, List.of());
    }

    /** The bounds a node rests on: of the valid evidence in its closure, in source order of the evidence. */
    List<EvidenceBound> ofNode(String id) {
        List<EvidenceBound> out = new ArrayList<>();
        evidenceIn.getOrDefault(id, Set.of()).stream().sorted((a, b) -> Integer.compare(source.get(a), source.get(b)))
                .forEach(e -> out.addAll(ofEvidence(e)));
        return out;
    }

    /** Bonferroni: m bounds at confidences c_i hold together with probability at least 1 - Σ(1 - c_i). */
    static Rational jointConfidence(List<EvidenceBound> bounds) {
        Rational miss = Rational.ZERO;
        for (EvidenceBound b : bounds) miss = miss.add(Rational.ONE.subtract(b.confidence()));
        Rational joint = Rational.ONE.subtract(miss);
        return joint.signum() < 0 ? Rational.ZERO : joint;
    }
}
