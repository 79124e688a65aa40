package dev.safecase.result;

import dev.safecase.diag.Diagnostic;
import java.time.LocalDate;
import java.util.List;

/**
 * What a run found: the verdict model that the CLI, the reports and the Maven plugin consume.
 * Every list is in source order; nothing in these records is computed by consumers.
 */
public record Run(String version, String solver, LocalDate today, GateResult gate, List<Diagnostic> diagnostics,
                  List<CaseResult> cases) {
    public Run {
        diagnostics = List.copyOf(diagnostics);
        cases = List.copyOf(cases);
    }

    public boolean hasInputErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
