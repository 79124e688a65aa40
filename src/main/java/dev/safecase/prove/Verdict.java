package dev.safecase.prove;

import dev.safecase.lower.Premise;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the solver decided for one obligation. {@code core} lists premises (from the unsat core
 * of a proof, or of clashing premises), in premise order; {@code counterexample} maps every
 * symbol of the obligation to its exact value.
 */
public record Verdict(Answer answer, List<Premise> core, Map<String, String> counterexample, Optional<String> reason,
                      long millis, long nanos) {
    public Verdict {
        core = List.copyOf(core);
        // insertion order (the obligation's symbol order), never a hash order that varies between runs
        counterexample = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counterexample));
    }

    /** The solver's answer; the judge maps it to a status. */
    public enum Answer {
        /** the premises are satisfiable and entail the goal (for a consistency check: satisfiable) */
        PROVED,
        /** a model of the premises and the negated goal: the counterexample */
        REFUTED,
        /** the premises contradict each other */
        VACUOUS,
        /** the solver gave up; {@code reason} says why */
        UNKNOWN
    }

    static Verdict of(Answer answer, List<Premise> core, Map<String, String> counterexample, Optional<String> reason) {
        return new Verdict(answer, core, counterexample, reason, 0, 0);
    }

    Verdict timed(long nanos) {
        return new Verdict(answer, core, counterexample, reason, nanos / 1_000_000, nanos);
    }
}
