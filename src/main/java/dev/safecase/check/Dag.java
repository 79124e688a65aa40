package dev.safecase.check;

import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Questions about resolved terms, answered once per term object. A define's term is shared by
 * every use, so a term is a DAG that can have exponentially many paths (d1 = d0 + d0, d2 = d1 + d1,
 * …): a walk that follows every path would never finish, and one that recurses could overflow.
 */
final class Dag {
    private final Map<Term, Integer> depths = new IdentityHashMap<>();
    private final Map<Term, Optional<Rational>> constants = new IdentityHashMap<>();
    private final Map<Term, Boolean> json = new IdentityHashMap<>();
    private final Map<Term, Set<String>> variables = new IdentityHashMap<>();

    /** Nesting depth, as the tree would have it (claim references count as leaves, a define use as no level). */
    int depth(Term t) {
        return fold(t, depths, Terms::children,
                (x, kids) -> (x instanceof Term.Def ? 0 : 1) + kids.stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** The value of a constant numeric term, folding + - * / and unary minus exactly, as {@link Terms#constant} does. */
    Optional<Rational> constant(Term t) {
        return fold(t, constants, Dag::arithmetic, Dag::evaluate);
    }

    boolean containsJson(Term t) {
        return fold(t, json, Terms::children, (x, kids) -> x instanceof Term.Json || kids.contains(true));
    }

    /** The claims a term names, in the order of their first occurrence (left to right, outside in). */
    static Set<String> claims(Term root) {
        return names(root, t -> t instanceof Term.ClaimRef c ? Optional.of(c.claimId()) : Optional.empty());
    }

    /**
     * The quantity variables a term names, in the order of their first occurrence; memoised per
     * sub-term, so a chain of defines costs linear work, not quadratic.
     */
    Set<String> variables(Term root) {
        return fold(root, variables, Terms::children, (x, kids) -> {
            List<Set<String>> nonEmpty = kids.stream().filter(k -> !k.isEmpty()).toList();
            if (!(x instanceof Term.Var) && nonEmpty.size() <= 1) return nonEmpty.isEmpty() ? Set.of() : nonEmpty.get(0);
            Set<String> out = new LinkedHashSet<>();
            if (x instanceof Term.Var v) out.add(v.name());
            nonEmpty.forEach(out::addAll);
            return java.util.Collections.unmodifiableSet(out);
        });
    }

    private static Set<String> names(Term root, Function<Term, Optional<String>> name) {
        Set<String> out = new LinkedHashSet<>();
        Set<Term> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Term> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Term t = todo.pop();
            if (!seen.add(t)) continue;
            name.apply(t).ifPresent(out::add);
            List<Term> kids = Terms.children(t);
            for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
        }
        return out;
    }

    private static List<Term> arithmetic(Term t) {
        if (t instanceof Term.Neg n) return List.of(n.operand());
        if (t instanceof Term.Arith a) return List.of(a.left(), a.right());
        if (t instanceof Term.Sum s) return s.operands();
        return List.of();
    }

    private static Optional<Rational> evaluate(Term t, List<Optional<Rational>> kids) {
        if (t instanceof Term.Num n) return Optional.of(n.value());
        if (t instanceof Term.Neg) return kids.get(0).map(Rational::negate);
        if (t instanceof Term.Sum) {
            Rational total = Rational.ZERO;
            for (Optional<Rational> k : kids) {
                if (k.isEmpty()) return Optional.empty();
                total = total.add(k.get());
            }
            return Optional.of(total);
        }
        if (!(t instanceof Term.Arith a) || kids.get(0).isEmpty() || kids.get(1).isEmpty()) return Optional.empty();
        Rational l = kids.get(0).get();
        Rational r = kids.get(1).get();
        return switch (a.op()) {
            case ADD -> Optional.of(l.add(r));
            case SUB -> Optional.of(l.subtract(r));
            case MUL -> Optional.of(l.multiply(r));
            case DIV -> r.signum() == 0 ? Optional.empty() : Optional.of(l.divide(r));
        };
    }

    /** Post-order over the DAG with a work list, each term combined once from its children's results. */
    private static <R> R fold(Term root, Map<Term, R> memo, Function<Term, List<Term>> children,
                              BiFunction<Term, List<R>, R> combine) {
        Deque<Term> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Term t = todo.peek();
            if (memo.containsKey(t)) {
                todo.pop();
                continue;
            }
            List<Term> kids = children.apply(t);
            boolean ready = true;
            for (Term k : kids) {
                if (!memo.containsKey(k)) {
                    todo.push(k);
                    ready = false;
                }
            }
            if (!ready) continue;
            todo.pop();
            List<R> values = new ArrayList<>(kids.size());
            for (Term k : kids) values.add(memo.get(k));
            memo.put(t, combine.apply(t, values));
        }
        return memo.get(root);
    }
}
