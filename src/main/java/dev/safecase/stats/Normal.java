package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The standard normal distribution, rigorously: interval enclosures of Phi(x) and a verified
 * enclosure [zLo, zHi] of its inverse, for the Wilson bound.
 *
 * <p><b>Method.</b> Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...), a series of positive
 * terms summed with directed rounding and a geometric bound on the rest; e^y by its Taylor
 * series with a tail bound; pi by Machin's formula. The quantile is found by Newton steps in
 * ordinary precision and then certified: zHi is accepted only when the lower end of the
 * enclosure of Phi(zHi) is at least conf, zLo only when the upper end of Phi(zLo) is at most
 * conf. Doubles only choose where to start.
 *
 * <p><b>Cost.</b> Grows with the digits asked for and with |z|: a few milliseconds at 40
 * digits for the usual confidence levels; a confidence within 10^-d of 0 or 1 works at about
 * d more digits, which the domain bounds ({@link Builtin}).
 */
final class Normal {
    private Normal() {
    }

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Rational HALF_R = Rational.of(1, 2);

    private static BigDecimal[] piCache;
    private static int piCachePrecision;

    /** [lo, hi] enclosing pi, each correct to about {@code digits} digits. */
    static synchronized BigDecimal[] pi(int digits) {
        if (piCache != null && piCachePrecision >= digits) return piCache;
        int scale = digits + 20;
        // Machin: pi = 16 atan(1/5) - 4 atan(1/239); each series is summed to a scale with an
        // error of at most (terms + 1) half-units of that scale plus the first omitted term.
        BigDecimal a5 = atanInverse(5, scale);
        BigDecimal a239 = atanInverse(239, scale);
        BigDecimal mid = a5.multiply(BigDecimal.valueOf(16)).subtract(a239.multiply(BigDecimal.valueOf(4)));
        BigDecimal err = BigDecimal.ONE.scaleByPowerOfTen(-(digits + 10));
        piCache = new BigDecimal[] {mid.subtract(err), mid.add(err)};
        piCachePrecision = digits;
        return piCache;
    }

    /** atan(1/m) to within (terms + 2) * 10^-scale (terms < 10^6 for any sane scale). */
    private static BigDecimal atanInverse(int m, int scale) {
        BigDecimal m2 = BigDecimal.valueOf((long) m * m);
        BigDecimal power = BigDecimal.ONE.divide(BigDecimal.valueOf(m), scale, RoundingMode.HALF_EVEN); // 1/m^(2j+1)
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.scaleByPowerOfTen(-scale);
        for (int jj = 0; ; jj++) {
            BigDecimal term = power.divide(BigDecimal.valueOf(2L * jj + 1), scale, RoundingMode.HALF_EVEN);
            if (term.compareTo(eps) < 0) break; // the omitted alternating tail is below eps
            sum = (jj % 2 == 0) ? sum.add(term) : sum.subtract(term);
            power = power.divide(m2, scale, RoundingMode.HALF_EVEN);
        }
        return sum;
    }

    /** [lo, hi] with lo^2 <= x and hi^2 >= x, x > 0, about mc digits. */
    private static BigDecimal[] sqrt(BigDecimal xLo, BigDecimal xHi, MathContext mc) {
        BigDecimal lo = xLo.sqrt(mc);
        BigDecimal u = lo.ulp();
        lo = lo.subtract(u);
        while (lo.multiply(lo).compareTo(xLo) > 0) lo = lo.subtract(u);
        BigDecimal hi = xHi.sqrt(mc);
        u = hi.ulp();
        hi = hi.add(u);
        while (hi.multiply(hi).compareTo(xHi) < 0) hi = hi.add(u);
        return new BigDecimal[] {lo, hi};
    }

