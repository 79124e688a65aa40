package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/** A strategy: the step from its subclaims to its parent claim. */
public record StrategyResult(NodeInfo node, Status status, List<String> subclaims, Clauses clauses, boolean undeveloped,
                             Optional<String> asserted, Provenance provenance) {
    public StrategyResult {
        subclaims = List.copyOf(subclaims);
    }

    public String id() {
        return node.id();
    }

    public String text() {
        return node.text();
    }

    public int line() {
        return node.line();
    }
}
