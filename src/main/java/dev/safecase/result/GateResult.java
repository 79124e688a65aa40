package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;

/** The gate's verdict on the run: passed or not and why, under which rule, and the proved count. */
public record GateResult(boolean passed, Rule rule, int proved, int total, List<String> reasons) {
    public GateResult {
        reasons = List.copyOf(reasons);
    }

    /** The rule as configured: strict or not, the failing statuses in listing order, the minimum proved share. */
    public record Rule(boolean strict, List<Status> failOn, String minProved) {
        public Rule {
            failOn = List.copyOf(failOn);
        }
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
