package dev.safecase.report;

import dev.safecase.result.AssumptionResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.NodeInfo;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import dev.safecase.judge.Status;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.lower.Obligation;
import dev.safecase.result.Clauses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The argument of one case for drawing and grouping: the case's {@link ArgumentGraph} (claims, strategies, evidence
 * and defeaters joined by supported-by, eliminated-by and attack edges) with each node's result, and the side nodes
 * (contexts, justifications, assumptions) that claims and strategies name. Nodes are listed in display order: each
 * claim followed by the strategy it is supported by, then the other strategies, evidence and defeaters.
 */
final class CaseGraph {
    enum Kind { CLAIM, STRATEGY, EVIDENCE, DEFEATER, ASSUMPTION, CONTEXT, JUSTIFICATION, UNKNOWN }

    final CaseResult result;
    final Map<String, ClaimResult> claims = new LinkedHashMap<>();
    final Map<String, StrategyResult> strategies = new LinkedHashMap<>();
    final Map<String, EvidenceResult> evidence = new LinkedHashMap<>();
    final Map<String, DefeaterResult> defeaters = new LinkedHashMap<>();
    final Map<String, AssumptionResult> assumptions = new LinkedHashMap<>();
    final Map<String, TextResult> texts = new LinkedHashMap<>();
    private final Map<String, List<ObligationResult>> obligationsByNode = new LinkedHashMap<>();
    private final ArgumentGraph graph;
    private final List<String> allNodes;
    private final Map<String, Integer> display = new HashMap<>();

    CaseGraph(CaseResult c) {
        this.result = c;
        c.claims().forEach(x -> claims.put(x.id(), x));
        c.strategies().forEach(x -> strategies.put(x.id(), x));
        c.evidence().forEach(x -> evidence.put(x.id(), x));
        c.defeaters().forEach(x -> defeaters.put(x.id(), x));
        c.assumptions().forEach(x -> assumptions.put(x.id(), x));
        c.texts().forEach(x -> texts.put(x.id(), x));
        for (ObligationResult o : c.obligations()) {
            obligationsByNode.computeIfAbsent(o.node(), k -> new ArrayList<>()).add(o);
        }
        this.graph = c.graph();
        this.allNodes = List.copyOf(displayOrder());
        for (String id : allNodes) display.putIfAbsent(id, display.size());
    }

    /** Claims, strategies, evidence and defeaters: the nodes of the support and attack graph, in display order. */
    List<String> allNodes() {
        return allNodes;
    }

    private List<String> displayOrder() {
        Set<String> all = new LinkedHashSet<>();
        for (ClaimResult cl : claims.values()) {
            all.add(cl.id());
            for (String s : cl.support().supportedBy()) {
                if (strategies.containsKey(s)) all.add(s);
            }
        }
        all.addAll(strategies.keySet());
        all.addAll(evidence.keySet());
        all.addAll(defeaters.keySet());
        return new ArrayList<>(all);
    }

