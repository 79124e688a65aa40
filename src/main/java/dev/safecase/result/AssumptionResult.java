package dev.safecase.result;

import dev.safecase.lower.ObligationId;
import java.util.List;
import java.util.Optional;

/** An assumption: its formula if any, the obligations it is in scope of, and the proofs that used it. */
public record AssumptionResult(NodeInfo node, Optional<String> formula, List<ObligationId> inScopeOf,
                               List<ObligationId> usedBy) implements NodeResult {
    public AssumptionResult {
        inScopeOf = List.copyOf(inScopeOf);
        usedBy = List.copyOf(usedBy);
    }

}
