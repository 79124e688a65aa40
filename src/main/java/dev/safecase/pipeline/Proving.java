package dev.safecase.pipeline;

import dev.safecase.cache.BlockKey;
import dev.safecase.cache.Entry;
import dev.safecase.cache.KeyParams;
import dev.safecase.cache.Shard;
import dev.safecase.cache.VerdictSource;
import dev.safecase.diag.Diagnostics;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationRef;
import dev.safecase.prove.Block;
import dev.safecase.prove.Prover;
import dev.safecase.prove.Z3Library;
import dev.safecase.prove.Verdict;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proving stage of a run: the cases' obligations cut into blocks, each block's verdicts taken
 * from the sources (the cache, shards' partial results) when they hold them, the others decided by
 * the {@link Prover} and offered back to the sources. With a shard, only the shard's blocks.
 */
final class Proving {
    private Proving() {
    }

    /** How the blocks of a run were settled. */
    record Stats(int blocks, int fromSources, int decided, int obligationsDecided) {}

    /**
     * The verdicts (main obligations only) by obligation, the entry text of every block of the run
     * or shard by key (a shard's partial result), and the figures.
     */
    record Result(Map<ObligationRef, Verdict> verdicts, Map<String, String> entries, Stats stats) {}

    record Setup(List<VerdictSource> sources, Optional<Shard> shard, boolean requireAll, Verifier.Progress progress) {}

    static Result prove(Map<String, List<Obligation>> obligations, Map<String, Map<String, Optional<String>>> evidenceSha,
                        Options options, KeyParams params, Setup setup, Diagnostics diags) {
        List<Block> all = Prover.plan(obligations);
        List<Block> mine = setup.shard().map(s -> s.select(all)).orElse(all);
        Map<Block, String> keys = new IdentityHashMap<>();
        Map<Block, List<Verdict>> verdicts = new IdentityHashMap<>();
        List<Block> missing = new ArrayList<>();
        // A key is only asked for by a source or written into a shard's partial result: without either (--no-cache),
        // every block goes to the prover, whose library starts loading now, while the rest of the set-up goes on.
        boolean keyed = !setup.sources().isEmpty() || setup.shard().isPresent();
        if (!keyed && !mine.isEmpty()) Z3Library.preload();
        for (Block b : mine) {
            if (!keyed) {
                missing.add(b);
                continue;
            }
            String key = BlockKey.of(b, params, evidenceSha);
            keys.put(b, key);
            Optional<List<Verdict>> known = Optional.empty();
            for (VerdictSource s : setup.sources()) {
                known = s.get(key, b);
                if (known.isPresent()) break;
            }
            if (known.isPresent()) {
                verdicts.put(b, known.get());
            } else {
                // the first block to decide: load the prover's library on another thread while the look-ups go on
                if (missing.isEmpty()) Z3Library.preload();
                missing.add(b);
            }
        }
        if (setup.requireAll() && !missing.isEmpty()) {
            throw new Verifier.MissingVerdicts("the partial results do not hold the verdicts of " + missing.size() + " of " + mine.size()
                    + " blocks (the first: the " + missing.get(0) + "); merge the parts of every shard of one "
                    + "`check --shard I/N` run, made with the same inputs and solver options");
        }
        int total = missing.stream().mapToInt(Block::size).sum();
        int cases = (int) missing.stream().map(Block::caseName).distinct().count();
        AtomicInteger done = new AtomicInteger();
        Prover.Progress told = (block, vs) -> setup.progress().update(cases, done.addAndGet(block.size()), total);
        if (total > 0) setup.progress().update(cases, 0, total);
        Map<Block, List<Verdict>> decided = new Prover(options.timeoutMs(), options.rlimit(), options.jobs(), options.audience().vocabulary())
                .decide(missing, total == 0 ? Prover.Progress.NONE : told);
        for (Block b : missing) {
            List<Verdict> vs = decided.get(b);
            verdicts.put(b, vs);
            for (VerdictSource s : setup.sources()) s.put(keys.get(b), b, vs);
        }
        for (VerdictSource s : setup.sources()) s.finish();
        Map<ObligationRef, Verdict> byRef = new LinkedHashMap<>();
        Map<String, String> entries = new LinkedHashMap<>();
        for (Block b : mine) {
            List<Verdict> vs = verdicts.get(b);
            if (setup.shard().isPresent()) entries.put(keys.get(b), Entry.encode(keys.get(b), b, vs));
            if (b.divisors()) {
                Prover.divisorWarnings(b, vs, diags);
                continue;
            }
            for (int i = 0; i < b.size(); i++) byRef.put(new ObligationRef(b.caseName(), b.obligations().get(i).id()), vs.get(i));
        }
        return new Result(byRef, entries, new Stats(mine.size(), mine.size() - missing.size(), missing.size(), total));
    }
}
