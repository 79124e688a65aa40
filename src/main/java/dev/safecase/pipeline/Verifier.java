package dev.safecase.pipeline;

import dev.safecase.ast.SourceUnit;
import dev.safecase.check.Checker;
import dev.safecase.confidence.Agendas;
import dev.safecase.confidence.Confidence;
import dev.safecase.confidence.DoubtGate;
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
import dev.safecase.cache.KeyParams;
import dev.safecase.cache.Partials;
import dev.safecase.cache.Shard;
import dev.safecase.cache.VerdictCache;
import dev.safecase.cache.VerdictSource;
import dev.safecase.prove.Prover;
import dev.safecase.prove.SolverId;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import dev.safecase.prove.Z3Library;
import dev.safecase.prove.Z3Session;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.CaseResults;
import dev.safecase.result.GateResult;
import dev.safecase.result.Run;
import dev.safecase.source.Overlay;
import dev.safecase.source.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pipeline, and the one API that the CLI, the Maven plugin, the tests and the benchmarks
 * call: files → AST → checked model → evidence → obligations → verdicts → results and the gate.
 */
public final class Verifier {
    public static final String VERSION = "0.1.0";

    /** The prover's class files' digest, part of every cache key: computed on first use (--version does not need it). */
    private static final class ProverBuild {
        static final String VALUE = dev.safecase.prove.Fingerprint.ofProver();
    }

    private final Options options;
    private final Sources sources;

    public Verifier(Options options) {
        this(options, Overlay.NONE);
    }

    /** A run that reads the files of {@code overlay} (an editor's open buffers) from there instead of from disk. */
    public Verifier(Options options, Overlay overlay) {
        this.options = options;
        this.sources = new Sources(options.root(), options.audience().base(), options.audience().vocabulary(), overlay);
    }

    /** A checked case ready to prove: its model, its argument graph, the evidence stage's verdicts and its obligations. */
    public record Prepared(Model.Case model, ArgumentGraph graph, Lowering.Lowered lowered,
                           Map<String, Validity.Outcome> evidence) {}

    /**
     * Everything a run produced: the results and, for explain/smt, the obligations by case and the
     * solver's verdicts; how its blocks were settled, and a problem with the cache to tell the user of.
     */
    public record Outcome(Run run, Map<String, Prepared> prepared, Map<ObligationRef, Verdict> verdicts, Settled settled,
                          Optional<String> cacheProblem) {
        public int exitCode() {
            if (run.hasInputErrors()) return 2;
            return run.gate().passed() ? 0 : 1;
        }

        public Optional<Verdict> verdict(String caseName, ObligationId id) {
            return Optional.ofNullable(verdicts.get(new ObligationRef(caseName, id)));
        }
    }

    /**
     * How a run's blocks were settled: {@code blocks} in all (of the shard, for a shard),
     * {@code known} taken from the cache or partial results, {@code decided} by Z3 in this run,
     * holding {@code obligationsDecided} solver obligations.
     */
    public record Settled(int blocks, int known, int decided, int obligationsDecided) {}

    /**
     * Told, while Z3 works, how many of the obligations it has to decide in this run (of
     * {@code cases} cases) it has decided: first with {@code done} 0, then after each block.
     */
    public interface Progress {
        Progress NONE = (cases, done, total) -> { };

        void update(int cases, int done, int total);
    }

    /**
     * How a run proves, beyond its options: the partial results of shards to take verdicts from
     * ({@code merge}, where every block must be found in them), and whom to tell of progress.
     */
    public record Extras(List<Path> partials, Progress progress) {
        public static final Extras NONE = new Extras(List.of(), Progress.NONE);

        public Extras {
            partials = List.copyOf(partials);
        }
    }

    /**
     * Does, on the calling thread, the one-time set-up that every run's first case waits for: the parser's
     * automata, the prover's fingerprint (hashed from its class files) and SHA-256. The CLI starts it on a
     * thread of its own while picocli reads the options (docs/benchmarks.md, Start-up). Nothing depends on it
     * having run; it shares no state with a run, and a failure here is left for the run itself to meet.
     * (Checking and lowering a small case held in memory as well was measured and made the start slower: the
     * two threads then contend for the second core and for class initialisation.)
     */
    public static void warmUp() {
        try {
            dev.safecase.syntax.Parser.warmUp();
            Objects.requireNonNull(ProverBuild.VALUE);
            java.security.MessageDigest.getInstance("SHA-256");
        } catch (Throwable e) {
            // the run meets the same problem where it is reported
        }
    }

