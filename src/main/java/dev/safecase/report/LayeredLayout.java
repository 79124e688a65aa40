package dev.safecase.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small Sugiyama-style layered layout, top to bottom: cycle breaking by depth-first search, longest-path
 * layering, dummy nodes on long edges, barycentre crossing reduction, and coordinates by isotonic regression
 * (each layer placed as near its neighbours' mean as the minimum gaps allow). Side nodes (GSN contexts,
 * justifications and assumptions) are stacked in a column beside their anchor, left or right, and the anchor takes
 * the room of its columns in its layer, so nothing overlaps them. Deterministic: ties follow input order.
 */
final class LayeredLayout {
    private LayeredLayout() {
    }

    record Spec(String id, double width, double height) {}

    /** An edge from an upper node to a lower one. */
    record Edge(String from, String to) {}

    record Point(double x, double y) {}

    /** A placed node, by its centre. */
    record Box(double cx, double cy, double width, double height) {
        double top() { return cy - height / 2; }

        double bottom() { return cy + height / 2; }

        double left() { return cx - width / 2; }

        double right() { return cx + width / 2; }
    }

    /** Where a side node goes: beside {@code anchor}, in its left or its right column. */
    record Side(String anchor, boolean left) {}

    /** A layer's vertical extent: edges run straight through it and bend only between layers. */
    record Band(double top, double bottom) {}

    /**
     * Where everything goes: node boxes; for the layered layout the dummy points of long edges ({@code routes}) and
     * the layers' bands; and for every edge its path, from the bottom of its upper node to the top of its lower one,
     * running straight down through layers and bending only between them.
     */
    record Result(Map<String, Box> boxes, Map<Edge, List<Point>> routes, List<Band> bands, double width,
                  double height, Map<Edge, List<Point>> paths) {
        /** The band of the layer at height {@code y} (the nearest one). */
        Band bandAt(double y) {
            Band best = bands.isEmpty() ? new Band(y, y) : bands.get(0);
            for (Band b : bands) {
                if (y >= b.top() - 0.5 && y <= b.bottom() + 0.5) return b;
                if (Math.abs((b.top() + b.bottom()) / 2 - y) < Math.abs((best.top() + best.bottom()) / 2 - y)) best = b;
            }
            return best;
        }
    }

    static final double NODE_GAP = 28;
    /** Horizontal room between a node and its side columns, and vertical room between stacked side nodes. */
    static final double SIDE_GAP = 30;
    static final double STACK_GAP = 10;
    static final double DUMMY_GAP = 14;
    static final double LAYER_GAP = 64;
    private static final int SWEEPS = 16;
    private static final int PLACEMENT_ROUNDS = 8;

    private static final class N {
        final int index;
        final String id;
        final double w;
        final double h;
        final boolean dummy;
        int layer;
        double x;
        final List<N> up = new ArrayList<>();
        final List<N> down = new ArrayList<>();
        final List<N> leftCol = new ArrayList<>();
        final List<N> rightCol = new ArrayList<>();
        N anchor;

        /** Unconnected: placed at the end of its layer, next to its left neighbour, so it cannot stretch the drawing. */
        boolean isolated() {
            return up.isEmpty() && down.isEmpty() && anchor == null && leftCol.isEmpty() && rightCol.isEmpty();
        }

        /** Room left of the centre, side column included. */
        double lw() {
            return w / 2 + (leftCol.isEmpty() ? 0 : SIDE_GAP + colWidth(leftCol));
        }

        /** Room right of the centre, side column included. */
        double rw() {
            return w / 2 + (rightCol.isEmpty() ? 0 : SIDE_GAP + colWidth(rightCol));
        }

        /** Height taken in the layer: the node or its taller side column. */
        double fullHeight() {
            return Math.max(h, Math.max(colHeight(leftCol), colHeight(rightCol)));
        }

        N(int index, String id, double w, double h, boolean dummy) {
            this.index = index;
            this.id = id;
            this.w = w;
            this.h = h;
            this.dummy = dummy;
        }
    }

    private static double colWidth(List<N> col) {
        double w = 0;
        for (N n : col) w = Math.max(w, n.w);
        return w;
    }

    private static double colHeight(List<N> col) {
        double h = 0;
        for (N n : col) h += n.h;
        return col.isEmpty() ? 0 : h + STACK_GAP * (col.size() - 1);
    }

