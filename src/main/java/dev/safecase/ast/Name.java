package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.util.List;

/** A possibly qualified name as written ({@code a}, {@code cyber.measured}), with its position. */
public record Name(Position pos, List<String> parts) {
    public Name {
        parts = List.copyOf(parts);
    }

    public static Name simple(Position pos, String id) {
        return new Name(pos, List.of(id));
    }

    public boolean isQualified() {
        return parts.size() > 1;
    }

    public String first() {
        return parts.get(0);
    }

    public String last() {
        return parts.get(parts.size() - 1);
    }

    public Name rest() {
        return new Name(pos, parts.subList(1, parts.size()));
    }

    public String text() {
        return String.join(".", parts);
    }

    @Override
    public String toString() {
        return text();
    }
}
