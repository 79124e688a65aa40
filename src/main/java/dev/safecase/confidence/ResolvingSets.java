package dev.safecase.confidence;

import dev.safecase.lower.ObligationId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The minimal sets of open problems whose resolution discharges one root. Discharge is monotone (resolving more never
 * undoes a discharge), so: if resolving every candidate does not discharge the root, no set does; the problems without
 * which the rest does not suffice are in every resolving set; if they suffice alone they are the one minimal set;
 * otherwise the other candidates are added in sets of growing size, skipping supersets of sets already found, which
 * makes each set found minimal. Stops at {@code maxSets} sets or when the judge budget runs out ({@code truncated}).
 */
final class ResolvingSets {
    /** The sets found, whether the search stopped early, and whether resolving everything would discharge the root. */
    record Found(List<List<ObligationId>> sets, boolean truncated, boolean resolvable) {}

    private ResolvingSets() {
    }

    /** {@code discharges} says whether resolving a set discharges the root, or empty when the budget is spent. */
    static Found of(List<ObligationId> candidates, Function<Set<ObligationId>, Optional<Boolean>> discharges, int maxSets) {
        Optional<Boolean> all = discharges.apply(Set.copyOf(candidates));
        if (all.isEmpty()) return new Found(List.of(), true, true);
        if (!all.get()) return new Found(List.of(), false, false);
        List<ObligationId> needed = new ArrayList<>();
        for (ObligationId p : candidates) {
            Set<ObligationId> rest = new LinkedHashSet<>(candidates);
            rest.remove(p);
            Optional<Boolean> d = discharges.apply(rest);
            if (d.isEmpty()) return new Found(List.of(), true, true);
            if (!d.get()) needed.add(p);
        }
        Optional<Boolean> enough = discharges.apply(Set.copyOf(needed));
        if (enough.isEmpty()) return new Found(List.of(), true, true);
        if (enough.get()) return new Found(List.of(List.copyOf(needed)), false, true);
        List<ObligationId> optional = candidates.stream().filter(p -> !needed.contains(p)).toList();
        List<List<ObligationId>> found = new ArrayList<>();
        for (int size = 1; size <= optional.size(); size++) {
            for (List<ObligationId> extra : combinations(optional, size)) {
                List<ObligationId> set = new ArrayList<>(needed);
                set.addAll(extra);
                if (found.stream().anyMatch(set::containsAll)) continue;
                Optional<Boolean> d = discharges.apply(Set.copyOf(set));
                if (d.isEmpty()) return new Found(inOrder(found, candidates), true, true);
                if (d.get()) {
                    found.add(set);
                    if (found.size() >= maxSets) return new Found(inOrder(found, candidates), true, true);
                }
            }
        }
        return new Found(inOrder(found, candidates), false, true);
    }

    /** The subsets of {@code items} of one size, in lexicographic order of positions, made one at a time. */
    static Iterable<List<ObligationId>> combinations(List<ObligationId> items, int size) {
        return () -> new java.util.Iterator<>() {
            private int[] idx = first();

            private int[] first() {
                if (size > items.size()) return null;
                int[] a = new int[size];
                for (int i = 0; i < size; i++) a[i] = i;
                return a;
            }

            @Override
            public boolean hasNext() {
                return idx != null;
            }

            @Override
            public List<ObligationId> next() {
                if (idx == null) throw new java.util.NoSuchElementException();
                List<ObligationId> c = new ArrayList<>();
                for (int i : idx) c.add(items.get(i));
                int i = size - 1;
                while (i >= 0 && idx[i] == items.size() - size + i) i--;
                if (i < 0) {
                    idx = null;
                } else {
                    idx[i]++;
                    for (int j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
                }
                return c;
            }
        };
    }

    /** Each set's problems in candidate order. */
    private static List<List<ObligationId>> inOrder(List<List<ObligationId>> sets, List<ObligationId> candidates) {
        List<List<ObligationId>> out = new ArrayList<>();
        for (List<ObligationId> s : sets) out.add(candidates.stream().filter(s::contains).toList());
        return out;
    }
}
