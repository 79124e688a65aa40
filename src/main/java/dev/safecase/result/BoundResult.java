package dev.safecase.result;

import java.util.List;

/**
 * A statistical bound as evaluated: built-in, arguments, value (rounded in the sound
 * direction), the evidence it came from and its confidence (rule_of_three: 95/100).
 */
public record BoundResult(String evidence, String function, List<String> args, String value, String confidence) {
    public BoundResult {
        args = List.copyOf(args);
    }
}
