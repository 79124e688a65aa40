package dev.safecase.stats;

import dev.safecase.formula.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Exact, sound bounds on a failure rate from trial evidence ({@code k} failures in {@code n}
 * trials), returned as exact {@link Rational}s.
 *
 * <p><b>Results.</b> Every bound that is not exact by construction is a decimal with at most 12
 * significant digits, and it is rounded in the <em>safe</em> direction for its use:
 *
 * <ul>
 *   <li>{@link #ruleOfThree} is exactly {@code 3/n} (no rounding);
 *   <li>{@link #clopperPearsonUpper} and {@link #wilsonUpper} are upper bounds, rounded <b>up</b>:
 *       the returned value is never below the true bound;
 *   <li>{@link #clopperPearsonLower} is a lower bound, rounded <b>down</b>: the returned value is
 *       never above the true bound.
 * </ul>
 *
 * <p>The Clopper-Pearson bounds are not approximations that happen to be rounded: they are
 * <em>defined</em> on the 12-significant-digit decimal grid, and the returned grid point is exactly
 * the one exact rational arithmetic would select. The decision "tail probability &lt;= 1 - conf"
 * at a grid point is taken with interval arithmetic ({@link BigDecimal} with directed rounding
 * and a rigorous truncation bound on the tail sum); when the interval straddles the threshold,
 * the precision is raised, and as a last resort the comparison is made in exact integer
 * arithmetic. Doubles are only used to guess where to look; every answer is verified.
 *
 * <p>Cost: one call with {@code n <= 10_000} takes about a millisecond (the exact binomial
 * coefficient, a double estimate, then usually two rigorous evaluations of a tail sum that is
 * truncated, with a proven bound on the rest, after O(sqrt(n)) terms). Exact ties and confidence
 * levels within about 10^-100 of 0 or 1 take longer (up to seconds) but stay exact. Very large
 * {@code n} (millions) with {@code k} far from 0 and n is slow: the exact binomial coefficient
 * C(n, k) is computed.
 */
public final class Statistics {

    private Statistics() {}

    /** Significant digits of every rounded result. */
    public static final int DIGITS = 12;

    private static final MathContext UP12 = new MathContext(DIGITS, RoundingMode.CEILING);
    private static final MathContext DOWN12 = new MathContext(DIGITS, RoundingMode.FLOOR);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final Rational HALF_R = Rational.of(1, 2);
    private static final double LN2 = Math.log(2.0);
    private static final double LN10 = Math.log(10.0);

    /** Working precisions (decimal digits) of the interval evaluation before the exact fallback. */
    private static final int[] PRECISIONS = {30, 60, 120};

    // ------------------------------------------------------------------------------------------
    // Public API
    // ------------------------------------------------------------------------------------------

    /** The rule of three: exactly {@code 3/n}, an approximate 95% upper bound after 0 failures in n trials. */
    public static Rational ruleOfThree(BigInteger n) {
        Objects.requireNonNull(n, "n");
        String e = checkN(n);
        if (e != null) throw new IllegalArgumentException(e);
        return Rational.of(BigInteger.valueOf(3), n);
    }

    /**
     * The one-sided exact (Clopper-Pearson) upper confidence bound on a rate after {@code k}
     * failures in {@code n} trials: the smallest decimal {@code p} with at most 12 significant
     * digits such that {@code P(X <= k | n, p) <= 1 - conf} for {@code X ~ Binomial(n, p)}; that is
     * the {@code conf} quantile of {@code Beta(k + 1, n - k)} rounded up. Exactly 1 when
     * {@code k = n}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= k <= n}, {@code n >= 1}, {@code 0 < conf < 1}
     */
    public static Rational clopperPearsonUpper(BigInteger k, BigInteger n, Rational conf) {
        check(k, n, conf);
        if (k.equals(n)) return Rational.ONE;
        Binomial b = new Binomial(n.longValueExact(), k.longValueExact());
        Rational alpha = Rational.ONE.subtract(conf);
        // above(p) <=> P(X <= k) <= alpha; false at p = 0 (the tail is 1), true at p = 1 (it is 0).
        Predicate<BigDecimal> above = p -> b.compareCdf(p, alpha) <= 0;
        double estimate = b.solveDouble(logOf(alpha), logOf(conf));
        BigDecimal[] pair = boundary(estimate, true, above);
        return Rational.of(pair[1]);
    }

    /**
     * The one-sided exact (Clopper-Pearson) <b>lower</b> confidence bound on a rate after
     * {@code k} failures in {@code n} trials: the largest decimal {@code p} with at most 12
     * significant digits such that {@code P(X >= k | n, p) <= 1 - conf}; that is the
     * {@code 1 - conf} quantile of {@code Beta(k, n - k + 1)} rounded <b>down</b> (a lower bound is
     * sound when it is not above the true value). Exactly 0 when {@code k = 0}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= k <= n}, {@code n >= 1}, {@code 0 < conf < 1}
     */
    public static Rational clopperPearsonLower(BigInteger k, BigInteger n, Rational conf) {
        check(k, n, conf);
        if (k.signum() == 0) return Rational.ZERO;
        // P(X >= k) = 1 - P(X <= k - 1): the condition is P(X <= k - 1) >= conf.
        Binomial b = new Binomial(n.longValueExact(), k.longValueExact() - 1);
        // above(p) <=> P(X <= k - 1) < conf <=> P(X >= k) > alpha; false at p = 0, true at p = 1.
        Predicate<BigDecimal> above = p -> b.compareCdf(p, conf) < 0;
        double estimate = b.solveDouble(logOf(conf), logOf(Rational.ONE.subtract(conf)));
        BigDecimal[] pair = boundary(estimate, false, above);
        return Rational.of(pair[0]);
    }

    /**
     * The one-sided Wilson score upper bound
     * {@code (p + z^2/(2n) + z sqrt(p(1-p)/n + z^2/(4n^2))) / (1 + z^2/n)} with {@code p = k/n} and
     * {@code z} the standard normal {@code conf} quantile, rounded <b>up</b> to 12 significant
     * digits. The bound is increasing in {@code z}; {@code z} is enclosed in a rigorously verified
     * interval (the normal CDF is evaluated by a convergent series with error bounds) and the
     * bound is evaluated at the interval's upper end, and the rounding is decided exactly (as the
     * root of a quadratic, without a square root), so the result is never below the true Wilson
     * value. For {@code conf < 1/2} the value is below {@code k/n}, as the formula says.
     *
     * @throws IllegalArgumentException unless {@code 0 <= k <= n}, {@code n >= 1}, {@code 0 < conf < 1}
     */
    public static Rational wilsonUpper(BigInteger k, BigInteger n, Rational conf) {
        check(k, n, conf);
        if (k.equals(n) && conf.compareTo(HALF_R) >= 0) return Rational.ONE; // z >= 0: the formula gives 1
        Rational kr = Rational.of(k);
        Rational nr = Rational.of(n);
        int precision = 40;
        BigDecimal result = null;
        for (int round = 0; round < 4; round++, precision *= 2) {
            BigDecimal[] z = Normal.quantileBounds(conf, precision);
            Rational zHi = Rational.of(z[1]);
            Rational zLo = Rational.of(z[0]);
            double estimate = wilsonDouble(k.doubleValue(), n.doubleValue(), z[1].doubleValue());
            if (wilsonAbove(BigDecimal.ZERO, kr, nr, zHi)) return Rational.ZERO;
            result = boundary(estimate, true, c -> wilsonAbove(c, kr, nr, zHi))[1];
            // The value at the true z lies between the values at zLo and zHi: when the grid point
            // below the result is already below the value at zLo, the result is the exact ceiling.
            BigDecimal below = previous(result);
            if (below.signum() <= 0 || !wilsonAbove(below, kr, nr, zLo)) break;
        }
        return Rational.of(result);
    }

    /**
     * The plain-words domain error for a call of one of these functions with the given arguments,
     * or empty when the call is well-defined. {@code fn} is one of {@code ruleOfThree} (argument
     * {@code n}), {@code clopperPearsonUpper}, {@code clopperPearsonLower}, {@code wilsonUpper}
     * (arguments {@code k, n, conf}); snake_case spellings such as {@code clopper_pearson_upper}
     * are accepted too. Arguments are checked in order: {@code k} an integer, {@code n} an
     * integer, {@code n >= 1}, {@code n <= 2^31 - 1} (not for {@code ruleOfThree}),
     * {@code 0 <= k <= n}, {@code 0 < conf < 1}. An unknown name or a wrong number of arguments
     * is reported too.
     */
    public static Optional<String> domainError(String fn, List<Rational> args) {
        Objects.requireNonNull(fn, "fn");
        Objects.requireNonNull(args, "args");
        String key = fn.replace("_", "").toLowerCase(Locale.ROOT);
        int arity;
        switch (key) {
            case "ruleofthree" -> arity = 1;
            case "clopperpearsonupper", "clopperpearsonlower", "wilsonupper" -> arity = 3;
            default -> {
                return Optional.of("unknown statistics function " + fn);
            }
        }
        if (args.size() != arity) {
            return Optional.of(fn + " takes " + arity + (arity == 1 ? " argument" : " arguments")
                    + " (got " + args.size() + ")");
        }
        for (Rational a : args) Objects.requireNonNull(a, "argument");
        if (arity == 1) {
            Rational n = args.get(0);
            if (!n.isInteger()) return Optional.of("n must be an integer (got " + n + ")");
            return Optional.ofNullable(checkN(n.numerator()));
        }
        Rational k = args.get(0);
        Rational n = args.get(1);
        Rational conf = args.get(2);
        if (!k.isInteger()) return Optional.of("k must be an integer (got " + k + ")");
        if (!n.isInteger()) return Optional.of("n must be an integer (got " + n + ")");
        return Optional.ofNullable(errorFor(k.numerator(), n.numerator(), conf));
    }

    // ------------------------------------------------------------------------------------------
    // Domain checks
    // ------------------------------------------------------------------------------------------

    private static void check(BigInteger k, BigInteger n, Rational conf) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(n, "n");
        Objects.requireNonNull(conf, "conf");
        String e = errorFor(k, n, conf);
        if (e != null) throw new IllegalArgumentException(e);
    }

    private static String checkN(BigInteger n) {
        if (n.signum() <= 0) return "n must be at least 1 (got " + n + ")";
        return null;
    }

    private static String errorFor(BigInteger k, BigInteger n, Rational conf) {
        String e = checkN(n);
        if (e != null) return e;
        if (n.bitLength() > 31) return "n is too large (got " + n + "; at most " + Integer.MAX_VALUE + " is supported)";
        if (k.signum() < 0 || k.compareTo(n) > 0) return "k must be between 0 and n (got k = " + k + ", n = " + n + ")";
        if (conf.signum() <= 0 || conf.compareTo(Rational.ONE) >= 0) {
            return "conf must be strictly between 0 and 1 (got " + conf + ")";
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------
    // The 12-significant-digit grid
    // ------------------------------------------------------------------------------------------

    /** 10^(e-11) where x = d.ddd... x 10^e: one unit in the 12th significant digit of x > 0. */
    static BigDecimal ulp12(BigDecimal x) {
        int exponent = x.precision() - x.scale() - 1;
        return BigDecimal.ONE.scaleByPowerOfTen(exponent - (DIGITS - 1));
    }

    /** The smallest grid point above grid point {@code x > 0}. */
    private static BigDecimal next(BigDecimal x) {
        return x.add(ulp12(x));
    }

    /** The largest grid point below grid point {@code x > 0}. */
    static BigDecimal previous(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        BigDecimal u = ulp12(s);
        if (s.unscaledValue().equals(BigInteger.ONE)) u = u.movePointLeft(1); // a power of ten
        return x.subtract(u);
    }

    private static BigDecimal ceil12(BigDecimal x) {
        return x.round(UP12);
    }

    private static BigDecimal floor12(BigDecimal x) {
        return x.round(DOWN12);
    }

    /**
     * Finds adjacent grid points {@code lo < hi} in [0, 1] with {@code above(lo)} false and
     * {@code above(hi)} true, for a predicate that is monotone (false, then true) on [0, 1], false
     * at 0 and true at 1 (0 and 1 are not tested). The search starts next to {@code estimate}.
     */
    private static BigDecimal[] boundary(double estimate, boolean estimateFromAbove, Predicate<BigDecimal> above) {
        BigDecimal c0;
        if (!(estimate > 0)) c0 = new BigDecimal("1e-300");
        else if (!(estimate < 1)) c0 = new BigDecimal("0.5");
        else {
            BigDecimal e = new BigDecimal(estimate);
            c0 = estimateFromAbove ? ceil12(e) : floor12(e);
            if (c0.signum() <= 0) c0 = new BigDecimal("1e-300");
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

    // ------------------------------------------------------------------------------------------
    // Logs of exact numbers (for estimates only)
    // ------------------------------------------------------------------------------------------

    private static double logOf(BigInteger x) {
        int shift = Math.max(0, x.bitLength() - 62);
        return Math.log(x.shiftRight(shift).doubleValue()) + shift * LN2;
    }

    private static double logOf(Rational r) {
        return logOf(r.numerator()) - logOf(r.denominator());
    }

    /** log(1 - e^x) for x < 0. */
    private static double log1mexp(double x) {
        if (x >= 0) return Double.NEGATIVE_INFINITY;
        return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    // ------------------------------------------------------------------------------------------
    // Directed-rounding helpers (all operands positive)
    // ------------------------------------------------------------------------------------------

    /** x^e with every product rounded in mc's direction: a bound in that direction for x > 0. */
    private static BigDecimal powDirected(BigDecimal x, long e, MathContext mc) {
        BigDecimal result = BigDecimal.ONE;
        BigDecimal base = x.round(mc);
        while (e > 0) {
            if ((e & 1) != 0) result = result.multiply(base, mc);
            e >>= 1;
            if (e > 0) base = base.multiply(base, mc);
        }
        return result;
    }

    private static final double LOG10_2 = Math.log10(2.0);

    /** sign(x - r), exactly. */
    private static int compare(BigDecimal x, Rational r) {
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

    private static int magnitude(BigDecimal x) {
        return x.precision() - x.scale();
    }

    /** Product of lo..hi (inclusive) by binary splitting; 1 when lo > hi. */
    private static BigInteger product(long lo, long hi) {
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

    // ------------------------------------------------------------------------------------------
    // The binomial CDF at a fixed index j: rigorous comparison and double estimate
    // ------------------------------------------------------------------------------------------

    /** X ~ Binomial(n, p) with the CDF index j (0 <= j < n) fixed; p varies. */
    private static final class Binomial {
        final long n;
        final long j;
        final BigInteger nPlus1;
        /** C(n, j) and C(n, j + 1), exact. */
        final BigInteger cj;
        final BigInteger cj1;
        final double logCj;
        final double logCj1;
        /** Rounded coefficients per working precision: [precision index][0 = floor, 1 = ceiling][j or j+1]. */
        final BigDecimal[][][] rounded = new BigDecimal[PRECISIONS.length][][];

        Binomial(long n, long j) {
            this.n = n;
            this.j = j;
            this.nPlus1 = BigInteger.valueOf(n + 1);
            this.cj = binomial(n, j);
            this.cj1 = cj.multiply(BigInteger.valueOf(n - j)).divide(BigInteger.valueOf(j + 1));
            this.logCj = logOf(cj);
            this.logCj1 = logOf(cj1);
        }

        private BigDecimal coefficient(int pi, boolean upward, boolean next) {
            if (rounded[pi] == null) {
                int prec = PRECISIONS[pi] + 5;
                MathContext f = new MathContext(prec, RoundingMode.FLOOR);
                MathContext c = new MathContext(prec, RoundingMode.CEILING);
                rounded[pi] = new BigDecimal[][] {
                    {new BigDecimal(cj).round(f), new BigDecimal(cj1).round(f)},
                    {new BigDecimal(cj).round(c), new BigDecimal(cj1).round(c)}
                };
            }
            return rounded[pi][upward ? 1 : 0][next ? 1 : 0];
        }

        /** sign(P(X <= j | n, p) - target), exactly, for a decimal 0 <= p <= 1. */
        int compareCdf(BigDecimal p, Rational target) {
            if (p.signum() == 0) return Rational.ONE.compareTo(target);
            if (p.compareTo(BigDecimal.ONE) == 0) return Rational.ZERO.compareTo(target);
            Rational complement = Rational.ONE.subtract(target);
            boolean preferUpperTail = complement.compareTo(target) < 0;
            for (int pi = 0; pi < PRECISIONS.length; pi++) {
                BigDecimal[] f = tailBounds(p, pi, preferUpperTail);
                if (f[2] == null) { // bounds on P(X <= j)
                    if (compare(f[1], target) < 0) return -1;
                    if (compare(f[0], target) > 0) return 1;
                } else { // bounds on P(X > j) = 1 - P(X <= j), compared with 1 - target
                    if (compare(f[1], complement) < 0) return 1;
                    if (compare(f[0], complement) > 0) return -1;
                }
            }
            return compareCdfExactly(p, target);
        }

        /**
         * Bounds on the tail of X ~ Binomial(n, p) on the side of j away from the mode, for
         * 0 < p < 1, at working precision PRECISIONS[pi]: {lower, upper, null} bounding
         * P(X <= j), or {lower, upper, ONE} bounding P(X > j). Comparing that tail (rather than
         * 1 minus it) keeps the precision relative when the tail is tiny. When (n+1)p lies in
         * [j, j+2) both tails are summed away from the mode; then {@code preferUpperTail} picks.
         */
        BigDecimal[] tailBounds(BigDecimal p, int pi, boolean preferUpperTail) {
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
                    .multiply(powDirected(p, m, down), down).multiply(powDirected(q, n - m, down), down);
            BigDecimal tHi = coefficient(pi, true, !lowerSide)
                    .multiply(powDirected(p, m, up), up).multiply(powDirected(q, n - m, up), up);
            BigDecimal sLo = tLo;
            BigDecimal sHi = tHi;
            if (lowerSide) {
                // terms j, j-1, ..., 0 decrease away from the mode: t(i-1) = t(i) * i b / ((n-i+1) a)
                for (long i = m; i >= 1; i--) {
                    BigDecimal num = new BigDecimal(b.multiply(BigInteger.valueOf(i)));
                    if (magnitude(sLo) - magnitude(tHi) >= prec) {
                        // the rest is at most t(i) r / (1 - r) with r = i b / ((n-i+1) a), the largest ratio left
                        BigInteger den = aN1.subtract(d.multiply(BigInteger.valueOf(i)));
                        if (den.signum() > 0) {
                            BigDecimal rest = tHi.multiply(num).divide(new BigDecimal(den), up);
                            if (magnitude(sLo) - magnitude(rest) >= prec + 1) {
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
                BigDecimal num = new BigDecimal(a.multiply(BigInteger.valueOf(n - i)));
                if (magnitude(sLo) - magnitude(tHi) >= prec) {
                    // the rest is at most t(i) r / (1 - r) with r = (n-i) a / ((i+1) b)
                    BigInteger den = d.multiply(BigInteger.valueOf(i + 1)).subtract(aN1);
                    if (den.signum() > 0) {
                        BigDecimal rest = tHi.multiply(num).divide(new BigDecimal(den), up);
                        if (magnitude(sLo) - magnitude(rest) >= prec + 1) {
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
        int compareCdfExactly(BigDecimal p, Rational target) {
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
                    c = c.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(n - i));
                    bPow = bPow.multiply(b);
                    acc = acc.multiply(a).add(c.multiply(bPow));
                }
                cdfTimesDn = dn.subtract(acc.multiply(a.pow(Math.toIntExact(j + 1))));
            }
            return cdfTimesDn.multiply(target.denominator()).compareTo(target.numerator().multiply(dn));
        }

        /** log P(X <= j) and log P(X > j) in double, for 0 < p < 1 (estimates only). */
        double[] logTails(double p) {
            double lp = Math.log(p);
            double lq = Math.log1p(-p);
            double q = 1 - p;
            if (j <= (n + 1) * p) {
                double logT = logCj + j * lp + (n - j) * lq;
                double t = 1;
                double sum = 1;
                for (long i = j; i >= 1; i--) {
                    t *= i * q / ((n - i + 1) * p);
                    sum += t;
                    if (t < 1e-17 * sum) break;
                }
                double logF = logT + Math.log(sum);
                return new double[] {logF, log1mexp(logF)};
            }
            double logT = logCj1 + (j + 1) * lp + (n - j - 1) * lq;
            double t = 1;
            double sum = 1;
            for (long i = j + 1; i < n; i++) {
                t *= (n - i) * p / ((i + 1) * q);
                sum += t;
                if (t < 1e-17 * sum) break;
            }
            double logG = logT + Math.log(sum);
            return new double[] {log1mexp(logG), logG};
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

    // ------------------------------------------------------------------------------------------
    // Wilson
    // ------------------------------------------------------------------------------------------

    private static double wilsonDouble(double k, double n, double z) {
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
    private static boolean wilsonAbove(BigDecimal cd, Rational k, Rational n, Rational z) {
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

    // ------------------------------------------------------------------------------------------
    // The standard normal distribution, rigorously
    // ------------------------------------------------------------------------------------------

    /** Interval evaluations of Phi and a verified enclosure of its inverse. */
    static final class Normal {
        private Normal() {}

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
                if (iy.signum() > 0 && magnitude(sLo) - magnitude(tHi) >= digits) {
                    BigDecimal rest = tHi.multiply(y).divide(iy, up);
                    if (magnitude(sLo) - magnitude(rest) >= digits + 1) {
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
                if (gap.signum() > 0 && magnitude(sLo) - magnitude(tHi) >= digits) {
                    BigDecimal rest = tHi.multiply(x2).divide(gap, up);
                    if (magnitude(sLo) - magnitude(rest) >= digits + 1) {
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
            double logTail = logOf(tail);
            // Phi near 1 needs absolute accuracy well below the tail probability.
            int work = digits + 15 + (int) Math.ceil(-logTail / LN10);
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
            int zMagnitude = Math.max(magnitude(z.abs().max(BigDecimal.ONE)), 1);
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
                if (upper ? compare(f[0], conf) >= 0 : compare(f[1], conf) <= 0) return cand;
                boolean decidedWrong = upper ? compare(f[1], conf) < 0 : compare(f[0], conf) > 0;
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
}
