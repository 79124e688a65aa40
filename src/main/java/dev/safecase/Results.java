package dev.safecase;

import dev.safecase.prove.Status;
import dev.safecase.syntax.Diagnostic;
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
                             List<Diagnostic> diagnostics) {
        public int total() {
            return obligations.size();
        }
    }

    public record ClaimResult(String id, String text, boolean formal, String formula, boolean root, int line,
                              Status status, boolean discharged, List<String> restsOn, String support,
                              List<String> supportedBy, Optional<String> owner, Optional<String> origin,
                              Optional<String> asserted) {}

    public record ObligationResult(String id, String kind, String node, String file, int line, Status status,
                                   long millis, List<String> usedAssumptions, List<String> core,
                                   Map<String, String> counterexample, Optional<String> reason,
                                   List<Premise> premises, Optional<String> goal, Optional<String> owner) {}

    /** A premise as shown to a reader: its name ({@code warrant}, {@code E#1}, {@code range:q}) and formula. */
    public record Premise(String name, String formula) {}

    public record AssumptionResult(String id, String text, String formula, int line, List<String> inScopeOf,
                                   List<String> usedBy) {}

    public record EvidenceResult(String id, String text, Optional<String> file, Status status, Optional<String> sha256,
                                 Optional<LocalDate> expires, Optional<String> reason, List<String> facts, int line) {}

    public record DefeaterResult(String id, String text, String attack, String target, Status status,
                                 Optional<String> owner, List<String> eliminatedBy, Optional<String> accepted, int line) {}
}
