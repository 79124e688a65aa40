package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/** The gate's verdict on the run: passed or not and why, under which rule, and the proved count. */
public record GateResult(boolean passed, Rule rule, int proved, int total, List<String> reasons) {
    public GateResult {
        reasons = List.copyOf(reasons);
    }

    /**
     * The rule as configured: strict or not, the failing statuses in listing order, the minimum proved share, and the
     * largest doubt bound a root may have (docs/confidence.md), if any.
     */
    public record Rule(boolean strict, List<Status> failOn, String minProved, Optional<String> maxDoubt) {
        public Rule {
            failOn = List.copyOf(failOn);
        }

        /** Without a doubt limit. */
        public Rule(boolean strict, List<Status> failOn, String minProved) {
            this(strict, failOn, minProved, Optional.empty());
        }
    }

    public Optional<String> maxDoubt() {
        return rule.maxDoubt();
    }

    public boolean strict() {
        return rule.strict();
    }

    public List<Status> failOn() {
        return rule.failOn();
    }

    public String minProved() {
        return rule.minProved();
    }
}
