package dev.safecase.lsp;

import dev.safecase.judge.GatePolicy;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.ObligationResult;
import java.util.List;
import java.util.Optional;

/**
 * What the last full verification (on save) found for one case file: its result as the CLI
 * would report it, the gate it was judged by, the text it was run on, and how long it took.
 */
record Verified(String uri, String text, CaseResult result, GatePolicy policy, long millis) {

    List<ObligationResult> obligationsOf(String node) {
        return result.obligations().stream().filter(o -> o.node().equals(node)).toList();
    }

    Optional<ClaimResult> claim(String id) {
        return result.claims().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    boolean failsGate(ObligationResult o) {
        return policy.failOn().contains(o.status());
    }
}
