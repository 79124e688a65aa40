package dev.safecase.formula;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Small structural helpers over terms. */
public final class Terms {
    private Terms() {
    }

    /** The value of a constant numeric term, folding + - * / and unary minus exactly. */
    public static Optional<Rational> constant(Term t) {
        if (t instanceof Term.Num n) return Optional.of(n.value());
        if (t instanceof Term.Neg n) return constant(n.operand()).map(Rational::negate);
        if (!(t instanceof Term.Arith a)) return Optional.empty();
        Optional<Rational> l = constant(a.left());
        Optional<Rational> r = constant(a.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        return switch (a.op()) {
            case ADD -> Optional.of(l.get().add(r.get()));
            case SUB -> Optional.of(l.get().subtract(r.get()));
            case MUL -> Optional.of(l.get().multiply(r.get()));
            case DIV -> r.get().signum() == 0 ? Optional.empty() : Optional.of(l.get().divide(r.get()));
        };
    }

    public static boolean containsJson(Term t) {
        return t instanceof Term.Json || children(t).stream().anyMatch(Terms::containsJson);
    }

    /** The direct sub-terms of a term. */
    public static List<Term> children(Term t) {
        if (t instanceof Term.Not n) return List.of(n.operand());
        if (t instanceof Term.And a) return a.operands();
        if (t instanceof Term.Or o) return o.operands();
        if (t instanceof Term.Implies i) return List.of(i.left(), i.right());
        if (t instanceof Term.Iff i) return List.of(i.left(), i.right());
        if (t instanceof Term.Cmp c) return List.of(c.left(), c.right());
        if (t instanceof Term.Arith a) return List.of(a.left(), a.right());
        if (t instanceof Term.Neg n) return List.of(n.operand());
        if (t instanceof Term.Ite i) return List.of(i.cond(), i.then(), i.otherwise());
        if (t instanceof Term.Builtin b) return b.args();
        return List.of();
    }

    /** Rebuilds a term bottom-up, replacing each node by {@code f} of its rebuilt form. */
    public static Term map(Term t, Function<Term, Term> f) {
        Term rebuilt = t;
        if (t instanceof Term.Not n) rebuilt = new Term.Not(map(n.operand(), f));
        else if (t instanceof Term.And a) rebuilt = new Term.And(a.operands().stream().map(x -> map(x, f)).toList());
        else if (t instanceof Term.Or o) rebuilt = new Term.Or(o.operands().stream().map(x -> map(x, f)).toList());
        else if (t instanceof Term.Implies i) rebuilt = new Term.Implies(map(i.left(), f), map(i.right(), f));
        else if (t instanceof Term.Iff i) rebuilt = new Term.Iff(map(i.left(), f), map(i.right(), f));
        else if (t instanceof Term.Cmp c) rebuilt = new Term.Cmp(c.op(), map(c.left(), f), map(c.right(), f));
        else if (t instanceof Term.Arith a) rebuilt = new Term.Arith(a.op(), map(a.left(), f), map(a.right(), f), a.type());
        else if (t instanceof Term.Neg n) rebuilt = new Term.Neg(map(n.operand(), f), n.type());
        else if (t instanceof Term.Ite i) rebuilt = new Term.Ite(map(i.cond(), f), map(i.then(), f), map(i.otherwise(), f), i.type());
        else if (t instanceof Term.Builtin b) {
            rebuilt = new Term.Builtin(b.function(), b.args().stream().map(x -> map(x, f)).toList(), b.pos());
        }
        return f.apply(rebuilt);
    }

    /**
     * Calls {@code action} on every node of a term in pre-order, each shared node once: a node in
     * {@code visited} (by identity) is skipped with all below it. Iterative, so depth is no limit.
     */
    public static void visit(Term root, java.util.Set<Term> visited, java.util.function.Consumer<Term> action) {
        java.util.Deque<Term> stack = new java.util.ArrayDeque<>();
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
    public static java.util.Set<Term> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /** Every quantity variable name and claim reference in a term, in first-occurrence order. */
    public static void collect(Term t, java.util.Set<String> vars, java.util.Set<String> claims) {
        if (t instanceof Term.Var v) vars.add(v.name());
        if (t instanceof Term.ClaimRef c) claims.add(c.claimId());
        for (Term c : children(t)) collect(c, vars, claims);
    }
}
