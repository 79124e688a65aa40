package dev.safecase.confidence;

import java.util.List;

/**
 * The routes of each claim. A claim with no route is a leaf (its own {@code support} obligation decides it); with
 * several (a list with choices), its bound is the least over them ({@link MinRule}); {@link SupportRoutes} reads them
 * from the model.
 */
public interface Routes {
    List<Route> routes(String claim);
}
