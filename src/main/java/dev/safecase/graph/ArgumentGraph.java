package dev.safecase.graph;

import dev.safecase.model.Model;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The argument of one case as a graph, built once from the checked model and carried to every
 * later stage: claims, strategies, evidence and defeaters joined by support, attack and
 * elimination edges. A new clause that joins nodes is taught here and nowhere else.
 *
 * <p>An edge runs from a node to what it depends on: a claim to its strategy or its direct
 * support, a strategy to its subclaims, an attacked node to each defeater attacking it, a
 * defeater to the claims that eliminate it. Every walk is iterative, so a support chain of any
 * length cannot exhaust the stack.
 */
public final class ArgumentGraph {

    /** Why one node depends on another. */
    public enum EdgeKind {
        /** a claim's {@code supported by} (a strategy, claims, evidence) or a strategy's subclaims */
        SUPPORT,
        /** from the attacked node to the defeater attacking it */
        ATTACK,
        /** from a defeater to a claim in its {@code eliminated by} */
        ELIMINATION,
        /** a member of a choice ({@code any of}, {@code M of}) in a support list: enough of them must hold */
        CHOICE
    }

    /**
     * Which side of the argument a node is on: the top claims and what supports them argue for the case
     * ({@code PRO}); a defeater of a node on one side, and its own argument, argue for the other; a claim that
     * eliminates a defeater is on the side the defeater attacks. A node reached on both sides counts as PRO.
     */
    public enum Side { PRO, COUNTER }

    /** One dependency: {@code from} depends on {@code to}. */
    public record Edge(String from, String to, EdgeKind kind) {}

    private final List<String> nodes;
    private final Map<String, Model.Kind> kinds;
    private final Map<String, List<Edge>> out;
    private final Map<String, List<String>> parents;
    private final List<String> roots;
    // Walks that the checker, the lowering, the judge and the confidence stage each ask for, computed once
    // (the graph never changes; a race computes the same value twice, harmlessly).
    private volatile Map<String, Side> sides;
    private volatile List<List<String>> cycles;
    private volatile Optional<List<String>> dependenciesFirst;

    private ArgumentGraph(List<String> nodes, Map<String, Model.Kind> kinds, Map<String, List<Edge>> out) {
        this.nodes = List.copyOf(nodes);
        this.kinds = Map.copyOf(kinds);
        this.out = out;
        Map<String, List<String>> ps = new HashMap<>();
        for (String n : this.nodes) {
            for (Edge e : out.getOrDefault(n, List.of())) {
                List<String> list = ps.computeIfAbsent(e.to(), k -> new ArrayList<>());
                if (!list.contains(n)) list.add(n);
            }
        }
        ps.replaceAll((k, v) -> List.copyOf(v));
        this.parents = ps;
        List<String> r = new ArrayList<>();
        for (String n : this.nodes) {
            if (kinds.get(n) == Model.Kind.CLAIM && parents(n).isEmpty()) r.add(n);
        }
        this.roots = List.copyOf(r);
    }

    /** The graph of a (possibly partial) checked case; references to undeclared nodes are kept as edges. */
    public static ArgumentGraph of(Model.Case model) {
        return of(model.nodes());
    }

    public static ArgumentGraph of(List<? extends Model.Node> modelNodes) {
        List<String> ids = new ArrayList<>();
        Map<String, Model.Kind> kinds = new LinkedHashMap<>();
        Map<String, List<Edge>> support = new LinkedHashMap<>();
        Map<String, List<Edge>> attacks = new LinkedHashMap<>();
        Map<String, Model.Node> byId = new HashMap<>();
        for (Model.Node n : modelNodes) byId.putIfAbsent(n.id(), n);
        for (Model.Node n : modelNodes) {
            if (kinds.putIfAbsent(n.id(), n.kind()) != null) continue;
            ids.add(n.id());
            List<Edge> own = support.computeIfAbsent(n.id(), k -> new ArrayList<>());
            if (n instanceof Model.Claim c) {
                if (c.support() instanceof Model.ByStrategy s) own.add(new Edge(c.id(), s.strategy(), EdgeKind.SUPPORT));
                if (c.support() instanceof Model.Direct d) listed(c.id(), d, own);
            } else if (n instanceof Model.Strategy s) {
                s.subclaims().forEach(x -> own.add(new Edge(s.id(), x, EdgeKind.SUPPORT)));
            } else if (n instanceof Model.Defeater d) {
                if (d.argument() instanceof Model.Direct a) listed(d.id(), a, own);
                d.eliminatedBy().forEach(x -> own.add(new Edge(d.id(), x, EdgeKind.ELIMINATION)));
                String attacked = attacked(d, byId);
                attacks.computeIfAbsent(attacked, k -> new ArrayList<>()).add(new Edge(attacked, d.id(), EdgeKind.ATTACK));
            }
        }
        Map<String, List<Edge>> out = new HashMap<>();
        Set<String> all = new LinkedHashSet<>(support.keySet());
        all.addAll(attacks.keySet());
        for (String id : all) {
            List<Edge> edges = new ArrayList<>(support.getOrDefault(id, List.of()));
            edges.addAll(attacks.getOrDefault(id, List.of()));
            out.put(id, List.copyOf(edges));
        }
        return new ArgumentGraph(ids, kinds, out);
    }

