package dev.safecase.cache;

import dev.safecase.prove.Block;
import dev.safecase.prove.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Where verdicts already decided come from: the verdict cache, the partial results of shards, or
 * nowhere. {@code key} is the block's {@link BlockKey}.
 */
public interface VerdictSource {
    VerdictSource NONE = new VerdictSource() {
        public Optional<List<Verdict>> get(String key, Block block) { return Optional.empty(); }

        public void put(String key, Block block, List<Verdict> verdicts) { }
    };

    /** The block's verdicts, if known (and intact). */
    Optional<List<Verdict>> get(String key, Block block);

    /** Offers the verdicts of a block decided in this run; a source may keep them or not. */
    void put(String key, Block block, List<Verdict> verdicts);

    /** Ends the run's use of the source (the cache prunes itself). */
    default void finish() {
    }

    /** A problem the user should hear of (an unwritable cache folder). */
    default Optional<String> problem() {
        return Optional.empty();
    }
}
