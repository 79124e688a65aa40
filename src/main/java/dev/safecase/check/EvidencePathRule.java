package dev.safecase.check;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether an evidence file may be read. The evidence stage owns the rule (what stays inside the
 * project root); the checker reports a refusal where the path is written, as an input error.
 */
@FunctionalInterface
public interface EvidencePathRule {
    /** Why {@code written}, relative to the case file (absent for a text not on disk), may not be read. */
    Optional<String> refusal(String written, Optional<Path> caseFile);
}