    /** The module a node belongs to, for a node of an imported module. */
    Optional<NodeInfo.ModuleRef> module(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).node().module();
            case STRATEGY -> strategies.get(id).node().module();
            case EVIDENCE -> evidence.get(id).node().module();
            case DEFEATER -> defeaters.get(id).node().module();
            case ASSUMPTION -> assumptions.get(id).node().module();
            case CONTEXT, JUSTIFICATION -> texts.get(id).node().module();
            default -> Optional.empty();
        };
    }

    /** A node of an imported module that the case names: an away goal (for a claim), solution, context… */
    boolean away(String id) {
        return module(id).map(NodeInfo.ModuleRef::away).orElse(false);
    }

    /** A node of a module's own argument that the case does not name: drawn in the module, not in the case. */
    boolean inner(String id) {
        return module(id).map(m -> !m.away()).orElse(false);
    }

    Kind kind(String id) {
        if (claims.containsKey(id)) return Kind.CLAIM;
        if (strategies.containsKey(id)) return Kind.STRATEGY;
        if (evidence.containsKey(id)) return Kind.EVIDENCE;
        if (defeaters.containsKey(id)) return Kind.DEFEATER;
        if (assumptions.containsKey(id)) return Kind.ASSUMPTION;
        if (texts.containsKey(id)) {
            return "justification".equals(texts.get(id).kind()) ? Kind.JUSTIFICATION : Kind.CONTEXT;
        }
        return Kind.UNKNOWN;
    }

    List<ObligationResult> obligationsOf(String node) {
        return obligationsByNode.getOrDefault(node, List.of());
    }

    /** The status shown for a node, as the results give it; side nodes have none. */
    Optional<Status> status(String id) {
        return switch (kind(id)) {
            case CLAIM -> Optional.of(claims.get(id).status());
            case STRATEGY -> Optional.of(strategies.get(id).status());
            case EVIDENCE -> Optional.of(evidence.get(id).status());
            case DEFEATER -> Optional.of(defeaters.get(id).status());
            default -> Optional.empty();
        };
    }

    /** Defeaters attacking a node, in source order. */
    List<String> attackers(String id) {
        return graph.attackers(id);
    }

    /** The node's edges: support (or elimination, for a defeater) in the order written, then attacks. */
    List<ArgumentGraph.Edge> edges(String id) {
        return graph.edges(id);
    }

    /** Supports first (a claim's list, a strategy's subclaims, a defeater's eliminating claims), then attackers. */
    List<String> children(String id) {
        return graph.children(id);
    }

    /** The nodes that depend on this one, in display order. */
    List<String> parents(String id) {
        List<String> ps = new ArrayList<>(graph.parents(id));
        ps.sort(Comparator.comparingInt(p -> display.getOrDefault(p, Integer.MAX_VALUE)));
        return ps;
    }

    /** Roots as the results mark them; if none is marked, claims without parents. */
    List<String> roots() {
        List<String> marked = claims.values().stream().filter(ClaimResult::root).map(ClaimResult::id).toList();
        if (!marked.isEmpty()) return marked;
        return claims.keySet().stream().filter(id -> parents(id).isEmpty()).toList();
    }

    /** Every node a root's status depends on, in depth-first source order. */
    List<String> closure(String root) {
        return graph.closure(root);
    }

    /**
     * Every node's position in the claim tree read top-down: depth first from the roots in source order, then from
     * nodes without parents, then the rest (a node reached twice keeps its first position).
     */
    Map<String, Integer> treeOrder() {
        Map<String, Integer> order = new LinkedHashMap<>();
        List<String> starts = new ArrayList<>(roots());
        allNodes().stream().filter(id -> parents(id).isEmpty()).forEach(starts::add);
        starts.addAll(allNodes());
        for (String start : starts) {
            Deque<String> stack = new ArrayDeque<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                String n = stack.pop();
                if (order.containsKey(n)) continue;
                order.put(n, order.size());
                List<String> kids = children(n);
                for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
            }
        }
        return order;
    }

    /** A strategy's parent claim: the first claim supported by it. */
    Optional<String> strategyParent(String strategy) {
        return parents(strategy).stream().filter(claims::containsKey).findFirst();
    }

    /**
     * The claim an obligation holds back: its own claim; a strategy's parent; a defeater's target (or the claim that
     * target serves); for evidence, the first claim that lists it. Empty for case-wide obligations (consistency).
     */
    Optional<String> blockedClaim(ObligationResult o) {
        return claimServedBy(o.node(), 0);
    }

    /**
     * The claim an open problem blocks, for grouping the research agenda: for the support obligation of a claim
     * that nothing supports yet (undeveloped or unsupported), the claim it was meant to serve (its parent claim, the
     * parent of its strategy, or the target of the defeater it should eliminate); otherwise {@link #blockedClaim}.
     * A root that nothing supports blocks itself.
     */
    Optional<String> problemClaim(ObligationResult o) {
        if (o.id().kind() == Obligation.Kind.SUPPORT && kind(o.node()) == Kind.CLAIM) {
            for (String p : parents(o.node())) {
                Optional<String> c = claimServedBy(p, 0);
                if (c.isPresent() && !c.get().equals(o.node())) return c;
            }
        }
        return blockedClaim(o);
    }

    private Optional<String> claimServedBy(String node, int depth) {
        if (depth > 8) return Optional.empty();
        return switch (kind(node)) {
            case CLAIM -> Optional.of(node);
            case STRATEGY -> strategyParent(node);
            case DEFEATER -> claimServedBy(defeaters.get(node).target(), depth + 1);
            case EVIDENCE -> parents(node).stream().filter(claims::containsKey).findFirst();
            default -> Optional.empty();
        };
    }

    /** From a claim up to a root along first parents: the claims it serves, nearest first (without itself). */
    List<String> claimsAbove(String claim) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(claim);
        String at = claim;
        while (true) {
            Optional<String> up = Optional.empty();
            for (String p : parents(at)) {
                up = claimServedBy(p, 0).filter(c -> !seen.contains(c));
                if (up.isPresent()) break;
            }
            if (up.isEmpty()) return out;
            at = up.get();
            seen.add(at);
            out.add(at);
        }
    }

    /** The contexts, justifications and assumptions a claim or strategy names, in that order. */
    List<String> sideNodes(String id) {
        List<String> out = new ArrayList<>();
        switch (kind(id)) {
            case CLAIM -> sides(out, claims.get(id).clauses());
            case STRATEGY -> sides(out, strategies.get(id).clauses());
            default -> { }
        }
        return out;
    }

    private static void sides(List<String> out, Clauses c) {
        out.addAll(c.context());
        out.addAll(c.justifiedBy());
        out.addAll(c.assuming());
    }

    /** Claims and strategies that name a side node (context, justification or assumption), in source order. */
    List<String> namedBy(String side) {
        List<String> out = new ArrayList<>();
        for (String id : allNodes()) {
            if (sideNodes(id).contains(side)) out.add(id);
        }
        return out;
    }

    /** The owner shown for an obligation: its own, else its node's. */
    Optional<String> owner(ObligationResult o) {
        if (o.owner().isPresent()) return o.owner();
        return owner(o.node());
    }

    Optional<String> owner(String node) {
        return switch (kind(node)) {
            case CLAIM -> claims.get(node).provenance().owner();
            case STRATEGY -> strategies.get(node).provenance().owner();
            case DEFEATER -> defeaters.get(node).owner();
            default -> Optional.empty();
        };
    }

    /** GSN's undeveloped diamond: as the results mark it. */
    boolean undeveloped(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).support().undeveloped();
            case STRATEGY -> strategies.get(id).undeveloped();
            default -> false;
        };
    }

    /** The text of any node ("" for a node without one). */
    String text(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).text();
            case STRATEGY -> strategies.get(id).text();
            case EVIDENCE -> evidence.get(id).text();
            case DEFEATER -> defeaters.get(id).text();
            case ASSUMPTION -> assumptions.get(id).text();
            case CONTEXT, JUSTIFICATION -> texts.get(id).text();
            default -> "";
        };
    }
}
