package dev.safecase.confidence;

import java.util.List;

/**
 * The routes of each claim. A claim with no route is a leaf (its own {@code support} obligation decides it); with
 * several, its bound is the least over them ({@link MinRule}). Today's support lists are conjunctive, so every claim has
 * at most one route ({@link ConjunctiveRoutes}); alternatives ({@code supported by any of (…)}) give one route per way.
 */
public interface Routes {
    List<Route> routes(String claim);
}
