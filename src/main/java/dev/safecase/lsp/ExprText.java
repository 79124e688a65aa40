package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import java.util.stream.Collectors;

/** A formula or a type of the AST as text, with the parentheses its precedence needs, for hovers. */
final class ExprText {
    private ExprText() {
    }

    static String of(Expr e) {
        return print(e, 0);
    }

    static String of(Decl.TypeRef t) {
        if (t instanceof Decl.BoolType) return "bool";
        if (t instanceof Decl.ProbabilityType) return "probability";
        if (t instanceof Decl.EnumRef r) return r.name().text();
        if (t instanceof Decl.IntType i) return "int" + i.range().map(ExprText::range).orElse("");
        Decl.RealType r = (Decl.RealType) t;
        return "real" + r.range().map(ExprText::range).orElse("");
    }

    private static String range(Decl.Range r) {
        return " in [" + of(r.low()) + ", " + of(r.high()) + "]";
    }

    /** 1 if/forall/exists, 2 iff, 3 implies, 4 or, 5 and, 6 not, 7 comparisons, 8 + -, 9 * / sum, 10 unary -, 11 atoms. */
    private static int level(Expr e) {
        if (e instanceof Expr.If) return 1;
        if (e instanceof Expr.Quant q) return q.kind() == Expr.QuantKind.SUM ? 9 : 1;
        if (e instanceof Expr.Unary u) return u.op() == Expr.UnOp.NOT ? 6 : 10;
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case IFF -> 2;
                case IMPLIES -> 3;
                case OR -> 4;
                case AND -> 5;
                case EQ, NE, LT, LE, GT, GE -> 7;
                case ADD, SUB -> 8;
                case MUL, DIV -> 9;
            };
        }
        return 11;
    }

    private static String print(Expr e, int min) {
        String s = render(e);
        return level(e) < min ? "(" + s + ")" : s;
    }

    private static String render(Expr e) {
        if (e instanceof Expr.Num n) return n.source();
        if (e instanceof Expr.Bool b) return String.valueOf(b.value());
        if (e instanceof Expr.DateLit d) return d.source();
        if (e instanceof Expr.Str s) return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (e instanceof Expr.Ref r) return r.name().text() + r.index().map(i -> "[" + of(i) + "]").orElse("");
        if (e instanceof Expr.Call c) {
            return c.function().text() + "(" + c.args().stream().map(ExprText::of).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expr.Unary u) {
            return u.op() == Expr.UnOp.NOT ? "not " + print(u.operand(), 6) : "-" + print(u.operand(), 10);
        }
        if (e instanceof Expr.If i) return "if " + print(i.cond(), 1) + " then " + print(i.then(), 1) + " else " + print(i.otherwise(), 1);
        if (e instanceof Expr.Quant q) {
            return switch (q.kind()) {
                case SUM -> "sum(" + q.var() + " in " + q.enumName().text() + ") " + print(q.body(), 9);
                case FORALL -> "forall " + q.var() + " in " + q.enumName().text() + ": " + print(q.body(), 1);
                case EXISTS -> "exists " + q.var() + " in " + q.enumName().text() + ": " + print(q.body(), 1);
            };
        }
        Expr.Binary b = (Expr.Binary) e;
        int l = level(b);
        int left = switch (b.op()) {
            case IMPLIES, IFF, EQ, NE, LT, LE, GT, GE -> l + 1;
            default -> l;
        };
        int right = b.op() == Expr.BinOp.IMPLIES ? l : l + 1;
        return print(b.left(), left) + " " + b.op().symbol + " " + print(b.right(), right);
    }
}
