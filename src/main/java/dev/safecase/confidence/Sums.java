package dev.safecase.confidence;

import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Boole's inequality: the probability that some premise of a set fails is at most the sum of their doubts, whatever
 * their dependence; capped at 1. A premise without a doubt leaves the set unbounded.
 */
final class Sums {
    private Sums() {
    }

    /** Premises without a doubt named in the reason, at most. */
    static final int NAMED = 3;

    static Bound of(Propagation.Rests rests, Doubts doubts) {
        if (rests instanceof Propagation.Without w) return new Bound.Unbounded(w.reason());
        var set = ((Propagation.On) rests).sources();
        // the first premises without a doubt name the reason; looking no further keeps a large case linear
        List<String> missing = new ArrayList<>();
        boolean more = false;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            Source s = doubts.get(i);
            if (s.doubt().isPresent()) continue;
            if (missing.size() == NAMED) {
                more = true;
                break;
            }
            missing.add(s.kind().label() + " " + s.id());
        }
        if (!missing.isEmpty()) {
            return new Bound.Unbounded("no doubt stated for " + String.join(", ", missing) + (more ? ", \u2026" : ""));
        }
        List<Bound.Contribution> parts = new ArrayList<>();
        Rational sum = Rational.ZERO;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            Source s = doubts.get(i);
            parts.add(new Bound.Contribution(s, s.doubt().get()));
            sum = sum.add(s.doubt().get());
        }
        // largest first; the set's order (source order) breaks ties
        List<Bound.Contribution> sorted = new ArrayList<>(parts);
        sorted.sort(Comparator.comparing(Bound.Contribution::doubt).reversed());
        return new Bound.Finite(sum.min(Rational.ONE), sorted);
    }
}
