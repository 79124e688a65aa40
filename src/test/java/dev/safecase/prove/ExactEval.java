package dev.safecase.prove;

import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import java.util.Map;

/** Evaluates a ground term exactly under an assignment of strings (a counterexample), independently of Z3. */
final class ExactEval {
    private final Map<String, String> values;
    /** A define's body is evaluated once, however often it is used. */
    private final Map<Term, Object> memo = new java.util.IdentityHashMap<>();

    ExactEval(Map<String, String> values) {
        this.values = values;
    }

    boolean truth(Term t) {
        return (Boolean) eval(t);
    }

    Object eval(Term t) {
        if (t instanceof Term.Def d) return memo.computeIfAbsent(d.body(), this::eval);
        if (t instanceof Term.Num n) return n.value();
        if (t instanceof Term.BoolConst b) return b.value();
        if (t instanceof Term.EnumConst e) return e.member();
        if (t instanceof Term.Var v) return parse(value(v.name()));
        if (t instanceof Term.ClaimRef c) return Boolean.parseBoolean(value(c.claimId()));
        if (t instanceof Term.Not n) return !truth(n.operand());
        if (t instanceof Term.And a) return a.operands().stream().allMatch(this::truth);
        if (t instanceof Term.Or o) return o.operands().stream().anyMatch(this::truth);
        if (t instanceof Term.Implies i) return !truth(i.left()) || truth(i.right());
        if (t instanceof Term.Iff i) return truth(i.left()) == truth(i.right());
        if (t instanceof Term.Ite i) return truth(i.cond()) ? eval(i.then()) : eval(i.otherwise());
        if (t instanceof Term.Neg n) return ((Rational) eval(n.operand())).negate();
        if (t instanceof Term.Sum s) {
            Rational total = Rational.ZERO;
            for (Term x : s.operands()) total = total.add((Rational) eval(x));
            return total;
        }
        if (t instanceof Term.Arith a) {
            Rational l = (Rational) eval(a.left());
            Rational r = (Rational) eval(a.right());
            return switch (a.op()) {
                case ADD -> l.add(r);
                case SUB -> l.subtract(r);
                case MUL -> l.multiply(r);
                case DIV -> l.divide(r);
            };
        }
        if (t instanceof Term.Cmp c) {
            Object l = eval(c.left());
            Object r = eval(c.right());
            if (c.op() == Term.CmpOp.EQ) return l.equals(r);
            if (c.op() == Term.CmpOp.NE) return !l.equals(r);
            int k = ((Rational) l).compareTo((Rational) r);
            return switch (c.op()) {
                case LT -> k < 0;
                case LE -> k <= 0;
                case GT -> k > 0;
                default -> k >= 0;
            };
        }
        throw new IllegalArgumentException("cannot evaluate " + t);
    }

    private String value(String name) {
        String v = values.get(name);
        if (v == null) throw new AssertionError("counterexample lacks symbol " + name + ": " + values);
        return v;
    }

    private static Object parse(String v) {
        if (v.equals("true") || v.equals("false")) return Boolean.parseBoolean(v);
        try {
            return Rational.parse(v);
        } catch (RuntimeException e) {
            return v; // an enum member
        }
    }
}
