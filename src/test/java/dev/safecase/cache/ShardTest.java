package dev.safecase.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.bench.Generator;
import dev.safecase.diag.Diagnostics;
import dev.safecase.lower.Obligation;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.prove.Block;
import dev.safecase.prove.Prover;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards partition the blocks, deterministically and balanced by cost. */
class ShardTest {
    @TempDir
    Path root;

    @Test
    void parsesAndRefuses() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertEquals(new Shard(1, 1), Shard.parse(" 1 / 1 "));
        for (String bad : new String[] {"0/4", "5/4", "4", "/4", "x/y", "1/0", "1/1001"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }

    @Test
    void shardsPartitionTheBlocksAndBalanceTheirCost() throws IOException {
        Files.writeString(root.resolve("b.case"), Generator.generate(2000));
        Map<String, Verifier.Prepared> p = new Verifier(Options.defaults(root)).prepare(List.of(root.resolve("b.case")),
                new Diagnostics(), new LinkedHashMap<>());
        Map<String, List<Obligation>> byCase = new LinkedHashMap<>();
        p.forEach((k, v) -> byCase.put(k, v.lowered().obligations()));
        List<Block> blocks = Prover.plan(byCase);
        assertTrue(blocks.size() > 20, "blocks: " + blocks.size());
        long total = blocks.stream().mapToLong(Block::cost).sum();
        long biggest = blocks.stream().mapToLong(Block::cost).max().orElseThrow();
        for (int n : new int[] {1, 2, 3, 7}) {
            Set<Block> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int i = 1; i <= n; i++) {
                List<Block> mine = new Shard(i, n).select(blocks);
                assertEquals(mine, new Shard(i, n).select(blocks), "the same every time");
                List<Block> inOrder = new ArrayList<>(blocks);
                inOrder.retainAll(mine);
                assertEquals(inOrder, mine, "in run order");
                long cost = mine.stream().mapToLong(Block::cost).sum();
                assertTrue(cost <= total / n + biggest, "shard " + i + "/" + n + " costs " + cost + " of " + total);
                for (Block b : mine) assertTrue(seen.add(b), "no block in two shards");
            }
            assertEquals(blocks.size(), seen.size(), "every block in some shard");
        }
    }
}
