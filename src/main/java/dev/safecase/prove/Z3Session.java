package dev.safecase.prove;

import dev.safecase.judge.Status;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.FuncDecl;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RatNum;
import com.microsoft.z3.Solver;
import com.microsoft.z3.AlgebraicNum;
import dev.safecase.formula.Rational;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Z3 context; decides obligations one at a time, each in a fresh solver with a timeout, a
 * resource limit and a fixed random seed. Owns every Z3 object: none leaves this class.
 */
public final class Z3Session implements AutoCloseable {
    private static final String TRACK = "trk!";
    private static final String GOAL = "trk!goal";

    private final long timeoutMs;
    private final long rlimit;
    private Context ctx;
    private final Z3Terms translator;
    private Solver solver;

    public Z3Session(long timeoutMs, long rlimit) {
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
            Obligation.Premise p = o.premises().get(i);
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
            Map<BoolExpr, String> names = new HashMap<>();
            for (int i = 0; i < o.premises().size(); i++) {
                BoolExpr lit = ctx.mkBoolConst(TRACK + i);
                premises.add(lit);
                names.put(lit, o.premises().get(i).name());
                solver.add(ctx.mkImplies(lit, translator.bool(o.premises().get(i).formula())));
            }
            if (o.goal().isPresent()) {
                solver.add(ctx.mkImplies(ctx.mkBoolConst(GOAL), ctx.mkNot(translator.bool(o.goal().get()))));
            }
            Verdict v = o.goal().isPresent() ? entailment(o, solver, premises, names) : satisfiable(o, solver, premises, names);
            long nanos = System.nanoTime() - start;
            return new Verdict(v.status(), v.core(), v.counterexample(), v.reason(), nanos / 1_000_000, nanos);
        } catch (com.microsoft.z3.Z3Exception e) {
            long nanos = System.nanoTime() - start;
            return new Verdict(Status.UNKNOWN, List.of(), Map.of(), Optional.of("solver error: " + e.getMessage()),
                    nanos / 1_000_000, nanos);
        } finally {
            solver.pop();
        }
    }

    /** One solver per session, with the limits and the fixed seed; each obligation is a push/pop scope. */
    private Solver solver() {
        if (solver == null) {
            solver = ctx.mkSolver();
            Params params = ctx.mkParams();
            params.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeoutMs));
            params.add("rlimit", (int) Math.min(Integer.MAX_VALUE, rlimit));
            params.add("random_seed", 0);
            params.add("core.minimize", true);
            solver.setParameters(params);
        }
        return solver;
    }

    /**
     * Premises first (as the z3 command line would, incrementally): unsat means vacuous; else
     * premises ∧ ¬goal: unsat means proved (the premises were just shown satisfiable), sat refuted.
     */
    private Verdict entailment(Obligation o, Solver solver, List<BoolExpr> premises, Map<BoolExpr, String> names) {
        com.microsoft.z3.Status p = solver.check(premises.toArray(new BoolExpr[0]));
        if (p == com.microsoft.z3.Status.UNKNOWN) return unknown(solver);
        if (p == com.microsoft.z3.Status.UNSATISFIABLE) {
            List<String> clash = ordered(coreNames(solver, names), o);
            return new Verdict(Status.VACUOUS, clash, Map.of(),
                    Optional.of("the premises contradict each other: " + String.join(", ", clash)), 0, 0);
        }
        BoolExpr goal = ctx.mkBoolConst(GOAL);
        List<BoolExpr> all = new ArrayList<>(premises);
        all.add(goal);
        com.microsoft.z3.Status r = solver.check(all.toArray(new BoolExpr[0]));
        if (r == com.microsoft.z3.Status.SATISFIABLE) {
            return new Verdict(Status.REFUTED, List.of(), counterexample(o, solver.getModel()), Optional.empty(), 0, 0);
        }
        if (r == com.microsoft.z3.Status.UNKNOWN) return unknown(solver);
        return new Verdict(Status.PROVED, ordered(coreNames(solver, names), o), Map.of(), Optional.empty(), 0, 0);
    }

    private Verdict satisfiable(Obligation o, Solver solver, List<BoolExpr> premises, Map<BoolExpr, String> names) {
        com.microsoft.z3.Status r = solver.check(premises.toArray(new BoolExpr[0]));
        if (r == com.microsoft.z3.Status.SATISFIABLE) return new Verdict(Status.PROVED, List.of(), Map.of(), Optional.empty(), 0, 0);
        if (r == com.microsoft.z3.Status.UNKNOWN) return unknown(solver);
        List<String> core = ordered(coreNames(solver, names), o);
        return new Verdict(Status.VACUOUS, core, Map.of(), Optional.of("these premises contradict each other: "
                + String.join(", ", core)), 0, 0);
    }

    private static List<String> coreNames(Solver solver, Map<BoolExpr, String> names) {
        List<String> out = new ArrayList<>();
        for (BoolExpr e : solver.getUnsatCore()) {
            String n = names.get(e);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** Core names in premise order, so output is stable. */
    private static List<String> ordered(List<String> core, Obligation o) {
        List<String> out = new ArrayList<>();
        for (Obligation.Premise p : o.premises()) if (core.contains(p.name()) && !out.contains(p.name())) out.add(p.name());
        return out;
    }

    private static Verdict unknown(Solver solver) {
        String why = solver.getReasonUnknown();
        if (why == null || why.isBlank()) why = "unknown";
        if (why.equals("canceled") || why.contains("resource") || why.contains("timeout")) {
            why += " (the --rlimit or --timeout-ms budget ran out)";
        }
        return new Verdict(Status.UNKNOWN, List.of(), Map.of(), Optional.of("Z3 gave up: " + why), 0, 0);
    }

    private Map<String, String> counterexample(Obligation o, Model model) {
        Map<String, FuncDecl<?>> decls = new HashMap<>();
        for (FuncDecl<?> d : model.getConstDecls()) decls.put(d.getName().toString(), d);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Type> s : SmtLib.symbols(o).entrySet()) {
            FuncDecl<?> d = decls.get(s.getKey());
            Expr<?> value = d == null ? null : model.getConstInterp(d);
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
        if (ctx != null) {
            ctx.close();
            ctx = null;
        }
    }
}
