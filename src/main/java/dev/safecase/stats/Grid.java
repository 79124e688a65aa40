package dev.safecase.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Predicate;

/**
 * Sound rounding: the grid of decimals with at most 12 significant digits on which every
 * rounded bound is defined, and the search for the grid step where a monotone test flips.
 *
 * <p>A bound is never computed as a number and then rounded: it is <em>defined</em> as a grid
 * point (the smallest one that passes, for an upper bound), and {@link #boundary} finds it by
 * testing grid points only. So the direction of the rounding is the direction of the test, and
 * the result is as good as the test is exact. Cost: about 2 log2(distance from the estimate in
 * grid steps) + 2 tests; a double estimate usually lands within a few steps.
 */
final class Grid {
    private Grid() {
    }

    /** Significant digits of every rounded result. */
    static final int DIGITS = 12;

    private static final MathContext UP12 = new MathContext(DIGITS, RoundingMode.CEILING);
    private static final MathContext DOWN12 = new MathContext(DIGITS, RoundingMode.FLOOR);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TINY = new BigDecimal("1e-300");

    /** 10^(e-11) where x = d.ddd... x 10^e: one unit in the 12th significant digit of x > 0. */
    static BigDecimal ulp12(BigDecimal x) {
        int exponent = x.precision() - x.scale() - 1;
        return BigDecimal.ONE.scaleByPowerOfTen(exponent - (DIGITS - 1));
    }

    /** The smallest grid point above grid point {@code x > 0}. */
    static BigDecimal next(BigDecimal x) {
        return x.add(ulp12(x));
    }

    /** The largest grid point below grid point {@code x > 0}. */
    static BigDecimal previous(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        BigDecimal u = ulp12(s);
        if (s.unscaledValue().equals(BigInteger.ONE)) u = u.movePointLeft(1); // a power of ten
        return x.subtract(u);
    }

    static BigDecimal ceil12(BigDecimal x) {
        return x.round(UP12);
    }

    static BigDecimal floor12(BigDecimal x) {
        return x.round(DOWN12);
    }

    /**
     * Finds adjacent grid points {@code lo < hi} in [0, 1] with {@code above(lo)} false and
     * {@code above(hi)} true, for a predicate that is monotone (false, then true) on [0, 1], false
     * at 0 and true at 1 (0 and 1 are not tested). The search starts next to {@code estimate}.
     * When the test cannot decide some points and counts them on the side that keeps the
     * caller's end sound ({@code hi} for an upper bound, {@code lo} for a lower one), that end is
     * still certified; only tightness then rests on monotonicity.
     */
    static BigDecimal[] boundary(double estimate, boolean estimateFromAbove, Predicate<BigDecimal> above) {
        BigDecimal c0;
        if (!(estimate > 0)) c0 = TINY;
        else if (!(estimate < 1)) c0 = HALF;
        else {
            BigDecimal e = new BigDecimal(estimate);
            c0 = estimateFromAbove ? ceil12(e) : floor12(e);
            if (c0.signum() <= 0) c0 = TINY;
            if (c0.compareTo(BigDecimal.ONE) >= 0) c0 = previous(BigDecimal.ONE);
        }
        c0 = c0.stripTrailingZeros();
        BigDecimal lo;
        BigDecimal hi;
        BigDecimal step = ulp12(c0);
        if (above.test(c0)) {
            hi = c0;
            while (true) {
                BigDecimal c = hi.subtract(step);
                if (c.signum() <= 0) {
                    lo = BigDecimal.ZERO;
                    break;
                }
                c = floor12(c);
                if (above.test(c)) {
                    hi = c;
                    step = step.add(step);
                } else {
                    lo = c;
                    break;
                }
            }
        } else {
            lo = c0;
            while (true) {
                BigDecimal c = lo.add(step);
                if (c.compareTo(BigDecimal.ONE) >= 0) {
                    hi = BigDecimal.ONE;
                    break;
                }
                c = floor12(c);
                if (!above.test(c)) {
                    lo = c;
                    step = step.add(step);
                } else {
                    hi = c;
                    break;
                }
            }
        }
        while (lo.signum() == 0 || next(lo).compareTo(hi) < 0) {
            BigDecimal mid = middle(lo, hi);
            if (above.test(mid)) hi = mid;
            else lo = mid;
        }
        return new BigDecimal[] {lo, hi};
    }

    /** A grid point strictly between grid points {@code lo < hi} (which are not adjacent). */
    private static BigDecimal middle(BigDecimal lo, BigDecimal hi) {
        if (lo.signum() == 0) {
            BigDecimal m = floor12(hi.movePointLeft(3));
            if (m.signum() > 0 && m.compareTo(hi) < 0) return m;
        } else {
            double l = lo.doubleValue();
            double h = hi.doubleValue();
            if (l > 0 && Double.isFinite(h) && h > 4 * l) {
                double g = Math.sqrt(l) * Math.sqrt(h);
                if (g > 0 && Double.isFinite(g)) {
                    BigDecimal m = floor12(new BigDecimal(g));
                    if (m.compareTo(lo) > 0 && m.compareTo(hi) < 0) return m;
                }
            }
        }
        BigDecimal m = floor12(lo.add(hi).multiply(HALF));
        if (m.compareTo(lo) <= 0) m = next(lo);
        return m;
    }
}