    /** Support edges of a list: its conjunctive items in the order written, then the members of its choices. */
    private static void listed(String from, Model.Direct d, List<Edge> out) {
        d.conjunctive().forEach(x -> out.add(new Edge(from, x, EdgeKind.SUPPORT)));
        for (Model.Choice c : d.choices()) {
            for (String m : c.members()) {
                Edge e = new Edge(from, m, EdgeKind.CHOICE);
                if (!out.contains(e)) out.add(e);
            }
        }
    }

    /**
     * The node a defeater attacks: its target, or for {@code undercuts C -> X} where X is a defeater attacking C
     * (the challenge relation), X itself.
     */
    public static String attacked(Model.Defeater d, Map<String, Model.Node> nodes) {
        if (d.relation().isPresent() && nodes.get(d.relation().get()) instanceof Model.Defeater x
                && x.target().equals(d.target())) {
            return x.id();
        }
        return d.target();
    }

    /**
     * A graph given by its nodes in source order, their kinds and its edges (for results made without a model, as in
     * tests); each node's edges keep the order given, which should be its support, then the attacks on it.
     */
    public static ArgumentGraph of(List<String> nodes, Map<String, Model.Kind> kinds, List<Edge> edges) {
        Map<String, List<Edge>> out = new HashMap<>();
        for (Edge e : edges) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        out.replaceAll((k, v) -> List.copyOf(v));
        return new ArgumentGraph(nodes, kinds, out);
    }

    /** Every node of the graph (claims, strategies, evidence, defeaters and side nodes) in source order. */
    public List<String> nodes() {
        return nodes;
    }

    public Optional<Model.Kind> kind(String id) {
        return Optional.ofNullable(kinds.get(id));
    }

    /** What a node depends on: its support in the order written, then the defeaters attacking it. */
    public List<Edge> edges(String id) {
        return out.getOrDefault(id, List.of());
    }

    /** The targets of {@link #edges}, in the same order. */
    public List<String> children(String id) {
        return edges(id).stream().map(Edge::to).toList();
    }

    /** The children reached by one kind of edge. */
    public List<String> children(String id, EdgeKind kind) {
        return edges(id).stream().filter(e -> e.kind() == kind).map(Edge::to).toList();
    }

    /** The nodes that depend on this one, in source order of the edges that name it. */
    public List<String> parents(String id) {
        return parents.getOrDefault(id, List.of());
    }

    /** The defeaters attacking a node, in source order. */
    public List<String> attackers(String id) {
        return children(id, EdgeKind.ATTACK);
    }

    /** The side of every node (docs/language.md, section 9); a node no top claim reaches is PRO. */
    public Map<String, Side> sides() {
        Map<String, Side> known = sides;
        if (known == null) sides = known = Collections.unmodifiableMap(computeSides());
        return known;
    }

    private Map<String, Side> computeSides() {
        Set<String> pro = reach(true);
        Set<String> counter = reach(false);
        Map<String, Side> out = new LinkedHashMap<>();
        for (String n : nodes) out.put(n, pro.contains(n) || !counter.contains(n) ? Side.PRO : Side.COUNTER);
        return out;
    }

