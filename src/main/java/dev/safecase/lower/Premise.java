package dev.safecase.lower;

import dev.safecase.formula.Term;

/**
 * A named premise of an obligation: what it is (the range of a quantity, an assumption in scope,
 * a claim the step rests on, a fact of evidence, an asserted claim's formula) and its formula.
 * {@link #name()} is how people see it in reports, cores and SMT-LIB comments.
 */
public sealed interface Premise
        permits Premise.Range, Premise.Assumption, Premise.Subclaim, Premise.Eliminator, Premise.Fact,
                Premise.AssertedClaim {

    Term formula();

    /** {@code range:q}, the assumption's or claim's ID, or {@code E#i} for the i-th fact of evidence E. */
    String name();

    /** The same premise with another formula (the evidence stage grounds facts; tests mutate them). */
    Premise withFormula(Term formula);

    /** Whether it comes from the support of the step (a listed claim or an evidence fact), not from Γ. */
    default boolean isSupport() {
        return this instanceof Subclaim || this instanceof Fact;
    }

    /** The declared range of a quantity: {@code lo <= q <= hi}. */
    record Range(String quantity, Term formula) implements Premise {
        public String name() { return "range:" + quantity; }

        public Range withFormula(Term f) { return new Range(quantity, f); }
    }

    /** An assumption in scope at the node (Γ), or any assumption in use for consistency. */
    record Assumption(String id, Term formula) implements Premise {
        public String name() { return id; }

        public Assumption withFormula(Term f) { return new Assumption(id, f); }
    }

    /** A claim that the step lists as support (a strategy's subclaim, a claim in a direct list). */
    record Subclaim(String id, Term formula) implements Premise {
        public String name() { return id; }

        public Subclaim withFormula(Term f) { return new Subclaim(id, f); }
    }

    /** A claim in a defeater's {@code eliminated by}. */
    record Eliminator(String id, Term formula) implements Premise {
        public String name() { return id; }

        public Eliminator withFormula(Term f) { return new Eliminator(id, f); }
    }

    /** The {@code index}-th (1-based) {@code gives} fact of valid evidence. */
    record Fact(String evidence, int index, Term formula) implements Premise {
        public String name() { return evidence + "#" + index; }

        public Fact withFormula(Term f) { return new Fact(evidence, index, f); }
    }

    /** The formula of a claim accepted by review ({@code asserted}), in the consistency check. */
    record AssertedClaim(String id, Term formula) implements Premise {
        public String name() { return id; }

        public AssertedClaim withFormula(Term f) { return new AssertedClaim(id, f); }
    }
}
