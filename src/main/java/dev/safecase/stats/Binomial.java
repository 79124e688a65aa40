package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The binomial tail P(X <= j) for X ~ Binomial(n, p), with j fixed and p varying, compared
 * with a target: the machinery behind both Clopper-Pearson bounds (the Beta quantiles they are
 * equal to are never computed).
 *
 * <p><b>Method.</b> The tail on the side of j away from the mode is a sum of terms that shrink
 * geometrically, so it is summed from its largest term outwards in interval arithmetic
 * ({@link BigDecimal}, every step rounded down for the lower bound and up for the upper), and
 * cut off after O(sqrt(n)) terms with a proven bound on the rest. The comparison is decided
 * when the interval lies on one side of the target; otherwise the precision is raised
 * ({@link #PRECISIONS}).
 *
 * <p><b>Small n</b> ({@code n <= } {@link #EXACT_N}): the coefficients C(n, j) are exact, and a
 * comparison still undecided at 120 digits is made in exact integer arithmetic, so every
 * answer is exact.
 *
 * <p><b>Large n</b>: the coefficients are enclosed ({@link Directed#binomialBounds}, about
 * min(j, n - j) word multiplications instead of an exact coefficient of n log2(n) bits), and
 * exact arithmetic is out of reach (p^n has billions of digits). A comparison undecided at 120
 * digits — the tail within about 10^-115 of the target, in practice an exact tie — is answered
 * with the caller's safe side ({@code ifUndecided}), so a bound moves outwards by at most the
 * grid points that close to the target, and is never less sound.
 *
 * <p><b>Cost</b>: an enclosure of C(n, j) in O(min(j, n - j)); each comparison O(min(j, n - j,
 * 13 sqrt(n p (1 - p)))) operations on 35-digit decimals (about 50 ms for n = 10^7,
 * j = n / 2); memory stays small. The double estimate that starts the search costs about 64 times
 * a double evaluation of the same sum.
 */
final class Binomial {
    /** Up to this n the coefficients are exact and an undecided comparison is made exactly. */
    static final long EXACT_N = 10_000;

    /** Working precisions (decimal digits) of the interval evaluation. */
    private static final int[] PRECISIONS = {30, 60, 120};

    final long n;
    final long j;
    private final Deadline deadline;
    private final BigInteger nPlus1;
    /** C(n, j) exactly, for small n only. */
    private final BigInteger cj;
    private final double logCj;
    private final double logCj1;
    /** Coefficient bounds per working precision: [precision index][0 = floor, 1 = ceiling][j or j+1]. */
    private final BigDecimal[][][] rounded = new BigDecimal[PRECISIONS.length][][];

    Binomial(long n, long j, Deadline deadline) {
        this.n = n;
        this.j = j;
        this.deadline = deadline;
        this.nPlus1 = BigInteger.valueOf(n + 1);
        if (n <= EXACT_N) {
            this.cj = Directed.binomial(n, j);
            BigInteger cj1 = cj.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
            this.logCj = Directed.logOf(cj);
            this.logCj1 = Directed.logOf(cj1);
        } else {
            this.cj = null;
            BigDecimal[][] c = coefficients(0);
            this.logCj = Directed.logOf(c[0][0]);
            this.logCj1 = Directed.logOf(c[0][1]);
        }
    }

    private BigDecimal[][] coefficients(int pi) {
        if (rounded[pi] != null) return rounded[pi];
        int prec = PRECISIONS[pi] + 5;
        MathContext f = new MathContext(prec, RoundingMode.FLOOR);
        MathContext c = new MathContext(prec, RoundingMode.CEILING);
        BigDecimal lo;
        BigDecimal hi;
        BigDecimal lo1;
        BigDecimal hi1;
        if (cj != null) {
            BigInteger cj1 = cj.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
            lo = new BigDecimal(cj).round(f);
            hi = new BigDecimal(cj).round(c);
            lo1 = new BigDecimal(cj1).round(f);
            hi1 = new BigDecimal(cj1).round(c);
        } else {
            BigDecimal[] b = Directed.binomialBounds(n, j, prec + 5, deadline);
            // C(n, j + 1) = C(n, j) (n - j) / (j + 1)
            BigDecimal up = BigDecimal.valueOf(n - j);
            BigDecimal down = BigDecimal.valueOf(j + 1);
            lo = b[0].round(f);
            hi = b[1].round(c);
            lo1 = b[0].multiply(up).divide(down, f);
            hi1 = b[1].multiply(up).divide(down, c);
        }
        rounded[pi] = new BigDecimal[][] {{lo, lo1}, {hi, hi1}};
        return rounded[pi];
    }

    private BigDecimal coefficient(int pi, boolean upward, boolean next) {
        return coefficients(pi)[upward ? 1 : 0][next ? 1 : 0];
    }

    /**
     * sign(P(X <= j | n, p) - target) for a decimal 0 <= p <= 1: exact for small n; for large n
     * {@code ifUndecided} when the enclosure cannot tell at the highest precision.
     */
    int compareCdf(BigDecimal p, Rational target, int ifUndecided) {
        if (p.signum() == 0) return Rational.ONE.compareTo(target);
        if (p.compareTo(BigDecimal.ONE) == 0) return Rational.ZERO.compareTo(target);
        Rational complement = Rational.ONE.subtract(target);
        boolean preferUpperTail = complement.compareTo(target) < 0;
        for (int pi = 0; pi < PRECISIONS.length; pi++) {
            BigDecimal[] f;
            try {
                f = tailBounds(p, pi, preferUpperTail);
            } catch (ArithmeticException ex) {
                continue; // a term beyond BigDecimal's exponent range: not decided at this precision
            }
            if (f[2] == null) { // bounds on P(X <= j)
                if (Directed.compare(f[1], target) < 0) return -1;
                if (Directed.compare(f[0], target) > 0) return 1;
            } else { // bounds on P(X > j) = 1 - P(X <= j), compared with 1 - target
                if (Directed.compare(f[1], complement) < 0) return 1;
                if (Directed.compare(f[0], complement) > 0) return -1;
            }
        }
        return cj != null ? compareCdfExactly(p, target) : ifUndecided;
    }

    /**
     * Bounds on the tail of X ~ Binomial(n, p) on the side of j away from the mode, for
     * 0 < p < 1, at working precision PRECISIONS[pi]: {lower, upper, null} bounding
     * P(X <= j), or {lower, upper, ONE} bounding P(X > j). Comparing that tail (rather than
     * 1 minus it) keeps the precision relative when the tail is tiny. When (n+1)p lies in
     * [j, j+2) both tails are summed away from the mode; then {@code preferUpperTail} picks.
     */
    private BigDecimal[] tailBounds(BigDecimal p, int pi, boolean preferUpperTail) {
        int prec = PRECISIONS[pi];
        MathContext down = new MathContext(prec + 5, RoundingMode.FLOOR);
        MathContext up = new MathContext(prec + 5, RoundingMode.CEILING);
        BigDecimal q = BigDecimal.ONE.subtract(p);
        int s = Math.max(p.scale(), 0);
        BigInteger a = p.movePointRight(s).toBigIntegerExact(); // p = a / D
        BigInteger d = BigInteger.TEN.pow(s);
        BigInteger b = d.subtract(a); // 1 - p = b / D
        BigInteger aN1 = a.multiply(nPlus1); // (n + 1) p D
        // terms 0..j increase when j <= (n+1) p; terms j+1..n decrease when j + 2 > (n+1) p
        boolean lowerValid = BigInteger.valueOf(j).multiply(d).compareTo(aN1) <= 0;
        boolean upperValid = BigInteger.valueOf(j + 2).multiply(d).compareTo(aN1) > 0;
        boolean lowerSide = lowerValid && !(preferUpperTail && upperValid);
        long m = lowerSide ? j : j + 1; // the first term, at the edge of the tail away from the mode
        BigDecimal tLo = coefficient(pi, false, !lowerSide)
                .multiply(Directed.powDirected(p, m, down), down).multiply(Directed.powDirected(q, n - m, down), down);
        BigDecimal tHi = coefficient(pi, true, !lowerSide)
                .multiply(Directed.powDirected(p, m, up), up).multiply(Directed.powDirected(q, n - m, up), up);
        BigDecimal sLo = tLo;
        BigDecimal sHi = tHi;
        if (lowerSide) {
            // terms j, j-1, ..., 0 decrease away from the mode: t(i-1) = t(i) * i b / ((n-i+1) a)
            for (long i = m; i >= 1; i--) {
                if ((i & 0x3FF) == 0) deadline.check();
                BigDecimal num = new BigDecimal(b.multiply(BigInteger.valueOf(i)));
                if (Directed.magnitude(sLo) - Directed.magnitude(tHi) >= prec) {
                    // the rest is at most t(i) r / (1 - r) with r = i b / ((n-i+1) a), the largest ratio left
                    BigInteger den = aN1.subtract(d.multiply(BigInteger.valueOf(i)));
                    if (den.signum() > 0) {
                        BigDecimal rest = tHi.multiply(num).divide(new BigDecimal(den), up);
                        if (Directed.magnitude(sLo) - Directed.magnitude(rest) >= prec + 1) {
                            sHi = sHi.add(rest, up);
                            break;
                        }
                    }
                }
                BigDecimal den = new BigDecimal(a.multiply(BigInteger.valueOf(n - i + 1)));
                tLo = tLo.multiply(num).divide(den, down);
                tHi = tHi.multiply(num).divide(den, up);
                sLo = sLo.add(tLo, down);
                sHi = sHi.add(tHi, up);
            }
            return new BigDecimal[] {sLo, sHi, null};
        }
        // terms j+1, j+2, ..., n decrease away from the mode: t(i+1) = t(i) (n-i) a / ((i+1) b)
        for (long i = m; i < n; i++) {
            if ((i & 0x3FF) == 0) deadline.check();
            BigDecimal num = new BigDecimal(a.multiply(BigInteger.valueOf(n - i)));
            if (Directed.magnitude(sLo) - Directed.magnitude(tHi) >= prec) {
                // the rest is at most t(i) r / (1 - r) with r = (n-i) a / ((i+1) b)
                BigInteger den = d.multiply(BigInteger.valueOf(i + 1)).subtract(aN1);
                if (den.signum() > 0) {
                    BigDecimal rest = tHi.multiply(num).divide(new BigDecimal(den), up);
                    if (Directed.magnitude(sLo) - Directed.magnitude(rest) >= prec + 1) {
                        sHi = sHi.add(rest, up);
                        break;
                    }
                }
            }
            BigDecimal den = new BigDecimal(b.multiply(BigInteger.valueOf(i + 1)));
            tLo = tLo.multiply(num).divide(den, down);
            tHi = tHi.multiply(num).divide(den, up);
            sLo = sLo.add(tLo, down);
            sHi = sHi.add(tHi, up);
        }
        return new BigDecimal[] {sLo, sHi, BigDecimal.ONE};
    }

    /** The exact comparison in integers, summing the tail with fewer terms (Horner in a and b). */
    private int compareCdfExactly(BigDecimal p, Rational target) {
        int s = Math.max(p.scale(), 0);
        BigInteger a = p.movePointRight(s).toBigIntegerExact();
        BigInteger d = BigInteger.TEN.pow(s);
        BigInteger b = d.subtract(a);
        BigInteger dn = d.pow(Math.toIntExact(n));
        BigInteger cdfTimesDn; // P(X <= j) * D^n, exactly
        if (j + 1 <= n - j) {
            // sum_{i<=j} C(n,i) a^i b^(n-i) = b^(n-j) * sum_{i<=j} C(n,i) a^i b^(j-i)
            BigInteger c = cj;
            BigInteger acc = c;
            BigInteger bPow = BigInteger.ONE;
            for (long i = j - 1; i >= 0; i--) {
                if ((i & 0xFF) == 0) deadline.check();
                c = c.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n - i));
                bPow = bPow.multiply(b);
                acc = acc.multiply(a).add(c.multiply(bPow));
            }
            cdfTimesDn = acc.multiply(b.pow(Math.toIntExact(n - j)));
        } else {
            // sum_{i>j} C(n,i) a^i b^(n-i) = a^(j+1) * sum_{i>j} C(n,i) a^(i-j-1) b^(n-i)
            BigInteger c = BigInteger.ONE; // C(n, n)
            BigInteger acc = c;
            BigInteger bPow = BigInteger.ONE;
            for (long i = n - 1; i > j; i--) {
                if ((i & 0xFF) == 0) deadline.check();
                c = c.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n - i));
                bPow = bPow.multiply(b);
                acc = acc.multiply(a).add(c.multiply(bPow));
            }
            cdfTimesDn = dn.subtract(acc.multiply(a.pow(Math.toIntExact(j + 1))));
        }
        return cdfTimesDn.multiply(target.denominator()).compareTo(target.numerator().multiply(dn));
    }

    /** log P(X <= j) and log P(X > j) in double, for 0 < p < 1 (estimates only). */
    private double[] logTails(double p) {
        double lp = Math.log(p);
        double lq = Math.log1p(-p);
        double q = 1 - p;
        if (j <= (n + 1) * p) {
            double logT = logCj + j * lp + (n - j) * lq;
            double t = 1;
            double sum = 1;
            for (long i = j; i >= 1; i--) {
                if ((i & 0xFFFF) == 0) deadline.check();
                t *= i * q / ((n - i + 1) * p);
                sum += t;
                if (t < 1e-17 * sum) break;
            }
            double logF = logT + Math.log(sum);
            return new double[] {logF, Directed.log1mexp(logF)};
        }
        double logT = logCj1 + (j + 1) * lp + (n - j - 1) * lq;
        double t = 1;
        double sum = 1;
        for (long i = j + 1; i < n; i++) {
            if ((i & 0xFFFF) == 0) deadline.check();
            t *= (n - i) * p / ((i + 1) * q);
            sum += t;
            if (t < 1e-17 * sum) break;
        }
        double logG = logT + Math.log(sum);
        return new double[] {Directed.log1mexp(logG), logG};
    }

    /**
     * The double p where P(X <= j) equals x, given log x and log(1 - x), by bisection on the
     * ordered bit patterns of doubles in (0, 1). The smaller of the two tails is compared, so
     * that x close to 1 is resolved as well as x close to 0.
     */
    double solveDouble(double logX, double logOneMinusX) {
        boolean useLower = logX <= logOneMinusX;
        long lo = 0; // bits of 0.0
        long hi = Double.doubleToLongBits(1.0);
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            double p = Double.longBitsToDouble(mid);
            double[] t = logTails(p);
            // past the root <=> P(X <= j) <= x <=> P(X > j) >= 1 - x
            boolean pastRoot = useLower ? t[0] <= logX : t[1] >= logOneMinusX;
            if (Double.isNaN(t[0]) || Double.isNaN(t[1])) pastRoot = false;
            if (pastRoot) hi = mid;
            else lo = mid;
        }
        return Double.longBitsToDouble(hi);
    }
}
