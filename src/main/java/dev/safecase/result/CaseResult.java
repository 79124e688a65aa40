package dev.safecase.result;

import dev.safecase.confidence.Confidence;
import dev.safecase.diag.Diagnostic;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A case; {@code checked} is false when it had input errors (then it has no nodes, no
 * obligations and an empty graph). {@code graph} is the argument graph the case was judged on.
 */
public record CaseResult(Source source, boolean checked, Outcome outcome, Nodes nodes, List<ObligationResult> obligations,
                         List<Diagnostic> diagnostics, ArgumentGraph graph, List<AlternativesResult> alternatives,
                         Confidence.CaseConfidence confidence) {
    public CaseResult {
        obligations = List.copyOf(obligations);
        diagnostics = List.copyOf(diagnostics);
        alternatives = List.copyOf(alternatives);
    }

    /** No bounds computed (results made without a judged case, as in tests): every claim unbounded. */
    public static final Confidence.CaseConfidence NO_BOUNDS = new Confidence.CaseConfidence(Map.of(), List.of());

    /** A case whose support lists have no choices, without bounds. */
    public CaseResult(Source source, boolean checked, Outcome outcome, Nodes nodes, List<ObligationResult> obligations,
                      List<Diagnostic> diagnostics, ArgumentGraph graph) {
        this(source, checked, outcome, nodes, obligations, diagnostics, graph, List.of(), NO_BOUNDS);
    }

    /** Where the case is and what it says. */
    public record Source(String name, String file, int line, String text) {}

    /**
     * Whether it is discharged, the count of obligations per status, the open obligations (the
     * research agenda) and every obligation neither proved nor asserted, in obligation order.
     */
    public record Outcome(boolean discharged, Map<Status, Integer> summary, List<ObligationId> openProblems,
                          List<ObligationId> unproven) {
        public Outcome {
            EnumMap<Status, Integer> all = new EnumMap<>(Status.class);
            for (Status s : Status.values()) all.put(s, 0);
            all.putAll(summary);
            summary = Collections.unmodifiableMap(all);
            openProblems = List.copyOf(openProblems);
            unproven = List.copyOf(unproven);
        }
    }

    /** Its nodes by kind, each list in source order. */
    public record Nodes(List<ClaimResult> claims, List<StrategyResult> strategies, List<EvidenceResult> evidence,
                        List<DefeaterResult> defeaters, List<AssumptionResult> assumptions, List<TextResult> texts) {
        public static final Nodes NONE = new Nodes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        public Nodes {
            claims = List.copyOf(claims);
            strategies = List.copyOf(strategies);
            evidence = List.copyOf(evidence);
            defeaters = List.copyOf(defeaters);
            assumptions = List.copyOf(assumptions);
            texts = List.copyOf(texts);
        }
    }

    /** The same case with other doubt bounds (with its agenda, once computed). */
    public CaseResult withConfidence(Confidence.CaseConfidence c) {
        return new CaseResult(source, checked, outcome, nodes, obligations, diagnostics, graph, alternatives, c);
    }

    /** A case that could not be checked: its name, file and diagnostics, nothing else. */
    public static CaseResult unchecked(String name, String file, List<Diagnostic> diagnostics) {
        int line = diagnostics.isEmpty() ? 1 : diagnostics.get(0).pos().line();
        return new CaseResult(new Source(name, file, line, ""), false, new Outcome(false, Map.of(), List.of(), List.of()),
                Nodes.NONE, List.of(), diagnostics, ArgumentGraph.of(List.of()));
    }

    public String name() {
        return source.name();
    }

    public String file() {
        return source.file();
    }

    public int line() {
        return source.line();
    }

    public String text() {
        return source.text();
    }

    public boolean discharged() {
        return outcome.discharged();
    }

    public Map<Status, Integer> summary() {
        return outcome.summary();
    }

    public List<ObligationId> openProblems() {
        return outcome.openProblems();
    }

    public List<ObligationId> unproven() {
        return outcome.unproven();
    }

    public List<ClaimResult> claims() {
        return nodes.claims();
    }

    public List<StrategyResult> strategies() {
        return nodes.strategies();
    }

    public List<EvidenceResult> evidence() {
        return nodes.evidence();
    }

    public List<DefeaterResult> defeaters() {
        return nodes.defeaters();
    }

    public List<AssumptionResult> assumptions() {
        return nodes.assumptions();
    }

    public List<TextResult> texts() {
        return nodes.texts();
    }

    public int total() {
        return obligations.size();
    }
}