    /** The source text of a file read in this run, for printing diagnostics. */
    public Optional<SourceText> source(String display) {
        return sources.text(display);
    }

    public Sources sources() {
        return sources;
    }

    /**
     * The front end's work on some files (parsed, checked, lowered, evidence decided), kept so that a later run on
     * the same inputs can prove it without doing it again ({@link #run(Front)}): the language server checks a buffer
     * as it is typed and proves the same text when it is saved. It remembers what it read, to tell whether it is
     * still what a run now would prepare ({@link #current(Front)}).
     */
    public static final class Front {
        private final Verifier made;
        private final List<Path> paths;
        private final Map<String, Prepared> prepared;
        private final List<Diagnostic> diagnostics;
        private final Map<String, String> failed;
        private final List<Sources.Read> reads;

        private Front(Verifier made, List<Path> paths, Map<String, Prepared> prepared, List<Diagnostic> diagnostics,
                      Map<String, String> failed) {
            this.made = made;
            this.paths = List.copyOf(paths);
            this.prepared = Collections.unmodifiableMap(new LinkedHashMap<>(prepared));
            this.diagnostics = List.copyOf(diagnostics);
            this.failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
            this.reads = made.sources.reads();
        }

        /** The cases checked, by name. */
        public Map<String, Prepared> prepared() {
            return prepared;
        }

