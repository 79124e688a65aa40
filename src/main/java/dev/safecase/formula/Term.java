package dev.safecase.formula;

import dev.safecase.diag.Position;
import java.util.List;

/**
 * A resolved, typed formula: names bound to symbols, defines inlined, quantifiers over enums
 * expanded. This is what the lowering and the prover consume.
 */
public sealed interface Term
        permits Term.Num, Term.BoolConst, Term.EnumConst, Term.Var, Term.ClaimRef, Term.Not, Term.And, Term.Or,
                Term.Implies, Term.Iff, Term.Cmp, Term.Arith, Term.Neg, Term.Ite, Term.Json, Term.Builtin {

    Type type();

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

    record Neg(Term operand, Type type) implements Term {}

    record Ite(Term cond, Term then, Term otherwise, Type type) implements Term {}

    /** {@code json("/pointer")} in a {@code gives} fact; replaced by a constant once the file is read. */
    record Json(String pointer, Type type, Position pos) implements Term {}

    /**
     * A rounded statistics built-in whose arguments are not all constants yet (they read
     * {@code json()}); evaluated when the evidence's validity is decided.
     */
    record Builtin(dev.safecase.stats.Builtin function, List<Term> args, Position pos) implements Term {
        public Builtin { args = List.copyOf(args); }
        public Type type() { return Type.REAL; }
    }
}
