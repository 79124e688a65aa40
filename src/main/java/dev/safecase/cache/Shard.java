package dev.safecase.cache;

import dev.safecase.prove.Block;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shard {@code index} of {@code count} (1-based, written {@code I/N}): a deterministic share of a
 * run's blocks, balanced by their {@link Block#cost}. Blocks are dealt largest first, each to the
 * shard with the least cost so far (the lowest-numbered on a tie), so every shard of the same
 * inputs and options agrees on who proves what, on any machine.
 */
public record Shard(int index, int count) {
    public static final int MAX_COUNT = 1000;

    public Shard {
        if (count < 1 || count > MAX_COUNT) throw new IllegalArgumentException("the shard count must be between 1 and " + MAX_COUNT + " (got " + count + ")");
        if (index < 1 || index > count) throw new IllegalArgumentException("the shard must be between 1 and " + count + " (got " + index + ")");
    }

    /** Reads {@code I/N}; the message says what is wrong. */
    public static Shard parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) throw new IllegalArgumentException("write the shard as I/N, e.g. 2/4 (got " + text + ")");
        try {
            return new Shard(Integer.parseInt(t.substring(0, slash).strip()), Integer.parseInt(t.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("write the shard as I/N with whole numbers, e.g. 2/4 (got " + text + ")");
        }
    }

    /** The blocks of this shard, in their run order. */
    public List<Block> select(List<Block> blocks) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong((Integer i) -> -blocks.get(i).cost()).thenComparingInt(i -> i));
        long[] load = new long[count];
        Map<Block, Integer> owner = new IdentityHashMap<>();
        for (int i : order) {
            int best = 0;
            for (int s = 1; s < count; s++) if (load[s] < load[best]) best = s;
            load[best] += blocks.get(i).cost();
            owner.put(blocks.get(i), best + 1);
        }
        return blocks.stream().filter(b -> owner.get(b) == index).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
