package dev.safecase.report;

import dev.safecase.report.LayeredLayout.Box;
import dev.safecase.report.LayeredLayout.Edge;
import dev.safecase.report.LayeredLayout.Point;
import dev.safecase.report.LayeredLayout.Side;
import dev.safecase.report.LayeredLayout.Spec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tree layout of bounded width, for arguments too wide for the layered layout: a spanning tree from the roots
 * (each node under its first parent), each subtree a block. A node's children stand side by side under it when they
 * fit the width left; otherwise they wrap into rows under the node, fed by a spine down its left side and a bus above
 * each row (as org charts do), and get a little less width each level, so the whole drawing stays within the bound.
 * Blocks never overlap, so nodes never do; tree edges run in the gaps between blocks. Edges outside the spanning tree
 * (a node's second parent) are drawn straight. Deterministic and without recursion.
 */
final class TreeLayout {
    private TreeLayout() {
    }

    static final double INDENT = 40;
    private static final double SPINE = 20;
    private static final double GAP = LayeredLayout.NODE_GAP;
    private static final double LAYER_GAP = 48;
    /** Width budgets are never cut below this. */
    private static final double FLOOR = 700;

    private static final class N {
        final String id;
        final double w;
        final double h;
        final List<N> kids = new ArrayList<>();
        final List<N> leftCol = new ArrayList<>();
        final List<N> rightCol = new ArrayList<>();
        boolean side;
        Block[] blocks;

        N(String id, double w, double h) {
            this.id = id;
            this.w = w;
            this.h = h;
        }

        double lw() {
            return w / 2 + (leftCol.isEmpty() ? 0 : LayeredLayout.SIDE_GAP + colWidth(leftCol));
        }

        double rw() {
            return w / 2 + (rightCol.isEmpty() ? 0 : LayeredLayout.SIDE_GAP + colWidth(rightCol));
        }

        double fullHeight() {
            return Math.max(h, Math.max(colHeight(leftCol), colHeight(rightCol)));
        }
    }

    /** A laid-out subtree: its size, its node's centre, and where each child's block goes ({@code rows} when wrapped). */
    private record Block(double width, double height, double cx, double[] dx, double[] dy, int childLevel, boolean wrapped,
                         double spineX) {}

    private static double colWidth(List<N> col) {
        double w = 0;
        for (N n : col) w = Math.max(w, n.w);
        return w;
    }

    private static double colHeight(List<N> col) {
        double h = 0;
        for (N n : col) h += n.h;
        return col.isEmpty() ? 0 : h + LayeredLayout.STACK_GAP * (col.size() - 1);
    }

    static LayeredLayout.Result layout(List<Spec> specs, List<Edge> edges, Map<String, Side> side, double margin,
                                       double maxWidth) {
        Map<String, N> byId = new LinkedHashMap<>();
        for (Spec s : specs) byId.putIfAbsent(s.id(), new N(s.id(), s.width(), s.height()));
        List<N> main = new ArrayList<>();
        for (N n : byId.values()) {
            Side s = side.get(n.id);
            if (s != null && byId.containsKey(s.anchor()) && !side.containsKey(s.anchor())) {
                n.side = true;
                N anchor = byId.get(s.anchor());
                (s.left() ? anchor.leftCol : anchor.rightCol).add(n);
            } else {
                main.add(n);
            }
        }
        Map<N, List<N>> out = new HashMap<>();
        Set<N> hasParent = new HashSet<>();
        for (Edge e : edges) {
            N f = byId.get(e.from());
            N t = byId.get(e.to());
            if (f == null || t == null || f == t || f.side || t.side) continue;
            out.computeIfAbsent(f, k -> new ArrayList<>()).add(t);
            hasParent.add(t);
        }
        // the spanning forest: depth first from the nodes without parents, then from any left (cycles)
        List<N> roots = new ArrayList<>();
        Set<N> seen = new HashSet<>();
        List<N> postOrder = new ArrayList<>();
        List<N> starts = new ArrayList<>();
        for (N n : main) if (!hasParent.contains(n)) starts.add(n);
        starts.addAll(main);
        for (N start : starts) {
            if (seen.contains(start)) continue;
            roots.add(start);
            spanning(start, out, seen, postOrder);
        }
        int levels = (int) Math.max(0, Math.ceil((maxWidth - FLOOR) / INDENT));
        for (N n : postOrder) {
            n.blocks = new Block[levels + 1];
            for (int k = levels; k >= 0; k--) n.blocks[k] = block(n, k, levels, budget(maxWidth, k));
        }
        return place(roots, main, edges, byId, margin, maxWidth);
    }

    private static double budget(double maxWidth, int k) {
        return Math.max(FLOOR, maxWidth - k * INDENT);
    }

    private static void spanning(N start, Map<N, List<N>> out, Set<N> seen, List<N> postOrder) {
        Deque<N> stack = new ArrayDeque<>();
        Deque<Integer> next = new ArrayDeque<>();
        seen.add(start);
        stack.push(start);
        next.push(0);
        while (!stack.isEmpty()) {
            N n = stack.peek();
            int i = next.pop();
            List<N> kids = out.getOrDefault(n, List.of());
            if (i >= kids.size()) {
                stack.pop();
                postOrder.add(n);
                continue;
            }
            next.push(i + 1);
            N k = kids.get(i);
            if (seen.add(k)) {
                n.kids.add(k);
                stack.push(k);
                next.push(0);
            }
        }
    }

    /** The block of {@code n} at width level {@code k} (its children's blocks are done). */
    private static Block block(N n, int k, int levels, double budget) {
        double top = n.fullHeight() + LAYER_GAP;
        int m = n.kids.size();
        if (m == 0) return new Block(n.lw() + n.rw(), n.fullHeight(), n.lw(), new double[0], new double[0], k, false, 0);
        double[] dx = new double[m];
        double[] dy = new double[m];
        double x = 0;
        double tallest = 0;
        for (int i = 0; i < m; i++) {
            Block c = n.kids.get(i).blocks[k];
            if (i > 0) x += GAP;
            dx[i] = x;
            dy[i] = top;
            x += c.width();
            tallest = Math.max(tallest, c.height());
        }
        Block first = n.kids.get(0).blocks[k];
        Block last = n.kids.get(m - 1).blocks[k];
        double cx = (dx[0] + first.cx() + dx[m - 1] + last.cx()) / 2;
        double shift = Math.max(0, n.lw() - cx);
        double width = Math.max(x + shift, cx + shift + n.rw());
        if (width <= budget || k >= levels && m == 1) {
            for (int i = 0; i < m; i++) dx[i] += shift;
            return new Block(width, top + tallest, cx + shift, dx, dy, k, false, 0);
        }
        // wrapped: rows under the node, fed by a spine down its left side; the children get the width the rows have
        double nodeLeft = n.lw() - n.w / 2;
        double spineX = nodeLeft + SPINE;
        double x0 = spineX + SPINE;
        double rowLimit = Math.max(budget - x0, 1);
        int ck = Math.min(levels, k + (int) Math.ceil(x0 / INDENT));
        double y = top;
        double rowX = 0;
        double rowHeight = 0;
        double widest = 0;
        for (int i = 0; i < m; i++) {
            Block c = n.kids.get(i).blocks[ck];
            if (rowX > 0 && rowX + GAP + c.width() > rowLimit) {
                y += rowHeight + LAYER_GAP;
                rowX = 0;
                rowHeight = 0;
            }
            if (rowX > 0) rowX += GAP;
            dx[i] = x0 + rowX;
            dy[i] = y;
            rowX += c.width();
            rowHeight = Math.max(rowHeight, c.height());
            widest = Math.max(widest, x0 + rowX);
        }
        return new Block(Math.max(widest, n.lw() + n.rw()), y + rowHeight, n.lw(), dx, dy, ck, true, spineX);
    }

    private static LayeredLayout.Result place(List<N> roots, List<N> main, List<Edge> edges, Map<String, N> byId,
                                              double margin, double maxWidth) {
        Map<String, Box> boxes = new LinkedHashMap<>();
        Map<Edge, List<Point>> paths = new LinkedHashMap<>();
        Map<String, Map<String, List<Point>>> treePaths = new HashMap<>();
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        double right = 0;
        for (N r : roots) {
            Block b = r.blocks[0];
            if (x > 0 && x + GAP + b.width() > maxWidth) {
                y += rowHeight + LAYER_GAP;
                x = 0;
                rowHeight = 0;
            }
            if (x > 0) x += GAP;
            put(r, 0, margin + x, margin + y, boxes, treePaths);
            x += b.width();
            right = Math.max(right, x);
            rowHeight = Math.max(rowHeight, b.height());
        }
        for (Edge e : edges) {
            N f = byId.get(e.from());
            N t = byId.get(e.to());
            if (f == null || t == null || f == t || f.side || t.side) continue;
            List<Point> p = treePaths.getOrDefault(e.from(), Map.of()).get(e.to());
            if (p == null) {
                Box a = boxes.get(e.from());
                Box c = boxes.get(e.to());
                p = List.of(new Point(a.cx(), a.bottom()), new Point(a.cx(), a.bottom() + 12),
                        new Point(c.cx(), c.top() - 12), new Point(c.cx(), c.top()));
            }
            paths.putIfAbsent(e, p);
        }
        double height = roots.isEmpty() ? 2 * margin : margin + y + rowHeight + margin;
        return new LayeredLayout.Result(boxes, Map.of(), List.of(), round(right + 2 * margin), round(height), paths);
    }

    /** Puts a block's nodes at absolute positions (its top left at {@code left, top}), top-down without recursion. */
    private static void put(N root, int level, double left, double top, Map<String, Box> boxes,
                            Map<String, Map<String, List<Point>>> paths) {
        record Todo(N n, int k, double left, double top) {}
        Deque<Todo> todo = new ArrayDeque<>();
        todo.push(new Todo(root, level, left, top));
        while (!todo.isEmpty()) {
            Todo t = todo.pop();
            N n = t.n();
            Block b = n.blocks[t.k()];
            double cx = t.left() + b.cx();
            double cy = t.top() + n.fullHeight() / 2;
            boxes.put(n.id, new Box(round(cx), round(cy), n.w, n.h));
            column(boxes, n.leftCol, cx - n.w / 2 - LayeredLayout.SIDE_GAP, cy, true);
            column(boxes, n.rightCol, cx + n.w / 2 + LayeredLayout.SIDE_GAP, cy, false);
            double bottom = cy + n.h / 2;
            for (int i = 0; i < n.kids.size(); i++) {
                N c = n.kids.get(i);
                Block cb = c.blocks[b.childLevel()];
                double cl = t.left() + b.dx()[i];
                double ct = t.top() + b.dy()[i];
                double ccx = cl + cb.cx();
                double ctop = ct + c.fullHeight() / 2 - c.h / 2;
                double bus = ct - LAYER_GAP / 2;
                double from = b.wrapped() ? t.left() + b.spineX() : cx;
                List<Point> p = List.of(new Point(round(from), round(bottom)), new Point(round(from), round(bus)),
                        new Point(round(ccx), round(bus)), new Point(round(ccx), round(ctop)));
                paths.computeIfAbsent(n.id, k -> new HashMap<>()).put(c.id, p);
                todo.push(new Todo(c, b.childLevel(), cl, ct));
            }
        }
    }

    private static void column(Map<String, Box> boxes, List<N> col, double edge, double cy, boolean left) {
        double y = cy - colHeight(col) / 2;
        for (N s : col) {
            double cx = left ? edge - s.w / 2 : edge + s.w / 2;
            boxes.put(s.id, new Box(round(cx), round(y + s.h / 2), s.w, s.h));
            y += s.h + LayeredLayout.STACK_GAP;
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
