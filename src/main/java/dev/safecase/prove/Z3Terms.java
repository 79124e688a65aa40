package dev.safecase.prove;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.EnumSort;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Sort;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds Z3 terms from resolved terms through the API, with the same sorts and coercions as the
 * SMT-LIB printer. Symbols and enum sorts are made once per context.
 */
final class Z3Terms {
    /**
     * The names Z3 is given for what a case names: {@link #AS_WRITTEN} (the consistency phase,
     * whose answers do not depend on names) or a block's {@link Canonical} names.
     */
    interface Naming {
        String symbol(String name, Type type);

        String sort(Type.EnumType e);

        String member(Type.EnumType e, String m);

        /** The member of {@code e} that Z3's name for it stands for. */
        String memberOf(Type.EnumType e, String z3Name);
    }

    static final Naming AS_WRITTEN = new Naming() {
        public String symbol(String name, Type type) { return name; }

        public String sort(Type.EnumType e) { return e.name(); }

        public String member(Type.EnumType e, String m) { return e.name() + "." + m; }

        public String memberOf(Type.EnumType e, String z3Name) {
            String prefix = e.name() + ".";
            return z3Name.startsWith(prefix) ? z3Name.substring(prefix.length()) : z3Name;
        }
    };

    private final Context ctx;
    private final Naming naming;
    private final Map<String, Expr<?>> symbols = new HashMap<>();
    private final Map<String, EnumSort<Object>> enums = new HashMap<>();
    /**
     * Shared terms (an inherited warrant, a range, a define's body) are the same object: each is
     * translated once per context, so a DAG stays a DAG in Z3.
     */
    private final Map<Term, Expr<?>> translated = new java.util.IdentityHashMap<>();

    Z3Terms(Context ctx, Naming naming) {
        this.ctx = ctx;
        this.naming = naming;
    }

    BoolExpr bool(Term t) {
        return (BoolExpr) expr(t, false);
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<?> arith(Term t, boolean real) {
        return (ArithExpr<?>) expr(t, real);
    }

    private Expr<?> expr(Term t, boolean asReal) {
        if (t instanceof Term.Num n) return number(n.value(), asReal || n.type() instanceof Type.Real);
        Expr<?> e = raw(t);
        if (asReal && t.type() instanceof Type.Int) return ctx.mkInt2Real((com.microsoft.z3.IntExpr) e);
        return e;
    }

    private Expr<?> raw(Term t) {
        Expr<?> hit = translated.get(t);
        if (hit != null) return hit;
        Expr<?> e = translate(t);
        translated.put(t, e);
        return e;
    }

    private Expr<?> translate(Term t) {
        if (t instanceof Term.Def d) return expr(d.body(), false);
        if (t instanceof Term.BoolConst b) return ctx.mkBool(b.value());
        if (t instanceof Term.EnumConst e) return member(e.type(), e.member());
        if (t instanceof Term.Var v) return symbol(v.name(), v.type());
        if (t instanceof Term.ClaimRef c) return symbol(c.claimId(), Type.BOOL);
        if (t instanceof Term.Not n) return ctx.mkNot(bool(n.operand()));
        if (t instanceof Term.And a) return ctx.mkAnd(a.operands().stream().map(this::bool).toArray(BoolExpr[]::new));
        if (t instanceof Term.Or o) return ctx.mkOr(o.operands().stream().map(this::bool).toArray(BoolExpr[]::new));
        if (t instanceof Term.Implies i) return ctx.mkImplies(bool(i.left()), bool(i.right()));
        if (t instanceof Term.Iff i) return ctx.mkEq(bool(i.left()), bool(i.right()));
        if (t instanceof Term.Cmp c) return compare(c);
        if (t instanceof Term.Arith a) {
            boolean real = a.type() instanceof Type.Real;
            ArithExpr l = arith(a.left(), real);
            ArithExpr r = arith(a.right(), real);
            return switch (a.op()) {
                case ADD -> ctx.mkAdd(l, r);
                case SUB -> ctx.mkSub(l, r);
                case MUL -> ctx.mkMul(l, r);
                case DIV -> ctx.mkDiv(l, r);
            };
        }
        if (t instanceof Term.Sum s) {
            boolean real = s.type() instanceof Type.Real;
            ArithExpr[] ops = new ArithExpr[s.operands().size()];
            for (int i = 0; i < ops.length; i++) ops[i] = arith(s.operands().get(i), real);
            return ops.length == 1 ? ops[0] : ctx.mkAdd(ops);
        }
        if (t instanceof Term.Neg n) return ctx.mkUnaryMinus((ArithExpr) arith(n.operand(), n.type() instanceof Type.Real));
        if (t instanceof Term.Ite i) {
            boolean real = i.type() instanceof Type.Real;
            return ctx.mkITE(bool(i.cond()), (Expr) expr(i.then(), real), (Expr) expr(i.otherwise(), real));
        }
        throw new IllegalStateException("not ground: " + t);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private BoolExpr compare(Term.Cmp c) {
        boolean numeric = c.left().type().isNumeric();
        boolean real = c.left().type() instanceof Type.Real || c.right().type() instanceof Type.Real;
        Expr l = expr(c.left(), numeric && real);
        Expr r = expr(c.right(), numeric && real);
        return switch (c.op()) {
            case EQ -> ctx.mkEq(l, r);
            case NE -> ctx.mkNot(ctx.mkEq(l, r));
            case LT -> ctx.mkLt((ArithExpr) l, (ArithExpr) r);
            case LE -> ctx.mkLe((ArithExpr) l, (ArithExpr) r);
            case GT -> ctx.mkGt((ArithExpr) l, (ArithExpr) r);
            case GE -> ctx.mkGe((ArithExpr) l, (ArithExpr) r);
        };
    }

    private Expr<?> number(Rational v, boolean real) {
        if (!real) return ctx.mkInt(v.numerator().toString());
        return ctx.mkReal(v.numerator().toString() + "/" + v.denominator().toString());
    }

    private Expr<?> symbol(String name, Type type) {
        String key = name + "\u0000" + type.describe();
        Expr<?> hit = symbols.get(key);
        if (hit != null) return hit;
        Expr<?> e = ctx.mkConst(naming.symbol(name, type), sort(type));
        symbols.put(key, e);
        return e;
    }

    private Sort sort(Type t) {
        if (t instanceof Type.Bool) return ctx.getBoolSort();
        if (t instanceof Type.Int) return ctx.getIntSort();
        if (t instanceof Type.Real) return ctx.getRealSort();
        return enumSort((Type.EnumType) t);
    }

    private EnumSort<Object> enumSort(Type.EnumType e) {
        String key = e.name() + e.members();
        EnumSort<Object> hit = enums.get(key);
        if (hit != null) return hit;
        String[] names = e.members().stream().map(m -> naming.member(e, m)).toArray(String[]::new);
        EnumSort<Object> s = ctx.mkEnumSort(naming.sort(e), names);
        enums.put(key, s);
        return s;
    }

    private Expr<?> member(Type.EnumType e, String m) {
        return enumSort(e).getConst(e.members().indexOf(m));
    }
}
