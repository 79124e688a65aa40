package dev.safecase.stats;

import dev.safecase.num.Rational;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every built-in function of the case language, with what the checker, the evidence stage and
 * the reports need to know of it. Adding a statistic means adding a constant here (and its
 * method in this package); nothing else switches on function names.
 */
public enum Builtin {
    MIN("min", Rounding.EXACT, Arg.NUMBER, Arg.NUMBER),
    MAX("max", Rounding.EXACT, Arg.NUMBER, Arg.NUMBER),
    ABS("abs", Rounding.EXACT, Arg.NUMBER),
    JSON("json", Rounding.EXACT, Arg.POINTER),
    RULE_OF_THREE("rule_of_three", Rounding.UP, Arg.COUNT, Arg.COUNT),
    CLOPPER_PEARSON_UPPER("clopper_pearson_upper", Rounding.UP, Arg.COUNT, Arg.COUNT, Arg.CONFIDENCE),
    CLOPPER_PEARSON_LOWER("clopper_pearson_lower", Rounding.DOWN, Arg.COUNT, Arg.COUNT, Arg.CONFIDENCE),
    WILSON_UPPER("wilson_upper", Rounding.UP, Arg.COUNT, Arg.COUNT, Arg.CONFIDENCE);

    /** Which way a value is rounded, and so where it may soundly stand. */
    public enum Rounding {
        /** Computed exactly (min, max, abs) or not a number (json). */
        EXACT,
        /** Rounded up: sound only where a larger value is weaker. */
        UP,
        /** Rounded down: sound only where a smaller value is weaker. */
        DOWN
    }

    /** What one argument must be. */
    public enum Arg {
        /** any number term */
        NUMBER,
        /** a JSON Pointer string */
        POINTER,
        /** a constant whole number (k, n) */
        COUNT,
        /** a constant confidence level in (0, 1) */
        CONFIDENCE
    }

    /** The rule of three is the 95 % upper bound for zero failures: {@code rule_of_three(failures, n)}, failures = 0. */
    private static final Rational RULE_OF_THREE_CONFIDENCE = Rational.of(95, 100);

    private final String spelling;
    private final Rounding rounding;
    private final List<Arg> args;

    Builtin(String spelling, Rounding rounding, Arg... args) {
        this.spelling = spelling;
        this.rounding = rounding;
        this.args = List.of(args);
    }

    /** The name as written in a case. */
    public String spelling() {
        return spelling;
    }

    public Rounding rounding() {
        return rounding;
    }

    public List<Arg> args() {
        return args;
    }

    public int arity() {
        return args.size();
    }

    /** A statistical bound: evaluated exactly from constant arguments and rounded soundly. */
    public boolean isStatistic() {
        return rounding != Rounding.EXACT;
    }

    /** The built-in of this name, if there is one. */
    public static Optional<Builtin> named(String name) {
        return Arrays.stream(values()).filter(b -> b.spelling.equals(name)).findFirst();
    }

    /** Every name that cannot be declared. */
    public static boolean isReserved(String name) {
        return named(name).isPresent();
    }

    /** The built-in names for messages, in declaration order: "min, max, …, wilson_upper and json". */
    public static String listed() {
        List<String> names = Arrays.stream(values()).filter(b -> b != JSON).map(Builtin::spelling).toList();
        return String.join(", ", names) + " and " + JSON.spelling;
    }

    /**
     * The largest numerator or denominator of a confidence level, in decimal digits: a level
     * within 10^-d of 0 or 1 costs the normal quantile about d more digits of work.
     */
    public static final int MAX_CONFIDENCE_DIGITS = 100;

    /** The largest n of the three-argument statistics (the trial counts are 32-bit). */
    public static final long MAX_N = Integer.MAX_VALUE;

    /** The largest min(k, n - k) for which a Clopper-Pearson bound is evaluated. */
    public static final long MAX_CLOPPER_PEARSON_TERMS = ClopperPearson.MAX_TERMS;

    /** What one evaluation gave: the value, or why there is none. */
    public sealed interface Evaluation permits Evaluation.Value, Evaluation.Unfinished {
        /** The value, rounded in the statistic's sound direction. */
        record Value(Rational value) implements Evaluation {}

        /** No value: the deadline passed first. Nothing may rest on such a call. */
        record Unfinished(String reason) implements Evaluation {}
    }