    /**
     * Lays out {@code specs} (in the order to prefer) with {@code edges}; {@code side} maps a side node to where it
     * goes (a side node whose anchor is missing, or is a side node itself, is laid out as an ordinary node).
     * Coordinates start at {@code margin}.
     */
    static Result layout(List<Spec> specs, List<Edge> edges, Map<String, Side> side, double margin) {
        Map<String, N> byId = new LinkedHashMap<>();
        List<N> all = new ArrayList<>();
        for (Spec s : specs) {
            if (byId.containsKey(s.id())) continue;
            N n = new N(all.size(), s.id(), s.width(), s.height(), false);
            byId.put(s.id(), n);
            all.add(n);
        }
        List<N> main = new ArrayList<>();
        List<N> sides = new ArrayList<>();
        for (N n : all) {
            Side s = side.get(n.id);
            if (s != null && byId.containsKey(s.anchor()) && !side.containsKey(s.anchor())) {
                n.anchor = byId.get(s.anchor());
                (s.left() ? n.anchor.leftCol : n.anchor.rightCol).add(n);
                sides.add(n);
            } else {
                main.add(n);
            }
        }
        List<Edge> kept = acyclic(main, edges, byId);
        for (Edge e : kept) {
            N f = byId.get(e.from());
            N t = byId.get(e.to());
            f.down.add(t);
            t.up.add(f);
        }
        assignLayers(main);
        Map<Edge, List<N>> chains = new LinkedHashMap<>();
        for (Edge e : kept) chains.put(e, splitLongEdge(byId.get(e.from()), byId.get(e.to()), all));
        int layerCount = 0;
        for (N n : all) if (n.anchor == null) layerCount = Math.max(layerCount, n.layer + 1);
        List<List<N>> layers = initialOrder(main, all, layerCount);
        reduceCrossings(layers);
        for (N s : sides) s.layer = s.anchor.layer;
        placeX(layers);
        Result r = result(layers, all, chains, margin);
        return new Result(r.boxes(), r.routes(), r.bands(), r.width(), r.height(), paths(r, edges));
    }

    /** Drops edges that close a cycle (depth-first from each node in input order) and edges touching side nodes. */
    private static List<Edge> acyclic(List<N> main, List<Edge> edges, Map<String, N> byId) {
        Map<N, List<Edge>> out = new LinkedHashMap<>();
        for (Edge e : edges) {
            N f = byId.get(e.from());
            N t = byId.get(e.to());
            if (f == null || t == null || f == t || f.anchor != null || t.anchor != null) continue;
            out.computeIfAbsent(f, k -> new ArrayList<>()).add(e);
        }
        int[] state = new int[byId.size()];
        List<Edge> kept = new ArrayList<>();
        Set<Edge> seen = new HashSet<>();
        for (N n : main) dfs(n, out, byId, state, kept, seen);
        return kept;
    }

    private static void dfs(N n, Map<N, List<Edge>> out, Map<String, N> byId, int[] state, List<Edge> kept,
                            Set<Edge> seen) {
        if (state[n.index] != 0) return;
        state[n.index] = 1;
        for (Edge e : out.getOrDefault(n, List.of())) {
            N t = byId.get(e.to());
            if (state[t.index] == 1 || !seen.add(e)) continue;
            kept.add(e);
            dfs(t, out, byId, state, kept, seen);
        }
        state[n.index] = 2;
    }

    /** Longest path from the sources: every node one layer below its lowest parent. */
    private static void assignLayers(List<N> main) {
        Map<N, Integer> pending = new HashMap<>();
        List<N> ready = new ArrayList<>();
        for (N n : main) {
            pending.put(n, n.up.size());
            if (n.up.isEmpty()) ready.add(n);
        }
        for (int i = 0; i < ready.size(); i++) {
            N n = ready.get(i);
            for (N d : n.down) {
                d.layer = Math.max(d.layer, n.layer + 1);
                if (pending.merge(d, -1, Integer::sum) == 0) ready.add(d);
            }
        }
    }

    /** Replaces a long edge by a chain through dummy nodes, one per layer crossed; returns the chain's inner nodes. */
    private static List<N> splitLongEdge(N from, N to, List<N> all) {
        List<N> chain = new ArrayList<>();
        if (to.layer - from.layer <= 1) return chain;
        from.down.remove(to);
        to.up.remove(from);
        N prev = from;
        for (int l = from.layer + 1; l < to.layer; l++) {
            N d = new N(all.size(), "", 0, 0, true);
            d.layer = l;
            all.add(d);
            prev.down.add(d);
            d.up.add(prev);
            chain.add(d);
            prev = d;
        }
        prev.down.add(to);
        to.up.add(prev);
        return chain;
    }

