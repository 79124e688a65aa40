package dev.safecase.judge;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.lower.Obligation;
import dev.safecase.model.Model;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of every node over its closure (docs/language.md, section 7): the worst of its own
 * obligations and of everything it depends on in the argument graph. A defeater's status is its
 * own obligation's, which already weighs the claims that eliminate it.
 */
final class ClaimStatus {
    private final Map<String, Status> status = new HashMap<>();

    /**
     * @param order the graph's nodes, each after everything it depends on
     * @param own each node's own obligations, in kind order
     */
    ClaimStatus(ArgumentGraph graph, List<String> order, Map<String, Model.Node> nodes,
                Map<String, List<Obligation>> own, ObligationRules rules) {
        for (String id : order) {
            Status s = Status.PROVED;
            for (Obligation o : own.getOrDefault(id, List.of())) s = Status.worst(s, rules.rule(o, this::of).status());
            if (!(nodes.get(id) instanceof Model.Defeater)) {
                for (String c : graph.children(id)) s = Status.worst(s, of(c));
            }
            status.put(id, s);
        }
    }

    /** A node's status; a node not yet reached (only on a cycle the checker missed) counts as proved. */
    Status of(String id) {
        return status.getOrDefault(id, Status.PROVED);
    }
}
