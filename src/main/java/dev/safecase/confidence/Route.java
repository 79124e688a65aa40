package dev.safecase.confidence;

import dev.safecase.lower.ObligationId;
import java.util.List;

/**
 * One way a claim is established: a step and the support it lists. {@code stepNode} owns the step (the strategy, or the
 * claim itself for a direct list): its {@code asserted} review and the defeaters that undercut it belong to the route.
 * {@code step} is the obligation that concludes the claim from {@code members}; {@code gates} are every obligation of the
 * route that must be proved or asserted for the route to count (the step, and a strategy's {@code support}).
 * {@code pooled}: the strategies a mixed support list names, whose steps are part of this one (docs/language.md, section 7).
 */
public record Route(String name, String stepNode, ObligationId step, List<ObligationId> gates, List<String> members,
                    List<String> pooled) {
    public Route {
        gates = List.copyOf(gates);
        members = List.copyOf(members);
        pooled = List.copyOf(pooled);
    }

    /** A route with one step node. */
    public Route(String name, String stepNode, ObligationId step, List<ObligationId> gates, List<String> members) {
        this(name, stepNode, step, gates, members, List.of());
    }

    /** The nodes whose review and undercutting defeaters bear on the step: the step node and the strategies pooled in it. */
    public List<String> stepNodes() {
        List<String> out = new java.util.ArrayList<>(List.of(stepNode));
        out.addAll(pooled);
        return out;
    }
}
