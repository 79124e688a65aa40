package dev.safecase.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <rule>} of the check goals: limits that the cases it selects must keep, on top of the gate. A case is
 * selected when a pattern of {@code includes} (default: every case) matches its name or its file, and no pattern of
 * {@code excludes} does. Patterns are globs: {@code *} any run of characters, {@code ?} one.
 *
 * <p>Maven fills the fields from the POM; {@link GateReport} reads them once, through {@link #limits()}.
 */
public class Rule {
    /** Case names or files (globs) the rule applies to; none means every case. */
    List<String> includes = new ArrayList<>();
    /** Case names or files (globs) it does not apply to. */
    List<String> excludes = new ArrayList<>();
    /** Least share of each selected case's obligations that must be proved: {@code 0.9}, {@code 9/10} or {@code 90%}. */
    String minProved;
    /** Most open obligations each selected case may have. */
    Integer maxOpen;
    /** Most refuted obligations each selected case may have. */
    Integer maxRefuted;

    public Rule() {
        // filled by Maven
    }

    /** For tests and for code that builds rules itself. */
    Rule(List<String> includes, List<String> excludes, String minProved, Integer maxOpen, Integer maxRefuted) {
        this.includes = new ArrayList<>(includes);
        this.excludes = new ArrayList<>(excludes);
        this.minProved = minProved;
        this.maxOpen = maxOpen;
        this.maxRefuted = maxRefuted;
    }
}
