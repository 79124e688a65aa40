package dev.safecase.evidence;

import dev.safecase.ast.Rational;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The statistics built-ins by name: arity, soundness direction and exact evaluation. */
public final class Builtins {
    private Builtins() {
    }

    /** Built-ins rounded up: sound only where a larger value is weaker. */
    public static final Set<String> UPPER = Set.of("rule_of_three", "clopper_pearson_upper", "wilson_upper");
    /** Built-ins rounded down: sound only where a smaller value is weaker. */
    public static final Set<String> LOWER = Set.of("clopper_pearson_lower");
    /** Every name that cannot be declared. */
    public static final Set<String> RESERVED = Set.of("min", "max", "abs", "rule_of_three", "clopper_pearson_upper",
            "clopper_pearson_lower", "wilson_upper", "json");

    public static boolean isStatistic(String fn) {
        return UPPER.contains(fn) || LOWER.contains(fn);
    }

    public static int arity(String fn) {
        return switch (fn) {
            case "rule_of_three", "abs", "json" -> 1;
            case "min", "max" -> 2;
            default -> 3;
        };
    }

    /** Which arguments must be integers (k, n), by position. */
    public static boolean integerArg(String fn, int index) {
        return fn.equals("rule_of_three") || index < 2;
    }

    /** A plain-words reason when the arguments are outside the domain. */
    public static Optional<String> domainError(String fn, List<Rational> args) {
        return Statistics.domainError(fn, args);
    }

    /** Evaluates exactly (rounded in the sound direction); arguments must be inside the domain. */
    public static Rational evaluate(String fn, List<Rational> args) {
        Optional<String> bad = domainError(fn, args);
        if (bad.isPresent()) throw new IllegalArgumentException(bad.get());
        return switch (fn) {
            case "rule_of_three" -> Statistics.ruleOfThree(args.get(0).numerator());
            case "clopper_pearson_upper" -> Statistics.clopperPearsonUpper(args.get(0).numerator(), args.get(1).numerator(), args.get(2));
            case "clopper_pearson_lower" -> Statistics.clopperPearsonLower(args.get(0).numerator(), args.get(1).numerator(), args.get(2));
            case "wilson_upper" -> Statistics.wilsonUpper(args.get(0).numerator(), args.get(1).numerator(), args.get(2));
            default -> throw new IllegalArgumentException("not a statistics built-in: " + fn);
        };
    }
}
