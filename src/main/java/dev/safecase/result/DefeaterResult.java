package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/**
 * A defeater: what it attacks and how ({@code attack} is rebuts, undercuts or undermines; {@code relation} the X of
 * {@code undercuts C -> X}), how it is met, and its own argument. {@code role}: {@code doubt} (a defeater of the case
 * without an argument), {@code counter-argument} (one with an argument) or {@code challenge} (a defeater of the counter
 * side, which argues for the case).
 */
public record DefeaterResult(NodeInfo node, Status status, String attack, String target, List<String> eliminatedBy,
                             Optional<String> accepted, Optional<String> owner, Optional<String> relation,
                             List<String> supportedBy, String role) implements NodeResult {
    public DefeaterResult {
        eliminatedBy = List.copyOf(eliminatedBy);
        supportedBy = List.copyOf(supportedBy);
    }

    public DefeaterResult(NodeInfo node, Status status, String attack, String target, List<String> eliminatedBy,
                          Optional<String> accepted, Optional<String> owner) {
        this(node, status, attack, target, eliminatedBy, accepted, owner, Optional.empty(), List.of(), "doubt");
    }

}
