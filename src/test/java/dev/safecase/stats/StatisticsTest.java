package dev.safecase.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

class StatisticsTest {

    private static final Rational C95 = Rational.of(95, 100);
    private static final Rational[] CONFS = {
        Rational.parse("0.8"), Rational.parse("0.9"), Rational.parse("0.95"),
        Rational.parse("0.975"), Rational.parse("0.99"), Rational.parse("0.999")
    };

    private static BigInteger bi(long v) {
        return BigInteger.valueOf(v);
    }

    private static Rational upper(long k, long n, Rational conf) {
        return ClopperPearson.upper(bi(k), bi(n), conf, Deadline.NONE);
    }

    private static Rational lower(long k, long n, Rational conf) {
        return ClopperPearson.lower(bi(k), bi(n), conf, Deadline.NONE);
    }

    private static BigDecimal decimal(Rational r) {
        return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), MathContext.DECIMAL128);
    }

    // ------------------------------------------------------------------------------------------
    // Required values and simple cases
    // ------------------------------------------------------------------------------------------

    @Test
    void requiredClopperPearsonValuesAreExact() {
        assertEquals(Rational.parse("0.0721575245056"), upper(0, 40, C95));
        assertEquals(Rational.parse("0.149151961274"), upper(2, 40, C95));
        assertEquals(Rational.parse("0.00993608194446"), upper(0, 300, C95));
        assertEquals(Rational.parse("0.0515337136864"), upper(2, 120, C95));
        assertEquals(Rational.parse("0.137251755658"), upper(10, 120, C95));
        assertEquals(Rational.ONE, upper(40, 40, C95));
    }

    @Test
    void ruleOfThreeIsExactlyThreeOverN() {
        assertEquals(Rational.of(3, 100), RuleOfThree.bound(bi(100)));
        assertEquals(Rational.of(3, 7), RuleOfThree.bound(bi(7)));
        assertEquals(Rational.of(3), RuleOfThree.bound(bi(1)));
        BigInteger huge = BigInteger.TEN.pow(40);
        assertEquals(Rational.of(bi(3), huge), RuleOfThree.bound(huge));
    }

    @Test
    void allFailuresGiveOneAndNoFailuresGiveZero() {
        for (long n : new long[] {1, 2, 7, 40, 1000, 10_000}) {
            for (Rational conf : CONFS) {
                assertEquals(Rational.ONE, upper(n, n, conf));
                assertEquals(Rational.ONE, Wilson.upper(bi(n), bi(n), conf));
                assertEquals(Rational.ZERO, lower(0, n, conf));
            }
        }
    }

    @Test
    void lowerAndUpperBoundsAreMirrorImages() {
        // P(X <= 0) = (1-p)^n and P(X >= n) = p^n: the bounds are 1 - x and x, rounded opposite ways.
        Rational up = upper(0, 40, C95);
        Rational lo = lower(40, 40, C95);
        assertEquals(Rational.parse("0.927842475494"), lo);
        Rational unit = Rational.parse("1e-12"); // the unit of the 12th digit of lo and of 1 - up combined
        assertTrue(Rational.ONE.subtract(up).compareTo(lo) >= 0);
        assertTrue(Rational.ONE.subtract(up).subtract(lo).compareTo(unit) <= 0);
    }

    @Test
    void exactTiesAreDecidedExactly() {
        // n = 1: P(X <= 0) = 1 - p and P(X >= 1) = p, so the bounds are exactly 1 - conf and conf's complement.
        assertEquals(Rational.parse("0.95"), upper(0, 1, C95));
        assertEquals(Rational.parse("0.05"), lower(1, 1, C95));
        assertEquals(Rational.parse("0.999"), upper(0, 1, Rational.parse("0.999")));
        // (1 - p)^2 = 1/4 at p = 1/2, and p^2 = 1/4 too
        assertEquals(Rational.parse("0.5"), upper(0, 2, Rational.of(3, 4)));
        assertEquals(Rational.parse("0.5"), lower(2, 2, Rational.of(3, 4)));
        // (1 - p)^10 = 2^-10 at p = 1/2: a tie at larger n
        assertEquals(Rational.parse("0.5"), upper(0, 10, Rational.ONE.subtract(Rational.of(1, 1024))));
        // P(X <= 1 | 3, 1/2) = 1/2
        assertEquals(Rational.parse("0.5"), upper(1, 3, Rational.of(1, 2)));
    }

    // ------------------------------------------------------------------------------------------
    // Domain errors
    // ------------------------------------------------------------------------------------------

    private static void assertMessage(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static List<Rational> args(long k, long n, Rational conf) {
        return List.of(Rational.of(k), Rational.of(n), conf);
    }

    @Test
    void domainErrorsThrowWithPlainMessages() {
        assertMessage("n must be at least 1 (got 0)", () -> Builtin.RULE_OF_THREE.evaluate(List.of(Rational.ZERO, Rational.ZERO)));
        assertMessage("n must be at least 1 (got -3)", () -> Builtin.RULE_OF_THREE.evaluate(List.of(Rational.ZERO, Rational.of(-3))));
        assertMessage("n must be at least 1 (got 0)", () -> Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(0, 0, C95)));
        assertMessage("n must be at least 1 (got 0)", () -> Builtin.CLOPPER_PEARSON_LOWER.evaluate(args(0, 0, C95)));
        assertMessage("n must be at least 1 (got 0)", () -> Builtin.WILSON_UPPER.evaluate(args(0, 0, C95)));
        assertMessage("k must be between 0 and n (got k = 5, n = 4)", () -> Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(5, 4, C95)));
        assertMessage("k must be between 0 and n (got k = -1, n = 4)", () -> Builtin.CLOPPER_PEARSON_LOWER.evaluate(args(-1, 4, C95)));
        assertMessage("k must be between 0 and n (got k = 7, n = 6)", () -> Builtin.WILSON_UPPER.evaluate(args(7, 6, C95)));
        assertMessage("conf must be strictly between 0 and 1 (got 1)", () -> Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(1, 4, Rational.ONE)));
        assertMessage("conf must be strictly between 0 and 1 (got 0)", () -> Builtin.CLOPPER_PEARSON_LOWER.evaluate(args(1, 4, Rational.ZERO)));
        assertMessage("conf must be strictly between 0 and 1 (got 3/2)", () -> Builtin.WILSON_UPPER.evaluate(args(1, 4, Rational.of(3, 2))));
        assertMessage("conf must be strictly between 0 and 1 (got -1/20)", () -> Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(1, 4, Rational.of(-1, 20))));
    }

    @Test
    void domainErrorReportsWithoutThrowing() {
        Rational half = Rational.of(1, 2);
        assertEquals(Optional.empty(), Builtin.RULE_OF_THREE.domainError(List.of(Rational.ZERO, Rational.of(10))));
        assertEquals(Optional.empty(), Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.of(2), Rational.of(40), C95)));
        assertEquals(Optional.empty(), Builtin.CLOPPER_PEARSON_LOWER.domainError(List.of(Rational.of(0), Rational.of(1), half)));
        assertEquals(Optional.empty(), Builtin.WILSON_UPPER.domainError(List.of(Rational.of(3), Rational.of(3), C95)));

        assertEquals(Optional.of("n must be at least 1 (got 0)"), Builtin.RULE_OF_THREE.domainError(List.of(Rational.ZERO, Rational.ZERO)));
        assertEquals(Optional.of("n must be an integer (got 7/2)"), Builtin.RULE_OF_THREE.domainError(List.of(Rational.ZERO, Rational.of(7, 2))));
        assertEquals(Optional.of("the rule of three holds only after 0 failures, and there were 1; use "
                + "clopper_pearson_upper(1, n, 95%) for a bound after failures"),
                Builtin.RULE_OF_THREE.domainError(List.of(Rational.ONE, Rational.of(300))));
        assertEquals(Optional.of("k must be an integer (got 5/2)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.of(5, 2), Rational.of(10), C95)));
        assertEquals(Optional.of("n must be an integer (got 21/2)"),
                Builtin.CLOPPER_PEARSON_LOWER.domainError(List.of(Rational.of(5), Rational.of(21, 2), C95)));
        assertEquals(Optional.of("n must be at least 1 (got -2)"),
                Builtin.WILSON_UPPER.domainError(List.of(Rational.of(0), Rational.of(-2), C95)));
        assertEquals(Optional.of("k must be between 0 and n (got k = 11, n = 10)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.of(11), Rational.of(10), C95)));
        assertEquals(Optional.of("k must be between 0 and n (got k = -1, n = 10)"),
                Builtin.CLOPPER_PEARSON_LOWER.domainError(List.of(Rational.of(-1), Rational.of(10), C95)));
        assertEquals(Optional.of("conf must be strictly between 0 and 1 (got 1)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.of(1), Rational.of(10), Rational.ONE)));
        assertEquals(Optional.of("conf must be strictly between 0 and 1 (got 0)"),
                Builtin.WILSON_UPPER.domainError(List.of(Rational.of(1), Rational.of(10), Rational.ZERO)));
        assertEquals(Optional.of("conf must be strictly between 0 and 1 (got 19/10)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.of(1), Rational.of(10), Rational.of(19, 10))));
        assertEquals(Optional.of("n is too large (got 2147483648; at most 2147483647 is supported)"),
                Builtin.WILSON_UPPER.domainError(List.of(Rational.of(1), Rational.of(1L << 31), C95)));
        assertEquals(Optional.of("clopper_pearson_upper takes 3 arguments (got 2)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(List.of(Rational.ONE, Rational.ONE)));
        assertEquals(Optional.of("rule_of_three takes 2 arguments (got 0)"),
                Builtin.RULE_OF_THREE.domainError(List.of()));
    }

    // ------------------------------------------------------------------------------------------
    // Soundness in exact arithmetic (small n)
    // ------------------------------------------------------------------------------------------

    /** sign(P(X <= k | n, p) - target), in exact rational arithmetic, by direct summation of the terms. */
    private static int compareCdfExact(int k, int n, Rational p, Rational target) {
        BigInteger a = p.numerator();
        BigInteger d = p.denominator();
        BigInteger b = d.subtract(a);
        BigInteger[] bPow = new BigInteger[n + 1];
        bPow[0] = BigInteger.ONE;
        for (int i = 1; i <= n; i++) bPow[i] = bPow[i - 1].multiply(b);
        BigInteger sum = BigInteger.ZERO;
        BigInteger c = BigInteger.ONE; // C(n, i)
        BigInteger aPow = BigInteger.ONE; // a^i
        for (int i = 0; i <= k; i++) {
            sum = sum.add(c.multiply(aPow).multiply(bPow[n - i]));
            c = c.multiply(bi(n - i)).divide(bi(i + 1));
            aPow = aPow.multiply(a);
        }
        return Rational.of(sum, d.pow(n)).compareTo(target);
    }

    private static Rational unit12(Rational p) {
        BigDecimal x = new BigDecimal(p.numerator()).divide(new BigDecimal(p.denominator()));
        return Rational.of(Grid.ulp12(x.stripTrailingZeros()));
    }

    private static void assertTwelveDigits(Rational p) {
        BigDecimal x = new BigDecimal(p.numerator()).divide(new BigDecimal(p.denominator())).stripTrailingZeros();
        assertTrue(x.precision() <= 12, () -> "more than 12 significant digits: " + x);
    }

    /** Confidence levels that stress the search: below 1/2, and very close to 0 or to 1. */
    private static final Rational[] ODD_CONFS = {
        Rational.parse("0.3"), Rational.of(1, 2), Rational.of(1, 3), Rational.parse("1e-6"),
        Rational.parse("0.9999999"), Rational.ONE.subtract(Rational.parse("1e-30")), Rational.parse("1e-30")
    };

    private static Rational randomConf(Random rnd) {
        return switch (rnd.nextInt(3)) {
            case 0 -> CONFS[rnd.nextInt(CONFS.length)];
            case 1 -> ODD_CONFS[rnd.nextInt(ODD_CONFS.length)];
            default -> Rational.of(1 + rnd.nextInt(9_999), 10_000);
        };
    }

    @Test
    void boundsAreSoundAndTightInExactArithmetic() {
        Random rnd = new Random(7_2024L);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + (trial < 370 ? rnd.nextInt(60) : rnd.nextInt(400));
            int k = rnd.nextInt(n + 1);
            Rational conf = randomConf(rnd);
            Rational alpha = Rational.ONE.subtract(conf);
            String what = "k=" + k + " n=" + n + " conf=" + conf;

            Rational up = upper(k, n, conf);
            if (k == n) {
                assertEquals(Rational.ONE, up, what);
            } else {
                assertTwelveDigits(up);
                assertTrue(compareCdfExact(k, n, up, alpha) <= 0, "upper bound not sound: " + what);
                Rational below = up.subtract(unit12(up));
                assertTrue(compareCdfExact(k, n, below, alpha) > 0, "upper bound not the smallest: " + what);
            }

            Rational lo = lower(k, n, conf);
            if (k == 0) {
                assertEquals(Rational.ZERO, lo, what);
            } else {
                assertTwelveDigits(lo);
                // P(X >= k) <= alpha  <=>  P(X <= k - 1) >= conf
                assertTrue(compareCdfExact(k - 1, n, lo, conf) >= 0, "lower bound not sound: " + what);
                Rational above = lo.add(unit12(lo));
                assertTrue(compareCdfExact(k - 1, n, above, conf) < 0, "lower bound not the largest: " + what);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Agreement with an independent implementation (commons-math, doubles)
    // ------------------------------------------------------------------------------------------

    private static double betaQuantile(double a, double b, double prob) {
        return new BetaDistribution(null, a, b, 1e-17).inverseCumulativeProbability(prob);
    }

    @Test
    void agreesWithCommonsMathOnAThousandRandomTriples() {
        Random rnd = new Random(20_240_611L);
        double worstRelative = 0;
        double worstBelowUpper = 0; // how far ours fell below the reference (upper bounds)
        double worstAboveLower = 0; // how far ours rose above the reference (lower bounds)
        long start = System.nanoTime();
        long ours = 0;
        for (int trial = 0; trial < 1000; trial++) {
            int n = switch (rnd.nextInt(3)) {
                case 0 -> 1 + rnd.nextInt(10_000);
                case 1 -> 1 + rnd.nextInt(100);
                default -> (int) Math.max(1, Math.round(Math.exp(rnd.nextDouble() * Math.log(10_000))));
            };
            int k = switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextInt(Math.min(n, 20) + 1);
                case 1 -> rnd.nextInt(n + 1);
                default -> n - rnd.nextInt(Math.min(n, 5) + 1);
            };
            Rational conf = rnd.nextBoolean()
                    ? CONFS[rnd.nextInt(CONFS.length)]
                    : Rational.of(50_000 + 1 + rnd.nextInt(49_989), 100_000); // in (0.5, 0.9999)
            double c = conf.toBigDecimal(20, RoundingMode.HALF_EVEN).doubleValue();
            String what = "k=" + k + " n=" + n + " conf=" + conf;

            long t0 = System.nanoTime();
            Rational up = upper(k, n, conf);
            Rational lo = lower(k, n, conf);
            ours += System.nanoTime() - t0;

            if (k == n) {
                assertEquals(Rational.ONE, up, what);
            } else {
                double ref = betaQuantile(k + 1, n - k, c);
                double got = decimal(up).doubleValue();
                double rel = Math.abs(got - ref) / ref;
                worstRelative = Math.max(worstRelative, rel);
                worstBelowUpper = Math.max(worstBelowUpper, (ref - got) / ref);
                assertTrue(rel < 1e-8, () -> "upper " + what + ": ours " + got + " reference " + ref);
                assertTrue(got >= ref * (1 - 1e-11), () -> "upper below the reference " + what + ": ours " + got + " reference " + ref);
            }
            if (k == 0) {
                assertEquals(Rational.ZERO, lo, what);
            } else {
                double ref = betaQuantile(k, n - k + 1, 1 - c);
                double got = decimal(lo).doubleValue();
                double rel = Math.abs(got - ref) / ref;
                worstRelative = Math.max(worstRelative, rel);
                worstAboveLower = Math.max(worstAboveLower, (got - ref) / ref);
                assertTrue(rel < 1e-8, () -> "lower " + what + ": ours " + got + " reference " + ref);
                assertTrue(got <= ref * (1 + 1e-11), () -> "lower above the reference " + what + ": ours " + got + " reference " + ref);
            }
        }
        System.out.printf(
                "StatisticsTest: 1000 triples in %.2f s (ours %.2f s); worst relative difference %.3g; "
                        + "worst upper below reference %.3g; worst lower above reference %.3g%n",
                (System.nanoTime() - start) / 1e9, ours / 1e9, worstRelative, worstBelowUpper, worstAboveLower);
    }

    // ------------------------------------------------------------------------------------------
    // Large n: enclosed coefficients, a bounded domain, a deadline
    // ------------------------------------------------------------------------------------------

    /*
     * References for large n, where commons-math's Beta quantile loses digits: SciPy 1.17's
     * betaincinv (Boost), agreeing with mpmath 1.3's betainc at 50 digits where that converges:
     *   betaincinv(5000001, 5000000, 0.95) = 0.5002601241698342
     *   betaincinv(5000000, 5000001, 0.05) = 0.49973987583016577
     *   betaincinv(4, 2147483644, 0.95)    = 3.610577677824364e-09
     * Each is at least 0.15 grid steps from a 12-digit grid point, so its ceiling (floor) is certain.
     */

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void tenMillionTrialsAreBoundedSoundlyWithoutTheExactCoefficient() {
        // before: over 120 s and 1.4 GB for the exact C(10^7, 5 * 10^6)
        assertEquals(Rational.parse("0.500260124170"), upper(5_000_000, 10_000_000, C95));
        assertEquals(Rational.parse("0.499739875830"), lower(5_000_000, 10_000_000, C95));
    }

    @Test
    void hugeNWithFewFailuresIsCheap() {
        // the coefficient C(n, 3) is small whatever n is
        assertEquals(Rational.parse("3.61057767783e-9"), upper(3, 2_147_483_647L, C95));
        assertEquals(Rational.ONE, upper(2_147_483_647L, 2_147_483_647L, C95));
        assertEquals(Rational.ZERO, lower(0, 2_147_483_647L, C95));
    }

    @Test
    void theDomainBoundsTheWork() {
        assertEquals(Optional.of("min(k, n - k) is too large for an exact bound (got k = 10000001, n = 20000002;"
                        + " at most 10000000 is supported)"),
                Builtin.CLOPPER_PEARSON_UPPER.domainError(args(10_000_001, 20_000_002, C95)));
        assertEquals(Optional.empty(), Builtin.CLOPPER_PEARSON_LOWER.domainError(args(10_000_000, 20_000_002, C95)));
        assertEquals(Optional.empty(), Builtin.WILSON_UPPER.domainError(args(10_000_001, 20_000_002, C95)));
        Rational longConf = Rational.parse("0." + "3".repeat(101));
        assertEquals(Optional.of("conf has too many digits (at most 100 in its numerator and denominator are supported)"),
                Builtin.WILSON_UPPER.domainError(args(1, 10, longConf)));
        Rational close = Rational.ONE.subtract(Rational.parse("1e-99"));
        assertEquals(Optional.empty(), Builtin.CLOPPER_PEARSON_UPPER.domainError(args(1, 10, close)));
    }

    @Test
    void anEvaluationPastItsDeadlineGivesNoValue() {
        Deadline passed = Deadline.after(0);
        assertEquals(new Builtin.Evaluation.Unfinished("not evaluated within the 0 ms allowed (--timeout-ms)"),
                Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(5_000_000, 10_000_000, C95), passed));
        assertEquals(new Builtin.Evaluation.Unfinished("not evaluated within the 0 ms allowed (--timeout-ms)"),
                Builtin.CLOPPER_PEARSON_LOWER.evaluate(args(4_000, 9_000, C95), passed));
        // cheap calls never poll, and a generous deadline changes nothing
        assertEquals(new Builtin.Evaluation.Value(Rational.of(3, 40)), Builtin.RULE_OF_THREE.evaluate(List.of(Rational.ZERO, Rational.of(40)), passed));
        assertEquals(new Builtin.Evaluation.Value(upper(2, 40, C95)),
                Builtin.CLOPPER_PEARSON_UPPER.evaluate(args(2, 40, C95), Deadline.after(Long.MAX_VALUE)));
    }

    // ------------------------------------------------------------------------------------------
    // Wilson
    // ------------------------------------------------------------------------------------------

    @Test
    void wilsonAgreesWithTheFormulaAndIsRoundedUp() {
        NormalDistribution normal = new NormalDistribution(null, 0, 1, 1e-16);
        Random rnd = new Random(99L);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(trial < 100 ? 60 : 10_000);
            int k = rnd.nextInt(n + 1);
            Rational conf = rnd.nextInt(4) == 0
                    ? Rational.of(1 + rnd.nextInt(9_999), 10_000) // includes conf < 1/2
                    : CONFS[rnd.nextInt(CONFS.length)];
            double c = conf.toBigDecimal(20, RoundingMode.HALF_EVEN).doubleValue();
            double z = normal.inverseCumulativeProbability(c);
            double p = (double) k / n;
            double ref = (p + z * z / (2.0 * n) + z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n))) / (1 + z * z / n);
            Rational w = Wilson.upper(bi(k), bi(n), conf);
            double got = decimal(w).doubleValue();
            String what = "k=" + k + " n=" + n + " conf=" + conf + ": ours " + got + " reference " + ref;
            if (k == n && c >= 0.5) {
                assertEquals(Rational.ONE, w, what);
                continue;
            }
            if (w.signum() == 0) {
                assertTrue(ref < 1e-15, what);
                continue;
            }
            assertTwelveDigits(w);
            assertTrue(Math.abs(got - ref) <= 1e-9 * Math.max(ref, 1e-300) + 1e-15, what);
            assertTrue(got >= ref - 1e-13 * ref - 1e-300, "below the reference: " + what);
            // rounded up by at most one unit in the 12th digit
            assertTrue(decimal(w.subtract(unit12(w))).doubleValue() <= ref * (1 + 1e-13), "not the nearest grid point: " + what);
        }
    }

    @Test
    void wilsonKnownValues() {
        // conf = 1/2: z = 0 exactly and the bound is k/n rounded up
        assertEquals(Rational.parse("0.333333333334"), Wilson.upper(bi(1), bi(3), Rational.of(1, 2)));
        assertEquals(Rational.parse("0.25"), Wilson.upper(bi(1), bi(4), Rational.of(1, 2)));
        // k = 0: z^2 / (n + z^2) with z = 1.6448536269514722...
        BigDecimal z = new BigDecimal("1.6448536269514722"); // Phi^-1(0.95) to 17 digits
        BigDecimal z2 = z.multiply(z);
        BigDecimal expected = z2.divide(z2.add(BigDecimal.valueOf(40)), MathContext.DECIMAL64).round(new MathContext(12, RoundingMode.CEILING));
        assertEquals(Rational.of(expected), Wilson.upper(bi(0), bi(40), C95));
        // conf below 1/2 gives a value below k/n, and 0 when k = 0
        assertTrue(Wilson.upper(bi(5), bi(10), Rational.of(1, 10)).compareTo(Rational.of(1, 2)) < 0);
        assertEquals(Rational.ZERO, Wilson.upper(bi(0), bi(10), Rational.of(1, 10)));
    }

    // ------------------------------------------------------------------------------------------
    // Speed (generous bound; a call normally takes a few milliseconds)
    // ------------------------------------------------------------------------------------------

    @Test
    void largeCallsAreFast() {
        long[][] cases = {{5_000, 10_000}, {0, 10_000}, {9_999, 10_000}, {3_333, 10_000}, {17, 10_000}};
        for (long[] kn : cases) upper(kn[0], kn[1], C95); // warm up
        long worst = 0;
        for (long[] kn : cases) {
            for (Rational conf : CONFS) {
                long t0 = System.nanoTime();
                upper(kn[0], kn[1], conf);
                lower(kn[0], kn[1], conf);
                worst = Math.max(worst, (System.nanoTime() - t0) / 2);
            }
        }
        final long worstNanos = worst;
        System.out.printf("StatisticsTest: slowest single call with n = 10000: %.1f ms%n", worstNanos / 1e6);
        assertTrue(worstNanos < 2_000_000_000L, () -> "a call took " + worstNanos / 1e6 + " ms");
    }
}
