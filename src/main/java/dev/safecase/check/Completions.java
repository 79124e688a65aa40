package dev.safecase.check;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.Name;
import dev.safecase.ast.Text;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Type;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The third pass: attaches each completion ({@code claim P.x supported by …}) to the instance
 * node it names, after checking that it only adds clauses that the node may still take.
 */
final class Completions {
    private static final Map<Decl.ElementKind, Set<Clause.Kind>> COMPLETABLE = new EnumMap<>(Decl.ElementKind.class);

    static {
        COMPLETABLE.put(Decl.ElementKind.CLAIM, EnumSet.of(Clause.Kind.SUPPORTED_BY, Clause.Kind.ASSUMING,
                Clause.Kind.CONTEXT, Clause.Kind.JUSTIFIED_BY, Clause.Kind.OWNER, Clause.Kind.DOUBT));
        COMPLETABLE.put(Decl.ElementKind.STRATEGY, EnumSet.of(Clause.Kind.SUPPORTED_BY, Clause.Kind.DOUBT));
        COMPLETABLE.put(Decl.ElementKind.DEFEATER, EnumSet.of(Clause.Kind.ELIMINATED_BY, Clause.Kind.ACCEPTED,
                Clause.Kind.SUPPORTED_BY, Clause.Kind.DOUBT));
        COMPLETABLE.put(Decl.ElementKind.ASSUMPTION, EnumSet.of(Clause.Kind.DOUBT));
    }

    /** What a contract may add to a module's public claim: its development, and who owns it. */
    private static final Set<Clause.Kind> CONTRACT = EnumSet.of(Clause.Kind.SUPPORTED_BY, Clause.Kind.OWNER);

    private final Scope caseScope;
    private final Map<String, DeclaredNode> nodes;
    private final Map<String, DeclaredNode> moduleNodes;
    private final IndexedNodes indexed;
    private final Diagnostics diags;

    Completions(Scope caseScope, Map<String, DeclaredNode> nodes, IndexedNodes indexed, Diagnostics diags) {
        this(caseScope, nodes, Map.of(), indexed, diags);
    }

    /** {@code moduleNodes}: the nodes of the case's modules, which a contract may complete. */
    Completions(Scope caseScope, Map<String, DeclaredNode> nodes, Map<String, DeclaredNode> moduleNodes,
                IndexedNodes indexed, Diagnostics diags) {
        this.caseScope = caseScope;
        this.nodes = nodes;
        this.moduleNodes = moduleNodes;
        this.indexed = indexed;
        this.diags = diags;
    }

    /** The completion of each completed node, by node ID. */
    Map<String, Decl.Element> run(Iterable<Decl.Element> completions) {
        Map<String, Decl.Element> out = new LinkedHashMap<>();
        for (Decl.Element c : completions) target(c).ifPresent(node -> attach(c, node, out));
        return out;
    }

    /** The instance node a completion names, if its ID is a prefix and a node of that instance. */
    private Optional<DeclaredNode> target(Decl.Element c) {
        Name id = c.id();
        Optional<Scope.Symbol> first = caseScope.local(id.first());
        if (first.isEmpty()) {
            diags.error(Code.SC201, id.pos(), "unknown use prefix '" + id.first() + "'" + Resolve.suggestion(id, caseScope));
            return Optional.empty();
        }
        if (first.get() instanceof Scope.ModuleSym m && id.parts().size() == 2) return contract(c, m);
        if (!(first.get() instanceof Scope.PrefixSym p)) {
            diags.error(Code.SC313, id.pos(), "a qualified ID declares a completion, and '" + id.first()
                    + "' is not a `use` prefix; IDs of new nodes are simple names");
            return Optional.empty();
        }
        if (id.parts().size() != 2) {
            diags.error(Code.SC313, id.pos(), "a completion names one node of an instance, as " + id.first() + "."
                    + id.parts().get(1) + ", not " + id.text());
            return Optional.empty();
        }
        Optional<Scope.Symbol> target = p.instance().local(id.last());
        if (target.isPresent() && target.get() instanceof Scope.IndexedNodeSym ix) return member(c, ix);
        if (target.isEmpty() || !(target.get() instanceof Scope.NodeSym ns)) {
            diags.error(Code.SC201, id.pos(), "instance " + id.first() + " has no node '" + id.last() + "'"
                    + Resolve.suggestion(id, caseScope));
            return Optional.empty();
        }
        if (c.index().isPresent()) {
            diags.error(Code.SC411, c.index().get().pos(), ns.id() + " is not indexed");
            return Optional.empty();
        }
        return present(c, ns.id());
    }

