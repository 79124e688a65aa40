package dev.safecase.pipeline;

import dev.safecase.judge.Judge;
import dev.safecase.result.Results;
import dev.safecase.formula.Rational;
import dev.safecase.ast.SourceUnit;
import dev.safecase.check.Checker;
import dev.safecase.model.Model;
import dev.safecase.source.CaseDiscovery;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.Sources;
import dev.safecase.evidence.EvidencePaths;
import dev.safecase.evidence.Validity;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.prove.SmtLib;
import dev.safecase.judge.Status;
import dev.safecase.prove.Verdict;
import dev.safecase.prove.Z3Session;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pipeline, and the one API that the CLI, the Maven plugin, the tests and the benchmarks
 * call: files → AST → checked model → evidence → obligations → verdicts → results and the gate.
 */
public final class Verifier {
    public static final String VERSION = "0.1.0";
    /** Obligations per fresh solver context. */
    private static final int BLOCK = 64;

    private final Options options;
    private final Sources sources;

    public Verifier(Options options) {
        this.options = options;
        this.sources = new Sources(options.root());
    }

    /** A checked case ready to prove: its model and its obligations. */
    public record Prepared(Model.Case model, Lowering.Lowered lowered, Map<String, Validity.Outcome> evidence) {}

    /** Everything a run produced: the results and, for explain/smt, the obligations by case. */
    public record Outcome(Results.Run run, Map<String, Prepared> prepared, Map<String, Verdict> verdicts) {
        public int exitCode() {
            if (run.hasInputErrors()) return 2;
            return run.gate().passed() ? 0 : 1;
        }
    }

    /** The source text of a file read in this run, for printing diagnostics. */
    public Optional<SourceText> source(String display) {
        return sources.text(display);
    }

    public Sources sources() {
        return sources;
    }

    /** Parses, checks and lowers every case under the paths, without proving. */
    public Map<String, Prepared> prepare(List<Path> paths, Diagnostics diags, Map<String, String> failedCases) {
        Map<String, Prepared> out = new LinkedHashMap<>();
        Validity validity = new Validity(options.root(), options.today());
        CaseDiscovery.Discovered found = CaseDiscovery.find(sources, paths, diags);
        found.unparsed().forEach(failedCases::putIfAbsent);
        for (Sources.Loaded file : found.cases()) {
            SourceUnit unit = file.unit().orElseThrow();
            String name = unit.header().orElseThrow().name();
            if (out.containsKey(name) || failedCases.containsKey(name)) {
                diags.error(Code.SC005, unit.header().get().namePos(), "case name " + name + " is already used by "
                        + (out.containsKey(name) ? out.get(name).model().file() : failedCases.get(name))
                        + "; case names are unique in a run");
                continue;
            }
            Diagnostics local = new Diagnostics();
            Optional<Model.Case> model = Checker.check(ImportClosure.load(sources, file),
                    (written, caseFile) -> EvidencePaths.locate(written, caseFile.orElse(null), options.root()).escape(), local);
            if (model.isPresent()) {
                Map<String, Validity.Outcome> ev = new LinkedHashMap<>();
                Map<String, Lowering.EvidenceState> states = new HashMap<>();
                for (Model.Evidence e : model.get().all(Model.Evidence.class)) {
                    Validity.Outcome o = validity.decide(model.get(), e);
                    ev.put(e.id(), o);
                    states.put(e.id(), new Lowering.EvidenceState(o.status() != Status.INVALID, o.facts()));
                }
                Lowering.Lowered lowered = Lowering.lower(model.get(), states, local);
                out.put(name, new Prepared(model.get(), lowered, ev));
            } else {
                failedCases.put(name, unit.displayPath());
            }
            diags.addAll(local.sorted());
        }
        return out;
    }

