package dev.safecase.prove;

import dev.safecase.diag.Vocabulary;
import com.microsoft.z3.AlgebraicNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.safecase.num.Rational;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.Verdict.Answer;
import dev.safecase.formula.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Z3 context with one solver (a timeout, a resource limit and a fixed random seed); decides
 * obligations one at a time, each in its own push/pop scope. Owns every Z3 object: none leaves
 * this class.
 *
 * <p>Every Z3 object made here stays reachable until {@link #close}: the Java binding releases an
 * unreachable object when the garbage collector finds it, and a term released mid-session frees
 * its node for reuse, which changes the numbering of later terms and with it the models Z3
 * finds. Holding them keeps a session's answers a function of the obligations given to it.
 */
public final class Z3Session implements AutoCloseable {
    private static final String TRACK = "trk!";
    private static final String GOAL = "trk!goal";

    private final long timeoutMs;
    private final long rlimit;
    private Context ctx;
    private final Z3Terms translator;
    private final Z3Terms.Naming naming;
    private final List<BoolExpr> trackers = new ArrayList<>();
    private final Map<BoolExpr, Integer> trackerPositions = new HashMap<>();
    private final List<Object> keep = new ArrayList<>();
    private final Map<Term, Set<String>> symbols = new IdentityHashMap<>();
    private BoolExpr goal;
    private Solver solver;

    private final Vocabulary vocabulary;

    /** A session whose symbols have the names the case gives them (for tests and the consistency phase). */
    public Z3Session(long timeoutMs, long rlimit) {
        this(timeoutMs, rlimit, Z3Terms.AS_WRITTEN, Vocabulary.CLI);
    }

    /** As above; an {@code unknown} that ran out of budget names the settings in {@code vocabulary}'s words. */
    public Z3Session(long timeoutMs, long rlimit, Vocabulary vocabulary) {
        this(timeoutMs, rlimit, Z3Terms.AS_WRITTEN, vocabulary);
    }

    Z3Session(long timeoutMs, long rlimit, Z3Terms.Naming naming, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.timeoutMs = timeoutMs;
        this.rlimit = rlimit;
        this.naming = naming;
        Z3Library.ensure();
        this.ctx = new Context(Map.of("model", "true"));
        String loaded = solverVersion();
        if (!loaded.equals(SolverId.declared())) {
            ctx.close();
            throw new IllegalStateException("the Z3 library loaded is " + loaded + " but this build declares "
                    + SolverId.declared() + " (src/main/resources/dev/safecase/prove/solver.txt)");
        }
        this.translator = new Z3Terms(ctx, naming);
    }

    /** The solver's name and version as the loaded library reports it, e.g. {@code z3 4.14.1}. */
    public static String solverVersion() {
        return "z3 " + com.microsoft.z3.Version.getMajor() + "." + com.microsoft.z3.Version.getMinor() + "."
                + com.microsoft.z3.Version.getBuild();
    }

    /**
     * The obligation as Z3 is given it, in SMT-LIB: declarations, tracked premises and the tracked
     * negated goal, with the names of the case. (The session builds the same terms through the API,
     * with the block's canonical names; this text is for people.)
     */
    public static String tracked(Obligation o) {
        StringBuilder sb = new StringBuilder(SmtLib.declarations(o));
        for (int i = 0; i < o.premises().size(); i++) {
            sb.append("(declare-const ").append(TRACK).append(i).append(" Bool)\n");
        }
        if (o.goal().isPresent()) sb.append("(declare-const ").append(GOAL).append(" Bool)\n");
        for (int i = 0; i < o.premises().size(); i++) {
            Premise p = o.premises().get(i);
            sb.append("; ").append(p.name().replace('\n', ' ')).append('\n');
            sb.append("(assert (=> ").append(TRACK).append(i).append(' ').append(SmtLib.bool(p.formula())).append("))\n");
        }
        o.goal().ifPresent(g -> sb.append("(assert (=> ").append(GOAL).append(" (not ").append(SmtLib.bool(g)).append(")))\n"));
        return sb.toString();
    }

    /** Decides an obligation with nothing known about its premises. */
    public Verdict decide(Obligation o) {
        return decide(o, Satisfiable.NOT_SHOWN);
    }

    /**
     * Decides an ENTAILMENT or SATISFIABLE obligation in its own solver scope. When the premises are
     * known to be satisfiable they are not checked again; an entailment is tried on its
     * {@link Slice} first, then on every premise.
     */
    public Verdict decide(Obligation o, Satisfiable premisesSat) {
        long start = System.nanoTime();
        Solver solver = solver();
        solver.push();
        try {
            Tracked t = new Tracked(o, solver);
            Verdict v = o.goal().isPresent() ? entailment(o, t, premisesSat) : satisfiable(o, t, premisesSat);
            return v.timed(System.nanoTime() - start);
        } catch (com.microsoft.z3.Z3Exception e) {
            return Verdict.of(Answer.UNKNOWN, List.of(), Map.of(), Optional.of("solver error: " + e.getMessage()))
                    .timed(System.nanoTime() - start);
        } finally {
            solver.pop();
        }
    }

    /** An obligation's premises asserted under tracking literals on demand, each once. */
    private final class Tracked {
        private final Obligation o;
        private final Solver solver;
        private final boolean[] asserted;
        private boolean goalAsserted;

        Tracked(Obligation o, Solver solver) {
            this.o = o;
            this.solver = solver;
            this.asserted = new boolean[o.premises().size()];
        }

        /** The tracking literals of the premises at {@code positions}, asserting those not yet asserted. */
        List<BoolExpr> premises(List<Integer> positions) {
            List<BoolExpr> lits = new ArrayList<>();
            for (int i : positions) {
                BoolExpr lit = tracker(i);
                if (!asserted[i]) {
                    solver.add(kept(ctx.mkImplies(lit, translator.bool(o.premises().get(i).formula()))));
                    asserted[i] = true;
                }
                lits.add(lit);
            }
            return lits;
        }

        List<BoolExpr> all() {
            return premises(range(o.premises().size()));
        }

        BoolExpr goal() {
            if (!goalAsserted) {
                solver.add(kept(ctx.mkImplies(goalTracker(), kept(ctx.mkNot(translator.bool(o.goal().orElseThrow()))))));
                goalAsserted = true;
            }
            return goalTracker();
        }

        /** The premises in an unsat core, in premise order, each name once. */
        List<Premise> core() {
            Set<Integer> at = new HashSet<>();
            for (BoolExpr e : kept(solver.getUnsatCore())) {
                Integer i = position(e);
                if (i != null) at.add(i);
            }
            List<Premise> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < o.premises().size(); i++) {
                Premise p = o.premises().get(i);
                if (at.contains(i) && seen.add(p.name())) out.add(p);
            }
            return out;
        }

        private Integer position(BoolExpr e) {
            Integer i = trackerPositions.get(e);
            return i != null && i < o.premises().size() ? i : null;
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(i);
        return out;
    }

    private <T> T kept(T z3Object) {
        keep.add(z3Object);
        return z3Object;
    }

    private BoolExpr tracker(int i) {
        while (trackers.size() <= i) {
            BoolExpr lit = ctx.mkBoolConst(TRACK + trackers.size());
            trackerPositions.put(lit, trackers.size());
            trackers.add(lit);
        }
        return trackers.get(i);
    }

    private BoolExpr goalTracker() {
        if (goal == null) goal = ctx.mkBoolConst(GOAL);
        return goal;
    }

    /** One solver per session, with the limits and the fixed seed; each obligation is a push/pop scope. */
    private Solver solver() {
        if (solver == null) {
            solver = ctx.mkSolver();
            Params params = kept(ctx.mkParams());
            params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeoutMs));
            params.add("rlimit", (int) Math.min(Integer.MAX_VALUE, rlimit));
            params.add("random_seed", 0);
            params.add("core.minimize", true);
            solver.setParameters(params);
        }
        return solver;
    }

    private BoolExpr[] array(List<BoolExpr> lits) {
        return kept(lits.toArray(new BoolExpr[0]));
    }

    /**
     * Unless known to be satisfiable, the premises first: unsat means vacuous. Then premises ∧
     * ¬goal, on the slice and if need be on all premises: unsat means proved (the premises are
     * satisfiable), sat on all premises refuted.
     */
    private Verdict entailment(Obligation o, Tracked t, Satisfiable premisesSat) {
        if (premisesSat != Satisfiable.YES) {
            Status p = solver.check(array(t.all()));
            if (p == Status.UNKNOWN) return unknown(solver);
            if (p == Status.UNSATISFIABLE) return Verdict.decided(o, Answer.VACUOUS, t.core(), Map.of(), 0);
        }
        List<Integer> slice = Slice.of(o, symbols);
        if (slice.size() < o.premises().size()) {
            List<BoolExpr> lits = new ArrayList<>(t.premises(slice));
            lits.add(t.goal());
            if (solver.check(array(lits)) == Status.UNSATISFIABLE) {
                return Verdict.decided(o, Answer.PROVED, t.core(), Map.of(), 0);
            }
        }
        List<BoolExpr> all = new ArrayList<>(t.all());
        all.add(t.goal());
        Status r = solver.check(array(all));
        if (r == Status.SATISFIABLE) {
            return Verdict.decided(o, Answer.REFUTED, List.of(), counterexample(o, kept(solver.getModel())), 0);
        }
        if (r == Status.UNKNOWN) return unknown(solver);
        return Verdict.decided(o, Answer.PROVED, t.core(), Map.of(), 0);
    }

    private Verdict satisfiable(Obligation o, Tracked t, Satisfiable premisesSat) {
        if (premisesSat == Satisfiable.YES) return Verdict.decided(o, Answer.PROVED, List.of(), Map.of(), 0);
        Status r = solver.check(array(t.all()));
        if (r == Status.SATISFIABLE) return Verdict.decided(o, Answer.PROVED, List.of(), Map.of(), 0);
        if (r == Status.UNKNOWN) return unknown(solver);
        return Verdict.decided(o, Answer.VACUOUS, t.core(), Map.of(), 0);
    }

    private Verdict unknown(Solver solver) {
        String why = solver.getReasonUnknown();
        if (why == null || why.isBlank()) why = "unknown";
        if (why.equals("canceled") || why.contains("resource") || why.contains("timeout")) {
            why += " (the " + vocabulary.name(Vocabulary.Setting.RLIMIT) + " or "
                    + vocabulary.name(Vocabulary.Setting.TIMEOUT_MS) + " budget ran out)";
        }
        return Verdict.of(Answer.UNKNOWN, List.of(), Map.of(), Optional.of("Z3 gave up: " + why));
    }

    private Map<String, String> counterexample(Obligation o, Model model) {
        Map<String, FuncDecl<?>> decls = new HashMap<>();
        for (FuncDecl<?> d : kept(model.getConstDecls())) decls.put(d.getName().toString(), d);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Type> s : SmtLib.symbols(o).entrySet()) {
            FuncDecl<?> d = decls.get(naming.symbol(s.getKey(), s.getValue()));
            Expr<?> value = d == null ? null : kept(model.getConstInterp(d));
            out.put(s.getKey(), value == null ? defaultValue(s.getValue()) : show(value, s.getValue()));
        }
        return out;
    }

    /** Any value satisfies a symbol the model leaves out; Z3 would complete it with these. */
    private static String defaultValue(Type t) {
        if (t instanceof Type.Bool) return "false";
        if (t instanceof Type.EnumType e) return e.members().get(0);
        return "0";
    }

    private String show(Expr<?> v, Type t) {
        if (v instanceof IntNum i) return i.getBigInteger().toString();
        if (v instanceof RatNum r) return Rational.of(r.getBigIntNumerator(), r.getBigIntDenominator()).toString();
        if (v instanceof AlgebraicNum a) return a.toString() + " approx " + a.toDecimal(9);
        if (v.isTrue()) return "true";
        if (v.isFalse()) return "false";
        String s = v.toString();
        if (t instanceof Type.EnumType e) {
            String bare = s.startsWith("|") && s.endsWith("|") ? s.substring(1, s.length() - 1) : s;
            return naming.memberOf(e, bare);
        }
        return s;
    }

    @Override
    public void close() {
        solver = null;
        goal = null;
        keep.clear();
        trackers.clear();
        trackerPositions.clear();
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }
}