    /** The member of an indexed instance node that a completion names: {@code claim P.x[member] …}. */
    private Optional<DeclaredNode> member(Decl.Element c, Scope.IndexedNodeSym ix) {
        Optional<Type.EnumType> en = indexed.enumOf(ix);
        if (en.isEmpty()) return Optional.empty();
        if (c.index().isEmpty() || c.index().get().enumName().isPresent()) {
            diags.error(Code.SC411, c.id().pos(), ix.id() + " is indexed by " + en.get().name() + "; complete one member: "
                    + c.kind().keyword + " " + c.id().text() + "[" + en.get().members().get(0) + "] …");
            return Optional.empty();
        }
        Decl.Ident m = c.index().get().var();
        if (!en.get().members().contains(m.id())) {
            diags.error(Code.SC411, m.pos(), "'" + m.id() + "' is not a member of " + en.get().name() + " (members: "
                    + String.join(", ", en.get().members()) + ")");
            return Optional.empty();
        }
        return present(c, IndexedNodes.id(ix.id(), m.id()));
    }

    private Optional<DeclaredNode> present(Decl.Element c, String id) {
        DeclaredNode node = nodes.get(id);
        if (node == null) {
            diags.error(Code.SC331, c.id().pos(), id + " is left out of its instance by `when`, so it cannot be completed");
        }
        return Optional.ofNullable(node);
    }

    /**
     * A module contract: the case develops an undeveloped public claim of a module, the module's
     * interface gap, with support of its own ({@code claim hz.needs supported by other.goal}).
     */
    private Optional<DeclaredNode> contract(Decl.Element c, Scope.ModuleSym m) {
        Name id = c.id();
        if (m.module().isHidden(id.last())) {
            Resolve.reportedPrivate(id, caseScope, diags);
            return Optional.empty();
        }
        Optional<Scope.Symbol> target = m.module().local(id.last());
        DeclaredNode node = target.filter(Scope.NodeSym.class::isInstance)
                .map(t -> moduleNodes.get(((Scope.NodeSym) t).id())).orElse(null);
        if (node == null) {
            diags.error(Code.SC201, id.pos(), "module " + m.module().shown() + " has no node '" + id.last() + "'");
            return Optional.empty();
        }
        boolean undeveloped = node.decl().clauses().stream().anyMatch(x -> x.kind() == Clause.Kind.UNDEVELOPED);
        if (c.kind() != Decl.ElementKind.CLAIM || node.decl().kind() != Decl.ElementKind.CLAIM || !undeveloped) {
            diags.error(Code.SC313, c.pos(), "a contract completes an undeveloped public claim of a module, and "
                    + node.id() + " is " + (node.decl().kind() != Decl.ElementKind.CLAIM ? "a " + node.decl().kind().keyword
                    : "developed in its module") + "; only `use` instances and undeveloped module claims can be completed");
            return Optional.empty();
        }
        for (Clause cl : c.clauses()) {
            if (!CONTRACT.contains(cl.kind())) {
                diags.error(Code.SC313, cl.pos(), "a contract for a module's claim may add `supported by` and `owner`, not `"
                        + cl.kind().keyword + "`");
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private void attach(Decl.Element c, DeclaredNode node, Map<String, Decl.Element> out) {
        Decl.Element el = node.decl();
        if (el.kind() != c.kind()) {
            diags.error(Code.SC313, c.pos(), node.id() + " is a " + el.kind().keyword + ", not a " + c.kind().keyword);
            return;
        }
        if (c.text().isPresent() || c.formula().isPresent()) {
            diags.error(Code.SC313, c.text().map(Text::pos).orElse(c.formula().map(Expr::pos).orElse(c.pos())),
                    "a completion adds clauses only; its text and formula come from the pattern");
            return;
        }
        if (out.containsKey(node.id())) {
            diags.error(Code.SC313, c.pos(), node.id() + " is already completed at " + out.get(node.id()).pos());
            return;
        }
        Set<Clause.Kind> allowed = COMPLETABLE.getOrDefault(c.kind(), Set.of());
        for (Clause cl : c.clauses()) {
            if (!allowed.contains(cl.kind())) {
                diags.error(Code.SC313, cl.pos(), "a completion of a " + c.kind().keyword + " cannot add `" + cl.kind().keyword
                        + "`" + (allowed.isEmpty() ? "" : " (it may add " + String.join(", ",
                        allowed.stream().map(k -> "`" + k.keyword + "`").toList()) + ")"));
                return;
            }
            boolean already = el.clauses().stream().anyMatch(x -> x.kind() == cl.kind()
                    && cl.kind() != Clause.Kind.ASSUMING && cl.kind() != Clause.Kind.CONTEXT && cl.kind() != Clause.Kind.JUSTIFIED_BY);
            // a doubt may be added to a pattern's `accepted`: it states the residual risk of that review
            Optional<Clause.Kind> settled = c.kind() != Decl.ElementKind.DEFEATER || cl.kind() == Clause.Kind.DOUBT
                    ? Optional.empty() : el.clauses().stream()
                    .map(Clause::kind).filter(k -> k == Clause.Kind.ELIMINATED_BY || k == Clause.Kind.ACCEPTED).findFirst();
            if (already || settled.isPresent()) {
                diags.error(Code.SC313, cl.pos(), node.id() + " already has `" + settled.orElse(cl.kind()).keyword
                        + "` in its pattern; a completion cannot replace it");
                return;
            }
        }
        out.put(node.id(), c);
    }
}
