package dev.safecase.check;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.ast.Name;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The second pass: instantiates each {@code use}. Its arguments are checked against the
 * pattern's parameters, and the pattern's body is declared once more under the use's prefix,
 * where the use stands in the node order.
 */
final class Patterns {
    /**
     * The case's nodes in order (instance nodes where their use stands, indexed nodes once per member), all of them by
     * ID, and the IDs of the instance nodes that a false {@code when} leaves out.
     */
    record Instantiated(List<DeclaredNode> order, Map<String, DeclaredNode> byId, Set<String> excluded) {}

    private final Declarations.Declared declared;
    private final Formulas formulas;
    private final IndexedNodes indexed;
    private final Diagnostics diags;
    private final Map<String, DeclaredNode> byId;
    private final Set<String> excluded = new LinkedHashSet<>();

    Patterns(Declarations.Declared declared, Formulas formulas, IndexedNodes indexed, Diagnostics diags) {
        this.declared = declared;
        this.formulas = formulas;
        this.indexed = indexed;
        this.diags = diags;
        this.byId = new LinkedHashMap<>(declared.caseNodes());
    }

    Instantiated run() {
        List<DeclaredNode> order = new ArrayList<>();
        for (Slot slot : declared.slots()) {
            if (slot instanceof Slot.OfNode n) order.add(n.node());
            else if (slot instanceof Slot.OfIndexed x) {
                for (DeclaredNode d : indexed.expand(x.decl(), x.symbol(), x.scope(), x.decl().pos(), Optional.empty(), Map.of())) {
                    order.add(d);
                    byId.put(d.id(), d);
                }
            } else if (slot instanceof Slot.OfUse u) u.prefix().ifPresent(p -> order.addAll(instantiate(u.use(), p)));
        }
        return new Instantiated(List.copyOf(order), byId, Set.copyOf(excluded));
    }

    private List<DeclaredNode> instantiate(Decl.Use use, Scope.PrefixSym prefix) {
        Scope caseScope = declared.caseScope();
        Optional<Scope.Symbol> found = Resolve.symbol(use.pattern(), caseScope);
        if (found.isEmpty()) {
            Resolve.reportUnknown(use.pattern(), caseScope, diags);
            return List.of();
        }
        if (!(found.get() instanceof Scope.PatternSym ps)) {
            diags.error(Code.SC206, use.pattern().pos(), "'" + use.pattern().text() + "' is not a pattern");
            return List.of();
        }
        Decl.Pattern pattern = ps.decl();
        Scope instance = prefix.instance();
        Scope body = Scope.ofInstance(Optional.of(ps.declaringScope()), instance.prefix());
        Optional<Map<String, String>> arguments = bindArguments(use, pattern, body);
        if (arguments.isEmpty()) return List.of();
        List<DeclaredNode> nodes = new ArrayList<>();
        // the instance's names are visible as prefix.x from the case, and resolve inside the body scope
        for (Decl d : pattern.body()) {
            if (d instanceof Decl.Quantity q) {
                Scope.QuantitySym sym = new Scope.QuantitySym(q.pos(), body.prefix() + q.name().id(), q, body);
                if (Declarations.declare(body, q.name().id(), q.name().pos(), sym, diags)) instance.declare(q.name().id(), sym);
            } else if (d instanceof Decl.Define def) {
                Scope.DefineSym sym = new Scope.DefineSym(def.pos(), body.prefix() + def.name().id(), def, body);
                if (Declarations.declare(body, def.name().id(), def.name().pos(), sym, diags)) instance.declare(def.name().id(), sym);
            } else if (d instanceof Decl.Element el) {
                nodes.addAll(instanceNode(use, pattern, el, body, instance, arguments.get()));
            } else {
                diags.error(Code.SC210, d.pos(), "a pattern body may hold quantity, define, assumption, context, "
                        + "justification, claim, strategy and defeater declarations only");
            }
        }
        formulas.quantities().registerDeclared(body);
        return nodes;
    }

    private List<DeclaredNode> instanceNode(Decl.Use use, Decl.Pattern pattern, Decl.Element el, Scope body, Scope instance,
                                            Map<String, String> arguments) {
        if (el.kind() == Decl.ElementKind.EVIDENCE || el.id().isQualified()) {
            diags.error(Code.SC210, el.pos(), el.id().isQualified()
                    ? "a completion belongs at the top level of the case, not in a pattern"
                    : "a pattern may not hold evidence; complete the instance's claim with the case's evidence");
            return List.of();
        }
        String id = el.id().first();
        Model.Kind kind = Model.Kind.valueOf(el.kind().name());
        Optional<String> origin = Optional.of(pattern.name().id() + "." + id + " (" + el.pos() + ")");
        boolean present = included(el, body);
        if (el.index().isPresent()) {
            Decl.IndexDecl ix = el.index().get();
            if (ix.enumName().isEmpty()) {
                diags.error(Code.SC411, ix.pos(), "declare an indexed node with [var in Enum]");
                return List.of();
            }
            Scope.IndexedNodeSym sym = new Scope.IndexedNodeSym(use.pos(), body.prefix() + id, kind, ix.enumName().get(), body);
            if (!Declarations.declare(body, id, el.id().pos(), sym, diags)) return List.of();
            instance.declare(id, sym);
            List<DeclaredNode> nodes = indexed.expand(el, sym, body, use.pos(), origin, arguments);
            for (DeclaredNode n : nodes) {
                if (present) byId.put(n.id(), n);
                else excluded.add(n.id());
            }
            return present ? nodes : List.of();
        }
        Scope.NodeSym sym = new Scope.NodeSym(use.pos(), body.prefix() + id, kind);
        if (!Declarations.declare(body, id, el.id().pos(), sym, diags)) return List.of();
        instance.declare(id, sym);
        if (!present) {
            excluded.add(sym.id());
            return List.of();
        }
        DeclaredNode node = new DeclaredNode(el, body, sym.id(), use.pos(), origin, arguments);
        byId.put(node.id(), node);
        return List.of(node);
    }

