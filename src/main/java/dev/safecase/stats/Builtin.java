package dev.safecase.stats;

import dev.safecase.formula.Rational;
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
    RULE_OF_THREE("rule_of_three", Rounding.UP, Arg.COUNT),
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

    /** The rule of three is the 95 % upper bound for zero failures. */
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

    /** A plain-words reason when a statistic's constant arguments are outside its domain. */
    public Optional<String> domainError(List<Rational> values) {
        requireStatistic();
        return Statistics.domainError(spelling, values);
    }

    /** A statistic's value, rounded in its sound direction; the arguments must be inside the domain. */
    public Rational evaluate(List<Rational> values) {
        requireStatistic();
        Optional<String> bad = domainError(values);
        if (bad.isPresent()) throw new IllegalArgumentException(bad.get());
        return switch (this) {
            case RULE_OF_THREE -> Statistics.ruleOfThree(values.get(0).numerator());
            case CLOPPER_PEARSON_UPPER -> Statistics.clopperPearsonUpper(values.get(0).numerator(), values.get(1).numerator(), values.get(2));
            case CLOPPER_PEARSON_LOWER -> Statistics.clopperPearsonLower(values.get(0).numerator(), values.get(1).numerator(), values.get(2));
            case WILSON_UPPER -> Statistics.wilsonUpper(values.get(0).numerator(), values.get(1).numerator(), values.get(2));
            default -> throw new IllegalStateException("not a statistic: " + spelling);
        };
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
