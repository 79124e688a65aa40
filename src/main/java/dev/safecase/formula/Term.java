package dev.safecase.formula;

import dev.safecase.diag.Position;
import dev.safecase.num.Rational;
import java.util.List;

/**
 * A resolved, typed formula: names bound to symbols, quantifiers over enums expanded, and each
 * use of a define a {@link Def} node that shares the define's resolved body. This is what the
 * lowering and the prover consume.
 *
 * <p>Terms are DAGs: a define used twice is one body reached twice, so a chain of defines that
 * each use the previous one twice is linear in size, not exponential. Every traversal in
 * {@link Terms}, the printers and the prover visits a shared node once.
 */
public sealed interface Term
        permits Term.Num, Term.BoolConst, Term.EnumConst, Term.Var, Term.ClaimRef, Term.Not, Term.And, Term.Or,
                Term.Implies, Term.Iff, Term.Cmp, Term.Arith, Term.Sum, Term.Neg, Term.Ite, Term.Json, Term.Builtin, Term.Def {

    Type type();

    /**
     * The term for a use of define {@code name} with resolved body {@code body}: a {@link Def}, or
     * the body itself when it is a literal (a literal shares nothing and folds as a constant).
     */
    static Term define(String name, Term body) {
        if (body instanceof Num || body instanceof BoolConst || body instanceof EnumConst) return body;
        return new Def(name, body);
    }

    record Num(Rational value, Type type) implements Term {}

    record BoolConst(boolean value) implements Term {
        public Type type() { return Type.BOOL; }
    }

    record EnumConst(Type.EnumType type, String member) implements Term {}

    /** A quantity symbol such as {@code p_unsafe}, {@code risk[deception]} or {@code cyber.pass_rate}. */
    record Var(String name, Type type) implements Term {}

    /** A claim used as a proposition: its formula when formal, an opaque atom when informal. */
    record ClaimRef(String claimId) implements Term {
        public Type type() { return Type.BOOL; }
    }

    record Not(Term operand) implements Term {
        public Type type() { return Type.BOOL; }
    }

    record And(List<Term> operands) implements Term {
        public And { operands = List.copyOf(operands); }
        public Type type() { return Type.BOOL; }
    }

    record Or(List<Term> operands) implements Term {
        public Or { operands = List.copyOf(operands); }
        public Type type() { return Type.BOOL; }
    }

    record Implies(Term left, Term right) implements Term {
        public Type type() { return Type.BOOL; }
    }

    record Iff(Term left, Term right) implements Term {
        public Type type() { return Type.BOOL; }
    }

    enum CmpOp {
        EQ("="), NE("distinct"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String smt;

        CmpOp(String smt) { this.smt = smt; }
    }

    record Cmp(CmpOp op, Term left, Term right) implements Term {
        public Type type() { return Type.BOOL; }
    }

    enum ArithOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        public final String smt;

        ArithOp(String smt) { this.smt = smt; }
    }

    record Arith(ArithOp op, Term left, Term right, Type type) implements Term {}

    /**
     * A flat sum of one or more terms, as a {@code sum(v in E) t} over an enum expands: one level
     * of nesting however many members the enum has. {@code type} is int when every operand is.
     */
    record Sum(List<Term> operands, Type type) implements Term {
        public Sum { operands = List.copyOf(operands); }
    }

    record Neg(Term operand, Type type) implements Term {}

    record Ite(Term cond, Term then, Term otherwise, Type type) implements Term {}

    /** {@code json("/pointer")} in a {@code gives} fact; replaced by a constant once the file is read. */
    record Json(String pointer, Type type, Position pos) implements Term {}

    /**
     * A use of the define {@code name} (its name in the case, e.g. {@code margin} or
     * {@code cyber.total}): it means {@code body}. Printers show the name and list the
     * definition. Equal to any other use of the same define, compared by name and type only, so
     * that comparing two terms never walks into a body (which could be exponential).
     */
    record Def(String name, Term body) implements Term {
        public Type type() { return body.type(); }

        @Override
        public boolean equals(Object o) {
            return o instanceof Def d && d.name.equals(name) && d.type().equals(type());
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + type().hashCode();
        }

        @Override
        public String toString() {
            return "Def[" + name + "]";
        }
    }

    /**
     * A rounded statistics built-in whose arguments are not all constants yet (they read
     * {@code json()}); evaluated when the evidence's validity is decided.
     */
    record Builtin(dev.safecase.stats.Builtin function, List<Term> args, Position pos) implements Term {
        public Builtin { args = List.copyOf(args); }
        public Type type() { return Type.REAL; }
    }
}
