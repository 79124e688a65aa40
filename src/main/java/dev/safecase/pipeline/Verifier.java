package dev.safecase.pipeline;

import dev.safecase.ast.SourceUnit;
import dev.safecase.check.Checker;
import dev.safecase.source.CaseDiscovery;
import dev.safecase.source.ImportClosure;
import dev.safecase.evidence.EvidencePaths;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.diag.Vocabulary;
import dev.safecase.stats.Deadline;
import dev.safecase.evidence.Validity;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Gate;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.judge.Status;
import dev.safecase.lower.EvidenceState;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.ObligationRef;
import dev.safecase.model.Model;
import dev.safecase.prove.Prover;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import dev.safecase.prove.Z3Session;
import dev.safecase.result.CaseResult;
import dev.safecase.result.CaseResults;
import dev.safecase.result.GateResult;
import dev.safecase.result.Run;
import dev.safecase.source.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pipeline, and the one API that the CLI, the Maven plugin, the tests and the benchmarks
 * call: files → AST → checked model → evidence → obligations → verdicts → results and the gate.
 */
public final class Verifier {
    public static final String VERSION = "0.1.0";

    private final Options options;
    private final Sources sources;

    public Verifier(Options options) {
        this.options = options;
        this.sources = new Sources(options.root(), options.audience().base(), options.audience().vocabulary());
    }

    /** A checked case ready to prove: its model, its argument graph, the evidence stage's verdicts and its obligations. */
    public record Prepared(Model.Case model, ArgumentGraph graph, Lowering.Lowered lowered,
                           Map<String, Validity.Outcome> evidence) {}

    /** Everything a run produced: the results and, for explain/smt, the obligations by case and the solver's verdicts. */
    public record Outcome(Run run, Map<String, Prepared> prepared, Map<ObligationRef, Verdict> verdicts) {
        public int exitCode() {
            if (run.hasInputErrors()) return 2;
            return run.gate().passed() ? 0 : 1;
        }

