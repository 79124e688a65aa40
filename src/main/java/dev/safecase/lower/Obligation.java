package dev.safecase.lower;

import dev.safecase.diag.Position;
import dev.safecase.formula.Term;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One proof obligation, solver-independent: named premises and a goal. How it is decided is
 * given by {@link Mode}; {@code evidence} lists the evidence its step rests on.
 */
public record Obligation(ObligationId id, Position pos, Mode mode, List<Premise> premises, Optional<Term> goal,
                         List<String> evidence, Optional<String> reason) {
    public Obligation {
        premises = List.copyOf(premises);
        evidence = List.copyOf(evidence);
    }

    public Kind kind() {
        return id.kind();
    }

    public String node() {
        return id.node();
    }

    /** Whether the solver decides it (the others are decided by structure, review or the evidence stage). */
    public boolean isSolved() {
        return mode == Mode.ENTAILMENT || mode == Mode.SATISFIABLE;
    }

    /** The same obligation with other premises and goal (checks derived from it, test mutants). */
    public Obligation with(List<Premise> newPremises, Optional<Term> newGoal) {
        return new Obligation(id, pos, mode, newPremises, newGoal, evidence, reason);
    }

    public enum Kind {
        SUPPORT, INFERENCE, EVIDENCE, VALIDITY, DEFEATER, CONSISTENCY;

        /** {@code support}, {@code inference}, …: the KIND of {@code KIND:NODE}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> fromLabel(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) return Optional.of(k);
            }
            return Optional.empty();
        }
    }

    public enum Mode {
        /** premises ⊨ goal, decided by the solver (vacuous if the premises clash). */
        ENTAILMENT,
        /** the premises are satisfiable together (the consistency check). */
        SATISFIABLE,
        /** a structural fact that holds: a {@code supported by} exists, or the evidence checked out. */
        STRUCTURAL,
        /** nothing supports it; {@code reason} says what is missing. */
        OPEN,
        /** accepted by review; {@code reason} says why. */
        ASSERTED,
        /** it rests on evidence that failed its validity check; {@code reason} says which and why. */
        INVALID
    }
}
