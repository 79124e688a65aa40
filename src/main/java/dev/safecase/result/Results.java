package dev.safecase.result;

import dev.safecase.judge.Status;
import dev.safecase.diag.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run found: the verdict model that the CLI, the reports and the Maven plugin consume.
 * Every list is in source order; nothing here is computed by consumers.
 */
public final class Results {
    private Results() {
    }

    public record Run(String version, String solver, LocalDate today, Gate gate, List<Diagnostic> diagnostics,
                      List<CaseResult> cases) {
        public Run {
            diagnostics = List.copyOf(diagnostics);
            cases = List.copyOf(cases);
        }

        public boolean hasInputErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    public record Gate(boolean passed, boolean strict, List<Status> failOn, String minProved, int proved, int total,
                       List<String> reasons) {
        public Gate {
            failOn = List.copyOf(failOn);
            reasons = List.copyOf(reasons);
        }
    }

    /** A case; {@code checked} is false when it had input errors (then it has no obligations). */
    public record CaseResult(String name, String file, int line, String text, boolean checked, boolean discharged,
                             Map<Status, Integer> summary, List<ClaimResult> claims, List<ObligationResult> obligations,
                             List<AssumptionResult> assumptions, List<EvidenceResult> evidence,
                             List<DefeaterResult> defeaters, List<String> openProblems, List<String> unproven,
                             List<Diagnostic> diagnostics, List<StrategyResult> strategies, List<TextResult> texts) {
        public CaseResult(String name, String file, int line, String text, boolean checked, boolean discharged,
                          Map<Status, Integer> summary, List<ClaimResult> claims, List<ObligationResult> obligations,
                          List<AssumptionResult> assumptions, List<EvidenceResult> evidence,
                          List<DefeaterResult> defeaters, List<String> openProblems, List<String> unproven,
                          List<Diagnostic> diagnostics) {
            this(name, file, line, text, checked, discharged, summary, claims, obligations, assumptions, evidence, defeaters,
                    openProblems, unproven, diagnostics, List.of(), List.of());
        }

        public int total() {
            return obligations.size();
        }
    }

    /** A strategy: the step from its subclaims to its parent claim. */
    public record StrategyResult(String id, String text, int line, Status status, List<String> subclaims,
                                 List<String> context, List<String> assuming, List<String> justifiedBy,
                                 boolean undeveloped, Optional<String> owner, Optional<String> origin,
                                 Optional<String> asserted) {}

    /** A context or justification node ({@code kind} is "context" or "justification"). */
    public record TextResult(String id, String kind, String text, int line) {}

    /**
     * A statistical bound as evaluated: built-in, arguments, value (rounded in the sound
     * direction), the evidence it came from and its confidence (rule_of_three: 95/100).
     */
    public record BoundResult(String evidence, String function, List<String> args, String value, String confidence) {}

    public record ClaimResult(String id, String text, boolean formal, String formula, boolean root, int line,
                              Status status, boolean discharged, List<String> restsOn, String support,
                              List<String> supportedBy, Optional<String> owner, Optional<String> origin,
                              Optional<String> asserted, List<String> context, List<String> assuming,
                              List<String> justifiedBy, boolean undeveloped, List<BoundResult> bounds,
                              String jointConfidence) {
        public ClaimResult(String id, String text, boolean formal, String formula, boolean root, int line, Status status,
                           boolean discharged, List<String> restsOn, String support, List<String> supportedBy,
                           Optional<String> owner, Optional<String> origin, Optional<String> asserted) {
            this(id, text, formal, formula, root, line, status, discharged, restsOn, support, supportedBy, owner, origin,
                    asserted, List.of(), List.of(), List.of(), "undeveloped".equals(support), List.of(), "1");
        }
    }

    public record ObligationResult(String id, String kind, String node, String file, int line, Status status,
                                   long millis, List<String> usedAssumptions, List<String> core,
                                   Map<String, String> counterexample, Optional<String> reason,
                                   List<Premise> premises, Optional<String> goal, Optional<String> owner) {}

    /** A premise as shown to a reader: its name ({@code warrant}, {@code E#1}, {@code range:q}) and formula. */
    public record Premise(String name, String formula) {}

    public record AssumptionResult(String id, String text, String formula, int line, List<String> inScopeOf,
                                   List<String> usedBy) {}

    public record EvidenceResult(String id, String text, Optional<String> file, Status status, Optional<String> sha256,
                                 Optional<LocalDate> expires, Optional<String> reason, List<String> facts, int line,
                                 List<BoundResult> bounds) {
        public EvidenceResult(String id, String text, Optional<String> file, Status status, Optional<String> sha256,
                              Optional<LocalDate> expires, Optional<String> reason, List<String> facts, int line) {
            this(id, text, file, status, sha256, expires, reason, facts, line, List.of());
        }
    }

    public record DefeaterResult(String id, String text, String attack, String target, Status status,
                                 Optional<String> owner, List<String> eliminatedBy, Optional<String> accepted, int line) {}
}
