package dev.safecase.check;

import dev.safecase.ast.Expr;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.stats.Builtin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What ranges over an enum: {@code forall}, {@code exists} and {@code sum} expand to one copy of
 * their body per member, and a quantity indexed by an enum-valued term to one branch per member.
 */
final class Quantifiers {
    private final Formulas formulas;
    private final Diagnostics diags;

    Quantifiers(Formulas formulas, Diagnostics diags) {
        this.formulas = formulas;
        this.diags = diags;
    }

    Optional<Term> quant(Expr.Quant q, Formulas.Context at) {
        Scope scope = at.scope();
        Optional<Type.EnumType> en = Resolve.enumType(q.enumName(), scope, diags);
        if (en.isEmpty()) return Optional.empty();
        if (scope.lookup(q.var()).isPresent() || Builtin.isReserved(q.var())) {
            diags.error(Code.SC204, q.varPos(), "bound variable '" + q.var() + "' shadows a visible name; choose another name");
            return Optional.empty();
        }
        List<Term> parts = new ArrayList<>();
        for (String m : en.get().members()) {
            Formulas.Context inner = at.in(scope.bind(q.var(), new Scope.BoundSym(q.varPos(), en.get(), m)));
            Optional<Term> body = q.kind() == Expr.QuantKind.SUM
                    ? formulas.numeric(q.body(), inner, Optional.empty())
                    : formulas.bool(q.body(), inner);
            if (body.isEmpty()) return Optional.empty();
            parts.add(body.get());
        }
        return Optional.of(switch (q.kind()) {
            case FORALL -> parts.size() == 1 ? parts.get(0) : new Term.And(parts);
            case EXISTS -> parts.size() == 1 ? parts.get(0) : new Term.Or(parts);
            case SUM -> sum(parts);
        });
    }

    /**
     * The expansion of a {@code sum}: one flat n-ary sum, so an enum of any size adds one level
     * of nesting.
     */
    private static Term sum(List<Term> parts) {
        if (parts.size() == 1) return parts.get(0);
        Type type = Type.INT;
        for (Term p : parts) type = Formulas.join(type, p.type());
        return new Term.Sum(parts, type);
    }

    /** A reference to a quantity: plain, indexed by a member, or indexed by an enum-valued term. */
    Optional<Term> quantity(Scope.QuantitySym q, Expr.Ref r, Formulas.Context at) {
        Quantities quantities = formulas.quantities();
        Optional<Type> type = quantities.type(q);
        Optional<Type.EnumType> index = quantities.indexEnum(q);
        if (type.isEmpty()) return Optional.empty();
        if (index.isEmpty() && q.decl().indexEnum().isPresent()) return Optional.empty(); // its bad enum is reported
        if (index.isEmpty()) {
            if (r.index().isPresent()) {
                diags.error(Code.SC411, r.index().get().pos(), "quantity " + q.name() + " is not indexed");
                return Optional.empty();
            }
            return Optional.of(new Term.Var(quantities.name(q, Optional.empty()), type.get()));
        }
        if (r.index().isEmpty()) {
            diags.error(Code.SC411, r.pos(), "quantity " + q.name() + " is indexed by " + index.get().name() + "; write "
                    + q.name() + "[" + index.get().members().get(0) + "] or bind an index with forall/sum");
            return Optional.empty();
        }
        Optional<Term> idx = formulas.check(r.index().get(), at, Optional.of(index.get()));
        if (idx.isEmpty()) return Optional.empty();
        if (!idx.get().type().equals(index.get())) {
            diags.error(Code.SC411, r.index().get().pos(), "index of " + q.name() + " must be a member of "
                    + index.get().name() + ", but this is " + idx.get().type().describe());
            return Optional.empty();
        }
        if (idx.get() instanceof Term.EnumConst c) {
            return Optional.of(new Term.Var(quantities.name(q, Optional.of(c.member())), type.get()));
        }
        List<String> members = index.get().members();
        List<Term> vars = new ArrayList<>();
        for (String m : members) vars.add(new Term.Var(quantities.name(q, Optional.of(m)), type.get()));
        return Optional.of(byIndex(idx.get(), index.get(), vars, type.get()));
    }

    /**
     * Members up to which an enum-valued index becomes a chain {@code if i == m1 then x[m1] else
     * if i == m2 …}; a larger enum gets a balanced split instead, so its depth grows with the
     * logarithm of its size and an enum of hundreds of members stays far inside the nesting limit.
     */
    static final int CHAIN_LIMIT = 16;

    /**
     * The value for an enum-valued index: {@code values.get(k)} is the value for the k-th member;
     * a chain of {@code if}s up to {@link #CHAIN_LIMIT} members, a balanced split beyond.
     */
    static Term byIndex(Term idx, Type.EnumType e, List<Term> values, Type type) {
        if (values.size() > CHAIN_LIMIT) return select(idx, e, values, 0, values.size() - 1, type);
        Term result = values.get(values.size() - 1);
        for (int i = values.size() - 2; i >= 0; i--) {
            Term cond = new Term.Cmp(Term.CmpOp.EQ, idx, new Term.EnumConst(e, e.members().get(i)));
            result = new Term.Ite(cond, values.get(i), result, type);
        }
        return result;
    }

    /** {@code x[i]} for members lo..hi: {@code if i is one of lo..mid then (lo..mid) else (mid+1..hi)}. */
    private static Term select(Term idx, Type.EnumType e, List<Term> vars, int lo, int hi, Type type) {
        if (lo == hi) return vars.get(lo);
        int mid = (lo + hi) / 2;
        List<Term> eqs = new ArrayList<>();
        for (int i = lo; i <= mid; i++) eqs.add(new Term.Cmp(Term.CmpOp.EQ, idx, new Term.EnumConst(e, e.members().get(i))));
        Term cond = eqs.size() == 1 ? eqs.get(0) : new Term.Or(eqs);
        return new Term.Ite(cond, select(idx, e, vars, lo, mid, type), select(idx, e, vars, mid + 1, hi, type), type);
    }
}
