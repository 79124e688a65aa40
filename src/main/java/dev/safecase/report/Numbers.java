package dev.safecase.report;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Exact values for people: a decimal where the value has one ({@code 1/40} as {@code 0.025}), in scientific form
 * when the plain decimal would be long ({@code 1.09000000303e-8}, still exact), else the fraction with a rounded
 * decimal beside it ({@code 1/3 ≈ 0.333333}). The exact fraction is always kept, to be shown on demand.
 */
final class Numbers {
    private Numbers() {
    }

    /** A value as shown ({@code text}), its exact form ({@code exact}, the fraction) and whether they differ. */
    record Shown(String text, String exact, boolean rounded) {
        /** Whether the exact form says more than the text (a fraction behind a decimal or a rounding). */
        boolean hasExact() {
            return !exact.equals(text);
        }
    }

    private static final int PLAIN_LIMIT = 14;

    /** Any value of a counterexample: numbers as above; {@code true}, {@code false}, enum members as they are. */
    static Shown show(String value) {
        Optional<Rational> r = parse(value);
        if (r.isEmpty()) return new Shown(value, value, false);
        return show(r.get());
    }

    static Shown show(Rational r) {
        String exact = r.toString();
        if (r.isInteger()) {
            String digits = r.numerator().abs().toString();
            if (digits.length() <= 15) return new Shown(exact, exact, false);
            return new Shown(scientific(new BigDecimal(r.numerator())), exact, false);
        }
        Optional<BigDecimal> d = terminating(r);
        if (d.isPresent()) {
            String plain = d.get().toPlainString();
            if (plain.length() <= PLAIN_LIMIT + (r.signum() < 0 ? 1 : 0)) return new Shown(plain, exact, false);
            return new Shown(scientific(d.get()), exact, false);
        }
        BigDecimal approx = r.toBigDecimal(40, RoundingMode.HALF_EVEN).round(new MathContext(6, RoundingMode.HALF_EVEN));
        String a = approx.abs().compareTo(new BigDecimal("0.0001")) < 0 || approx.abs().compareTo(new BigDecimal("1e9")) >= 0
                ? scientific(approx) : approx.stripTrailingZeros().toPlainString();
        return new Shown("\u2248 " + a, exact, true);
    }

    /** {@code p/q} or an integer, as the prover writes them; anything else is not a number. */
    static Optional<Rational> parse(String value) {
        if (!value.matches("-?[0-9]{1,4000}(/[0-9]{1,4000})?")) return Optional.empty();
        try {
            return Optional.of(Rational.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The exact decimal of a fraction whose denominator has no prime factors but 2 and 5 (and few digits). */
    private static Optional<BigDecimal> terminating(Rational r) {
        BigInteger d = r.denominator();
        int twos = d.getLowestSetBit();
        d = d.shiftRight(twos);
        int fives = 0;
        BigInteger five = BigInteger.valueOf(5);
        while (d.mod(five).signum() == 0 && fives <= 60) {
            d = d.divide(five);
            fives++;
        }
        int scale = Math.max(twos, fives);
        if (!d.equals(BigInteger.ONE) || scale > 60) return Optional.empty();
        return Optional.of(r.toBigDecimal(scale, RoundingMode.UNNECESSARY).stripTrailingZeros());
    }

    /** {@code 1.09000000303e-8}: every digit of {@code v} kept, written with a power of ten. */
    private static String scientific(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        int exponent = s.precision() - s.scale() - 1;
        BigDecimal mantissa = s.movePointLeft(exponent);
        return mantissa.toPlainString() + "e" + exponent;
    }
}
