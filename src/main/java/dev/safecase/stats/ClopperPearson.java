package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.Predicate;

/**
 * The one-sided exact (Clopper-Pearson) confidence bounds on a rate after {@code k} failures in
 * {@code n} trials — the bound of choice when a claim must hold with stated confidence whatever
 * the sample size, because it never under-covers (the Wilson bound may).
 *
 * <p><b>Definition.</b> The upper bound is the smallest decimal p with at most 12 significant
 * digits such that P(X <= k | n, p) <= 1 - conf for X ~ Binomial(n, p) (the conf quantile of
 * Beta(k + 1, n - k), rounded up); the lower bound is the largest such p with
 * P(X >= k | n, p) <= 1 - conf (the 1 - conf quantile of Beta(k, n - k + 1), rounded down).
 * They are defined on the grid ({@link Grid}), so the rounding is the direction of the test.
 *
 * <p><b>Method and error direction.</b> A search over grid points ({@link Grid#boundary})
 * started from a double estimate; each test compares the binomial tail with the target in
 * interval arithmetic ({@link Binomial}). For n up to {@link Binomial#EXACT_N} every test is
 * exact, so the result is exactly the grid point exact arithmetic selects. Above it, a test the
 * enclosure cannot decide at 120 digits is counted on the safe side (a candidate upper bound
 * is not accepted, a candidate lower bound is rejected), so the result is that grid point or
 * one further out: never below the true upper bound, never above the true lower bound.
 *
 * <p><b>Cost.</b> Below a millisecond to a few milliseconds for n <= 10,000; for large n
 * O(min(k, n - k)) for the coefficient plus a handful of O(sqrt(n)) tail sums — about a second
 * for k = 5,000,000 of n = 10,000,000 in constant memory, where exact coefficients took minutes
 * and gigabytes. {@link #MAX_TERMS} bounds min(k, n - k) so that every admitted call stays
 * within seconds; the deadline stops it otherwise.
 */
final class ClopperPearson {
    private ClopperPearson() {
    }

    /** The largest min(k, n - k) evaluated (the coefficient costs that many word multiplications). */
    static final long MAX_TERMS = 10_000_000;

    /** The upper bound; exactly 1 when k = n. Arguments inside the domain. */
    static Rational upper(BigInteger k, BigInteger n, Rational conf, Deadline deadline) {
        if (k.equals(n)) return Rational.ONE;
        Binomial b = new Binomial(n.longValueExact(), k.longValueExact(), deadline);
        Rational alpha = Rational.ONE.subtract(conf);
        // above(p) <=> P(X <= k) <= alpha; false at p = 0 (the tail is 1), true at p = 1 (it is 0).
        // Undecided counts as "not above": an unproven candidate is never returned.
        Predicate<BigDecimal> above = p -> b.compareCdf(p, alpha, 1) <= 0;
        double estimate = b.solveDouble(Directed.logOf(alpha), Directed.logOf(conf));
        return Rational.of(Grid.boundary(estimate, true, above)[1]);
    }

    /** The lower bound; exactly 0 when k = 0. Arguments inside the domain. */
    static Rational lower(BigInteger k, BigInteger n, Rational conf, Deadline deadline) {
        if (k.signum() == 0) return Rational.ZERO;
        // P(X >= k) = 1 - P(X <= k - 1): the condition is P(X <= k - 1) >= conf.
        Binomial b = new Binomial(n.longValueExact(), k.longValueExact() - 1, deadline);
        // above(p) <=> P(X <= k - 1) < conf <=> P(X >= k) > alpha; false at p = 0, true at p = 1.
        // Undecided counts as "above": an unproven candidate is never returned.
        Predicate<BigDecimal> above = p -> b.compareCdf(p, conf, -1) < 0;
        double estimate = b.solveDouble(Directed.logOf(conf), Directed.logOf(Rational.ONE.subtract(conf)));
        return Rational.of(Grid.boundary(estimate, false, above)[0]);
    }
}
