package dev.safecase.confidence;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An upper bound on the probability that a claim is false: a number in [0, 1] with the premises it sums over, or
 * unbounded with the reason. Exact; {@link #decimalUp} is for display and rounds up, so it stays a bound.
 */
public sealed interface Bound permits Bound.Finite, Bound.Unbounded {

    /** A premise of the sum and its doubt. */
    record Contribution(Source source, Rational doubt) {}

    /**
     * {@code value} = min(1, Σ doubts of {@code contributors}); contributors are listed largest doubt first (then in
     * source order), each once.
     */
    record Finite(Rational value, List<Contribution> contributors) implements Bound {
        public Finite {
            contributors = List.copyOf(contributors);
            if (value.signum() < 0 || value.compareTo(Rational.ONE) > 0) {
                throw new IllegalArgumentException("a bound is in [0, 1]: " + value);
            }
        }

        /** The uncapped sum of the contributors' doubts. */
        public Rational sum() {
            Rational s = Rational.ZERO;
            for (Contribution c : contributors) s = s.add(c.doubt());
            return s;
        }
    }

    /** No number can be given: the claim rests on something open, refuted, unknown, invalid, or without a doubt. */
    record Unbounded(String reason) implements Bound {}

    default boolean isFinite() {
        return this instanceof Finite;
    }

    /** The exact value as {@code p/q} or an integer, or {@code unbounded}. */
    default String exact() {
        return this instanceof Finite f ? f.value().toString() : "unbounded";
    }

    /** Significant digits of {@link #decimalUp}. */
    int DIGITS = 4;

    /** The value as a decimal rounded up to {@link #DIGITS} significant digits (exact when it has fewer), or unbounded. */
    default String decimalUp() {
        return this instanceof Finite f ? decimalUp(f.value()) : "unbounded";
    }

    static String decimalUp(Rational r) {
        if (r.signum() == 0) return "0";
        BigDecimal exact = new BigDecimal(r.numerator());
        // enough scale to see DIGITS significant digits of a value as small as 10^-k
        int magnitude = r.denominator().toString().length() - r.numerator().toString().length() + 1;
        int scale = Math.max(0, magnitude) + DIGITS;
        BigDecimal up = exact.divide(new BigDecimal(r.denominator()), scale, RoundingMode.UP);
        BigDecimal rounded = up.round(new java.math.MathContext(DIGITS, RoundingMode.UP));
        if (Rational.of(rounded).compareTo(r) < 0) throw new IllegalStateException("rounding went down: " + r);
        return rounded.stripTrailingZeros().toPlainString();
    }
}
