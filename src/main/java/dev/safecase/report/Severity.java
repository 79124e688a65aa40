package dev.safecase.report;

import dev.safecase.judge.Status;

/**
 * The order in which reports list unproven obligations: what most needs attention first. A refutation (a
 * counterexample) and a vacuous proof (clashing premises) are errors in the argument; unknown and invalid need a
 * rerun or new evidence; open obligations are the research agenda; asserted and proved ones come last.
 */
final class Severity {
    private Severity() {
    }

    static int rank(Status s) {
        return switch (s) {
            case REFUTED -> 0;
            case VACUOUS -> 1;
            case UNKNOWN -> 2;
            case INVALID -> 3;
            case OPEN -> 4;
            case ASSERTED -> 5;
            case PROVED -> 6;
        };
    }
}
