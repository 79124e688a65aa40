package dev.safecase.lower;

import java.util.Objects;
import java.util.Optional;

/**
 * An obligation named across a run: its case and its ID, written {@code CASE:KIND:NODE}. The key
 * of the verdicts of a run, so two cases with a claim of the same name never share one.
 */
public record ObligationRef(String caseName, ObligationId id) {
    public ObligationRef {
        Objects.requireNonNull(caseName, "caseName");
        Objects.requireNonNull(id, "id");
    }

    /** Reads {@code CASE:KIND:NODE}; empty for any other shape. */
    public static Optional<ObligationRef> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) return Optional.empty();
        return ObligationId.parse(text.substring(colon + 1)).map(id -> new ObligationRef(text.substring(0, colon), id));
    }

    @Override
    public String toString() {
        return caseName + ":" + id;
    }
}
