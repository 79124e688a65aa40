package dev.safecase.interop.gsn2x;

import java.util.Arrays;
import java.util.Optional;

/** gsn2x's element types, with the ID prefixes it infers them from. */
public enum GsnType {
    Goal, Strategy, Solution, Justification, Context, Assumption, CounterGoal, CounterSolution;

    /** The type gsn2x reads from an ID's start when no {@code nodeType} is given (CG before G, CSn and Sn before S). */
    public static Optional<GsnType> fromPrefix(String id) {
        if (id.startsWith("CG")) return Optional.of(CounterGoal);
        if (id.startsWith("G")) return Optional.of(Goal);
        if (id.startsWith("CSn")) return Optional.of(CounterSolution);
        if (id.startsWith("Sn")) return Optional.of(Solution);
        if (id.startsWith("S")) return Optional.of(Strategy);
        if (id.startsWith("C")) return Optional.of(Context);
        if (id.startsWith("A")) return Optional.of(Assumption);
        if (id.startsWith("J")) return Optional.of(Justification);
        return Optional.empty();
    }

    /** A {@code nodeType} value as gsn2x spells it. */
    public static Optional<GsnType> parse(String nodeType) {
        return Arrays.stream(values()).filter(t -> t.name().equals(nodeType)).findFirst();
    }

    public boolean isCounter() {
        return this == CounterGoal || this == CounterSolution;
    }
}
