package dev.safecase.prove;

import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.lower.Premise;
import dev.safecase.num.Rational;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model guessed without Z3: every quantity at the lower end of its declared range (0 when it
 * has none), every enum at its first member, every bool and claim atom at {@code atoms}. When the
 * formulas all evaluate to true under it, exactly (rational arithmetic), it is a model and they are
 * satisfiable; otherwise nothing is concluded and Z3 decides. Any construct whose value is not
 * certain (a division by zero, an integer division, anything not ground) makes the guess fail, so
 * a wrong "satisfiable" cannot come from here.
 */
final class Witness {
    private final Map<String, Rational> lows;
    private final boolean atoms;
    private final Map<Term, Optional<Object>> memo = new IdentityHashMap<>();

    private Witness(Map<String, Rational> lows, boolean atoms) {
        this.lows = lows;
        this.atoms = atoms;
    }

    /** Whether one of the two guesses (atoms true, then false) satisfies every formula. */
    static boolean satisfiesAll(List<Term> formulas, Map<String, Rational> lows) {
        for (boolean atoms : new boolean[] {true, false}) {
            Witness w = new Witness(lows, atoms);
            boolean all = true;
            for (Term f : formulas) {
                if (!w.truth(f)) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    /** The lower bound of a range premise as the lowering writes it ({@code lo <= q}, {@code lo <= q and q <= hi}); empty otherwise. */
    static Optional<Rational> low(Premise.Range r) {
        Term f = r.formula();
        Term first = f instanceof Term.And a && !a.operands().isEmpty() ? a.operands().get(0) : f;
        if (first instanceof Term.Cmp c && c.op() == Term.CmpOp.LE && c.left() instanceof Term.Num n
                && c.right() instanceof Term.Var v && v.name().equals(r.quantity())) {
            return Optional.of(v.type() instanceof Type.Int ? Rational.of(n.value().ceil()) : n.value());
        }
        return Optional.empty();
    }

    private boolean truth(Term t) {
        Optional<Object> v = value(t);
        return v.isPresent() && Boolean.TRUE.equals(v.get());
    }

    private Optional<Object> value(Term t) {
        Optional<Object> hit = memo.get(t);
        if (hit != null) return hit;
        Optional<Object> v = compute(t);
        memo.put(t, v);
        return v;
    }

    private Optional<Boolean> bool(Term t) {
        Optional<Object> v = value(t);
        return v.isPresent() && v.get() instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    private Optional<Rational> number(Term t) {
        Optional<Object> v = value(t);
        return v.isPresent() && v.get() instanceof Rational r ? Optional.of(r) : Optional.empty();
    }

    private Optional<Object> compute(Term t) {
        if (t instanceof Term.Def d) return value(d.body());
        if (t instanceof Term.Num n) return Optional.of(n.value());
        if (t instanceof Term.BoolConst b) return Optional.of(b.value());
        if (t instanceof Term.EnumConst e) return Optional.of(new Member(e.type(), e.member()));
        if (t instanceof Term.Var v) return Optional.of(guess(v));
        if (t instanceof Term.ClaimRef) return Optional.of(atoms);
        if (t instanceof Term.Not n) return bool(n.operand()).map(b -> !b);
        if (t instanceof Term.And a) {
            for (Term x : a.operands()) {
                Optional<Boolean> b = bool(x);
                if (b.isEmpty()) return Optional.empty();
                if (!b.get()) return Optional.of(false);
            }
            return Optional.of(true);
        }
        if (t instanceof Term.Or o) {
            boolean unsure = false;
            for (Term x : o.operands()) {
                Optional<Boolean> b = bool(x);
                if (b.isEmpty()) unsure = true;
                else if (b.get()) return Optional.of(true);
            }
            return unsure ? Optional.empty() : Optional.of(false);
        }
        if (t instanceof Term.Implies i) {
            Optional<Boolean> l = bool(i.left());
            Optional<Boolean> r = bool(i.right());
            if (l.isPresent() && !l.get()) return Optional.of(true);
            if (r.isPresent() && r.get()) return Optional.of(true);
            return l.isPresent() && r.isPresent() ? Optional.of(false) : Optional.empty();
        }
        if (t instanceof Term.Iff i) {
            Optional<Boolean> l = bool(i.left());
            Optional<Boolean> r = bool(i.right());
            return l.isPresent() && r.isPresent() ? Optional.of(l.get().equals(r.get())) : Optional.empty();
        }
        if (t instanceof Term.Ite i) {
            Optional<Boolean> c = bool(i.cond());
            return c.isEmpty() ? Optional.empty() : value(c.get() ? i.then() : i.otherwise());
        }
        if (t instanceof Term.Neg n) return number(n.operand()).map(Rational::negate);
        if (t instanceof Term.Arith a) return arith(a);
        if (t instanceof Term.Cmp c) return compare(c);
        return Optional.empty();
    }

    private Optional<Object> arith(Term.Arith a) {
        Optional<Rational> l = number(a.left());
        Optional<Rational> r = number(a.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        return switch (a.op()) {
            case ADD -> Optional.of(l.get().add(r.get()));
            case SUB -> Optional.of(l.get().subtract(r.get()));
            case MUL -> Optional.of(l.get().multiply(r.get()));
            // x / 0 is any value to Z3; an int-sorted division is not exact division
            case DIV -> r.get().signum() == 0 || !(a.type() instanceof Type.Real) ? Optional.empty()
                    : Optional.of(l.get().divide(r.get()));
        };
    }

    private Optional<Object> compare(Term.Cmp c) {
        Optional<Object> l = value(c.left());
        Optional<Object> r = value(c.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        Object x = l.get();
        Object y = r.get();
        if (c.op() == Term.CmpOp.EQ || c.op() == Term.CmpOp.NE) {
            boolean same;
            if (x instanceof Rational p && y instanceof Rational q) same = p.compareTo(q) == 0;
            else if (x instanceof Boolean p && y instanceof Boolean q) same = p.equals(q);
            else if (x instanceof Member p && y instanceof Member q && p.type().equals(q.type())) same = p.member().equals(q.member());
            else return Optional.empty();
            return Optional.of(c.op() == Term.CmpOp.EQ ? same : !same);
        }
        if (!(x instanceof Rational p) || !(y instanceof Rational q)) return Optional.empty();
        int k = p.compareTo(q);
        return Optional.of(switch (c.op()) {
            case LT -> k < 0;
            case LE -> k <= 0;
            case GT -> k > 0;
            default -> k >= 0;
        });
    }

    private Object guess(Term.Var v) {
        Type t = v.type();
        if (t instanceof Type.Bool) return atoms;
        if (t instanceof Type.EnumType e) return e.members().isEmpty() ? new Object() : new Member(e, e.members().get(0));
        Rational low = lows.getOrDefault(v.name(), Rational.ZERO);
        return t instanceof Type.Int && !low.isInteger() ? Rational.of(low.ceil()) : low;
    }

    private record Member(Type.EnumType type, String member) {}
}
