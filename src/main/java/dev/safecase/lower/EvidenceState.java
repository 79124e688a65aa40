package dev.safecase.lower;

import dev.safecase.evidence.Validity;
import dev.safecase.model.Model;
import java.util.List;
import java.util.Optional;

/**
 * What the evidence stage decided for one item, as the lowering needs it: how it stands, why,
 * and its facts (ground when checked). {@link #of} is the one place that reads the evidence
 * stage's verdict.
 */
public record EvidenceState(Standing standing, Optional<String> reason, List<Model.Fact> facts) {
    public EvidenceState {
        facts = List.copyOf(facts);
    }

    public enum Standing {
        /** the file exists, matches its pin, is fresh and holds what the facts read */
        CHECKED,
        /** a reference (no file): accepted by review, never checked */
        REVIEWED,
        /** the validity check failed: its facts are dropped from every proof */
        FAILED
    }

    public boolean valid() {
        return standing != Standing.FAILED;
    }

    public static EvidenceState of(Validity.Outcome o) {
        Standing s = switch (o.state()) {
            case INVALID -> Standing.FAILED;
            case REFERENCE -> Standing.REVIEWED;
            case VALID -> Standing.CHECKED;
        };
        return new EvidenceState(s, o.reason(), o.facts());
    }
}
