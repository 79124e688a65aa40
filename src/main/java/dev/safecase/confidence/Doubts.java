package dev.safecase.confidence;

import dev.safecase.model.Model;
import dev.safecase.num.Rational;
import dev.safecase.formula.Infix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every premise of a case that can carry a doubt, numbered in source order, with its doubt: as stated, or for a fact
 * of checked evidence (a file) without a stated doubt, 1 − confidence of the statistical built-ins in it (Bonferroni
 * over several). Evidence with a stated doubt, and any reference, is one premise for all its facts; checked evidence
 * without a stated doubt has one premise per fact.
 */
final class Doubts {
    private final List<Source> sources = new ArrayList<>();
    private final Map<String, Integer> byKey = new HashMap<>();

    /** {@code facts}: each evidence item's facts as the evidence stage read them (with their evaluated bounds). */
    Doubts(Model.Case model, Map<String, List<Model.Fact>> facts) {
        for (Model.Node n : model.nodes()) {
            if (n instanceof Model.Assumption a) {
                add(node(a.id()), new Source(a.id(), Source.Kind.ASSUMPTION, value(a.doubt()), Optional.empty()));
            } else if (n instanceof Model.Claim c && c.asserted().isPresent()) {
                add(node(c.id()), new Source(c.id(), Source.Kind.ASSERTED_CLAIM, value(c.doubt()), Optional.empty()));
            } else if (n instanceof Model.Strategy s && s.asserted().isPresent()) {
                add(node(s.id()), new Source(s.id(), Source.Kind.ASSERTED_STRATEGY, value(s.doubt()), Optional.empty()));
            } else if (n instanceof Model.Defeater d && d.accepted().isPresent()) {
                add(node(d.id()), new Source(d.id(), Source.Kind.ACCEPTED_DEFEATER, value(d.doubt()), Optional.empty()));
            } else if (n instanceof Model.Evidence e) {
                List<Model.Fact> fs = facts.getOrDefault(e.id(), List.of());
                if (fs.isEmpty()) fs = e.facts();
                // a reference is accepted on review, data and all: only a stated doubt bounds it
                if (e.doubt().isPresent() || fs.isEmpty() || e.isReference()) {
                    add(node(e.id()), new Source(e.id(), Source.Kind.EVIDENCE, value(e.doubt()), Optional.empty()));
                } else {
                    for (int i = 0; i < fs.size(); i++) add(fact(e.id(), i + 1), fact(e.id() + "#" + (i + 1), fs.get(i)));
                }
            }
        }
    }

    private static Optional<Rational> value(Optional<Model.Doubt> d) {
        return d.map(Model.Doubt::value);
    }

    /** A fact without a stated doubt: 1 − confidence of each statistical bound in it, summed; none without a bound. */
    private static Source fact(String id, Model.Fact f) {
        if (f.bounds().isEmpty()) return new Source(id, Source.Kind.FACT, Optional.empty(), Optional.empty());
        Rational miss = Rational.ZERO;
        List<String> how = new ArrayList<>();
        for (Model.Bound b : f.bounds()) {
            Rational conf = b.function().confidence(b.args());
            miss = miss.add(Rational.ONE.subtract(conf));
            how.add(b.function().spelling() + "(" + String.join(", ", b.args().stream().map(Infix::number).toList())
                    + ") at confidence " + Infix.number(conf));
        }
        return new Source(id, Source.Kind.FACT, Optional.of(miss.min(Rational.ONE)),
                Optional.of("1 \u2212 confidence of " + String.join(" plus ", how)));
    }

    private void add(String key, Source s) {
        byKey.put(key, sources.size());
        sources.add(s);
    }

    private static String node(String id) {
        return "node:" + id;
    }

    private static String fact(String evidence, int index) {
        return "fact:" + evidence + "#" + index;
    }

    List<Source> all() {
        return sources;
    }

    Source get(int index) {
        return sources.get(index);
    }

    /** The premise of an assumption, an asserted claim or strategy, an accepted defeater, or evidence as a whole. */
    Optional<Integer> ofNode(String id) {
        return Optional.ofNullable(byKey.get(node(id)));
    }

    /** The premises standing for fact {@code index} (1-based) of evidence {@code evidence}: the fact, or the whole item. */
    Optional<Integer> ofFact(String evidence, int index) {
        return Optional.ofNullable(byKey.get(fact(evidence, index))).or(() -> ofNode(evidence));
    }

    /** Every premise of one evidence item: the item, or each of its facts. */
    List<Integer> ofEvidence(String evidence) {
        List<Integer> out = new ArrayList<>();
        ofNode(evidence).ifPresent(out::add);
        for (int i = 1; byKey.containsKey(fact(evidence, i)); i++) out.add(byKey.get(fact(evidence, i)));
        return out;
    }
}
