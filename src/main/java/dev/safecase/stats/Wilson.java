package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The one-sided Wilson score upper bound
 * {@code (p + z^2/(2n) + z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)} with {@code p = k/n} and
 * {@code z} the standard normal {@code conf} quantile, rounded <b>up</b> to 12 significant
 * digits — the closed-form alternative to Clopper-Pearson, tighter but not guaranteed to cover.
 *
 * <p><b>Method and error direction.</b> The bound is increasing in {@code z}; {@code z} is
 * enclosed in a verified interval ({@link Normal#quantileBounds}), and the grid search tests
 * "c is at or above the bound at zHi" exactly, as the sign of a quadratic in c (no square
 * root). So the result is never below the true Wilson value. When the grid point below the
 * result already lies below the bound at zLo, the result is the exact ceiling; otherwise the
 * enclosure of z is narrowed (up to four rounds). For {@code conf < 1/2} the value is below
 * {@code k/n}, as the formula says.
 *
 * <p><b>Cost.</b> A few milliseconds, independent of n (the quantile is cached per confidence).
 */
final class Wilson {
    private Wilson() {
    }

    private static final Rational HALF = Rational.of(1, 2);

    /** The upper bound; arguments inside the domain. */
    static Rational upper(BigInteger k, BigInteger n, Rational conf) {
        if (k.equals(n) && conf.compareTo(HALF) >= 0) return Rational.ONE; // z >= 0: the formula gives 1
        Rational kr = Rational.of(k);
        Rational nr = Rational.of(n);
        int precision = 40;
        BigDecimal result = null;
        for (int round = 0; round < 4; round++, precision *= 2) {
            BigDecimal[] z = Normal.quantileBounds(conf, precision);
            Rational zHi = Rational.of(z[1]);
            Rational zLo = Rational.of(z[0]);
            double estimate = estimate(k.doubleValue(), n.doubleValue(), z[1].doubleValue());
            if (above(BigDecimal.ZERO, kr, nr, zHi)) return Rational.ZERO;
            result = Grid.boundary(estimate, true, c -> above(c, kr, nr, zHi))[1];
            // The value at the true z lies between the values at zLo and zHi: when the grid point
            // below the result is already below the value at zLo, the result is the exact ceiling.
            BigDecimal below = Grid.previous(result);
            if (below.signum() <= 0 || !above(below, kr, nr, zLo)) break;
        }
        return Rational.of(result);
    }

    private static double estimate(double k, double n, double z) {
        double p = k / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return (centre + spread) / (1 + z2 / n);
    }

    /**
     * Whether c is at or above the Wilson bound at z, decided exactly: the bound is the upper root
     * (z >= 0) or the lower root (z < 0) of Q(c) = (n c - k)^2 - n z^2 c (1 - c), a convex
     * quadratic with its vertex at v = (2k + z^2) / (2 (n + z^2)).
     */
    private static boolean above(BigDecimal cd, Rational k, Rational n, Rational z) {
        // c = cn / cq and z = zn / zq; both sides are multiplied by positive cq^2 zq^2 (or cq zq^2).
        BigInteger cn = cd.unscaledValue();
        BigInteger cq = BigInteger.ONE;
        if (cd.scale() > 0) cq = BigInteger.TEN.pow(cd.scale());
        else cn = cn.multiply(BigInteger.TEN.pow(-cd.scale()));
        BigInteger kk = k.numerator();
        BigInteger nn = n.numerator();
        BigInteger zn2 = z.numerator().multiply(z.numerator());
        BigInteger zq2 = z.denominator().multiply(z.denominator());
        BigInteger lin = nn.multiply(cn).subtract(kk.multiply(cq)); // (n c - k) cq
        BigInteger quad = lin.multiply(lin).multiply(zq2)
                .subtract(nn.multiply(zn2).multiply(cn).multiply(cq.subtract(cn))); // Q(c) cq^2 zq^2
        // c >= (2k + z^2) / (2 (n + z^2))  <=>  2 cn (n zq^2 + zn^2) >= cq (2 k zq^2 + zn^2)
        BigInteger left = cn.shiftLeft(1).multiply(nn.multiply(zq2).add(zn2));
        BigInteger right = cq.multiply(kk.shiftLeft(1).multiply(zq2).add(zn2));
        boolean pastVertex = left.compareTo(right) >= 0;
        if (z.signum() >= 0) return pastVertex && quad.signum() >= 0;
        return pastVertex || quad.signum() <= 0;
    }
}
