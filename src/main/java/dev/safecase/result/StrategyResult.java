package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/** A strategy: the step from its subclaims to its parent claim. */
public record StrategyResult(NodeInfo node, Status status, List<String> subclaims, Clauses clauses, boolean undeveloped,
                             Optional<String> asserted, Provenance provenance) implements NodeResult {
    public StrategyResult {
        subclaims = List.copyOf(subclaims);
    }

}
