package dev.safecase.prove;

import dev.safecase.formula.Infix;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints obligations as SMT-LIB 2 (logic ALL): the one text that the solver is given, that
 * {@code explain} shows and that {@code smt} exports. Ints used as reals get {@code to_real},
 * so strict solvers such as cvc5 accept it.
 */
public final class SmtLib {
    private SmtLib() {
    }

    /** The premises' formulas and the goal, in that order. */
    private static List<Term> formulas(Obligation o) {
        List<Term> all = new ArrayList<>();
        o.premises().forEach(p -> all.add(p.formula()));
        o.goal().ifPresent(all::add);
        return all;
    }

    /** The symbols an obligation mentions (inside define bodies too), in first-occurrence order: name to sort. */
    public static Map<String, Type> symbols(Obligation o) {
        Map<String, Type> types = new LinkedHashMap<>();
        Set<Term> seen = Terms.identitySet();
        for (Term t : formulas(o)) {
            Terms.visit(t, seen, x -> {
                if (x instanceof Term.Var v) types.putIfAbsent(v.name(), v.type());
                if (x instanceof Term.ClaimRef c) types.putIfAbsent(c.claimId(), Type.BOOL);
            });
        }
        return types;
    }

    /**
     * Datatype and constant declarations for an obligation, then a {@code define-fun} for each
     * define it uses (after the defines its body uses), so each define's body is written once.
     */
    public static String declarations(Obligation o) {
        Map<String, Type.EnumType> enums = new LinkedHashMap<>();
        Set<Term> seen = Terms.identitySet();
        for (Term t : formulas(o)) {
            Terms.visit(t, seen, x -> {
                if (x.type() instanceof Type.EnumType e) enums.putIfAbsent(e.name(), e);
            });
        }
        StringBuilder sb = new StringBuilder();
        for (Type.EnumType e : enums.values()) {
            sb.append("(declare-datatypes ((").append(symbol(e.name())).append(" 0)) ((");
            for (int i = 0; i < e.members().size(); i++) {
                if (i > 0) sb.append(' ');
                sb.append('(').append(member(e, e.members().get(i))).append(')');
            }
            sb.append(")))\n");
        }
        for (Map.Entry<String, Type> s : symbols(o).entrySet()) {
            sb.append("(declare-const ").append(symbol(s.getKey())).append(' ').append(sort(s.getValue())).append(")\n");
        }
        for (Map.Entry<String, Term> d : Terms.definitions(formulas(o)).entrySet()) {
            Term body = d.getValue();
            sb.append("(define-fun ").append(symbol(d.getKey())).append(" () ").append(sort(body.type())).append(' ')
                    .append(term(body, body.type() instanceof Type.Real)).append(")\n");
        }
        return sb.toString();
    }

    /** A standalone script: premises named, one check of the premises, then one with the goal negated. */
    public static String standalone(Obligation o, String caseName, String version) {
        StringBuilder sb = new StringBuilder();
        sb.append("; safecase ").append(version).append(" obligation ").append(o.id()).append(" of case ").append(caseName)
                .append(" (").append(o.pos()).append(")\n");
        sb.append("; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat")
                .append(o.goal().isPresent() ? ", unsat" : "").append('\n');
        if (o.goal().isPresent()) sb.append("; two check-sat commands: run cvc5 with --incremental\n");
        sb.append("(set-logic ALL)\n");
        sb.append(declarations(o));
        for (Premise p : o.premises()) {
            sb.append("; premise ").append(p.name()).append('\n');
            sb.append("(assert ").append(bool(p.formula())).append(")\n");
        }
        sb.append("(check-sat)\n");
        o.goal().ifPresent(g -> {
            sb.append("; negated goal\n");
            sb.append("(assert (not ").append(bool(g)).append("))\n");
            sb.append("(check-sat)\n");
        });
        return sb.toString();
    }

    public static String symbol(String name) {
        return "|" + name.replace("|", "_").replace("\\", "_") + "|";
    }

    static String member(Type.EnumType e, String m) {
        return symbol(e.name() + "." + m);
    }

    static String sort(Type t) {
        return sort(t, AS_WRITTEN);
    }

    static String sort(Type t, Names names) {
        if (t instanceof Type.Bool) return "Bool";
        if (t instanceof Type.Int) return "Int";
        if (t instanceof Type.Real) return "Real";
        return names.sort((Type.EnumType) t);
    }

    public static String bool(Term t) {
        return new Printer(AS_WRITTEN).term(t, false);
    }

