package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.diag.Position;
import java.util.Map;
import java.util.Optional;

/**
 * A node as declared, before its clauses and formula are resolved.
 *
 * @param scope     where its own clauses and formula resolve (the instance, for a pattern's node)
 * @param id        its ID in the case ({@code cyber.top} for an instance node)
 * @param pos       where it stands in the case (the {@code use}, for an instance node)
 * @param origin    the pattern node an instance node comes from
 * @param arguments the source text of each pattern argument, for {name} in its texts
 */
record DeclaredNode(Decl.Element decl, Scope scope, String id, Position pos, Optional<String> origin,
                    Map<String, String> arguments) {
    DeclaredNode {
        arguments = Map.copyOf(arguments);
    }
}
