package dev.safecase.pipeline;

import dev.safecase.ast.SourceUnit;
import dev.safecase.check.Checker;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
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
        this.sources = new Sources(options.root());
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
        Validity validity = new Validity(options.root(), options.today(), options.timeoutMs());
        for (SourceUnit unit : caseUnits(paths, diags, failedCases)) {
            String name = unit.header().orElseThrow().name();
            if (out.containsKey(name) || failedCases.containsKey(name)) {
                diags.error(Code.SC005, unit.header().get().namePos(), "case name " + name + " is already used by "
                        + (out.containsKey(name) ? out.get(name).model().file() : failedCases.get(name))
                        + "; case names are unique in a run");
                continue;
            }
            Diagnostics local = new Diagnostics();
            Optional<Model.Case> model = Checker.check(unit, sources, local, options.timeoutMs());
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
        Prover prover = new Prover(options.timeoutMs(), options.rlimit(), options.jobs());
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
        Gate gate = new Gate(options.policy());
        List<Status> statuses = new ArrayList<>();
        for (CaseResult c : cases) c.obligations().forEach(o -> statuses.add(o.status()));
        Gate.Decision d = gate.decide(statuses, cases.stream().filter(c -> !c.checked()).count(),
                diags.stream().anyMatch(Diagnostic::isError));
        return new GateResult(d.passed(), new GateResult.Rule(options.strict(), options.failOnOrdered(),
                options.minProved().approx()), d.proved(), d.total(), d.reasons());
    }

    // ------------------------------------------------------------ inputs

    /** Every case file under the paths (folders searched recursively), parsed. Modules are skipped. */
    private List<SourceUnit> caseUnits(List<Path> paths, Diagnostics diags, Map<String, String> failedCases) {
        List<SourceUnit> out = new ArrayList<>();
        for (Path p : paths) {
            String display = sources.display(p);
            if (!Files.exists(p)) {
                diags.error(Code.SC001, new Position(display, 1, 1), "no such file or directory");
                continue;
            }
            if (Files.isDirectory(p)) {
                List<Path> files = caseFiles(p, display, diags);
                int before = out.size();
                for (Path f : files) loadCase(f, false, diags, failedCases).ifPresent(out::add);
                if (out.size() == before && !diags.hasErrors()) {
                    diags.error(Code.SC003, new Position(display, 1, 1), "no case found in this folder (a case starts with `case NAME \"text\"`)");
                }
            } else {
                loadCase(p, true, diags, failedCases).ifPresent(out::add);
            }
        }
        return out;
    }

    private List<Path> caseFiles(Path dir, String display, Diagnostics diags) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".case") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            diags.error(Code.SC001, new Position(display, 1, 1), "cannot read folder: " + e.getMessage());
            return List.of();
        }
    }

    private Optional<SourceUnit> loadCase(Path file, boolean explicit, Diagnostics diags, Map<String, String> failedCases) {
        Sources.Loaded loaded = sources.load(file);
        boolean unreadable = loaded.diagnostics().stream()
                .anyMatch(d -> d.code() == Code.SC001 || d.code() == Code.SC002);
        boolean isCase = loaded.unit().map(SourceUnit::isCase).orElse(looksLikeCase(loaded.text().text()));
        if (!isCase && !explicit && !unreadable) return Optional.empty();
        diags.addAll(loaded.diagnostics());
        if (loaded.unit().isEmpty()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^case\\s+([A-Za-z_][A-Za-z0-9_]*)")
                    .matcher(withoutComments(loaded.text().text()));
            if (m.find()) failedCases.putIfAbsent(m.group(1), loaded.text().display());
            return Optional.empty();
        }
        SourceUnit unit = loaded.unit().get();
        Position at = new Position(loaded.text().display(), 1, 1);
        if (!unit.isCase()) {
            diags.error(Code.SC003, at, withoutComments(loaded.text().text()).isBlank()
                    ? "empty file: a case starts with `case NAME \"text\"`"
                    : "this is a module (no `case NAME \"text\"` header); modules are checked through the cases that import them");
            return Optional.empty();
        }
        if (!file.toAbsolutePath().normalize().startsWith(options.root().toAbsolutePath().normalize())) {
            diags.error(Code.SC004, at, "case file is outside the project root " + options.root().toAbsolutePath().normalize()
                    + "; pass --root");
            return Optional.empty();
        }
        return Optional.of(unit);
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ").stripLeading();
    }

    /** For files that failed to parse: does the text start (after comments) with `case`? */
    private static boolean looksLikeCase(String text) {
        String t = withoutComments(text);
        return t.startsWith("case ") || t.startsWith("case\t") || t.startsWith("case\n");
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