    /** [lo, hi] enclosing e^y for y >= 0 (Taylor series with a geometric tail bound). */
    private static BigDecimal[] exp(BigDecimal y, int digits) {
        MathContext down = new MathContext(digits, RoundingMode.FLOOR);
        MathContext up = new MathContext(digits, RoundingMode.CEILING);
        BigDecimal tLo = BigDecimal.ONE;
        BigDecimal tHi = BigDecimal.ONE;
        BigDecimal sLo = BigDecimal.ONE;
        BigDecimal sHi = BigDecimal.ONE;
        if (y.signum() == 0) return new BigDecimal[] {sLo, sHi};
        for (long i = 1; ; i++) {
            // after term i-1: the rest is at most t(i-1) y / (i - y) once i > y
            BigDecimal iy = BigDecimal.valueOf(i).subtract(y);
            if (iy.signum() > 0 && Directed.magnitude(sLo) - Directed.magnitude(tHi) >= digits) {
                BigDecimal rest = tHi.multiply(y).divide(iy, up);
                if (Directed.magnitude(sLo) - Directed.magnitude(rest) >= digits + 1) {
                    sHi = sHi.add(rest, up);
                    break;
                }
            }
            BigDecimal bi = BigDecimal.valueOf(i);
            tLo = tLo.multiply(y).divide(bi, down);
            tHi = tHi.multiply(y).divide(bi, up);
            sLo = sLo.add(tLo, down);
            sHi = sHi.add(tHi, up);
        }
        return new BigDecimal[] {sLo, sHi};
    }

    /**
     * [lo, hi] enclosing Phi(x), via Phi(x) = 1/2 + phi(x) (x + x^3/3 + x^5/(3*5) + ...),
     * a series of positive terms for x > 0; Phi(-x) = 1 - Phi(x).
     */
    static BigDecimal[] cdf(BigDecimal x, int digits) {
        if (x.signum() == 0) return new BigDecimal[] {HALF, HALF};
        MathContext down = new MathContext(digits, RoundingMode.FLOOR);
        MathContext up = new MathContext(digits, RoundingMode.CEILING);
        BigDecimal ax = x.abs();
        BigDecimal x2 = ax.multiply(ax);
        BigDecimal[] e = exp(x2.multiply(HALF), digits);
        BigDecimal[] pi = pi(digits + 5);
        BigDecimal[] root = sqrt(pi[0].multiply(TWO), pi[1].multiply(TWO), new MathContext(digits + 5, RoundingMode.HALF_EVEN));
        BigDecimal phiLo = BigDecimal.ONE.divide(e[1].multiply(root[1], up), down);
        BigDecimal phiHi = BigDecimal.ONE.divide(e[0].multiply(root[0], down), up);
        // S = sum_j x^(2j+1) / (1*3*...*(2j+1)); term ratio x^2 / (2j+3) decreases.
        BigDecimal tLo = ax.round(down);
        BigDecimal tHi = ax.round(up);
        BigDecimal sLo = tLo;
        BigDecimal sHi = tHi;
        for (long jj = 0; ; jj++) {
            BigDecimal odd = BigDecimal.valueOf(2 * jj + 3);
            BigDecimal gap = odd.subtract(x2);
            if (gap.signum() > 0 && Directed.magnitude(sLo) - Directed.magnitude(tHi) >= digits) {
                BigDecimal rest = tHi.multiply(x2).divide(gap, up);
                if (Directed.magnitude(sLo) - Directed.magnitude(rest) >= digits + 1) {
                    sHi = sHi.add(rest, up);
                    break;
                }
            }
            tLo = tLo.multiply(x2).divide(odd, down);
            tHi = tHi.multiply(x2).divide(odd, up);
            sLo = sLo.add(tLo, down);
            sHi = sHi.add(tHi, up);
        }
        BigDecimal mLo = phiLo.multiply(sLo, down);
        BigDecimal mHi = phiHi.multiply(sHi, up);
        if (x.signum() > 0) return new BigDecimal[] {HALF.add(mLo, down), HALF.add(mHi, up)};
        return new BigDecimal[] {HALF.subtract(mHi, down), HALF.subtract(mLo, up)};
    }

