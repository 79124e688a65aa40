package dev.safecase.cache;

/**
 * Everything besides a block's text that decides its verdicts: the tool's version and the
 * prover's revision, the solver and its version, and the solver budgets of the run.
 */
public record KeyParams(String toolVersion, int proverRevision, String solver, long timeoutMs, long rlimit) {
    String header() {
        return "safecase-block-key 1\ntool " + toolVersion + "\nprover " + proverRevision + "\nsolver " + solver
                + "\ntimeout-ms " + timeoutMs + "\nrlimit " + rlimit + "\n";
    }
}
