package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.stats.Builtin;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Indexed constants: {@code define cap[h in Hazard] = json("/caps/{h}")} or {@code = { fire: 1%,
 * flood: 2% }}. Each member is a define of its own, {@code cap[fire]}, resolved once like any
 * define (its body with {@code h} bound to the member, or its table entry), and used as
 * {@code cap[fire]}, {@code cap[h]} under a quantifier, or {@code cap[which]} for an enum-valued
 * index (a case split over the members, as for an indexed quantity).
 */
final class IndexedDefines {
    private final Formulas formulas;
    private final Diagnostics diags;
    /** Each indexed define's members, as defines of their own, made once. */
    private final Map<Scope.DefineSym, Optional<Map<String, Scope.DefineSym>>> members = new IdentityHashMap<>();

    IndexedDefines(Formulas formulas, Diagnostics diags) {
        this.formulas = formulas;
        this.diags = diags;
    }

    /** A use {@code cap[i]} of an indexed define. */
    Optional<Term> use(Scope.DefineSym d, Expr.Ref r, Formulas.Context at) {
        Optional<Type.EnumType> indexEnum = enumOf(d);
        if (indexEnum.isEmpty()) return Optional.empty();
        Type.EnumType index = indexEnum.get();
        if (r.index().isEmpty()) {
            diags.error(Code.SC411, r.pos(), "define " + d.name() + " is indexed by " + index.name() + "; write "
                    + d.name() + "[" + index.members().get(0) + "] or bind an index with forall/sum");
            return Optional.empty();
        }
        Optional<Map<String, Scope.DefineSym>> byMember = members(d);
        if (byMember.isEmpty()) return Optional.empty();
        Optional<Term> idx = formulas.check(r.index().get(), at, Optional.of(index));
        if (idx.isEmpty()) return Optional.empty();
        if (!idx.get().type().equals(index)) {
            diags.error(Code.SC411, r.index().get().pos(), "index of " + d.name() + " must be a member of " + index.name()
                    + ", but this is " + idx.get().type().describe());
            return Optional.empty();
        }
        if (idx.get() instanceof Term.EnumConst c) return formulas.defineTerm(byMember.get().get(c.member()), at, r.pos());
        List<Term> values = new ArrayList<>();
        Type type = null;
        for (String m : index.members()) {
            Optional<Term> v = formulas.defineTerm(byMember.get().get(m), at, r.pos());
            if (v.isEmpty()) return Optional.empty();
            values.add(v.get());
            type = type == null ? v.get().type() : join(type, v.get().type(), r);
            if (type == null) return Optional.empty();
        }
        return Optional.of(Quantifiers.byIndex(idx.get(), index, values, type));
    }

    /** Every member resolved, used or not (a module is checked whole). */
    void resolveAll(Scope.DefineSym d) {
        members(d).ifPresent(ms -> ms.values().forEach(m -> formulas.defines().use(m, Optional.empty())));
    }

    private Type join(Type a, Type b, Expr.Ref r) {
        if (a.isNumeric() && b.isNumeric()) return Formulas.join(a, b);
        if (a.equals(b)) return a;
        diags.error(Code.SC414, r.pos(), "the members of " + r.name().text() + " have different types (" + a.describe()
                + " and " + b.describe() + "), so it cannot be indexed by a term");
        return null;
    }

    private Optional<Type.EnumType> enumOf(Scope.DefineSym d) {
        return Resolve.enumType(d.decl().indexEnum().orElseThrow(), d.scope(), diags);
    }

    /** The member defines, made and checked at the first use; empty (reported once) when the declaration is wrong. */
    private Optional<Map<String, Scope.DefineSym>> members(Scope.DefineSym d) {
        Optional<Map<String, Scope.DefineSym>> hit = members.get(d);
        if (hit != null) return hit;
        Optional<Map<String, Scope.DefineSym>> made = make(d);
        members.put(d, made);
        return made;
    }

    private Optional<Map<String, Scope.DefineSym>> make(Scope.DefineSym d) {
        Decl.Define def = d.decl();
        Optional<Type.EnumType> index = enumOf(d);
        if (index.isEmpty()) return Optional.empty();
        Decl.Ident var = def.indexVar().orElseThrow();
        if (d.scope().lookup(var.id()).isPresent() || Builtin.isReserved(var.id())) {
            diags.error(Code.SC204, var.pos(), "index variable '" + var.id() + "' shadows a visible name; choose another name");
            return Optional.empty();
        }
        Map<String, Expr> values = new LinkedHashMap<>();
        if (def.isTable() && !table(def, index.get(), values)) return Optional.empty();
        Map<String, Scope.DefineSym> out = new LinkedHashMap<>();
        for (String m : index.get().members()) {
            Expr value = def.isTable() ? values.get(m) : def.value();
            Scope scope = d.scope().bind(var.id(), new Scope.BoundSym(var.pos(), index.get(), m));
            Decl.Define one = new Decl.Define(def.pos(), def.name(), value);
            out.put(m, new Scope.DefineSym(d.pos(), d.name() + "[" + m + "]", one, scope));
        }
        return Optional.of(out);
    }

    /** A table names every member of the index once, and nothing else (SC414). */
    private boolean table(Decl.Define def, Type.EnumType index, Map<String, Expr> values) {
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (Decl.TableEntry e : def.table()) {
            String m = e.member().id();
            if (!index.members().contains(m)) {
                diags.error(Code.SC414, e.member().pos(), "'" + m + "' is not a member of " + index.name() + " ("
                        + String.join(", ", index.members()) + ")");
                ok = false;
            } else if (!seen.add(m)) {
                diags.error(Code.SC414, e.member().pos(), "the table of " + def.name().id() + " gives '" + m + "' twice");
                ok = false;
            } else {
                values.put(m, e.value());
            }
        }
        List<String> missing = index.members().stream().filter(m -> !seen.contains(m)).toList();
        if (!missing.isEmpty() && ok) {
            diags.error(Code.SC414, def.name().pos(), "the table of " + def.name().id() + " has no value for "
                    + String.join(", ", missing) + "; every member of " + index.name() + " needs one");
            ok = false;
        }
        return ok;
    }
}
