package dev.safecase.ast;

import dev.safecase.num.Rational;
import dev.safecase.diag.Position;
import java.util.List;
import java.util.Optional;

/** A formula as written, before names are resolved. */
public sealed interface Expr
        permits Expr.Num, Expr.Bool, Expr.DateLit, Expr.Str, Expr.Ref, Expr.Call, Expr.Unary,
                Expr.Binary, Expr.If, Expr.Quant {
    Position pos();

    /** A number literal; {@code isInt} when its value is integral and it has no {@code %}. */
    record Num(Position pos, Rational value, boolean isInt, String source) implements Expr {}

    record Bool(Position pos, boolean value) implements Expr {}

    /** A date literal where a formula was expected: always an error, kept for the message. */
    record DateLit(Position pos, String source) implements Expr {}

    /** A string literal inside a formula: legal only as the argument of {@code json()}. */
    record Str(Position pos, String value) implements Expr {}

    /** A name, possibly indexed: {@code p_unsafe}, {@code risk[h]}, {@code Hazard.sabotage}. */
    record Ref(Position pos, Name name, Optional<Expr> index) implements Expr {}

    record Call(Position pos, Name function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    enum UnOp { NEG, NOT }

    record Unary(Position pos, UnOp op, Expr operand) implements Expr {}

    enum BinOp {
        IFF("<=>"), IMPLIES("=>"), OR("or"), AND("and"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean isComparison() {
            return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal();
        }

        public boolean isArithmetic() {
            return ordinal() >= ADD.ordinal();
        }

        public boolean isLogical() {
            return ordinal() <= AND.ordinal();
        }
    }

    record Binary(Position pos, BinOp op, Expr left, Expr right) implements Expr {}

    record If(Position pos, Expr cond, Expr then, Expr otherwise) implements Expr {}

    enum QuantKind { FORALL, EXISTS, SUM }

    /** {@code forall v in E: body}, {@code exists …}, {@code sum(v in E) body}. */
    record Quant(Position pos, QuantKind kind, String var, Position varPos, Name enumName, Expr body) implements Expr {}
}
