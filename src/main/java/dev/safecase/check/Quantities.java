package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.model.Model;
import dev.safecase.stats.Builtin;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scalar quantities of a case ({@code p}, {@code risk[deception]}, {@code cyber.rate}), each
 * registered once, in the order first registered: the case's and its instances' are registered
 * up front, a module's when a formula first uses them.
 */
final class Quantities {
    private final Formulas formulas;
    private final Texts texts;
    private final Diagnostics diags;
    private final Map<Scope.QuantitySym, Optional<Type>> types = new IdentityHashMap<>();
    /** Names in registration order; a name is registered before it is built, so a range naming it stops there. */
    private final Set<String> registered = new LinkedHashSet<>();
    private final Map<String, Model.Quantity> built = new HashMap<>();
    /** Registered while another is being built (its range named them): built after it, not inside it. */
    private final Deque<Pending> pending = new ArrayDeque<>();
    private boolean building;

    private record Pending(Scope.QuantitySym symbol, String name) {}

    private record Registration(Scope.QuantitySym symbol, Optional<String> member) {}

    /** Every name ever registered, with what registers it again after a {@link #restore}. */
    private final Map<String, Registration> known = new HashMap<>();

    Quantities(Formulas formulas, Texts texts, Diagnostics diags) {
        this.formulas = formulas;
        this.texts = texts;
        this.diags = diags;
    }

    /** What registration looked like at one moment, to undo what checking a module registered. */
    record Snapshot(Set<String> registered, Map<String, Model.Quantity> built) {}

    Snapshot snapshot() {
        return new Snapshot(new LinkedHashSet<>(registered), new HashMap<>(built));
    }

    void restore(Snapshot s) {
        registered.clear();
        registered.addAll(s.registered());
        built.clear();
        built.putAll(s.built());
    }

    /** Every registered quantity, in registration order. */
    List<Model.Quantity> all() {
        return registered.stream().map(built::get).toList();
    }

    /** Registers every quantity declared in a scope (each member of an indexed one). */
    void registerDeclared(Scope scope) {
        for (Scope.Symbol sym : List.copyOf(scope.locals().values())) {
            if (sym instanceof Scope.QuantitySym q) registerAll(q);
        }
    }

    void registerAll(Scope.QuantitySym q) {
        Optional<Type.EnumType> idx = indexEnum(q);
        if (idx.isEmpty()) name(q, Optional.empty());
        else idx.get().members().forEach(m -> name(q, Optional.of(m)));
    }

    Optional<Type> type(Scope.QuantitySym q) {
        if (types.containsKey(q)) return types.get(q);
        Decl.TypeRef ref = q.decl().type();
        Optional<Type> t;
        if (ref instanceof Decl.BoolType) t = Optional.of(Type.BOOL);
        else if (ref instanceof Decl.IntType) t = Optional.of(Type.INT);
        else if (ref instanceof Decl.EnumRef e) t = Resolve.enumType(e.name(), q.scope(), diags).map(x -> x);
        else t = Optional.of(Type.REAL);
        types.put(q, t);
        return t;
    }

    Optional<Type.EnumType> indexEnum(Scope.QuantitySym q) {
        if (q.decl().indexEnum().isEmpty()) return Optional.empty();
        return Resolve.enumType(q.decl().indexEnum().get(), q.scope(), diags);
    }

    /** Registers a quantity symbol as used and returns its scalar name for a member (or none). */
    String name(Scope.QuantitySym q, Optional<String> member) {
        String name = q.name() + member.map(m -> "[" + m + "]").orElse("");
        if (!registered.add(name)) return name;
        known.put(name, new Registration(q, member));
        pending.add(new Pending(q, name));
        if (building) return name;
        building = true;
        try {
            while (!pending.isEmpty()) {
                Pending p = pending.poll();
                built.put(p.name(), build(p.symbol(), p.name()));
            }
        } finally {
            building = false;
        }
        return name;
    }

    /** Registers a name that was registered before (and perhaps undone), as a later use of it does. */
    void reRegister(String name) {
        if (!registered.contains(name) && known.containsKey(name)) name(known.get(name).symbol(), known.get(name).member());
    }

    private Model.Quantity build(Scope.QuantitySym q, String name) {
        Decl.Quantity d = q.decl();
        if (d.indexVar().isPresent()) {
            Decl.Ident v = d.indexVar().get();
            if (q.scope().lookup(v.id()).isPresent() || Builtin.isReserved(v.id())) {
                diags.error(Code.SC204, v.pos(), "index variable '" + v.id() + "' shadows a visible name; choose another name");
            }
        }
        Type type = type(q).orElse(Type.REAL);
        Optional<Rational> low = Optional.empty();
        Optional<Rational> high = Optional.empty();
        Optional<Decl.Range> range = d.type() instanceof Decl.IntType i ? i.range()
                : d.type() instanceof Decl.RealType r ? r.range() : Optional.empty();
        if (d.type() instanceof Decl.ProbabilityType) {
            low = Optional.of(Rational.ZERO);
            high = Optional.of(Rational.ONE);
        } else if (range.isPresent()) {
            low = bound(range.get().low(), q, type);
            high = bound(range.get().high(), q, type);
            if (low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
                diags.error(Code.SC403, range.get().pos(), "empty range [" + low.get() + ", " + high.get() + "] for " + q.name());
            }
        }
        Optional<String> member = known.containsKey(name) ? known.get(name).member() : Optional.empty();
        Map<String, String> index = d.indexVar().isPresent() && member.isPresent()
                ? Map.of(d.indexVar().get().id(), member.get()) : Map.of();
        String description = d.description().map(t -> texts.in(t, q.scope(), index)).orElse("");
        return new Model.Quantity(name, type, low, high, d.pos(), description);
    }

    private Optional<Rational> bound(Expr e, Scope.QuantitySym q, Type type) {
        Optional<Term> t = formulas.expression(e, q.scope(), Place.RANGE);
        if (t.isEmpty()) return Optional.empty();
        Optional<Rational> v = formulas.constant(t.get());
        if (v.isEmpty()) {
            diags.error(Code.SC403, e.pos(), "a range bound must be a constant");
            return Optional.empty();
        }
        if (type instanceof Type.Int && !v.get().isInteger()) {
            diags.error(Code.SC403, e.pos(), "the range of int quantity " + q.name() + " needs integer bounds, not " + v.get());
            return Optional.empty();
        }
        return v;
    }
}
