package dev.safecase.prove;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the solver decided for one obligation. {@code core} names premises (from the unsat core
 * of a proof, or of clashing premises); {@code counterexample} maps every symbol of the
 * obligation to its exact value.
 */
public record Verdict(Status status, List<String> core, Map<String, String> counterexample, Optional<String> reason,
                      long millis, long nanos) {
    public Verdict {
        core = List.copyOf(core);
        counterexample = Map.copyOf(counterexample);
    }
}
