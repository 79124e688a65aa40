package dev.safecase.report;

import dev.safecase.result.Results.AssumptionResult;
import dev.safecase.result.Results.CaseResult;
import dev.safecase.result.Results.ClaimResult;
import dev.safecase.result.Results.DefeaterResult;
import dev.safecase.result.Results.EvidenceResult;
import dev.safecase.result.Results.ObligationResult;
import dev.safecase.result.Results.StrategyResult;
import dev.safecase.result.Results.TextResult;
import dev.safecase.judge.Status;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The argument of one case as a graph of node IDs, read from its results for drawing and grouping: claims,
 * strategies, evidence and defeaters joined by supported-by, eliminated-by and attack edges, and the side nodes
 * (contexts, justifications, assumptions) that claims and strategies name.
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
    private final Map<String, List<String>> parents = new LinkedHashMap<>();

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
        for (String id : allNodes()) {
            for (String child : children(id)) {
                List<String> ps = parents.computeIfAbsent(child, k -> new ArrayList<>());
                if (!ps.contains(id)) ps.add(id);
            }
        }
    }

    /** Claims, strategies, evidence and defeaters: the nodes of the support and attack graph, in source order. */
    List<String> allNodes() {
        List<String> all = new ArrayList<>();
        for (ClaimResult cl : claims.values()) {
            all.add(cl.id());
            for (String s : cl.supportedBy()) {
                if (strategies.containsKey(s) && !all.contains(s)) all.add(s);
            }
        }
        for (String s : strategies.keySet()) {
            if (!all.contains(s)) all.add(s);
        }
        all.addAll(evidence.keySet());
        all.addAll(defeaters.keySet());
        return all;
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

    /** What supports a node: a claim's list, a strategy's subclaims, a defeater's eliminating claims. */
    List<String> supports(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).supportedBy();
            case STRATEGY -> strategies.get(id).subclaims();
            case DEFEATER -> defeaters.get(id).eliminatedBy();
            default -> List.of();
        };
    }

    /** Defeaters attacking a node, in source order. */
    List<String> attackers(String id) {
        return defeaters.values().stream().filter(d -> d.target().equals(id)).map(DefeaterResult::id).toList();
    }

    /** Supports first, then attackers: the node's children in the tree and the diagram. */
    List<String> children(String id) {
        List<String> out = new ArrayList<>(supports(id));
        out.addAll(attackers(id));
        return out;
    }

    List<String> parents(String id) {
        return parents.getOrDefault(id, List.of());
    }

    /** Roots as the results mark them; if none is marked, claims without parents. */
    List<String> roots() {
        List<String> marked = claims.values().stream().filter(ClaimResult::root).map(ClaimResult::id).toList();
        if (!marked.isEmpty()) return marked;
        return claims.keySet().stream().filter(id -> parents(id).isEmpty()).toList();
    }

    /** Every node a root's status depends on, in depth-first source order. */
    Set<String> closure(String root) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            String n = stack.pop();
            if (!seen.add(n)) continue;
            List<String> kids = children(n);
            for (int i = kids.size() - 1; i >= 0; i--) stack.push(kids.get(i));
        }
        return seen;
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
        if (o.kind().equals("support") && kind(o.node()) == Kind.CLAIM) {
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
            case CLAIM -> {
                ClaimResult c = claims.get(id);
                out.addAll(c.context());
                out.addAll(c.justifiedBy());
                out.addAll(c.assuming());
            }
            case STRATEGY -> {
                StrategyResult s = strategies.get(id);
                out.addAll(s.context());
                out.addAll(s.justifiedBy());
                out.addAll(s.assuming());
            }
            default -> { }
        }
        return out;
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
            case CLAIM -> claims.get(node).owner();
            case STRATEGY -> strategies.get(node).owner();
            case DEFEATER -> defeaters.get(node).owner();
            default -> Optional.empty();
        };
    }

    /** GSN's undeveloped diamond: as the results mark it. */
    boolean undeveloped(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).undeveloped();
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