    /**
     * The nodes reached on one side: from the roots on their side (pro), or, for the counter side, every node
     * reached across an odd number of attack and elimination edges.
     */
    private Set<String> reach(boolean wantPro) {
        Set<String> seenPro = new HashSet<>();
        Set<String> seenCounter = new HashSet<>();
        Set<String> out = new LinkedHashSet<>();
        Deque<Map.Entry<String, Boolean>> todo = new ArrayDeque<>();
        for (String r : roots) todo.push(Map.entry(r, true));
        while (!todo.isEmpty()) {
            Map.Entry<String, Boolean> e = todo.pop();
            boolean pro = e.getValue();
            if (!(pro ? seenPro : seenCounter).add(e.getKey())) continue;
            if (pro == wantPro) out.add(e.getKey());
            for (Edge x : edges(e.getKey())) {
                boolean flips = x.kind() == EdgeKind.ATTACK || x.kind() == EdgeKind.ELIMINATION;
                boolean next = flips != pro;
                if (!(next ? seenPro : seenCounter).contains(x.to())) todo.push(Map.entry(x.to(), next));
            }
        }
        return out;
    }

    /** Claims that nothing supports or eliminates with: the top claims of the argument, in source order. */
    public List<String> roots() {
        return roots;
    }

    /** The node and everything it depends on, in depth-first pre-order (each once). */
    public List<String> closure(String id) {
        List<String> order = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(id);
        while (!stack.isEmpty()) {
            String n = stack.pop();
            if (!seen.add(n)) continue;
            order.add(n);
            List<String> kids = children(n);
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!seen.contains(kids.get(i))) stack.push(kids.get(i));
            }
        }
        return Collections.unmodifiableList(order);
    }

    /**
     * The nodes in an order where every node comes after everything it depends on (children
     * before parents), or empty when the graph has a cycle.
     */
    public Optional<List<String>> dependenciesFirst() {
        Optional<List<String>> known = dependenciesFirst;
        if (known == null) dependenciesFirst = known = computeDependenciesFirst();
        return known;
    }

    private Optional<List<String>> computeDependenciesFirst() {
        List<String> order = new ArrayList<>();
        if (!cycles().isEmpty()) return Optional.empty();
        Set<String> done = new HashSet<>();
        for (String start : nodes) {
            if (done.contains(start)) continue;
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(start, children(start)));
            done.add(start);
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                if (f.next < f.kids.size()) {
                    String k = f.kids.get(f.next++);
                    if (done.add(k)) stack.push(new Frame(k, children(k)));
                } else {
                    stack.pop();
                    order.add(f.node);
                }
            }
        }
        return Optional.of(List.copyOf(order));
    }

    /**
     * Every cycle that a depth-first search from each node in source order closes, once per set of
     * members that is not yet reported; each cycle lists its nodes from where the search entered it
     * and ends with the first node again.
     */
    public List<List<String>> cycles() {
        List<List<String>> known = cycles;
        if (known == null) {
            List<List<String>> found = new ArrayList<>();
            for (List<String> c : cycles(nodes, this::children)) found.add(List.copyOf(c));
            cycles = known = List.copyOf(found);
        }
        return known;
    }

    /** The same search over any graph of names (used for the claim-formula graph too). */
    public static List<List<String>> cycles(Iterable<String> starts, java.util.function.Function<String, List<String>> next) {
        List<List<String>> found = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String start : starts) {
            if (done.contains(start)) continue;
            Deque<Frame> stack = new ArrayDeque<>();
            List<String> path = new ArrayList<>();
            Set<String> onPath = new HashSet<>();
            stack.push(new Frame(start, next.apply(start)));
            path.add(start);
            onPath.add(start);
            while (!stack.isEmpty()) {
                Frame f = stack.peek();
                if (f.next < f.kids.size()) {
                    String k = f.kids.get(f.next++);
                    if (done.contains(k)) continue;
                    if (onPath.contains(k)) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(k), path.size()));
                        cycle.add(k);
                        if (reported.addAll(new HashSet<>(cycle))) found.add(List.copyOf(cycle));
                        continue;
                    }
                    stack.push(new Frame(k, next.apply(k)));
                    path.add(k);
                    onPath.add(k);
                } else {
                    stack.pop();
                    path.remove(path.size() - 1);
                    onPath.remove(f.node);
                    done.add(f.node);
                }
            }
        }
        return found;
    }

    private static final class Frame {
        final String node;
        final List<String> kids;
        int next;

        Frame(String node, List<String> kids) {
            this.node = node;
            this.kids = kids;
        }
    }
}
