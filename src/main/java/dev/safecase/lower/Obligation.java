package dev.safecase.lower;

import dev.safecase.formula.Term;
import dev.safecase.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * One proof obligation, solver-independent: named premises and a goal. {@code id} is
 * {@code KIND:NODE}. How it is decided is given by {@link Mode}.
 */
public record Obligation(String id, Kind kind, String node, Position pos, Mode mode, List<Premise> premises,
                         Optional<Term> goal, List<String> evidence, Optional<String> reason) {
    public Obligation {
        premises = List.copyOf(premises);
        evidence = List.copyOf(evidence);
    }

    public enum Kind {
        SUPPORT, INFERENCE, EVIDENCE, VALIDITY, DEFEATER, CONSISTENCY;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Mode {
        /** premises ⊨ goal, decided by the solver (vacuous if the premises clash). */
        ENTAILMENT,
        /** the premises are satisfiable together (the consistency check). */
        SATISFIABLE,
        /** a structural fact that holds: a {@code supported by} exists. */
        STRUCTURAL,
        /** nothing supports it; {@code reason} says what is missing. */
        OPEN,
        /** accepted by review; {@code reason} says why. */
        ASSERTED,
        /** decided by the evidence stage (validity), or listing invalid evidence. */
        INVALID
    }

    /** A named premise: an assumption ID, a subclaim ID, {@code E#i} for a fact, {@code range:q}. */
    public record Premise(String name, Term formula) {}
}
