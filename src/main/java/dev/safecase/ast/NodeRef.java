package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.util.Optional;

/**
 * A reference to a node in a clause, as written: {@code top}, {@code cyber.measured}, or members of
 * an indexed node: {@code mitigated[*]} (every member), {@code mitigated[collision]} (one member),
 * {@code mitigated[h]} (the member an index variable stands for).
 */
public record NodeRef(Position pos, Name name, Optional<Index> index) {
    /** What stands between the brackets. */
    public sealed interface Index permits All, Member {
        Position pos();
    }

    /** {@code [*]}: every member. */
    public record All(Position pos) implements Index {}

    /** {@code [m]}: a member, or an index variable bound to one. */
    public record Member(Position pos, Name name) implements Index {}

    public static NodeRef plain(Name name) {
        return new NodeRef(name.pos(), name, Optional.empty());
    }

    public String text() {
        return name.text() + index.map(i -> i instanceof Member m ? "[" + m.name().text() + "]" : "[*]").orElse("");
    }

    @Override
    public String toString() {
        return text();
    }
}
