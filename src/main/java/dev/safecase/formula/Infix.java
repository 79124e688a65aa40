package dev.safecase.formula;

import dev.safecase.num.Rational;
import java.util.List;

/**
 * Prints a term back in the case language's own notation, for people. A define is printed by its
 * name; {@link Terms#definitions} lists what the names stand for.
 */
public final class Infix {
    private Infix() {
    }

    public static String print(Term t) {
        return p(t, 0);
    }

    // precedence levels: 1 <=>, 2 =>, 3 or, 4 and, 5 not, 6 comparison, 7 + -, 8 * /, 9 unary, 10 atom
    private static String p(Term t, int ctx) {
        String s;
        int level;
        if (t instanceof Term.Num n) {
            s = number(n.value());
            level = n.value().isInteger() && n.value().signum() >= 0 ? 10 : 8;
        } else if (t instanceof Term.BoolConst b) {
            s = String.valueOf(b.value());
            level = 10;
        } else if (t instanceof Term.EnumConst e) {
            s = e.type().name() + "." + e.member();
            level = 10;
        } else if (t instanceof Term.Var v) {
            s = v.name();
            level = 10;
        } else if (t instanceof Term.ClaimRef c) {
            s = c.claimId();
            level = 10;
        } else if (t instanceof Term.Def d) {
            s = d.name();
            level = 10;
        } else if (t instanceof Term.Not n) {
            s = "not " + p(n.operand(), 5);
            level = 5;
        } else if (t instanceof Term.And a) {
            s = join(a.operands(), " and ", 4, "true");
            level = a.operands().size() > 1 ? 4 : 10;
        } else if (t instanceof Term.Or o) {
            s = join(o.operands(), " or ", 3, "false");
            level = o.operands().size() > 1 ? 3 : 10;
        } else if (t instanceof Term.Implies i) {
            s = p(i.left(), 3) + " => " + p(i.right(), 2);
            level = 2;
        } else if (t instanceof Term.Iff i) {
            s = p(i.left(), 2) + " <=> " + p(i.right(), 2);
            level = 1;
        } else if (t instanceof Term.Cmp c) {
            String op = switch (c.op()) {
                case EQ -> "==";
                case NE -> "!=";
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
            };
            s = p(c.left(), 7) + " " + op + " " + p(c.right(), 7);
            level = 6;
        } else if (t instanceof Term.Arith a) {
            boolean add = a.op() == Term.ArithOp.ADD || a.op() == Term.ArithOp.SUB;
            level = add ? 7 : 8;
            s = p(a.left(), level) + " " + a.op().smt + " " + p(a.right(), level + 1);
        } else if (t instanceof Term.Sum sum) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sum.operands().size(); i++) {
                if (i > 0) sb.append(" + ");
                sb.append(p(sum.operands().get(i), i == 0 ? 7 : 8));
            }
            s = sb.toString();
            level = sum.operands().size() > 1 ? 7 : 10;
        } else if (t instanceof Term.Neg n) {
            s = "-" + p(n.operand(), 9);
            level = 9;
        } else if (t instanceof Term.Ite i) {
            s = "if " + p(i.cond(), 0) + " then " + p(i.then(), 0) + " else " + p(i.otherwise(), 0);
            level = 0;
        } else if (t instanceof Term.Json j) {
            s = "json(\"" + j.pointer() + "\")";
            level = 10;
        } else {
            Term.Builtin b = (Term.Builtin) t;
            s = b.function().spelling() + "(" + String.join(", ", b.args().stream().map(x -> p(x, 0)).toList()) + ")";
            level = 10;
        }
        return level < ctx ? "(" + s + ")" : s;
    }

    /** Exact decimals where the value has one (1/100 as 0.01), else p/q. */
    public static String number(Rational r) {
        if (r.isInteger()) return r.toString();
        java.math.BigInteger d = r.denominator();
        int twos = 0;
        int fives = 0;
        while (d.mod(java.math.BigInteger.TWO).signum() == 0) {
            d = d.shiftRight(1);
            twos++;
        }
        while (d.mod(java.math.BigInteger.valueOf(5)).signum() == 0) {
            d = d.divide(java.math.BigInteger.valueOf(5));
            fives++;
        }
        if (!d.equals(java.math.BigInteger.ONE) || Math.max(twos, fives) > 40) return r.toString();
        return r.toBigDecimal(Math.max(twos, fives), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String join(List<Term> ts, String sep, int level, String empty) {
        if (ts.isEmpty()) return empty;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ts.size(); i++) {
            if (i > 0) sb.append(sep);
            sb.append(p(ts.get(i), level + 1));
        }
        return sb.toString();
    }
}
