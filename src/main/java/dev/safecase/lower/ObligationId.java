package dev.safecase.lower;

import java.util.Objects;
import java.util.Optional;

/**
 * The ID of an obligation within its case: its kind and the node it is about (the case's own
 * name for {@code consistency}). Written {@code KIND:NODE}, e.g. {@code inference:top}.
 */
public record ObligationId(Obligation.Kind kind, String node) implements Comparable<ObligationId> {
    public ObligationId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
    }

    public static ObligationId of(Obligation.Kind kind, String node) {
        return new ObligationId(kind, node);
    }

    /** Reads {@code KIND:NODE}; empty when the text has another shape or names no kind. */
    public static Optional<ObligationId> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) return Optional.empty();
        return Obligation.Kind.fromLabel(text.substring(0, colon))
                .map(k -> new ObligationId(k, text.substring(colon + 1)));
    }

    @Override
    public int compareTo(ObligationId o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : node.compareTo(o.node);
    }

    @Override
    public String toString() {
        return kind.label() + ":" + node;
    }
}
