package dev.safecase.prove;

import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.lower.Obligation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The premises near an entailment's goal: those that share a symbol with the goal, then those that
 * share one with these ({@link #ROUNDS} rounds). Entailment is monotone, so when the premises are
 * satisfiable (checked on the full set) and the slice with the negated goal is unsatisfiable, the
 * obligation is proved and the slice's core is a core of the obligation; otherwise the full set
 * decides. A slice never refutes.
 */
final class Slice {
    static final int ROUNDS = 2;

    private Slice() {
    }

    /** Positions of the premises in the slice, in premise order; all of them when nothing is cut away. */
    static List<Integer> of(Obligation o, Map<Term, Set<String>> symbolsMemo) {
        int n = o.premises().size();
        List<Set<String>> symbols = new ArrayList<>(n);
        for (int i = 0; i < n; i++) symbols.add(symbols(o.premises().get(i).formula(), symbolsMemo));
        Set<String> reached = new HashSet<>(o.goal().map(g -> symbols(g, symbolsMemo)).orElse(Set.of()));
        boolean[] in = new boolean[n];
        for (int r = 0; r < ROUNDS; r++) {
            List<Set<String>> added = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!in[i] && touches(symbols.get(i), reached)) {
                    in[i] = true;
                    added.add(symbols.get(i));
                }
            }
            if (added.isEmpty()) break;
            added.forEach(reached::addAll);
        }
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) if (in[i]) out.add(i);
        return out;
    }

    private static boolean touches(Set<String> a, Set<String> b) {
        for (String s : a) if (b.contains(s)) return true;
        return false;
    }

    /** Quantities and claim atoms of a term (inside defines too), memoised by the term's identity. */
    static Set<String> symbols(Term t, Map<Term, Set<String>> memo) {
        Set<String> hit = memo.get(t);
        if (hit != null) return hit;
        Set<String> vars = new LinkedHashSet<>();
        Set<String> atoms = new LinkedHashSet<>();
        Terms.collect(t, vars, atoms);
        for (String a : atoms) vars.add("\u0000" + a);
        memo.put(t, vars);
        return vars;
    }
}