        public Optional<Verdict> verdict(String caseName, ObligationId id) {
            return Optional.ofNullable(verdicts.get(new ObligationRef(caseName, id)));
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
        Validity validity = new Validity(options.root(), options.today(), this::deadline);
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
                    (written, caseFile) -> EvidencePaths.locate(written, caseFile.orElse(null), options.root(),
                            options.audience().vocabulary()).escape(), local, this::deadline);
            if (model.isPresent()) {
                Map<String, Validity.Outcome> ev = new LinkedHashMap<>();
                for (Model.Evidence e : model.get().all(Model.Evidence.class)) ev.put(e.id(), validity.decide(model.get(), e));
                ArgumentGraph graph = ArgumentGraph.of(model.get());
                Lowering.Lowered lowered = Lowering.lower(model.get(), graph, states(ev), local);
                out.put(name, new Prepared(model.get(), graph, lowered, ev));
            } else {
                failedCases.put(name, unit.displayPath());
            }
            diags.addAll(local.sorted());
        }
        return out;
    }

    /** The budget of one built-in evaluation (the solver's time limit), named as the reader knows it. */
    private Deadline deadline() {
        return Deadline.after(options.timeoutMs(), options.audience().vocabulary().name(Vocabulary.Setting.TIMEOUT_MS));
    }

    private static Map<String, EvidenceState> states(Map<String, Validity.Outcome> outcomes) {
        Map<String, EvidenceState> out = new HashMap<>();
        outcomes.forEach((id, o) -> out.put(id, EvidenceState.of(o)));
        return out;
    }

    /** The whole run: check, prove with {@code jobs} workers, judge, and apply the gate. */
    public Outcome run(List<Path> paths) {
        Timing timing = new Timing();
        Diagnostics diags = new Diagnostics();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, Prepared> prepared = prepare(paths, diags, failed);
        timing.lap("prepare");
        Map<String, List<Obligation>> obligations = new LinkedHashMap<>();
        prepared.forEach((name, p) -> obligations.put(name, p.lowered().obligations()));
        Prover prover = new Prover(options.timeoutMs(), options.rlimit(), options.jobs(), options.audience().vocabulary());
        Map<ObligationRef, Verdict> verdicts = prover.prove(obligations);
        timing.lap("prove");
        prover.divisorWarnings(obligations, diags);
        List<Diagnostic> all = diags.sorted();
        Map<String, String> allCases = new LinkedHashMap<>();
        prepared.forEach((k, v) -> allCases.put(k, v.model().file()));
        failed.forEach(allCases::putIfAbsent);
        List<Map.Entry<String, String>> byFile = new ArrayList<>(allCases.entrySet());
        byFile.sort(Map.Entry.comparingByValue());
        Diagnostics judged = new Diagnostics();
        List<CaseResult> cases = new ArrayList<>();
        for (Map.Entry<String, String> c : byFile) {
            Prepared p = prepared.get(c.getKey());
            List<Diagnostic> own = all.stream().filter(d -> d.pos().file().equals(c.getValue())).toList();
            cases.add(p == null ? CaseResult.unchecked(c.getKey(), c.getValue(), own) : judge(p, verdicts, own, judged));
        }
        List<Diagnostic> merged = new ArrayList<>(all);
        merged.addAll(judged.sorted());
        merged = merged.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList();
        Run run = new Run(VERSION, solverVersion(), options.today(), gate(cases, merged), merged, cases);
        timing.lap("judge");
        timing.report(System.err);
        return new Outcome(run, prepared, verdicts);
    }

    private CaseResult judge(Prepared p, Map<ObligationRef, Verdict> verdicts, List<Diagnostic> own, Diagnostics judged) {
        String name = p.model().name();
        Map<ObligationId, Verdict> mine = new HashMap<>();
        for (Obligation o : p.lowered().obligations()) {
            Verdict v = verdicts.get(new ObligationRef(name, o.id()));
            if (v != null) mine.put(o.id(), v);
        }
        Diagnostics warnings = new Diagnostics();
        Judgement j = Judge.judge(new Judge.Input(p.model(), p.graph(), p.lowered(), states(p.evidence()), mine),
                options.strict(), warnings);
        judged.addAll(warnings.sorted());
        List<Diagnostic> diagnostics = new ArrayList<>(own);
        diagnostics.addAll(warnings.sorted().stream().filter(d -> d.pos().file().equals(p.model().file())).toList());
        return CaseResults.of(p.model(), p.graph(), p.lowered().obligations(), j, p.evidence(),
                diagnostics.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList());
    }

    private static String solverVersion() {
        try {
            return Z3Session.solverVersion();
        } catch (Throwable e) {
            return "z3 (unavailable)";
        }
    }

    private GateResult gate(List<CaseResult> cases, List<Diagnostic> diags) {
        return gate(cases, diags, options);
    }

    /**
     * One run made of several (the modules of a Maven build, each checked against its own root): every case and
     * diagnostic of each, and the gate of {@code options} applied to them all. Versions and day come from the first.
     */
    public static Run merge(List<Run> runs, Options options) {
        List<CaseResult> cases = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        for (Run r : runs) {
            cases.addAll(r.cases());
            diags.addAll(r.diagnostics());
        }
        diags = diags.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList();
        String solver = runs.isEmpty() ? solverVersion() : runs.get(0).solver();
        return new Run(VERSION, solver, options.today(), gate(cases, diags, options), diags, cases);
    }

    private static GateResult gate(List<CaseResult> cases, List<Diagnostic> diags, Options options) {
        Gate gate = new Gate(options.policy(), options.audience().vocabulary());
        List<Status> statuses = new ArrayList<>();
        for (CaseResult c : cases) c.obligations().forEach(o -> statuses.add(o.status()));
        Gate.Decision d = gate.decide(statuses, cases.stream().filter(c -> !c.checked()).count(),
                diags.stream().anyMatch(Diagnostic::isError));
        return new GateResult(d.passed(), new GateResult.Rule(options.strict(), options.failOnOrdered(),
                options.minProved().approx()), d.proved(), d.total(), d.reasons());
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
