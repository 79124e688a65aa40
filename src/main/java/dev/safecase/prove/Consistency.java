package dev.safecase.prove;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.safecase.formula.Term;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consistency phase: shows the premises of many obligations of one case satisfiable at once,
 * by monotonicity (every subset of a satisfiable set is satisfiable). The union of all their
 * premises is tried first on a guessed model ({@link Witness}), then checked once by Z3; when it has no model, each group of premises that share symbols
 * (connected through them, so independent of the others) is checked, and an obligation whose
 * premises lie in satisfiable groups only is shown too. The rest are checked one by one (equal
 * premise lists once). What is not shown here is checked again, with a core, by the obligation's
 * block ({@link Satisfiable#NOT_SHOWN}).
 */
final class Consistency {
    private final long timeoutMs;
    private final long rlimit;

    Consistency(long timeoutMs, long rlimit) {
        this.timeoutMs = timeoutMs;
        this.rlimit = rlimit;
    }

    /** For each obligation (by identity): whether its premises are shown satisfiable. */
    Map<Obligation, Satisfiable> decide(List<Obligation> obligations) {
        Map<Obligation, Satisfiable> out = new IdentityHashMap<>();
        Map<Term, Integer> index = new IdentityHashMap<>();
        List<Term> formulas = new ArrayList<>();
        for (Obligation o : obligations) {
            for (Premise p : o.premises()) {
                if (!index.containsKey(p.formula())) {
                    index.put(p.formula(), formulas.size());
                    formulas.add(p.formula());
                }
            }
        }
        Map<String, Rational> lows = new HashMap<>();
        for (Obligation o : obligations) {
            for (Premise p : o.premises()) {
                if (p instanceof Premise.Range r) Witness.low(r).ifPresent(l -> lows.putIfAbsent(r.quantity(), l));
            }
        }
        if (formulas.isEmpty() || Witness.satisfiesAll(formulas, lows)) {
            for (Obligation o : obligations) out.put(o, Satisfiable.YES);
            return out;
        }
        try (Phase phase = new Phase()) {
            if (phase.satisfiable(formulas)) {
                for (Obligation o : obligations) out.put(o, Satisfiable.YES);
                return out;
            }
            int[] group = groups(formulas);
            Map<Integer, List<Term>> members = new LinkedHashMap<>();
            for (int i = 0; i < formulas.size(); i++) members.computeIfAbsent(group[i], k -> new ArrayList<>()).add(formulas.get(i));
            Map<Integer, Boolean> groupSat = new HashMap<>();
            if (members.size() > 1) {
                members.forEach((g, fs) -> groupSat.put(g, Witness.satisfiesAll(fs, lows) || phase.satisfiable(fs)));
            }
            Map<String, Boolean> byList = new HashMap<>();
            for (Obligation o : obligations) {
                boolean shown = !o.premises().isEmpty() && members.size() > 1;
                StringBuilder key = new StringBuilder();
                for (Premise p : o.premises()) {
                    int i = index.get(p.formula());
                    shown &= groupSat.getOrDefault(group[i], false);
                    key.append(i).append(',');
                }
                if (o.premises().isEmpty()) shown = true;
                if (!shown) {
                    List<Term> own = o.premises().stream().map(Premise::formula).toList();
                    shown = byList.computeIfAbsent(key.toString(), k -> Witness.satisfiesAll(own, lows) || phase.satisfiable(own));
                }
                out.put(o, shown ? Satisfiable.YES : Satisfiable.NOT_SHOWN);
            }
            return out;
        }
    }

    /** Union-find over symbols: formulas that share one (directly or through others) get the same group. */
    private static int[] groups(List<Term> formulas) {
        int n = formulas.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        Map<String, Integer> owner = new HashMap<>();
        Map<Term, Set<String>> memo = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            for (String s : Slice.symbols(formulas.get(i), memo)) {
                Integer j = owner.putIfAbsent(s, i);
                if (j != null) union(parent, i, j);
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = find(parent, i);
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }

    /** One context for the phase; each check in its own scope, without tracking (only the answer matters). */
    private final class Phase implements AutoCloseable {
        private final Context ctx = newContext();
        private final Z3Terms terms = new Z3Terms(ctx, Z3Terms.AS_WRITTEN);
        private final Solver solver = ctx.mkSimpleSolver();
        private final List<Object> keep = new ArrayList<>();

        private static Context newContext() {
            Z3Library.ensure();
            return new Context(Map.of("model", "false"));
        }

        Phase() {
            Params params = ctx.mkParams();
            params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeoutMs));
            params.add("rlimit", (int) Math.min(Integer.MAX_VALUE, rlimit));
            params.add("random_seed", 0);
            solver.setParameters(params);
            keep.add(params);
        }

        boolean satisfiable(List<Term> formulas) {
            solver.push();
            try {
                for (Term f : formulas) {
                    BoolExpr e = terms.bool(f);
                    keep.add(e);
                    solver.add(e);
                }
                return solver.check() == Status.SATISFIABLE;
            } catch (com.microsoft.z3.Z3Exception e) {
                return false;
            } finally {
                solver.pop();
            }
        }

        @Override
        public void close() {
            keep.clear();
            ctx.close();
        }
    }
}