    /**
     * A plain-words reason when a statistic's constant arguments are outside its domain, checked
     * in order: k an integer, n an integer, n >= 1, n <= 2^31 - 1, 0 <= k <= n, 0 < conf < 1,
     * conf written with at most {@link #MAX_CONFIDENCE_DIGITS} digits, and for Clopper-Pearson
     * min(k, n - k) <= {@link #MAX_CLOPPER_PEARSON_TERMS}. Inside the domain every evaluation ends,
     * in at most a few seconds.
     */
    public Optional<String> domainError(List<Rational> values) {
        requireStatistic();
        if (values.size() != arity()) {
            return Optional.of(spelling + " takes " + arity() + (arity() == 1 ? " argument" : " arguments")
                    + " (got " + values.size() + ")");
        }
        if (this == RULE_OF_THREE) {
            Rational failures = values.get(0);
            Rational n = values.get(1);
            if (!failures.isInteger()) return Optional.of("failures must be an integer (got " + failures + ")");
            if (!n.isInteger()) return Optional.of("n must be an integer (got " + n + ")");
            if (failures.signum() != 0) {
                return Optional.of("the rule of three holds only after 0 failures, and there were " + failures
                        + "; use clopper_pearson_upper(" + failures + ", n, 95%) for a bound after failures");
            }
            return atLeastOne(n.numerator());
        }
        Rational k = values.get(0);
        Rational n = values.get(1);
        Rational conf = values.get(2);
        if (!k.isInteger()) return Optional.of("k must be an integer (got " + k + ")");
        if (!n.isInteger()) return Optional.of("n must be an integer (got " + n + ")");
        Optional<String> bad = atLeastOne(n.numerator());
        if (bad.isPresent()) return bad;
        BigInteger nn = n.numerator();
        BigInteger kk = k.numerator();
        if (nn.compareTo(BigInteger.valueOf(MAX_N)) > 0) {
            return Optional.of("n is too large (got " + nn + "; at most " + MAX_N + " is supported)");
        }
        if (kk.signum() < 0 || kk.compareTo(nn) > 0) {
            return Optional.of("k must be between 0 and n (got k = " + kk + ", n = " + nn + ")");
        }
        if (conf.signum() <= 0 || conf.compareTo(Rational.ONE) >= 0) {
            return Optional.of("conf must be strictly between 0 and 1 (got " + conf + ")");
        }
        if (digits(conf.numerator()) > MAX_CONFIDENCE_DIGITS || digits(conf.denominator()) > MAX_CONFIDENCE_DIGITS) {
            return Optional.of("conf has too many digits (at most " + MAX_CONFIDENCE_DIGITS
                    + " in its numerator and denominator are supported)");
        }
        if (this != WILSON_UPPER && kk.min(nn.subtract(kk)).compareTo(BigInteger.valueOf(MAX_CLOPPER_PEARSON_TERMS)) > 0) {
            return Optional.of("min(k, n - k) is too large for an exact bound (got k = " + kk + ", n = " + nn
                    + "; at most " + MAX_CLOPPER_PEARSON_TERMS + " is supported)");
        }
        return Optional.empty();
    }

    private static Optional<String> atLeastOne(BigInteger n) {
        return n.signum() <= 0 ? Optional.of("n must be at least 1 (got " + n + ")") : Optional.empty();
    }

    /** Decimal digits of |x| (exact: the estimate from the bit length is checked). */
    private static int digits(BigInteger x) {
        int estimate = (int) (x.abs().bitLength() * 1233L >> 12) + 1;
        return estimate > MAX_CONFIDENCE_DIGITS + 1 ? estimate : x.abs().toString().length();
    }

    /** A statistic's value, rounded in its sound direction; the arguments must be inside the domain. */
    public Rational evaluate(List<Rational> values) {
        Evaluation e = evaluate(values, Deadline.NONE);
        if (e instanceof Evaluation.Value v) return v.value();
        throw new IllegalStateException("an evaluation without a deadline cannot run out of time");
    }

    /**
     * A statistic's value, or {@link Evaluation.Unfinished} when the deadline passes first; the
     * arguments must be inside the domain.
     */
    public Evaluation evaluate(List<Rational> values, Deadline deadline) {
        requireStatistic();
        Optional<String> bad = domainError(values);
        if (bad.isPresent()) throw new IllegalArgumentException(bad.get());
        try {
            return new Evaluation.Value(switch (this) {
                case RULE_OF_THREE -> RuleOfThree.bound(values.get(1).numerator());
                case CLOPPER_PEARSON_UPPER -> ClopperPearson.upper(values.get(0).numerator(), values.get(1).numerator(), values.get(2), deadline);
                case CLOPPER_PEARSON_LOWER -> ClopperPearson.lower(values.get(0).numerator(), values.get(1).numerator(), values.get(2), deadline);
                case WILSON_UPPER -> Wilson.upper(values.get(0).numerator(), values.get(1).numerator(), values.get(2));
                default -> throw new IllegalStateException("not a statistic: " + spelling);
            });
        } catch (Deadline.Expired ex) {
            return new Evaluation.Unfinished("not evaluated within the " + deadline.millis() + " ms allowed (" + deadline.setting() + ")");
        }
    }

    /** The confidence with which a statistic's value bounds the true rate. */
    public Rational confidence(List<Rational> values) {
        requireStatistic();
        return this == RULE_OF_THREE ? RULE_OF_THREE_CONFIDENCE : values.get(args.indexOf(Arg.CONFIDENCE));
    }

    private void requireStatistic() {
        if (!isStatistic()) throw new IllegalStateException(spelling + " is not a statistic");
    }
}
