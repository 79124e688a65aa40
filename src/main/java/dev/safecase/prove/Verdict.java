package dev.safecase.prove;

import dev.safecase.lower.Obligation;
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

    /**
     * A decided verdict (proved, refuted or vacuous) of {@code o}, with the reason that follows from
     * it: this is how the solver makes one and how the verdict cache rebuilds one, so both read alike.
     */
    public static Verdict decided(Obligation o, Answer answer, List<Premise> core, Map<String, String> counterexample,
                                  long nanos) {
        if (answer == Answer.UNKNOWN) throw new IllegalArgumentException("an unknown verdict has the solver's reason");
        Optional<String> reason = Optional.empty();
        if (answer == Answer.VACUOUS) {
            String names = String.join(", ", core.stream().map(Premise::name).toList());
            reason = Optional.of(o.mode() == Obligation.Mode.SATISFIABLE ? "these premises contradict each other: " + names
                    : "the premises contradict each other: " + names);
        }
        return new Verdict(answer, core, counterexample, reason, nanos / 1_000_000, nanos);
    }

    /** An unknown verdict with the solver's reason (as a shard's partial result carries it). */
    public static Verdict unknown(String reason, long nanos) {
        return new Verdict(Answer.UNKNOWN, List.of(), Map.of(), Optional.of(reason), nanos / 1_000_000, nanos);
    }

    Verdict timed(long nanos) {
        return new Verdict(answer, core, counterexample, reason, nanos / 1_000_000, nanos);
    }
}
