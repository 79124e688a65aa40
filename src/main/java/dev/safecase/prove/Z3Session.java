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
import java.util.ArrayList;
import java.util.HashMap;
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
    private final List<BoolExpr> trackers = new ArrayList<>();
    private final List<Object> keep = new ArrayList<>();
    private BoolExpr goal;
    private Solver solver;

    private final Vocabulary vocabulary;

    public Z3Session(long timeoutMs, long rlimit) {
        this(timeoutMs, rlimit, Vocabulary.CLI);
    }

    /** As above; an {@code unknown} that ran out of budget names the settings in {@code vocabulary}'s words. */
    public Z3Session(long timeoutMs, long rlimit, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.timeoutMs = timeoutMs;
        this.rlimit = rlimit;
        this.ctx = new Context(Map.of("model", "true"));
        this.translator = new Z3Terms(ctx);
    }

    /** The solver's name and version, e.g. {@code z3 4.14.1}. */
    public static String solverVersion() {
        return "z3 " + com.microsoft.z3.Version.getMajor() + "." + com.microsoft.z3.Version.getMinor() + "."
                + com.microsoft.z3.Version.getBuild();
    }

    /**
     * The obligation as Z3 is given it, in SMT-LIB: declarations, tracked premises and the tracked
     * negated goal. (The session builds the same terms through the API; this text is for people.)
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

    /** Decides an ENTAILMENT or SATISFIABLE obligation, in its own solver scope. */
    public Verdict decide(Obligation o) {
        long start = System.nanoTime();
        Solver solver = solver();
        solver.push();
        try {
            List<BoolExpr> premises = new ArrayList<>();
            Map<BoolExpr, Premise> names = new HashMap<>();
            for (int i = 0; i < o.premises().size(); i++) {
                BoolExpr lit = tracker(i);
                premises.add(lit);
                names.put(lit, o.premises().get(i));
                solver.add(kept(ctx.mkImplies(lit, translator.bool(o.premises().get(i).formula()))));
            }
            if (o.goal().isPresent()) {
                solver.add(kept(ctx.mkImplies(goalTracker(), kept(ctx.mkNot(translator.bool(o.goal().get()))))));
            }
            Verdict v = o.goal().isPresent() ? entailment(o, solver, premises, names) : satisfiable(o, solver, premises, names);
            return v.timed(System.nanoTime() - start);
        } catch (com.microsoft.z3.Z3Exception e) {
            return Verdict.of(Answer.UNKNOWN, List.of(), Map.of(), Optional.of("solver error: " + e.getMessage()))
                    .timed(System.nanoTime() - start);
        } finally {
            solver.pop();
        }
    }

    private <T> T kept(T z3Object) {
        keep.add(z3Object);
        return z3Object;
    }

    private BoolExpr tracker(int i) {
        while (trackers.size() <= i) trackers.add(ctx.mkBoolConst(TRACK + trackers.size()));
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
     * Premises first (as the z3 command line would, incrementally): unsat means vacuous; else
     * premises ∧ ¬goal: unsat means proved (the premises were just shown satisfiable), sat refuted.
     */
    private Verdict entailment(Obligation o, Solver solver, List<BoolExpr> premises, Map<BoolExpr, Premise> names) {
        Status p = solver.check(array(premises));
        if (p == Status.UNKNOWN) return unknown(solver);
        if (p == Status.UNSATISFIABLE) {
            List<Premise> clash = ordered(core(solver, names), o);
            return Verdict.of(Answer.VACUOUS, clash, Map.of(),
                    Optional.of("the premises contradict each other: " + names(clash)));
        }
        List<BoolExpr> all = new ArrayList<>(premises);
        all.add(goalTracker());
        Status r = solver.check(array(all));
        if (r == Status.SATISFIABLE) {
            return Verdict.of(Answer.REFUTED, List.of(), counterexample(o, kept(solver.getModel())), Optional.empty());
        }
        if (r == Status.UNKNOWN) return unknown(solver);
        return Verdict.of(Answer.PROVED, ordered(core(solver, names), o), Map.of(), Optional.empty());
    }

    private Verdict satisfiable(Obligation o, Solver solver, List<BoolExpr> premises, Map<BoolExpr, Premise> names) {
        Status r = solver.check(array(premises));
        if (r == Status.SATISFIABLE) return Verdict.of(Answer.PROVED, List.of(), Map.of(), Optional.empty());
        if (r == Status.UNKNOWN) return unknown(solver);
        List<Premise> core = ordered(core(solver, names), o);
        return Verdict.of(Answer.VACUOUS, core, Map.of(), Optional.of("these premises contradict each other: " + names(core)));
    }

    private static String names(List<Premise> premises) {
        return String.join(", ", premises.stream().map(Premise::name).toList());
    }

    private List<Premise> core(Solver solver, Map<BoolExpr, Premise> names) {
        List<Premise> out = new ArrayList<>();
        for (BoolExpr e : kept(solver.getUnsatCore())) {
            Premise p = names.get(e);
            if (p != null) out.add(p);
        }
        return out;
    }

    /** Core premises in premise order, each name once, so output is stable. */
    private static List<Premise> ordered(List<Premise> core, Obligation o) {
        List<Premise> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Premise p : o.premises()) {
            if (core.contains(p) && !seen.contains(p.name())) {
                out.add(p);
                seen.add(p.name());
            }
        }
        return out;
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
            FuncDecl<?> d = decls.get(s.getKey());
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

    private static String show(Expr<?> v, Type t) {
        if (v instanceof IntNum i) return i.getBigInteger().toString();
        if (v instanceof RatNum r) return Rational.of(r.getBigIntNumerator(), r.getBigIntDenominator()).toString();
        if (v instanceof AlgebraicNum a) return a.toString() + " approx " + a.toDecimal(9);
        if (v.isTrue()) return "true";
        if (v.isFalse()) return "false";
        String s = v.toString();
        if (t instanceof Type.EnumType e) {
            String bare = s.startsWith("|") && s.endsWith("|") ? s.substring(1, s.length() - 1) : s;
            String prefix = e.name() + ".";
            return bare.startsWith(prefix) ? bare.substring(prefix.length()) : bare;
        }
        return s;
    }

    @Override
    public void close() {
        solver = null;
        goal = null;
        keep.clear();
        trackers.clear();
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }
}
