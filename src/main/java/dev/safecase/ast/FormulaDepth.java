package dev.safecase.ast;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.syntax.Parser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses formulas whose tree is deeper than {@link Parser#MAX_DEPTH}. The parser takes long flat
 * chains such as {@code a + b + …} without recursing, but the tree it builds for them is as deep
 * as the chain is long, and later passes recurse on trees.
 */
public final class FormulaDepth {
    private FormulaDepth() {
    }

    static void check(SourceUnit unit, Diagnostics diags) {
        for (Decl d : unit.decls()) check(d, diags);
    }

    private static void check(Decl d, Diagnostics diags) {
        List<Expr> exprs = new ArrayList<>();
        if (d instanceof Decl.Quantity q) {
            Optional<Decl.Range> r = q.type() instanceof Decl.IntType i ? i.range()
                    : q.type() instanceof Decl.RealType t ? t.range() : Optional.empty();
            r.ifPresent(x -> exprs.addAll(List.of(x.low(), x.high())));
        } else if (d instanceof Decl.Define def) {
            exprs.add(def.value());
            def.table().stream().skip(1).forEach(t -> exprs.add(t.value()));
        } else if (d instanceof Decl.Element el) {
            el.formula().ifPresent(exprs::add);
            for (Clause c : el.clauses()) if (c instanceof Clause.Gives g) exprs.addAll(g.facts());
        } else if (d instanceof Decl.Use u) {
            for (Decl.Arg a : u.args()) a.value().ifPresent(exprs::add);
        } else if (d instanceof Decl.Pattern p) {
            for (Decl b : p.body()) check(b, diags);
        }
        for (Expr e : exprs) {
            if (depth(e) > Parser.MAX_DEPTH) {
                diags.error(Code.SC101, start(e), "formula nested too deeply (more than " + Parser.MAX_DEPTH
                        + " levels of operators); split it into several claims or assumptions");
            }
        }
    }

    /** Nesting depth of a formula, computed without recursion so that any depth can be measured. */
    public static int depth(Expr root) {
        int max = 0;
        Deque<Map.Entry<Expr, Integer>> todo = new ArrayDeque<>();
        todo.push(Map.entry(root, 1));
        while (!todo.isEmpty()) {
            Map.Entry<Expr, Integer> e = todo.pop();
            int d = e.getValue();
            max = Math.max(max, d);
            for (Expr c : children(e.getKey())) todo.push(Map.entry(c, d + 1));
        }
        return max;
    }

    /** Where a formula starts: a binary operator's position is its operator, so go left. */
    public static Position start(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Binary b) x = b.left();
        return x.pos();
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Expr.Binary b) return List.of(b.left(), b.right());
        if (e instanceof Expr.Unary u) return List.of(u.operand());
        if (e instanceof Expr.If i) return List.of(i.cond(), i.then(), i.otherwise());
        if (e instanceof Expr.Quant q) return List.of(q.body());
        if (e instanceof Expr.Call c) return c.args();
        if (e instanceof Expr.Ref r && r.index().isPresent()) return List.of(r.index().get());
        return List.of();
    }
}
