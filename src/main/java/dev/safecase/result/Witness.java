package dev.safecase.result;

import java.util.List;
import java.util.Optional;

/**
 * Why a counterexample refutes its obligation, for people: the symbols that matter (those of the goal and of the
 * premises connected to it through shared symbols, in the counterexample's order; the others cannot change whether
 * the goal fails), how many were left out, and the goal evaluated exactly in the counterexample, part by part.
 * Values are exact ({@code 1/40}, {@code true}, an enum member); reports choose how to show them.
 */
public record Witness(List<String> symbols, int hidden, List<Part> parts, Optional<Comparison> failed) {
    public static final Witness NONE = new Witness(List.of(), 0, List.of(), Optional.empty());

    public Witness {
        symbols = List.copyOf(symbols);
        parts = List.copyOf(parts);
    }

    /**
     * One evaluated piece of the goal: the goal itself at depth 0, its operands (a comparison's two sides, a
     * conjunction's conjuncts, a negation's operand) at depth 1, the sides of a failing conjunct at depth 2.
     * {@code value} is empty when the counterexample does not fix it.
     */
    public record Part(int depth, String expression, Optional<String> value) {}

    /**
     * The comparison that fails, with both sides' values and the relation that holds instead:
     * {@code total = 1/40 > budget = 1/50} for a goal {@code total <= budget}.
     */
    public record Comparison(String left, String leftValue, String holds, String right, String rightValue) {}
}
