package dev.safecase.lower;

import java.util.Objects;
import java.util.Optional;

/**
 * The ID of an obligation within its case: its kind, the node it is about (the case's own name
 * for {@code consistency}) and, for one route of a support list with choices, the route. Written
 * {@code KIND:NODE} or {@code KIND:NODE/ROUTE}, e.g. {@code inference:top}, {@code inference:top/a+c}.
 */
public record ObligationId(Obligation.Kind kind, String node, Optional<String> route) implements Comparable<ObligationId> {
    public ObligationId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(route, "route");
    }

    public ObligationId(Obligation.Kind kind, String node) {
        this(kind, node, Optional.empty());
    }

    public static ObligationId of(Obligation.Kind kind, String node) {
        return new ObligationId(kind, node, Optional.empty());
    }

    /** The obligation of one route ({@code a+c}) of a node's support list. */
    public static ObligationId of(Obligation.Kind kind, String node, String route) {
        return new ObligationId(kind, node, Optional.of(route));
    }

    /** Reads {@code KIND:NODE} or {@code KIND:NODE/ROUTE}; empty when the text has another shape or names no kind. */
    public static Optional<ObligationId> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1 || text.indexOf(':', colon + 1) >= 0) return Optional.empty();
        String rest = text.substring(colon + 1);
        int slash = rest.indexOf('/');
        if (slash == 0 || slash == rest.length() - 1) return Optional.empty();
        Optional<String> route = slash < 0 ? Optional.empty() : Optional.of(rest.substring(slash + 1));
        String node = slash < 0 ? rest : rest.substring(0, slash);
        return Obligation.Kind.fromLabel(text.substring(0, colon)).map(k -> new ObligationId(k, node, route));
    }

    @Override
    public int compareTo(ObligationId o) {
        int c = kind.compareTo(o.kind);
        if (c != 0) return c;
        c = node.compareTo(o.node);
        return c != 0 ? c : route.orElse("").compareTo(o.route.orElse(""));
    }

    @Override
    public String toString() {
        return kind.label() + ":" + node + route.map(r -> "/" + r).orElse("");
    }
}
