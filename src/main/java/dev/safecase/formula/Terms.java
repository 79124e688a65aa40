package dev.safecase.formula;

import dev.safecase.num.Rational;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Structural helpers over terms. Terms share sub-terms (a define's body is reached once per use),
 * so every walk here remembers the nodes it has seen, by identity, and visits each once: the
 * cost is linear in the number of distinct nodes, never in the size of the unfolded tree.
 */
public final class Terms {
    private Terms() {
    }

    /** The value of a constant numeric term, folding + - * / and unary minus exactly, through defines. */
    public static Optional<Rational> constant(Term t) {
        return constant(t, new IdentityHashMap<>());
    }

    private static Optional<Rational> constant(Term t, Map<Term, Optional<Rational>> memo) {
        Optional<Rational> hit = memo.get(t);
        if (hit != null) return hit;
        Optional<Rational> v;
        if (t instanceof Term.Num n) {
            v = Optional.of(n.value());
        } else if (t instanceof Term.Def d) {
            v = constant(d.body(), memo);
        } else if (t instanceof Term.Neg n) {
            v = constant(n.operand(), memo).map(Rational::negate);
        } else if (t instanceof Term.Sum s) {
            Rational total = Rational.ZERO;
            v = Optional.empty();
            boolean all = true;
            for (Term x : s.operands()) {
                Optional<Rational> c = constant(x, memo);
                if (c.isEmpty()) {
                    all = false;
                    break;
                }
                total = total.add(c.get());
            }
            if (all) v = Optional.of(total);
        } else if (t instanceof Term.Arith a) {
            Optional<Rational> l = constant(a.left(), memo);
            Optional<Rational> r = l.isEmpty() ? Optional.empty() : constant(a.right(), memo);
            v = l.isEmpty() || r.isEmpty() ? Optional.empty() : switch (a.op()) {
                case ADD -> Optional.of(l.get().add(r.get()));
                case SUB -> Optional.of(l.get().subtract(r.get()));
                case MUL -> Optional.of(l.get().multiply(r.get()));
                case DIV -> r.get().signum() == 0 ? Optional.empty() : Optional.of(l.get().divide(r.get()));
            };
        } else {
            v = Optional.empty();
        }
        memo.put(t, v);
        return v;
    }

    public static boolean containsJson(Term t) {
        boolean[] found = {false};
        visit(t, identitySet(), x -> found[0] |= x instanceof Term.Json);
        return found[0];
    }

    /** The direct sub-terms of a term (a define's body for a {@link Term.Def}). */
    public static List<Term> children(Term t) {
        if (t instanceof Term.Not n) return List.of(n.operand());
        if (t instanceof Term.And a) return a.operands();
        if (t instanceof Term.Or o) return o.operands();
        if (t instanceof Term.Implies i) return List.of(i.left(), i.right());
        if (t instanceof Term.Iff i) return List.of(i.left(), i.right());
        if (t instanceof Term.Cmp c) return List.of(c.left(), c.right());
        if (t instanceof Term.Arith a) return List.of(a.left(), a.right());
        if (t instanceof Term.Sum s) return s.operands();
        if (t instanceof Term.Neg n) return List.of(n.operand());
        if (t instanceof Term.Ite i) return List.of(i.cond(), i.then(), i.otherwise());
        if (t instanceof Term.Builtin b) return b.args();
        if (t instanceof Term.Def d) return List.of(d.body());
        return List.of();
    }

    /**
     * Rebuilds a term bottom-up, replacing each node by {@code f} of its rebuilt form; a shared
     * node is rebuilt once, so sharing survives, and a node whose children did not change is
     * kept as it is. A define whose body changes stays a use of the same define, so {@code f}
     * must treat every use alike (it does when it depends on the node only).
     */
    public static Term map(Term t, Function<Term, Term> f) {
        return map(t, f, new IdentityHashMap<>());
    }

    /** {@link #map} with a memo that the caller keeps across calls (the same {@code f} each time). */
    public static Term map(Term t, Function<Term, Term> f, Map<Term, Term> memo) {
        Term hit = memo.get(t);
        if (hit != null) return hit;
        Term out = f.apply(rebuilt(t, x -> map(x, f, memo)));
        memo.put(t, out);
        return out;
    }

    private static Term rebuilt(Term t, Function<Term, Term> m) {
        if (t instanceof Term.Not n) {
            Term o = m.apply(n.operand());
            return o == n.operand() ? t : new Term.Not(o);
        }
        if (t instanceof Term.And a) {
            List<Term> ops = all(a.operands(), m);
            return ops == a.operands() ? t : new Term.And(ops);
        }
        if (t instanceof Term.Or o) {
            List<Term> ops = all(o.operands(), m);
            return ops == o.operands() ? t : new Term.Or(ops);
        }
        if (t instanceof Term.Implies i) {
            Term l = m.apply(i.left());
            Term r = m.apply(i.right());
            return l == i.left() && r == i.right() ? t : new Term.Implies(l, r);
        }
        if (t instanceof Term.Iff i) {
            Term l = m.apply(i.left());
            Term r = m.apply(i.right());
            return l == i.left() && r == i.right() ? t : new Term.Iff(l, r);
        }
        if (t instanceof Term.Cmp c) {
            Term l = m.apply(c.left());
            Term r = m.apply(c.right());
            return l == c.left() && r == c.right() ? t : new Term.Cmp(c.op(), l, r);
        }
        if (t instanceof Term.Arith a) {
            Term l = m.apply(a.left());
            Term r = m.apply(a.right());
            return l == a.left() && r == a.right() ? t : new Term.Arith(a.op(), l, r, a.type());
        }
        if (t instanceof Term.Sum s) {
            List<Term> ops = all(s.operands(), m);
            return ops == s.operands() ? t : new Term.Sum(ops, s.type());
        }
        if (t instanceof Term.Neg n) {
            Term o = m.apply(n.operand());
            return o == n.operand() ? t : new Term.Neg(o, n.type());
        }
        if (t instanceof Term.Ite i) {
            Term c = m.apply(i.cond());
            Term a = m.apply(i.then());
            Term b = m.apply(i.otherwise());
            return c == i.cond() && a == i.then() && b == i.otherwise() ? t : new Term.Ite(c, a, b, i.type());
        }
        if (t instanceof Term.Builtin b) {
            List<Term> args = all(b.args(), m);
            return args == b.args() ? t : new Term.Builtin(b.function(), args, b.pos());
        }
        if (t instanceof Term.Def d) {
            Term body = m.apply(d.body());
            return body == d.body() ? t : new Term.Def(d.name(), body);
        }
        return t;
    }

    /** The list mapped, or the same list object when no element changed. */
    private static List<Term> all(List<Term> ts, Function<Term, Term> m) {
        Term[] out = new Term[ts.size()];
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            out[i] = m.apply(ts.get(i));
            changed |= out[i] != ts.get(i);
        }
        return changed ? List.of(out) : ts;
    }

    /** The term with every define use replaced by its body (a tree again: for small terms only, such as tests). */
    public static Term inline(Term t) {
        return map(t, x -> x instanceof Term.Def d ? d.body() : x);
    }

    /**
     * Calls {@code action} on every node of a term in pre-order, each shared node once: a node in
     * {@code visited} (by identity) is skipped with all below it. Iterative, so depth is no limit.
     */
    public static void visit(Term root, Set<Term> visited, Consumer<Term> action) {
        Deque<Term> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Term t = stack.pop();
            if (!visited.add(t)) continue;
            action.accept(t);
            List<Term> kids = children(t);
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
    }

    /** A set for {@link #visit} that tells nodes apart by identity (equal sub-terms may be distinct objects). */
    public static Set<Term> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Every quantity variable name and claim reference in a term, in first-occurrence order. */
    public static void collect(Term t, Set<String> vars, Set<String> claims) {
        visit(t, identitySet(), x -> {
            if (x instanceof Term.Var v) vars.add(v.name());
            if (x instanceof Term.ClaimRef c) claims.add(c.claimId());
        });
    }

    /**
     * Calls {@code after} on every node of the terms once, after all its children (post-order over
     * the shared nodes). Iterative, so depth is no limit.
     */
    public static void postOrder(List<Term> roots, Consumer<Term> after) {
        Set<Term> done = identitySet();
        Set<Term> open = identitySet();
        Deque<Term> stack = new ArrayDeque<>();
        for (Term root : roots) {
            stack.push(root);
            while (!stack.isEmpty()) {
                Term t = stack.peek();
                if (done.contains(t)) {
                    stack.pop();
                } else if (open.add(t)) {
                    List<Term> kids = children(t);
                    for (int i = kids.size() - 1; i >= 0; i--) {
                        if (!done.contains(kids.get(i))) stack.push(kids.get(i));
                    }
                } else {
                    stack.pop();
                    done.add(t);
                    after.accept(t);
                }
            }
        }
    }

    /**
     * The nesting depth of a term as written with its defines inlined: a leaf is 1, each operator
     * adds one, a define use adds none.
     */
    public static int depth(Term root) {
        Map<Term, Integer> memo = new IdentityHashMap<>();
        postOrder(List.of(root), t -> {
            int d = 0;
            for (Term k : children(t)) d = Math.max(d, memo.get(k));
            memo.put(t, t instanceof Term.Def ? d : d + 1);
        });
        return memo.get(root);
    }

    /**
     * Every define used in the terms, each once by name, in an order where a define comes after
     * the defines its body uses; name to body.
     */
    public static Map<String, Term> definitions(List<Term> roots) {
        Map<String, Term> out = new LinkedHashMap<>();
        postOrder(roots, t -> {
            if (!(t instanceof Term.Def d)) return;
            Term old = out.putIfAbsent(d.name(), d.body());
            if (old != null && old != d.body() && !old.equals(d.body())) {
                throw new IllegalStateException("define " + d.name() + " has two different bodies");
            }
        });
        return out;
    }
}
