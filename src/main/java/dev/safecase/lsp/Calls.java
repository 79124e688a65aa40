package dev.safecase.lsp;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every formula of a file, for looking up the call at a place. */
final class Calls {
    private Calls() {
    }

    static Optional<Expr.Call> at(SourceUnit unit, int line, int col) {
        for (Expr e : formulas(unit)) {
            Optional<Expr.Call> c = find(e, line, col);
            if (c.isPresent()) return c;
        }
        return Optional.empty();
    }

    private static Optional<Expr.Call> find(Expr e, int line, int col) {
        List<Expr> todo = new ArrayList<>(List.of(e));
        while (!todo.isEmpty()) {
            Expr x = todo.remove(todo.size() - 1);
            if (x instanceof Expr.Call c) {
                if (c.function().pos().line() == line && c.function().pos().col() == col) return Optional.of(c);
                todo.addAll(c.args());
            } else if (x instanceof Expr.Ref r) {
                r.index().ifPresent(todo::add);
            } else if (x instanceof Expr.Unary u) {
                todo.add(u.operand());
            } else if (x instanceof Expr.Binary b) {
                todo.add(b.left());
                todo.add(b.right());
            } else if (x instanceof Expr.If i) {
                todo.add(i.cond());
                todo.add(i.then());
                todo.add(i.otherwise());
            } else if (x instanceof Expr.Quant q) {
                todo.add(q.body());
            }
        }
        return Optional.empty();
    }

    static List<Expr> formulas(SourceUnit unit) {
        List<Expr> out = new ArrayList<>();
        List<Decl> decls = new ArrayList<>(unit.decls());
        for (int i = 0; i < decls.size(); i++) {
            Decl d = decls.get(i);
            if (d instanceof Decl.Define df) out.add(df.value());
            else if (d instanceof Decl.Pattern p) decls.addAll(p.body());
            else if (d instanceof Decl.Use u) u.args().forEach(a -> a.value().ifPresent(out::add));
            else if (d instanceof Decl.Quantity q) range(q.type(), out);
            else if (d instanceof Decl.Element el) {
                el.formula().ifPresent(out::add);
                for (Clause c : el.clauses()) if (c instanceof Clause.Gives g) out.addAll(g.facts());
            }
        }
        return out;
    }

    private static void range(Decl.TypeRef t, List<Expr> out) {
        if (t instanceof Decl.IntType i) i.range().ifPresent(r -> out.addAll(List.of(r.low(), r.high())));
        if (t instanceof Decl.RealType r) r.range().ifPresent(x -> out.addAll(List.of(x.low(), x.high())));
    }
}
