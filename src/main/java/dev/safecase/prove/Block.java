package dev.safecase.prove;

import dev.safecase.lower.Obligation;
import java.util.List;
import java.util.Optional;

/**
 * Obligations of one case decided in order in one fresh Z3 session: the unit of work, of the
 * verdict cache and of sharding. A verdict's core and model may depend on what the session did
 * before, so a block's verdicts are a function of the block's {@link Canonical} text: equal texts,
 * equal verdicts, whatever run, shard or job decides them.
 *
 * <p>{@code divisors} blocks hold the SC405 checks (goal {@code divisor != 0}) and their
 * {@code labels}, each check's divisor as written; other blocks have no labels. Blocks compare by
 * identity; the canonical text is made once, when first asked for.
 */
public final class Block {
    private final String caseName;
    private final boolean divisors;
    private final List<Obligation> obligations;
    private final List<String> labels;
    private Canonical canonical;

    public Block(String caseName, boolean divisors, List<Obligation> obligations, List<String> labels) {
        this.caseName = caseName;
        this.divisors = divisors;
        this.obligations = List.copyOf(obligations);
        this.labels = List.copyOf(labels);
    }

    public String caseName() {
        return caseName;
    }

    public boolean divisors() {
        return divisors;
    }

    public List<Obligation> obligations() {
        return obligations;
    }

    public int size() {
        return obligations.size();
    }

    /** The block's canonical text: the cache's key and the names Z3 is given. */
    public synchronized Canonical canonical() {
        if (canonical == null) canonical = Canonical.of(obligations);
        return canonical;
    }

    /** A rough cost, for balancing shards: premises to assert plus a fixed cost per check. */
    public long cost() {
        long c = 0;
        for (Obligation o : obligations) c += 4 + o.premises().size();
        return c;
    }

    /** The divisor of the i-th check of a divisors block. */
    public Optional<String> label(int i) {
        return i < labels.size() ? Optional.of(labels.get(i)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "block of " + obligations.size() + (divisors ? " divisor checks" : " obligations") + " of case " + caseName
                + (obligations.isEmpty() ? "" : " from " + obligations.get(0).id());
    }
}
