package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/** A defeater: what it attacks and how ({@code attack} is rebuts, undercuts or undermines), and how it is met. */
public record DefeaterResult(NodeInfo node, Status status, String attack, String target, List<String> eliminatedBy,
                             Optional<String> accepted, Optional<String> owner) implements NodeResult {
    public DefeaterResult {
        eliminatedBy = List.copyOf(eliminatedBy);
    }

}
