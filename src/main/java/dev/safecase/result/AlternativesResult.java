package dev.safecase.result;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import java.util.List;

/**
 * A node whose support list has choices ({@code any of}, {@code M of}): the choices as written, its status by its best
 * route, and every route as a parallel line of work.
 */
public record AlternativesResult(String node, List<String> choices, Status status, List<Route> routes) {
    public AlternativesResult {
        choices = List.copyOf(choices);
        routes = List.copyOf(routes);
    }

    /** One route: its name and picks, its status, whether the node stands by it, its steps and its open problems. */
    public record Route(String name, List<String> picks, Status status, boolean chosen, List<ObligationId> obligations,
                        List<ObligationId> openProblems) {
        public Route {
            picks = List.copyOf(picks);
            obligations = List.copyOf(obligations);
            openProblems = List.copyOf(openProblems);
        }
    }
}