    /** Depth-first order from the sources, so a tree starts without crossings. */
    private static List<List<N>> initialOrder(List<N> main, List<N> all, int layerCount) {
        List<List<N>> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) layers.add(new ArrayList<>());
        boolean[] placed = new boolean[all.size()];
        for (N n : main) {
            if (n.up.isEmpty() && !n.down.isEmpty()) visit(n, layers, placed);
        }
        for (N n : all) {
            if (n.anchor == null && !placed[n.index]) visit(n, layers, placed);
        }
        return layers;
    }

    private static void visit(N n, List<List<N>> layers, boolean[] placed) {
        if (placed[n.index]) return;
        placed[n.index] = true;
        layers.get(n.layer).add(n);
        for (N d : n.down) visit(d, layers, placed);
    }

    private static void reduceCrossings(List<List<N>> layers) {
        List<List<N>> best = copy(layers);
        int bestCrossings = crossings(layers);
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
            if (sweep % 2 == 0) {
                for (int i = 1; i < layers.size(); i++) sortByBarycentre(layers.get(i), layers.get(i - 1), true);
            } else {
                for (int i = layers.size() - 2; i >= 0; i--) sortByBarycentre(layers.get(i), layers.get(i + 1), false);
            }
            int c = crossings(layers);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(layers);
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).clear();
            layers.get(i).addAll(best.get(i));
        }
    }

    private static void sortByBarycentre(List<N> layer, List<N> fixed, boolean useUp) {
        Map<N, Integer> pos = positions(fixed);
        double[] key = new double[layer.size()];
        for (int i = 0; i < layer.size(); i++) {
            List<N> nb = useUp ? layer.get(i).up : layer.get(i).down;
            if (layer.get(i).isolated()) {
                key[i] = Double.MAX_VALUE;
            } else if (nb.isEmpty()) {
                key[i] = i;
            } else {
                double sum = 0;
                for (N m : nb) sum += pos.getOrDefault(m, 0);
                key[i] = sum / nb.size();
            }
        }
        Integer[] idx = new Integer[layer.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> key[i]).thenComparingInt(i -> i));
        List<N> sorted = new ArrayList<>();
        for (Integer i : idx) sorted.add(layer.get(i));
        layer.clear();
        layer.addAll(sorted);
    }

    private static Map<N, Integer> positions(List<N> layer) {
        Map<N, Integer> pos = new HashMap<>();
        for (int i = 0; i < layer.size(); i++) pos.put(layer.get(i), i);
        return pos;
    }

    static int crossings(List<List<N>> layers) {
        int total = 0;
        for (int l = 0; l + 1 < layers.size(); l++) {
            Map<N, Integer> below = positions(layers.get(l + 1));
            List<int[]> segs = new ArrayList<>();
            List<N> upper = layers.get(l);
            for (int i = 0; i < upper.size(); i++) {
                for (N d : upper.get(i).down) {
                    Integer j = below.get(d);
                    if (j != null) segs.add(new int[] {i, j});
                }
            }
            for (int a = 0; a < segs.size(); a++) {
                for (int b = a + 1; b < segs.size(); b++) {
                    int[] s = segs.get(a);
                    int[] t = segs.get(b);
                    if ((s[0] - t[0]) * (long) (s[1] - t[1]) < 0) total++;
                }
            }
        }
        return total;
    }

    private static List<List<N>> copy(List<List<N>> layers) {
        List<List<N>> c = new ArrayList<>();
        for (List<N> l : layers) c.add(new ArrayList<>(l));
        return c;
    }

    private static void placeX(List<List<N>> layers) {
        for (List<N> layer : layers) {
            double x = 0;
            for (int i = 0; i < layer.size(); i++) {
                N n = layer.get(i);
                if (i > 0) x += gap(layer.get(i - 1), n);
                n.x = x;
            }
        }
        for (int round = 0; round < PLACEMENT_ROUNDS; round++) {
            for (int i = 1; i < layers.size(); i++) place(layers.get(i), true);
            for (int i = layers.size() - 2; i >= 0; i--) place(layers.get(i), false);
        }
        for (List<N> layer : layers) {
            for (int i = 1; i < layer.size(); i++) {
                if (layer.get(i).isolated()) layer.get(i).x = layer.get(i - 1).x + gap(layer.get(i - 1), layer.get(i));
            }
        }
    }

    private static double gap(N a, N b) {
        return a.rw() + b.lw() + (a.dummy || b.dummy ? DUMMY_GAP : NODE_GAP);
    }

    /** Each node as near its neighbours' mean as possible, keeping the order and the gaps (pool adjacent violators). */
    private static void place(List<N> layer, boolean useUp) {
        int k = layer.size();
        if (k == 0) return;
        double[] offset = new double[k];
        for (int i = 1; i < k; i++) offset[i] = offset[i - 1] + gap(layer.get(i - 1), layer.get(i));
        double[] target = new double[k];
        for (int i = 0; i < k; i++) target[i] = desired(layer.get(i), useUp) - offset[i];
        double[] mean = new double[k];
        int[] size = new int[k];
        int blocks = 0;
        for (int i = 0; i < k; i++) {
            mean[blocks] = target[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
                double m = (mean[blocks - 2] * size[blocks - 2] + mean[blocks - 1] * size[blocks - 1])
                        / (size[blocks - 2] + size[blocks - 1]);
                size[blocks - 2] += size[blocks - 1];
                mean[blocks - 2] = m;
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < size[b]; j++, i++) layer.get(i).x = mean[b] + offset[i];
        }
    }

    private static double desired(N n, boolean useUp) {
        List<N> nb = useUp ? n.up : n.down;
        if (nb.isEmpty()) return n.x;
        double sum = 0;
        for (N m : nb) sum += m.x;
        return sum / nb.size();
    }

    private static Result result(List<List<N>> layers, List<N> all, Map<Edge, List<N>> chains, double margin) {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        for (List<N> layer : layers) {
            for (N n : layer) {
                minX = Math.min(minX, n.x - n.lw());
                maxX = Math.max(maxX, n.x + n.rw());
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 0;
        }
        double shift = margin - minX;
        double[] layerCentre = new double[layers.size()];
        List<Band> bands = new ArrayList<>();
        double y = margin;
        for (int l = 0; l < layers.size(); l++) {
            double h = 0;
            for (N n : layers.get(l)) h = Math.max(h, n.fullHeight());
            layerCentre[l] = y + h / 2;
            bands.add(new Band(round(y), round(y + h)));
            y += h + LAYER_GAP;
        }
        double height = layers.isEmpty() ? 2 * margin : y - LAYER_GAP + margin;
        Map<String, Box> boxes = new LinkedHashMap<>();
        for (N n : all) {
            if (n.dummy || n.anchor != null) continue;
            double cx = n.x + shift;
            double cy = layerCentre[n.layer];
            boxes.put(n.id, new Box(round(cx), round(cy), n.w, n.h));
            column(boxes, n.leftCol, cx - n.w / 2 - SIDE_GAP, cy, true);
            column(boxes, n.rightCol, cx + n.w / 2 + SIDE_GAP, cy, false);
        }
        Map<Edge, List<Point>> routes = new LinkedHashMap<>();
        for (Map.Entry<Edge, List<N>> e : chains.entrySet()) {
            List<Point> pts = new ArrayList<>();
            for (N d : e.getValue()) pts.add(new Point(round(d.x + shift), round(layerCentre[d.layer])));
            routes.put(e.getKey(), pts);
        }
        return new Result(boxes, routes, bands, round(maxX - minX + 2 * margin), round(height), Map.of());
    }

    /** Each edge's path: down from its upper node through its band, through the dummies' bands, into the lower node. */
    private static Map<Edge, List<Point>> paths(Result r, List<Edge> edges) {
        Map<Edge, List<Point>> out = new LinkedHashMap<>();
        for (Edge e : edges) {
            Box from = r.boxes().get(e.from());
            Box to = r.boxes().get(e.to());
            if (from == null || to == null || from == to || out.containsKey(e)) continue;
            List<Point> pts = new ArrayList<>();
            pts.add(new Point(from.cx(), from.bottom()));
            Band first = r.bandAt(from.cy());
            if (first.bottom() > from.bottom() + 0.5) pts.add(new Point(from.cx(), first.bottom()));
            for (Point d : r.routes().getOrDefault(e, List.of())) {
                Band band = r.bandAt(d.y());
                pts.add(new Point(d.x(), band.top()));
                pts.add(new Point(d.x(), band.bottom()));
            }
            Band last = r.bandAt(to.cy());
            if (last.top() < to.top() - 0.5) pts.add(new Point(to.cx(), last.top()));
            pts.add(new Point(to.cx(), to.top()));
            out.put(e, pts);
        }
        return out;
    }

    /** A side column: stacked top to bottom, centred on the anchor's middle, its inner edge at {@code edge}. */
    private static void column(Map<String, Box> boxes, List<N> col, double edge, double cy, boolean left) {
        double y = cy - colHeight(col) / 2;
        for (N s : col) {
            double cx = left ? edge - s.w / 2 : edge + s.w / 2;
            boxes.put(s.id, new Box(round(cx), round(y + s.h / 2), s.w, s.h));
            y += s.h + STACK_GAP;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