    /** Whether a pattern's node is in the instance: it has no {@code when}, or its bool parameter says so. */
    private boolean included(Decl.Element el, Scope body) {
        Optional<Clause.When> when = el.clauses().stream().filter(c -> c instanceof Clause.When).map(Clause.When.class::cast)
                .findFirst();
        if (when.isEmpty()) return true;
        Optional<Scope.Symbol> sym = body.local(when.get().param().id());
        if (sym.isEmpty() || !(sym.get() instanceof Scope.ParamSym p) || p.bool().isEmpty()) {
            diags.error(Code.SC331, when.get().param().pos(), "`when` names a bool parameter of the pattern, and '"
                    + when.get().param().id() + "' is not one");
            return true;
        }
        return p.bool().get() != when.get().negated();
    }

    /** Binds parameters in the instance scope; gives the texts for {name} interpolation, or empty on error. */
    private Optional<Map<String, String>> bindArguments(Decl.Use use, Decl.Pattern pattern, Scope body) {
        Map<String, Decl.Arg> given = new LinkedHashMap<>();
        boolean ok = true;
        for (Decl.Arg a : use.args()) {
            if (pattern.params().stream().noneMatch(p -> p.name().equals(a.name()))) {
                diags.error(Code.SC315, a.pos(), "pattern " + pattern.name().id() + " has no parameter '" + a.name() + "'");
                ok = false;
            } else if (given.putIfAbsent(a.name(), a) != null) {
                diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' is given twice");
                ok = false;
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Decl.Param p : pattern.params()) {
            if (!given.containsKey(p.name())) {
                diags.error(Code.SC315, use.pos(), "missing argument '" + p.name() + "' (" + p.enumType().map(Name::text)
                        .orElse(p.type().name().toLowerCase(Locale.ROOT)) + ") for pattern " + pattern.name().id());
                ok = false;
                continue;
            }
            Decl.Arg a = given.get(p.name());
            Optional<Scope.ParamSym> sym = argument(p, a, body.parent().orElse(declared.caseScope()));
            if (sym.isEmpty()) {
                ok = false;
                continue;
            }
            body.declare(p.name(), sym.get());
            texts.put(p.name(), a.source());
        }
        return ok ? Optional.of(texts) : Optional.empty();
    }

    private Optional<Scope.ParamSym> argument(Decl.Param p, Decl.Arg a, Scope declaring) {
        String type = p.type().name().toLowerCase(Locale.ROOT);
        if (p.type() == Decl.ParamType.ENUM) return enumArgument(p, a, declaring);
        if (p.type() == Decl.ParamType.TEXT) {
            if (a.text().isEmpty()) {
                diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a text (a \"string\")");
                return Optional.empty();
            }
            return Optional.of(new Scope.ParamSym(a.pos(), p.type(), Optional.empty(), Optional.empty(), a.source()));
        }
        if (a.value().isEmpty()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a " + type + " constant, not a text");
            return Optional.empty();
        }
        Optional<Term> t = formulas.expression(a.value().get(), declared.caseScope(), Place.ARGUMENT);
        if (t.isEmpty()) return Optional.empty();
        if (p.type() == Decl.ParamType.BOOL) {
            if (t.get() instanceof Term.BoolConst b) {
                return Optional.of(new Scope.ParamSym(a.pos(), p.type(), Optional.empty(), Optional.of(b.value()), a.source()));
            }
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be true or false");
            return Optional.empty();
        }
        Optional<Rational> v = formulas.constant(t.get());
        if (v.isEmpty()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a constant " + type);
            return Optional.empty();
        }
        if (p.type() == Decl.ParamType.INT && !v.get().isInteger()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be an integer, not " + a.source());
            return Optional.empty();
        }
        if (p.type() == Decl.ParamType.PROBABILITY && (v.get().signum() < 0 || v.get().compareTo(Rational.ONE) > 0)) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a probability in [0, 1], not " + a.source());
            return Optional.empty();
        }
        return Optional.of(new Scope.ParamSym(a.pos(), p.type(), v, Optional.empty(), a.source()));
    }

    /** An enum parameter: the argument is a member of the enum, written as in the case ({@code collision}, {@code Hazard.collision}). */
    private Optional<Scope.ParamSym> enumArgument(Decl.Param p, Decl.Arg a, Scope declaring) {
        Optional<Type.EnumType> en = Resolve.enumType(p.enumType().orElseThrow(), declaring, diags);
        if (en.isEmpty()) return Optional.empty();
        if (a.value().isEmpty()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a member of " + en.get().name() + ", not a text");
            return Optional.empty();
        }
        Optional<Term> t = formulas.expression(a.value().get(), declared.caseScope(), Place.ARGUMENT);
        if (t.isEmpty()) return Optional.empty();
        if (!(t.get() instanceof Term.EnumConst c) || !c.type().equals(en.get())) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a member of " + en.get().name() + " (members: "
                    + String.join(", ", en.get().members()) + ")");
            return Optional.empty();
        }
        return Optional.of(new Scope.ParamSym(a.pos(), p.type(), Optional.empty(), Optional.empty(), c.member(),
                Optional.of(new Scope.MemberSym(a.pos(), c.type(), c.member()))));
    }
}
