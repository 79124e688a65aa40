package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Arithmetic whose error has a known direction: exact comparisons of decimals with rationals,
 * products rounded down or up (so a result is a lower or an upper bound), exact and enclosed
 * binomial coefficients, and double logarithms that only ever serve as estimates.
 *
 * <p>Every operand here is positive, so rounding each step down (or up) gives a lower (or
 * upper) bound of the exact result; that is the whole of the interval arithmetic. An enclosure
 * of C(n, m) costs about min(m, n - m) word multiplications and no memory to speak of, where
 * the exact coefficient has about n log2(n) bits and takes minutes for n in the millions.
 */
final class Directed {
    private Directed() {
    }

    static final double LN2 = Math.log(2.0);
    static final double LN10 = Math.log(10.0);
    private static final double LOG10_2 = Math.log10(2.0);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    // ---- logs, for estimates only ---------------------------------------------------------------

    static double logOf(BigInteger x) {
        int shift = Math.max(0, x.bitLength() - 62);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * LN2;
    }

    static double logOf(Rational r) {
        return logOf(r.numerator()) - logOf(r.denominator());
    }

    /** log x for a decimal x > 0. */
    static double logOf(BigDecimal x) {
        return logOf(x.unscaledValue()) - x.scale() * LN10;
    }

    /** log(1 - e^x) for x < 0. */
    static double log1mexp(double x) {
        if (x >= 0) return Double.NEGATIVE_INFINITY;
        return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    // ---- decimals -------------------------------------------------------------------------------

    /** x^e with every product rounded in mc's direction: a bound in that direction for x > 0. */
    static BigDecimal powDirected(BigDecimal x, long e, MathContext mc) {
        BigDecimal result = BigDecimal.ONE;
        BigDecimal base = x.round(mc);
        while (e > 0) {
            if ((e & 1) != 0) result = result.multiply(base, mc);
            e >>= 1;
            if (e > 0) base = base.multiply(base, mc);
        }
        return result;
    }

    /** sign(x - r), exactly. */
    static int compare(BigDecimal x, Rational r) {
        int sx = x.signum();
        int sr = r.signum();
        if (sx != sr || sx == 0) return Integer.compare(sx, sr);
        if (sx > 0) {
            // Decide far-apart magnitudes without big powers of ten: x in [10^(e-1), 10^e) and
            // r in (2^(bn-bd-1), 2^(bn-bd+1)) with bn, bd the bit lengths of r's numerator and denominator.
            long e = magnitude(x);
            long bits = (long) r.numerator().bitLength() - r.denominator().bitLength();
            double rLo = (bits - 1) * LOG10_2;
            double rHi = (bits + 1) * LOG10_2;
            if (e + 1 < rLo) return -1;
            if (e - 2 > rHi) return 1;
        }
        BigInteger u = x.unscaledValue();
        int s = x.scale();
        BigInteger left;
        BigInteger right;
        if (s >= 0) {
            left = u.multiply(r.denominator());
            right = r.numerator().multiply(BigInteger.TEN.pow(s));
        } else {
            left = u.multiply(BigInteger.TEN.pow(-s)).multiply(r.denominator());
            right = r.numerator();
        }
        return left.compareTo(right);
    }

    /** e where 10^(e-1) <= |x| < 10^e. */
    static int magnitude(BigDecimal x) {
        return x.precision() - x.scale();
    }

    // ---- binomial coefficients ------------------------------------------------------------------

    /** Product of lo..hi (inclusive) by binary splitting; 1 when lo > hi. */
    static BigInteger product(long lo, long hi) {
        if (lo > hi) return BigInteger.ONE;
        if (hi - lo < 8) {
            BigInteger r = BigInteger.valueOf(lo);
            for (long i = lo + 1; i <= hi; i++) r = r.multiply(BigInteger.valueOf(i));
            return r;
        }
        long mid = (lo + hi) >>> 1;
        return product(lo, mid).multiply(product(mid + 1, hi));
    }

    /** The exact binomial coefficient C(n, m). */
    static BigInteger binomial(long n, long m) {
        if (m < 0 || m > n) return BigInteger.ZERO;
        long r = Math.min(m, n - m);
        return product(n - r + 1, n).divide(product(1, r));
    }

    /**
     * [lower, upper] bounds on C(n, m), each with {@code digits} significant digits, for
     * 0 <= m <= n < 2^31. The products are kept in binary with a mantissa cut (down) to a few
     * hundred bits; counting the cuts bounds what they lost.
     */
    static BigDecimal[] binomialBounds(long n, long m, int digits, Deadline deadline) {
        long r = Math.min(m, n - m);
        int bits = (int) ((digits + 25) * 3.33) + 64;
        Cut num = Cut.product(n - r + 1, n, bits, deadline);
        Cut den = Cut.product(1, r, bits, deadline);
        Cut lo = Cut.quotient(num, den.upper(), bits, false);
        Cut hi = Cut.quotient(num.upper(), den, bits, true);
        return new BigDecimal[] {lo.toDecimal(digits, false), hi.toDecimal(digits, true)};
    }

    /**
     * A positive binary number {@code m * 2^e} that is a lower bound of an exact value after
     * {@code cuts} truncations, each of which lost less than 2^(1 - bits) of the value.
     */
    private record Cut(BigInteger m, long e, long cuts, int bits) {

        static Cut product(long lo, long hi, int bits, Deadline deadline) {
            BigInteger m = BigInteger.ONE;
            long e = 0;
            long cuts = 0;
            long acc = 1;
            for (long i = lo; i <= hi; i++) {
                if ((i & 0xFFFF) == 0) deadline.check();
                if (acc > Long.MAX_VALUE / i) {
                    m = m.multiply(BigInteger.valueOf(acc));
                    acc = i;
                    int drop = m.bitLength() - bits;
                    if (drop > 256) {
                        if (m.getLowestSetBit() < drop) cuts++;
                        m = m.shiftRight(drop);
                        e += drop;
                    }
                } else {
                    acc *= i;
                }
            }
            m = m.multiply(BigInteger.valueOf(acc));
            return new Cut(m, e, cuts, bits);
        }

        /**
         * An upper bound: the value was at most m / (1 - eps)^cuts with eps = 2^(1 - bits), and
         * that is below m (1 + 4 cuts eps) while 2 cuts eps <= 1 (always, for cuts < 2^31).
         */
        Cut upper() {
            if (cuts == 0) return new Cut(m, e, 0, bits);
            BigInteger slack = m.multiply(BigInteger.valueOf(4 * cuts)).shiftRight(bits - 1).add(BigInteger.ONE);
            return new Cut(m.add(slack), e, 0, bits);
        }

        /** a / b rounded down (a lower bound when a is one and b an upper bound) or up. */
        static Cut quotient(Cut a, Cut b, int bits, boolean up) {
            int shift = Math.max(0, bits + b.m.bitLength() - a.m.bitLength());
            BigInteger[] qr = a.m.shiftLeft(shift).divideAndRemainder(b.m);
            BigInteger q = up && qr[1].signum() != 0 ? qr[0].add(BigInteger.ONE) : qr[0];
            return new Cut(q, a.e - b.e - shift, 0, bits);
        }

        /** m * 2^e as a decimal of {@code digits} significant digits, rounded down or up. */
        BigDecimal toDecimal(int digits, boolean up) {
            MathContext mc = new MathContext(digits, up ? RoundingMode.CEILING : RoundingMode.FLOOR);
            MathContext opposite = new MathContext(digits + 5, up ? RoundingMode.FLOOR : RoundingMode.CEILING);
            BigDecimal mantissa = new BigDecimal(m);
            if (e >= 0) return mantissa.multiply(powDirected(TWO, e, new MathContext(digits + 5, mc.getRoundingMode())), mc);
            return mantissa.divide(powDirected(TWO, -e, opposite), mc);
        }
    }
}