    /** Prints a term; {@code asReal} coerces an int-sorted term to Real. */
    static String term(Term t, boolean asReal) {
        return new Printer(AS_WRITTEN).term(t, asReal);
    }

    /**
     * How the printer spells what a case names: symbols, enum sorts and members, and defines.
     * {@link #AS_WRITTEN} spells them as in the case; {@link Canonical} renames them by first occurrence.
     */
    interface Names {
        String symbol(String name, Type type);

        String sort(Type.EnumType e);

        String member(Type.EnumType e, String m);

        String define(Term.Def d);
    }

    static final Names AS_WRITTEN = new Names() {
        public String symbol(String name, Type type) { return SmtLib.symbol(name); }

        public String sort(Type.EnumType e) { return SmtLib.symbol(e.name()); }

        public String member(Type.EnumType e, String m) { return SmtLib.member(e, m); }

        public String define(Term.Def d) { return SmtLib.symbol(d.name()); }
    };

    /** The SMT-LIB printer of terms, with Ints used as reals coerced by {@code to_real}. */
    static final class Printer {
        private final Names names;

        Printer(Names names) {
            this.names = names;
        }

        String bool(Term t) {
            return term(t, false);
        }

        String term(Term t, boolean asReal) {
            if (t instanceof Term.Num n) return number(n.value(), asReal || n.type() instanceof Type.Real);
            String s = raw(t);
            return asReal && t.type() instanceof Type.Int ? "(to_real " + s + ")" : s;
        }

        private String raw(Term t) {
            if (t instanceof Term.BoolConst b) return b.value() ? "true" : "false";
            if (t instanceof Term.EnumConst e) return names.member(e.type(), e.member());
            if (t instanceof Term.Var v) return names.symbol(v.name(), v.type());
            if (t instanceof Term.ClaimRef c) return names.symbol(c.claimId(), Type.BOOL);
            if (t instanceof Term.Def d) return names.define(d);
            if (t instanceof Term.Not n) return "(not " + bool(n.operand()) + ")";
            if (t instanceof Term.And a) return nary("and", a.operands(), "true");
            if (t instanceof Term.Or o) return nary("or", o.operands(), "false");
            if (t instanceof Term.Implies i) return "(=> " + bool(i.left()) + " " + bool(i.right()) + ")";
            if (t instanceof Term.Iff i) return "(= " + bool(i.left()) + " " + bool(i.right()) + ")";
            if (t instanceof Term.Cmp c) {
                boolean real = c.left().type() instanceof Type.Real || c.right().type() instanceof Type.Real;
                return "(" + c.op().smt + " " + term(c.left(), real) + " " + term(c.right(), real) + ")";
            }
            if (t instanceof Term.Arith a) {
                boolean real = a.type() instanceof Type.Real;
                return "(" + a.op().smt + " " + term(a.left(), real) + " " + term(a.right(), real) + ")";
            }
            if (t instanceof Term.Sum x) {
                boolean real = x.type() instanceof Type.Real;
                if (x.operands().size() == 1) return term(x.operands().get(0), real);
                StringBuilder sb = new StringBuilder("(+");
                for (Term o : x.operands()) sb.append(' ').append(term(o, real));
                return sb.append(')').toString();
            }
            if (t instanceof Term.Neg n) return "(- " + term(n.operand(), n.type() instanceof Type.Real) + ")";
            if (t instanceof Term.Ite i) {
                boolean real = i.type() instanceof Type.Real;
                return "(ite " + bool(i.cond()) + " " + term(i.then(), real) + " " + term(i.otherwise(), real) + ")";
            }
            throw new IllegalStateException("not ground: " + t);
        }

        private String nary(String op, List<Term> ts, String empty) {
            if (ts.isEmpty()) return empty;
            if (ts.size() == 1) return bool(ts.get(0));
            StringBuilder sb = new StringBuilder("(").append(op);
            for (Term t : ts) sb.append(' ').append(bool(t));
            return sb.append(')').toString();
        }
    }

    static String number(Rational r, boolean real) {
        BigInteger num = r.numerator().abs();
        String body;
        if (!real) body = num.toString();
        else if (r.isInteger()) body = num + ".0";
        else body = "(/ " + num + ".0 " + r.denominator() + ".0)";
        return r.signum() < 0 ? "(- " + body + ")" : body;
    }

    /** A number as people read it: an exact decimal where there is one (0.05), else p/q. */
    public static String number(Rational r) {
        return Infix.number(r);
    }

    /** A readable infix form of a term, for reports and explain. */
    public static String infix(Term t) {
        return Infix.print(t);
    }
}
