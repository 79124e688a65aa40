package dev.safecase.result;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Optional;

/** A claim: what it says, how it is supported, and how it stands. {@code formula} is present iff it is formal. */
public record ClaimResult(NodeInfo node, Optional<String> formula, Standing standing, Support support, Clauses clauses,
                          Provenance provenance, Confidence confidence) implements NodeResult {
    /** Its status over its closure, whether it is a root and discharged, and the assumptions it rests on. */
    public record Standing(Status status, boolean root, boolean discharged, List<String> restsOn) {
        public Standing {
            restsOn = List.copyOf(restsOn);
        }
    }

    /**
     * How it is supported: {@code kind} is strategy, direct, undeveloped or none; {@code supportedBy}
     * its list; {@code asserted} the review that accepts it.
     */
    public record Support(String kind, List<String> supportedBy, boolean undeveloped, Optional<String> asserted) {
        public Support {
            supportedBy = List.copyOf(supportedBy);
        }
    }

    /** The statistical bounds in its closure and the confidence that they hold together. */
    public record Confidence(List<BoundResult> bounds, String joint) {
        public static final Confidence NONE = new Confidence(List.of(), "1");

        public Confidence {
            bounds = List.copyOf(bounds);
        }
    }

    public Status status() {
        return standing.status();
    }

    public boolean root() {
        return standing.root();
    }

    public boolean discharged() {
        return standing.discharged();
    }

    public List<String> restsOn() {
        return standing.restsOn();
    }

    public boolean formal() {
        return formula.isPresent();
    }
}
