package dev.safecase.judge;

import dev.safecase.prove.Verdict;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The final status of an obligation or a node. The declaration order runs from best to worst:
 * it is the order of {@link #worst}, of legends and of status bars.
 */
public enum Status {
    PROVED, ASSERTED, OPEN, UNKNOWN, REFUTED, VACUOUS, INVALID;

    /**
     * The order in which the statuses that can fail the gate are listed to people (fail-on lists,
     * SARIF rules): a refutation first, the statuses a review accepts last.
     */
    public static final List<Status> FAILING_ORDER = List.of(REFUTED, VACUOUS, UNKNOWN, OPEN, INVALID, ASSERTED);

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status worst(Status a, Status b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static Status parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** The statuses of a set, in {@link #FAILING_ORDER}. */
    public static List<Status> inFailingOrder(Collection<Status> statuses) {
        return FAILING_ORDER.stream().filter(statuses::contains).toList();
    }

    /** The status that a solver answer gives an obligation. */
    public static Status of(Verdict.Answer answer) {
        return switch (answer) {
            case PROVED -> PROVED;
            case REFUTED -> REFUTED;
            case VACUOUS -> VACUOUS;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
