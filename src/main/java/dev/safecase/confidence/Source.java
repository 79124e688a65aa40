package dev.safecase.confidence;

import dev.safecase.num.Rational;
import java.util.Locale;
import java.util.Optional;

/**
 * One premise whose failure the bound counts: an assumption, a claim or strategy accepted by review, evidence (as a
 * whole, when it states a doubt) or one of its facts, or an accepted defeater. {@code doubt} is the author's upper
 * bound on the probability that it fails, or the one a statistical built-in supplies ({@code derivation} says how);
 * empty when none is stated, and then whatever rests on it is unbounded.
 */
public record Source(String id, Kind kind, Optional<Rational> doubt, Optional<String> derivation) {

    /** What kind of premise; the label is how reports name it. */
    public enum Kind {
        ASSUMPTION, ASSERTED_CLAIM, ASSERTED_STRATEGY, EVIDENCE, FACT, ACCEPTED_DEFEATER;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    /** What it means for this premise to fail, in words (for reasons and reports). */
    public String failure() {
        return switch (kind) {
            case ASSUMPTION -> "assumption " + id + " is false";
            case ASSERTED_CLAIM -> "the review accepting claim " + id + " is wrong";
            case ASSERTED_STRATEGY -> "the review accepting strategy " + id + " is wrong";
            case EVIDENCE -> "a fact of evidence " + id + " is false";
            case FACT -> "fact " + id + " is false";
            case ACCEPTED_DEFEATER -> "accepted defeater " + id + " holds";
        };
    }
}
