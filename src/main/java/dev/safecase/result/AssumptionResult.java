package dev.safecase.result;

import dev.safecase.lower.ObligationId;
import java.util.List;
import java.util.Optional;

/**
 * An assumption: its formula if any, the obligations it is in scope of, the proofs that used it, and the contexts and
 * assumptions it is stated in.
 */
public record AssumptionResult(NodeInfo node, Optional<String> formula, List<ObligationId> inScopeOf,
                               List<ObligationId> usedBy, List<String> context) implements NodeResult {
    public AssumptionResult {
        inScopeOf = List.copyOf(inScopeOf);
        usedBy = List.copyOf(usedBy);
        context = List.copyOf(context);
    }

    public AssumptionResult(NodeInfo node, Optional<String> formula, List<ObligationId> inScopeOf, List<ObligationId> usedBy) {
        this(node, formula, inScopeOf, usedBy, List.of());
    }

}