    /** The whole run: check, prove with {@code jobs} workers, judge, and apply the gate. */
    public Outcome run(List<Path> paths) {
        Diagnostics diags = new Diagnostics();
        Map<String, String> failed = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Map<String, Prepared> prepared = prepare(paths, diags, failed);
        long t1 = System.nanoTime();
        Map<String, Verdict> verdicts = prove(prepared);
        long t2 = System.nanoTime();
        divisorWarnings(prepared, diags);
        List<Diagnostic> all = diags.sorted();
        List<Results.CaseResult> cases = new ArrayList<>();
        Map<String, String> allCases = new LinkedHashMap<>();
        prepared.forEach((k, v) -> allCases.put(k, v.model().file()));
        failed.forEach(allCases::putIfAbsent);
        List<Map.Entry<String, String>> byFile = new ArrayList<>(allCases.entrySet());
        byFile.sort(Map.Entry.comparingByValue());
        Diagnostics extra = new Diagnostics();
        for (Map.Entry<String, String> c : byFile) {
            Prepared p = prepared.get(c.getKey());
            List<Diagnostic> own = all.stream().filter(d -> d.pos().file().equals(c.getValue())).toList();
            if (p == null) {
                cases.add(unchecked(c.getKey(), c.getValue(), own));
            } else {
                cases.add(new Judge(p, verdicts, options, extra).result(own));
            }
        }
        List<Diagnostic> merged = new ArrayList<>(all);
        merged.addAll(extra.sorted());
        merged = merged.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList();
        Results.Gate gate = gate(cases, merged);
        Results.Run run = new Results.Run(VERSION, solverVersion(), options.today(), gate, merged, cases);
        if (Boolean.getBoolean("safecase.timing")) {
            System.err.printf("safecase timing: prepare %d ms, prove %d ms, judge %d ms%n", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
        }
        return new Outcome(run, prepared, verdicts);
    }

    private static String solverVersion() {
        try {
            return Z3Session.solverVersion();
        } catch (Throwable e) {
            return "z3 (unavailable)";
        }
    }

    private static Results.CaseResult unchecked(String name, String file, List<Diagnostic> diags) {
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status s : Status.values()) summary.put(s, 0);
        int line = diags.isEmpty() ? 1 : diags.get(0).pos().line();
        return new Results.CaseResult(name, file, line, "", false, false, summary, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), diags);
    }

    private Results.Gate gate(List<Results.CaseResult> cases, List<Diagnostic> diags) {
        int proved = 0;
        int total = 0;
        Map<Status, Integer> failing = new EnumMap<>(Status.class);
        for (Results.CaseResult c : cases) {
            for (Results.ObligationResult o : c.obligations()) {
                total++;
                if (o.status() == Status.PROVED) proved++;
                if (options.failOn().contains(o.status())) failing.merge(o.status(), 1, Integer::sum);
            }
        }
        List<String> reasons = new ArrayList<>();
        long errors = cases.stream().filter(c -> !c.checked()).count();
        if (errors > 0 || diags.stream().anyMatch(Diagnostic::isError)) {
            reasons.add(errors == 1 ? "1 case has input errors" : errors > 1 ? errors + " cases have input errors"
                    : "the input has errors");
        }
        failing.forEach((s, n) -> reasons.add(n + " obligation" + (n == 1 ? " is " : "s are ") + s.label()));
        Rational share = total == 0 ? Rational.ONE : Rational.of(proved, total);
        if (share.compareTo(options.minProved()) < 0) {
            reasons.add("proved " + proved + "/" + total + " = " + share.approx() + " < min-proved " + options.minProved().approx());
        }
        return new Results.Gate(reasons.isEmpty(), options.strict(), options.failOnOrdered(), options.minProved().approx(),
                proved, total, reasons);
    }

    // ------------------------------------------------------------ proving

    private Map<String, Verdict> prove(Map<String, Prepared> prepared) {
        List<Obligation> work = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Prepared p : prepared.values()) {
            for (Obligation o : p.lowered().obligations()) {
                if (o.mode() == Obligation.Mode.ENTAILMENT || o.mode() == Obligation.Mode.SATISFIABLE) {
                    work.add(o);
                    keys.add(key(p.model().name(), o.id()));
                }
            }
        }
        Map<String, Verdict> out = new HashMap<>();
        if (work.isEmpty()) return out;
        Verdict[] results = new Verdict[work.size()];
        // Fixed blocks, each in a fresh Z3 context and in order: every obligation sees the same
        // solver history whatever --jobs is, so models and cores do not depend on it.
        int blocks = (work.size() + BLOCK - 1) / BLOCK;
        int jobs = Math.max(1, Math.min(options.jobs(), blocks));
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                try (Z3Session z3 = new Z3Session(options.timeoutMs(), options.rlimit())) {
                    for (int i = b * BLOCK; i < Math.min(work.size(), (b + 1) * BLOCK); i++) results[i] = z3.decide(work.get(i));
                }
            }
        };
        if (jobs == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(jobs);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int w = 0; w < jobs; w++) fs.add(pool.submit(worker));
                for (Future<?> f : fs) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while proving", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("solver worker failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        for (int i = 0; i < results.length; i++) out.put(keys.get(i), results[i]);
        return out;
    }

    /** SC405: a divisor that the premises allow to be 0 (x / 0 is unconstrained in SMT, so such a proof may mislead). */
    private void divisorWarnings(Map<String, Prepared> prepared, Diagnostics diags) {
        List<Obligation> checks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Prepared p : prepared.values()) {
            Set<String> seen = new LinkedHashSet<>();
            for (Obligation o : p.lowered().obligations()) {
                if (o.mode() != Obligation.Mode.ENTAILMENT && o.mode() != Obligation.Mode.SATISFIABLE) continue;
                List<dev.safecase.formula.Term> divisors = new ArrayList<>();
                o.premises().forEach(x -> divisors(x.formula(), divisors));
                o.goal().ifPresent(g -> divisors(g, divisors));
                for (dev.safecase.formula.Term d : divisors) {
                    String text = SmtLib.infix(d);
                    if (!seen.add(o.id() + " " + text)) continue;
                    dev.safecase.formula.Term nonZero = new dev.safecase.formula.Term.Cmp(dev.safecase.formula.Term.CmpOp.NE, d,
                            new dev.safecase.formula.Term.Num(Rational.ZERO, d.type()));
                    checks.add(new Obligation(o.id() + "#divisor", o.kind(), o.node(), o.pos(), Obligation.Mode.ENTAILMENT,
                            o.premises(), Optional.of(nonZero), List.of(), Optional.empty()));
                    labels.add(text);
                }
            }
        }
        if (checks.isEmpty()) return;
        try (Z3Session z3 = new Z3Session(options.timeoutMs(), options.rlimit())) {
            for (int i = 0; i < checks.size(); i++) {
                Obligation c = checks.get(i);
                if (z3.decide(c).status() == Status.REFUTED) {
                    diags.warning(Code.SC405, c.pos(), "divisor " + labels.get(i) + " may be 0 under the premises of "
                            + c.id().replace("#divisor", "") + "; state that it is not (x / 0 is unconstrained)");
                }
            }
        }
    }

    private static void divisors(dev.safecase.formula.Term t, List<dev.safecase.formula.Term> out) {
        if (t instanceof dev.safecase.formula.Term.Arith a && a.op() == dev.safecase.formula.Term.ArithOp.DIV
                && dev.safecase.formula.Terms.constant(a.right()).isEmpty()) {
            out.add(a.right());
        }
        for (dev.safecase.formula.Term c : dev.safecase.formula.Terms.children(t)) divisors(c, out);
    }

    public static String key(String caseName, String obligationId) {
        return caseName + ":" + obligationId;
    }

    /** The SMT-LIB text sent to Z3 for an obligation (for explain). */
    public static String sentText(Obligation o) {
        return Z3Session.tracked(o);
    }

    /** A standalone SMT-LIB 2 script for any solver (for smt). */
    public static String standalone(Obligation o, String caseName) {
        return SmtLib.standalone(o, caseName, VERSION);
    }
}
