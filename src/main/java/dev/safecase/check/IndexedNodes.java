package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.ast.NodeRef;
import dev.safecase.stats.Builtin;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.formula.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Indexed nodes ({@code claim mitigated[h in Hazard]}): one node {@code mitigated[m]} per member m
 * of the enum, and the references that name their members ({@code mitigated[*]},
 * {@code mitigated[collision]}, {@code mitigated[h]}).
 */
final class IndexedNodes {
    private final Diagnostics diags;
    private final Map<Scope.IndexedNodeSym, Optional<Type.EnumType>> enums = new IdentityHashMap<>();

    IndexedNodes(Diagnostics diags) {
        this.diags = diags;
    }

    /** The ID of one member's node: {@code mitigated[collision]}. */
    static String id(String base, String member) {
        return base + "[" + member + "]";
    }

    /** The enum a node is indexed by, resolved (and any mistake reported) once. */
    Optional<Type.EnumType> enumOf(Scope.IndexedNodeSym sym) {
        return enums.computeIfAbsent(sym, s -> Resolve.enumType(s.enumName(), s.scope(), diags));
    }

    /**
     * One declared node per member: its scope binds the index variable to the member, its texts
     * interpolate {@code {var}} as the member.
     */
    List<DeclaredNode> expand(Decl.Element el, Scope.IndexedNodeSym sym, Scope scope, Position pos, Optional<String> origin,
                              Map<String, String> arguments) {
        Optional<Type.EnumType> en = enumOf(sym);
        if (en.isEmpty()) return List.of();
        Decl.Ident var = el.index().orElseThrow().var();
        if (scope.lookup(var.id()).isPresent() || Builtin.isReserved(var.id())) {
            diags.error(Code.SC204, var.pos(), "index variable '" + var.id() + "' shadows a visible name; choose another name");
            return List.of();
        }
        List<DeclaredNode> out = new ArrayList<>();
        for (String m : en.get().members()) {
            Scope inner = scope.bind(var.id(), new Scope.BoundSym(var.pos(), en.get(), m));
            Map<String, String> args = new LinkedHashMap<>(arguments);
            args.put(var.id(), m);
            out.add(new DeclaredNode(el, inner, id(sym.id(), m), pos, origin.map(o -> o + " [" + var.id() + " = " + m + "]"),
                    args));
        }
        return out;
    }

    /** The IDs a reference to an indexed node names; empty after reporting a missing or bad index. */
    Optional<List<String>> members(NodeRef ref, Scope.IndexedNodeSym sym, Scope at) {
        Optional<Type.EnumType> en = enumOf(sym);
        if (en.isEmpty()) return Optional.empty();
        if (ref.index().isEmpty()) {
            diags.error(Code.SC411, ref.pos(), sym.kind().keyword + " " + ref.name().text() + " is indexed by " + en.get().name()
                    + "; write " + ref.name().text() + "[*] for every member, or " + ref.name().text() + "["
                    + en.get().members().get(0) + "] for one");
            return Optional.empty();
        }
        if (ref.index().get() instanceof NodeRef.All) {
            return Optional.of(en.get().members().stream().map(m -> id(sym.id(), m)).toList());
        }
        NodeRef.Member m = (NodeRef.Member) ref.index().get();
        return member(m, en.get(), at).map(x -> List.of(id(sym.id(), x)));
    }

    /** The member an index names: a bound index variable, an enum parameter, or a member of the enum. */
    Optional<String> member(NodeRef.Member m, Type.EnumType en, Scope at) {
        Optional<Scope.Symbol> sym = Resolve.symbol(m.name(), at);
        Optional<Scope.MemberSym> member = Optional.empty();
        if (sym.isPresent() && sym.get() instanceof Scope.BoundSym b) member = Optional.of(new Scope.MemberSym(b.pos(), b.type(), b.member()));
        if (sym.isPresent() && sym.get() instanceof Scope.MemberSym ms) member = Optional.of(ms);
        if (sym.isPresent() && sym.get() instanceof Scope.ParamSym p) member = p.member();
        if (member.isPresent()) {
            if (member.get().type().equals(en)) return Optional.of(member.get().member());
            diags.error(Code.SC411, m.pos(), m.name().text() + " is a member of " + member.get().type().name() + ", not of "
                    + en.name());
            return Optional.empty();
        }
        if (sym.isEmpty() && !m.name().isQualified() && en.members().contains(m.name().first())) {
            return Optional.of(m.name().first());
        }
        diags.error(Code.SC411, m.pos(), "'" + m.name().text() + "' is not a member of " + en.name() + " (members: "
                + String.join(", ", en.members()) + ")");
        return Optional.empty();
    }
}
