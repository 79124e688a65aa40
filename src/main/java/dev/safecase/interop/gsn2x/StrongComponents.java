package dev.safecase.interop.gsn2x;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** The strongly connected components of a small directed graph (Tarjan's algorithm, without recursion). */
final class StrongComponents {
    private StrongComponents() {
    }

    /** For each node 0..n-1, the number of its component; {@code edges.get(i)} are the successors of i. */
    static int[] of(int n, List<Set<Integer>> edges) {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] comp = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        int next = 0;
        int comps = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) continue;
            // each frame: the node and the successors it has still to visit
            Deque<int[]> frames = new ArrayDeque<>();
            frames.push(new int[] {root, 0});
            index[root] = low[root] = next++;
            stack.push(root);
            onStack[root] = true;
            while (!frames.isEmpty()) {
                int[] f = frames.peek();
                int v = f[0];
                Integer[] succ = edges.get(v).toArray(new Integer[0]);
                if (f[1] < succ.length) {
                    int w = succ[f[1]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        stack.push(w);
                        onStack[w] = true;
                        frames.push(new int[] {w, 0});
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                frames.pop();
                if (!frames.isEmpty()) low[frames.peek()[0]] = Math.min(low[frames.peek()[0]], low[v]);
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        comp[w] = comps;
                    } while (w != v);
                    comps++;
                }
            }
        }
        return comp;
    }
}