        /** Every finding of the front end, in source order. */
        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }
    }

    /** Parses, checks and lowers every case of the paths and decides its evidence, without proving. */
    public Front front(List<Path> paths) {
        return front(paths, false);
    }

    /** As {@link #front(List)}; with {@code proving}, the prover's library starts loading once a case has checked. */
    private Front front(List<Path> paths, boolean proving) {
        Diagnostics diags = new Diagnostics();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, Prepared> prepared = prepare(paths, diags, failed, proving);
        return new Front(this, paths, prepared, diags.sorted(), failed);
    }

    /**
     * Whether preparing the front's files now, with this verifier's options and overlay, would give the front
     * again: the same options; every file it read (the cases and their imports, and each place an import was
     * looked for) read again with the same text; every evidence item decided again with the same state, reason
     * and file hash (the file is hashed again, as every run does). A front with a case that failed to check, or
     * made from a folder (whose listing is not remembered), is never current: such a run is cheap anyway.
     */
    public boolean current(Front f) {
        if (!f.made.options.equals(options) || !f.failed.isEmpty()) return false;
        for (Path p : f.paths) if (!sources.isFile(p.toAbsolutePath().normalize())) return false;
        if (!Sources.unchanged(f.reads, sources.overlay())) return false;
        Validity validity = new Validity(options.root(), options.today(), this::deadline);
        for (Prepared p : f.prepared.values()) {
            for (Model.Evidence e : p.model().all(Model.Evidence.class)) {
                Validity.Outcome was = p.evidence().get(e.id());
                Validity.Outcome now = validity.decide(p.model(), e);
                if (was == null || was.state() != now.state() || !was.reason().equals(now.reason())
                        || !was.actualSha256().equals(now.actualSha256())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Parses, checks and lowers every case under the paths, without proving. */
    public Map<String, Prepared> prepare(List<Path> paths, Diagnostics diags, Map<String, String> failedCases) {
        return prepare(paths, diags, failedCases, false);
    }

    /**
     * As {@link #prepare(List, Diagnostics, Map)}. With {@code proving} (a run without a cache, which proves every
     * obligation), the first case that checks starts loading the prover's library on another thread, so that the
     * load (about a quarter of a second) overlaps the lowering instead of following it; a run that stops at input
     * errors never loads it (docs/benchmarks.md, Start-up).
     */
    private Map<String, Prepared> prepare(List<Path> paths, Diagnostics diags, Map<String, String> failedCases, boolean proving) {
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
                if (proving) Z3Library.preload();
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
        return run(paths, Extras.NONE);
    }

    /** As {@link #run(List)}, taking verdicts from shards' partial results too. */
    public Outcome run(List<Path> paths, Extras extras) {
        Timing timing = new Timing();
        Front front = front(paths, options.cache().isEmpty() && extras.partials().isEmpty());
        timing.lap("prepare");
        return prove(front, extras, timing);
    }

    /**
     * As {@link #run(List)} on the front's files: proves and judges the front when this verifier made it or it is
     * {@link #current(Front) current} for this verifier, and otherwise prepares the files again.
     */
    public Outcome run(Front front) {
        if (front.made != this && !current(front)) return run(front.paths);
        return prove(front, Extras.NONE, new Timing());
    }

    private Outcome prove(Front front, Extras extras, Timing timing) {
        Diagnostics diags = new Diagnostics();
        diags.addAll(front.diagnostics);
        Map<String, String> failed = front.failed;
        Map<String, Prepared> prepared = front.prepared;
        List<VerdictSource> sources = new ArrayList<>();
        if (!extras.partials().isEmpty()) sources.add(Partials.read(extras.partials()));
        Optional<VerdictCache> cache = options.cache().map(d -> new VerdictCache(d, VerdictCache.DEFAULT_MAX_BYTES));
        cache.ifPresent(sources::add);
        Proving.Result proved = Proving.prove(obligations(prepared), evidenceHashes(prepared), options, keyParams(),
                new Proving.Setup(sources, Optional.empty(), !extras.partials().isEmpty(), extras.progress()), diags);
        timing.lap("prove");
        Map<ObligationRef, Verdict> verdicts = proved.verdicts();
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
        Run run = new Run(VERSION, SolverId.declared(), options.today(), gate(cases, merged), merged, cases);
        timing.lap("judge");
        timing.report(System.err);
        Proving.Stats st = proved.stats();
        return new Outcome(run, prepared, verdicts, new Settled(st.blocks(), st.fromSources(), st.decided(), st.obligationsDecided()),
                cache.flatMap(VerdictCache::problem));
    }

    /** {@code merge}: the partial results lack the verdicts of some block (a shard is missing, or made from other inputs). */
    public static final class MissingVerdicts extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingVerdicts(String message) {
            super(message);
        }
    }

    /** What a shard produced: its partial result (a JSON document) and the diagnostics of the inputs. */
    public record ShardOutcome(String partial, List<Diagnostic> diagnostics, Settled settled, Optional<String> cacheProblem) {
        public boolean hasInputErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * Shard {@code shard} of a run: checks every case, proves only the shard's blocks (with the
     * cache, if any) and returns their verdicts as a partial result for {@code merge}.
     */
    public ShardOutcome shard(List<Path> paths, Shard shard, Progress progress) {
        Diagnostics diags = new Diagnostics();
        Map<String, String> failed = new LinkedHashMap<>();
        Map<String, Prepared> prepared = prepare(paths, diags, failed);
        List<VerdictSource> sources = new ArrayList<>();
        Optional<VerdictCache> cache = options.cache().map(d -> new VerdictCache(d, VerdictCache.DEFAULT_MAX_BYTES));
        cache.ifPresent(sources::add);
        Proving.Result proved = Proving.prove(obligations(prepared), evidenceHashes(prepared), options, keyParams(),
                new Proving.Setup(sources, Optional.of(shard), false, progress), new Diagnostics());
        Proving.Stats st = proved.stats();
        return new ShardOutcome(Partials.render(VERSION, SolverId.declared(), shard, proved.entries()), diags.sorted(),
                new Settled(st.blocks(), st.fromSources(), st.decided(), st.obligationsDecided()), cache.flatMap(VerdictCache::problem));
    }

    private static Map<String, List<Obligation>> obligations(Map<String, Prepared> prepared) {
        Map<String, List<Obligation>> out = new LinkedHashMap<>();
        prepared.forEach((name, p) -> out.put(name, p.lowered().obligations()));
        return out;
    }

    /** Per case, the SHA-256 of each evidence file as read in this run. */
    private static Map<String, Map<String, Optional<String>>> evidenceHashes(Map<String, Prepared> prepared) {
        Map<String, Map<String, Optional<String>>> out = new HashMap<>();
        prepared.forEach((name, p) -> {
            Map<String, Optional<String>> files = new HashMap<>();
            p.evidence().forEach((id, o) -> files.put(id, o.actualSha256()));
            out.put(name, files);
        });
        return out;
    }

    private KeyParams keyParams() {
        return new KeyParams(VERSION + " " + ProverBuild.VALUE, Prover.REVISION, SolverId.declared(), options.timeoutMs(), options.rlimit());
    }

    /** What the judge reads for one prepared case: its model, graph, obligations, evidence and its own verdicts. */
    public static Judge.Input judgeInput(Prepared p, Map<ObligationRef, Verdict> verdicts) {
        String name = p.model().name();
        Map<ObligationId, Verdict> mine = new HashMap<>();
        for (Obligation o : p.lowered().obligations()) {
            Verdict v = verdicts.get(new ObligationRef(name, o.id()));
            if (v != null) mine.put(o.id(), v);
        }
        return new Judge.Input(p.model(), p.graph(), p.lowered(), states(p.evidence()), mine);
    }

    private CaseResult judge(Prepared p, Map<ObligationRef, Verdict> verdicts, List<Diagnostic> own, Diagnostics judged) {
        Diagnostics warnings = new Diagnostics();
        Judge.Input input = judgeInput(p, verdicts);
        Judgement j = Judge.judge(input, options.strict(), warnings);
        judged.addAll(warnings.sorted());
        List<Diagnostic> diagnostics = new ArrayList<>(own);
        diagnostics.addAll(warnings.sorted().stream().filter(d -> d.pos().file().equals(p.model().file())).toList());
        return CaseResults.of(p.model(), p.graph(), p.lowered().obligations(), j, p.evidence(),
                diagnostics.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList(), Confidence.of(input, j));
    }

    /**
     * The outcome with the research agenda of every checked case (docs/confidence.md): open problems are assumed
     * resolved and the case judged again, never proved again.
     */
    public Outcome withAgendas(Outcome o) {
        List<CaseResult> cases = new ArrayList<>();
        for (CaseResult c : o.run().cases()) {
            Prepared p = o.prepared().get(c.name());
            if (p == null || !c.checked()) {
                cases.add(c);
                continue;
            }
            Judge.Input in = judgeInput(p, o.verdicts());
            Judgement j = Judge.judge(in, options.strict(), new Diagnostics());
            cases.add(c.withConfidence(c.confidence().withAgenda(Agendas.of(in, j, options.strict()))));
        }
        Run r = o.run();
        return new Outcome(new Run(r.version(), r.solver(), r.today(), r.gate(), r.diagnostics(), cases), o.prepared(),
                o.verdicts(), o.settled(), o.cacheProblem());
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
        String solver = runs.isEmpty() ? SolverId.declared() : runs.get(0).solver();
        return new Run(VERSION, solver, options.today(), gate(cases, diags, options), diags, cases);
    }

    private static GateResult gate(List<CaseResult> cases, List<Diagnostic> diags, Options options) {
        Gate gate = new Gate(options.policy(), options.audience().vocabulary());
        List<Status> statuses = new ArrayList<>();
        // Obligations of a counter-argument, and those a discharged route supersedes, are reported but not gated.
        for (CaseResult c : cases) c.obligations().stream().filter(ObligationResult::gated).forEach(o -> statuses.add(o.status()));
        Gate.Decision d = gate.decide(statuses, cases.stream().filter(c -> !c.checked()).count(),
                diags.stream().anyMatch(Diagnostic::isError));
        List<String> reasons = new ArrayList<>(d.reasons());
        options.maxDoubt().ifPresent(max -> cases.stream().filter(CaseResult::checked)
                .forEach(c -> reasons.addAll(DoubtGate.reasons(max, c.name(), c.confidence()))));
        return new GateResult(reasons.isEmpty(), new GateResult.Rule(options.strict(), options.failOnOrdered(),
                options.minProved().approx(), options.maxDoubt().map(Object::toString)), d.proved(), d.total(), reasons);
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
