package dev.safecase.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.lower.EvidenceState;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.prove.Verdict;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Parser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case checked and lowered from text (references only, no files), judged with verdicts the test
 * chooses: the judge's rules without a solver.
 */
final class Judged {
    final Model.Case model;
    final ArgumentGraph graph;
    final Lowering.Lowered lowered;
    final Map<String, EvidenceState> evidence = new HashMap<>();
    final Map<ObligationId, Verdict> verdicts = new HashMap<>();
    List<Diagnostic> warnings = List.of();

    /** {@code checked} names evidence whose file is taken to have checked out; the others are references. */
    Judged(String body, String... checked) {
        Diagnostics diags = new Diagnostics();
        SourceText text = new SourceText(null, "test.case", "case c \"c\"\n" + body);
        model = Checker.checked(text, diags);
        assertEquals(List.of(), diags.sorted().stream().filter(Diagnostic::isError).toList());
        graph = ArgumentGraph.of(model);
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            boolean file = List.of(checked).contains(e.id());
            evidence.put(e.id(), new EvidenceState(file ? EvidenceState.Standing.CHECKED : EvidenceState.Standing.REVIEWED,
                    file ? Optional.empty() : Optional.of("reference"), e.facts()));
        }
        lowered = Lowering.lower(model, graph, evidence, new Diagnostics());
    }

    Obligation obligation(String id) {
        ObligationId oid = ObligationId.parse(id).orElseThrow();
        return lowered.obligations().stream().filter(o -> o.id().equals(oid)).findFirst().orElseThrow();
    }

    /** Gives an obligation the solver's answer; the core names premises of the obligation. */
    Judged answer(String id, Verdict.Answer answer, String... core) {
        Obligation o = obligation(id);
        List<Premise> premises = o.premises().stream().filter(p -> List.of(core).contains(p.name())).toList();
        verdicts.put(o.id(), new Verdict(answer, premises, Map.of(), answer == Verdict.Answer.UNKNOWN
                ? Optional.of("Z3 gave up: timeout") : Optional.empty(), 0, 0));
        return this;
    }

    /** Every solver obligation not answered yet is proved, with all its premises as its core. */
    Judged restProved() {
        for (Obligation o : lowered.obligations()) {
            if (o.isSolved() && !verdicts.containsKey(o.id())) {
                List<Premise> core = o.goal().isPresent() ? o.premises() : List.of(); // a satisfiable check has no core
                verdicts.put(o.id(), new Verdict(Verdict.Answer.PROVED, core, Map.of(), Optional.empty(), 0, 0));
            }
        }
        return this;
    }

    Judgement judge(boolean strict) {
        Diagnostics diags = new Diagnostics();
        Judgement j = Judge.judge(new Judge.Input(model, graph, lowered, evidence, verdicts), strict, diags);
        warnings = diags.sorted();
        return j;
    }

    Judgement judge() {
        return judge(false);
    }

    static Status status(Judgement j, String id) {
        return j.obligations().get(ObligationId.parse(id).orElseThrow()).status();
    }

    static String reason(Judgement j, String id) {
        return j.obligations().get(ObligationId.parse(id).orElseThrow()).reason().orElse("");
    }

    /** The checker, reached from this package. */
    private static final class Checker {
        static Model.Case checked(SourceText text, Diagnostics diags) {
            Sources sources = new Sources(Path.of("").toAbsolutePath());
            var unit = Sources.parse(text, diags);
            var file = new Sources.Loaded(text.display(), text, unit, List.of());
            return dev.safecase.check.Checker.check(dev.safecase.source.ImportClosure.load(sources, file),
                    (written, caseFile) -> dev.safecase.evidence.EvidencePaths.locate(written, caseFile.orElse(null),
                            sources.root()).escape(), diags).orElseThrow();
        }
    }
}
