package dev.safecase.judge;

import dev.safecase.num.Rational;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the release gate demands: the statuses that fail it, whether it is strict (a review does
 * not discharge), and the least share of obligations that must be proved. A vacuous proof
 * always fails it; a strict gate fails on {@code asserted} too.
 */
public record GatePolicy(boolean strict, Set<Status> failOn, Rational minProved) {

    public static final Set<Status> DEFAULT_FAIL_ON =
            Set.copyOf(EnumSet.of(Status.REFUTED, Status.VACUOUS, Status.UNKNOWN, Status.OPEN, Status.INVALID));

    public GatePolicy {
        failOn = normalised(failOn, strict);
    }

    /** The fail-on set as the gate applies it: with {@code vacuous}, and with {@code asserted} when strict. */
    public static Set<Status> normalised(Set<Status> failOn, boolean strict) {
        Set<Status> out = failOn.isEmpty() ? EnumSet.noneOf(Status.class) : EnumSet.copyOf(failOn);
        out.add(Status.VACUOUS);
        if (strict) out.add(Status.ASSERTED);
        return Set.copyOf(out);
    }

    /** The fail-on set in {@link Status#FAILING_ORDER}, for printing. */
    public List<Status> failOnOrdered() {
        return Status.inFailingOrder(failOn);
    }

    /** Parses a fail-on list such as {@code refuted,invalid}; the message says what is wrong. */
    public static Set<Status> parseFailOn(String s) {
        Set<Status> out = EnumSet.noneOf(Status.class);
        for (String part : s.split(",")) {
            if (part.isBlank()) continue;
            Status st;
            try {
                st = Status.parse(part);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown status '" + part.trim() + "' (statuses: "
                        + String.join(", ", Status.FAILING_ORDER.stream().map(Status::label).toList()) + ")");
            }
            if (st == Status.PROVED) throw new IllegalArgumentException("'proved' cannot fail the gate");
            out.add(st);
        }
        return out;
    }
}
