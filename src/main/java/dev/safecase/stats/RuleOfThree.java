package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigInteger;

/**
 * The rule of three: after n trials without a failure, 3/n is a 95 % upper bound on the
 * failure rate that needs no computation. It is never below the exact bound 1 - 0.05^(1/n)
 * (since 1 - e^-x <= x and -ln 0.05 = 2.9957 < 3), so it errs on the safe side. Exact by
 * construction; costs one fraction.
 */
final class RuleOfThree {
    private RuleOfThree() {
    }

    /** Exactly 3/n, for n >= 1. */
    static Rational bound(BigInteger n) {
        return Rational.of(BigInteger.valueOf(3), n);
    }
}
