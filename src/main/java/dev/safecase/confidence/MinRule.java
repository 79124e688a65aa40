package dev.safecase.confidence;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Alternatives: a claim with several routes is false only if every route fails, so the probability that it is false is
 * at most the bound of any one route, and in particular of the least. Unbounded routes count as +∞.
 */
public final class MinRule {
    private MinRule() {
    }

    /** The index of the least finite bound (the first on a tie), or empty when none is finite. */
    public static OptionalInt best(List<Bound> routes) {
        int best = -1;
        for (int i = 0; i < routes.size(); i++) {
            if (!(routes.get(i) instanceof Bound.Finite f)) continue;
            if (best < 0 || f.value().compareTo(((Bound.Finite) routes.get(best)).value()) < 0) best = i;
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    /** The least bound over the routes; with none finite, unbounded with every route's reason. */
    public static Bound min(List<Bound> routes) {
        OptionalInt best = best(routes);
        if (best.isPresent()) return routes.get(best.getAsInt());
        if (routes.isEmpty()) return new Bound.Unbounded("no route establishes it");
        if (routes.size() == 1) return routes.get(0);
        List<String> why = new ArrayList<>();
        for (Bound b : routes) why.add(((Bound.Unbounded) b).reason());
        return new Bound.Unbounded("every route is unbounded: " + String.join("; ", why));
    }
}