    /** A double estimate of the normal quantile (Acklam's rational approximation). */
    static double quantileDouble(double prob) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
        double low = 0.02425;
        if (prob < low) {
            double q = Math.sqrt(-2 * Math.log(prob));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (prob > 1 - low) return -quantileDouble(1 - prob);
        double q = prob - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /**
     * [zLo, zHi] with Phi(zLo) <= conf <= Phi(zHi), verified by interval evaluation of Phi,
     * the width about 10^-digits relative; [0, 0] for conf = 1/2.
     */
    static BigDecimal[] quantileBounds(Rational conf, int digits) {
        String key = conf + "@" + digits;
        synchronized (QUANTILES) {
            BigDecimal[] cached = QUANTILES.get(key);
            if (cached != null) return cached;
        }
        BigDecimal[] bounds = computeQuantileBounds(conf, digits);
        synchronized (QUANTILES) {
            QUANTILES.put(key, bounds);
        }
        return bounds;
    }

    /** Recently used quantile enclosures (the same few confidence levels recur). */
    private static final java.util.Map<String, BigDecimal[]> QUANTILES =
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, BigDecimal[]> eldest) {
                    return size() > 64;
                }
            };

    private static BigDecimal[] computeQuantileBounds(Rational conf, int digits) {
        int cmpHalf = conf.compareTo(HALF_R);
        if (cmpHalf == 0) return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
        Rational tail = cmpHalf < 0 ? conf : Rational.ONE.subtract(conf);
        double logTail = Directed.logOf(tail);
        // Phi near 1 needs absolute accuracy well below the tail probability.
        int work = digits + 15 + (int) Math.ceil(-logTail / Directed.LN10);
        double tailD = Math.exp(logTail);
        double z0 = tailD > 0 ? -quantileDouble(tailD) : Math.sqrt(-2 * logTail);
        if (!Double.isFinite(z0)) z0 = 0;
        BigDecimal z = new BigDecimal(z0);
        if (cmpHalf < 0) z = z.negate();
        // Newton steps at high precision: z <- z - (Phi(z) - conf) / phi(z).
        MathContext mc = new MathContext(work, RoundingMode.HALF_EVEN);
        BigDecimal confD = conf.toBigDecimal(work + 5, RoundingMode.HALF_EVEN);
        for (int it = 0; it < 12; it++) {
            BigDecimal[] f = cdf(z, work);
            BigDecimal fMid = f[0].add(f[1]).multiply(HALF);
            BigDecimal dens = density(z, work);
            BigDecimal stepZ = fMid.subtract(confD).divide(dens, mc);
            // keep a wild step (from a poor start) from leaving the sensible range
            BigDecimal limit = BigDecimal.ONE;
            if (stepZ.abs().compareTo(limit) > 0) stepZ = stepZ.signum() > 0 ? limit : limit.negate();
            z = z.subtract(stepZ).round(mc);
            BigDecimal tol = BigDecimal.ONE.scaleByPowerOfTen(-(digits + 8)).multiply(z.abs().max(BigDecimal.ONE));
            if (stepZ.abs().compareTo(tol) < 0) break;
        }
        // a power of ten about 10^-digits relative to z, and z cut to a few more digits
        int zMagnitude = Math.max(Directed.magnitude(z.abs().max(BigDecimal.ONE)), 1);
        BigDecimal delta = BigDecimal.ONE.scaleByPowerOfTen(zMagnitude - digits);
        z = z.setScale(digits - zMagnitude + 5, RoundingMode.HALF_EVEN);
        BigDecimal zHi = certify(z, delta, conf, work, true);
        BigDecimal zLo = certify(z, delta, conf, work, false);
        return new BigDecimal[] {zLo, zHi};
    }

    /** z + delta' (or z - delta') with Phi verified >= conf (or <= conf), widening delta as needed. */
    private static BigDecimal certify(BigDecimal z, BigDecimal delta, Rational conf, int work, boolean upper) {
        int w = work;
        BigDecimal dd = delta;
        while (true) {
            BigDecimal cand = upper ? z.add(dd) : z.subtract(dd);
            BigDecimal[] f = cdf(cand, w);
            if (upper ? Directed.compare(f[0], conf) >= 0 : Directed.compare(f[1], conf) <= 0) return cand;
            boolean decidedWrong = upper ? Directed.compare(f[1], conf) < 0 : Directed.compare(f[0], conf) > 0;
            if (decidedWrong) dd = dd.multiply(BigDecimal.TEN);
            else w += 20;
        }
    }

    /** phi(z) = exp(-z^2/2) / sqrt(2 pi), a midpoint value (for Newton steps only). */
    private static BigDecimal density(BigDecimal z, int digits) {
        MathContext mc = new MathContext(digits, RoundingMode.HALF_EVEN);
        BigDecimal[] e = exp(z.multiply(z).multiply(HALF), digits);
        BigDecimal[] pi = pi(digits + 5);
        BigDecimal root = pi[0].multiply(TWO).sqrt(mc);
        return BigDecimal.ONE.divide(e[0].multiply(root), mc);
    }
}
