package dev.safecase.check;

import dev.safecase.ast.Decl;
import java.util.Optional;

/** A place in a case's node order: a node declared there, or a {@code use} whose instance goes there. */
sealed interface Slot permits Slot.OfNode, Slot.OfIndexed, Slot.OfUse {

    record OfNode(DeclaredNode node) implements Slot {}

    /** An indexed node ({@code claim mitigated[h in Hazard]}), expanded to one node per member once enums are known. */
    record OfIndexed(Decl.Element decl, Scope scope, Scope.IndexedNodeSym symbol) implements Slot {}

    /** {@code prefix} is absent when the use's prefix name was already taken (reported as SC202). */
    record OfUse(Decl.Use use, Optional<Scope.PrefixSym> prefix) implements Slot {}
}
