package dev.safecase.judge;

import dev.safecase.diag.Vocabulary;
import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The release gate, for the CLI and the Maven plugin alike: it passes when the input has no
 * errors, no obligation has a status in the fail-on set, and the proved share reaches the
 * minimum.
 */
public final class Gate {
    private final GatePolicy policy;
    private final Vocabulary vocabulary;

    public Gate(GatePolicy policy) {
        this(policy, Vocabulary.CLI);
    }

    /** As above; the reasons name the settings in {@code vocabulary}'s words ({@code min-proved}, {@code minProved}). */
    public Gate(GatePolicy policy, Vocabulary vocabulary) {
        this.policy = policy;
        this.vocabulary = vocabulary;
    }

    public GatePolicy policy() {
        return policy;
    }

    /** Whether a status discharges an obligation or a claim: proved, or asserted when the gate is not strict. */
    public static boolean discharges(Status s, boolean strict) {
        return s == Status.PROVED || (s == Status.ASSERTED && !strict);
    }

    public boolean discharges(Status s) {
        return discharges(s, policy.strict());
    }

    public boolean fails(Status s) {
        return policy.failOn().contains(s);
    }

    /** The gate's decision and, when it fails, every reason in words. */
    public record Decision(boolean passed, List<String> reasons, int proved, int total) {
        public Decision {
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param obligations the status of every obligation of the run
     * @param casesWithErrors how many cases could not be checked
     * @param inputErrors whether the run reported any error
     */
    public Decision decide(List<Status> obligations, long casesWithErrors, boolean inputErrors) {
        int proved = 0;
        Map<Status, Integer> failing = new EnumMap<>(Status.class);
        for (Status s : obligations) {
            if (s == Status.PROVED) proved++;
            if (fails(s)) failing.merge(s, 1, Integer::sum);
        }
        int total = obligations.size();
        List<String> reasons = new ArrayList<>();
        if (casesWithErrors > 0 || inputErrors) {
            reasons.add(casesWithErrors == 1 ? "1 case has input errors"
                    : casesWithErrors > 1 ? casesWithErrors + " cases have input errors" : "the input has errors");
        }
        failing.forEach((s, n) -> reasons.add(n + " obligation" + (n == 1 ? " is " : "s are ") + s.label()));
        Rational share = total == 0 ? Rational.ONE : Rational.of(proved, total);
        if (share.compareTo(policy.minProved()) < 0) {
            reasons.add("proved " + proved + "/" + total + " = " + share.approx() + " < "
                    + vocabulary.word(Vocabulary.Setting.MIN_PROVED) + " " + policy.minProved().approx());
        }
        return new Decision(reasons.isEmpty(), reasons, proved, total);
    }
}
