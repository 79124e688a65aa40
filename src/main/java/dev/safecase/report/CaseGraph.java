package dev.safecase.report;

import dev.safecase.Results.AssumptionResult;
import dev.safecase.Results.CaseResult;
import dev.safecase.Results.ClaimResult;
import dev.safecase.Results.DefeaterResult;
import dev.safecase.Results.EvidenceResult;
import dev.safecase.Results.ObligationResult;
import dev.safecase.Results.Premise;
import dev.safecase.prove.Status;
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
 * The argument of one case as a graph of node IDs, read from its results for drawing and grouping.
 * Strategies are not listed in the results: a strategy is an ID named in a {@code supported by} that is neither a
 * claim nor evidence, and its subclaims are the claim IDs among its inference obligation's premises.
 */
final class CaseGraph {
    enum Kind { CLAIM, STRATEGY, EVIDENCE, DEFEATER, ASSUMPTION, UNKNOWN }

    final CaseResult result;
    final Map<String, ClaimResult> claims = new LinkedHashMap<>();
    final Map<String, EvidenceResult> evidence = new LinkedHashMap<>();
    final Map<String, DefeaterResult> defeaters = new LinkedHashMap<>();
    final Map<String, AssumptionResult> assumptions = new LinkedHashMap<>();
    final Map<String, List<String>> strategies = new LinkedHashMap<>();
    private final Map<String, String> strategyParent = new LinkedHashMap<>();
    private final Map<String, List<ObligationResult>> obligationsByNode = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new LinkedHashMap<>();

    CaseGraph(CaseResult c) {
        this.result = c;
        c.claims().forEach(x -> claims.put(x.id(), x));
        c.evidence().forEach(x -> evidence.put(x.id(), x));
        c.defeaters().forEach(x -> defeaters.put(x.id(), x));
        c.assumptions().forEach(x -> assumptions.put(x.id(), x));
        for (ObligationResult o : c.obligations()) {
            obligationsByNode.computeIfAbsent(o.node(), k -> new ArrayList<>()).add(o);
        }
        for (ClaimResult cl : c.claims()) {
            for (String s : cl.supportedBy()) {
                if (!claims.containsKey(s) && !evidence.containsKey(s) && !defeaters.containsKey(s)
                        && !assumptions.containsKey(s) && !strategies.containsKey(s)) {
                    strategies.put(s, subclaimsOf(s));
                    strategyParent.put(s, cl.id());
                }
            }
        }
        for (String id : allNodes()) {
            for (String child : children(id)) {
                parents.computeIfAbsent(child, k -> new ArrayList<>()).add(id);
            }
        }
    }

    private List<String> subclaimsOf(String strategy) {
        Set<String> subs = new LinkedHashSet<>();
        for (ObligationResult o : obligationsOf(strategy)) {
            if (!o.kind().equals("inference")) continue;
            for (Premise p : o.premises()) {
                if (claims.containsKey(p.name())) subs.add(p.name());
            }
            for (String n : o.core()) {
                if (claims.containsKey(n)) subs.add(n);
            }
        }
        return List.copyOf(subs);
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
        return Kind.UNKNOWN;
    }

    List<ObligationResult> obligationsOf(String node) {
        return obligationsByNode.getOrDefault(node, List.of());
    }

    /**
     * The status shown for a node. Claims, evidence and defeaters carry theirs; a strategy (absent from the results)
     * shows the worst of its own obligations, for display only.
     */
    Optional<Status> status(String id) {
        return switch (kind(id)) {
            case CLAIM -> Optional.of(claims.get(id).status());
            case EVIDENCE -> Optional.of(evidence.get(id).status());
            case DEFEATER -> Optional.of(defeaters.get(id).status());
            case STRATEGY -> obligationsOf(id).stream().map(ObligationResult::status).reduce(Status::worst);
            default -> Optional.empty();
        };
    }

    /** What supports a node: a claim's list, a strategy's subclaims, a defeater's eliminating claims. */
    List<String> supports(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).supportedBy();
            case STRATEGY -> strategies.get(id);
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

    /** A strategy's parent claim. */
    Optional<String> strategyParent(String strategy) {
        return Optional.ofNullable(strategyParent.get(strategy));
    }

    /**
     * The claim an obligation holds back: its own claim; a strategy's parent; a defeater's target (or the claim that
     * target serves); for evidence, the first claim that lists it. Empty for case-wide obligations (consistency).
     */
    Optional<String> blockedClaim(ObligationResult o) {
        return claimServedBy(o.node(), 0);
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

    /**
     * Where an assumption is drawn: the highest nodes whose obligations have it in scope (no parent of theirs has it
     * too), i.e. where it is named in {@code assuming}, as far as the results show.
     */
    List<String> anchors(AssumptionResult a) {
        Set<String> scope = new LinkedHashSet<>();
        for (ObligationResult o : result.obligations()) {
            if (a.inScopeOf().contains(o.id()) && kind(o.node()) != Kind.UNKNOWN) scope.add(o.node());
        }
        for (String u : a.usedBy()) {
            for (ObligationResult o : result.obligations()) {
                if (o.id().equals(u) && kind(o.node()) != Kind.UNKNOWN) scope.add(o.node());
            }
        }
        List<String> top = new ArrayList<>();
        for (String n : scope) {
            if (parents(n).stream().noneMatch(scope::contains)) top.add(n);
        }
        return top;
    }

    /** The owner shown for an obligation: its own, else its node's. */
    Optional<String> owner(ObligationResult o) {
        if (o.owner().isPresent()) return o.owner();
        return switch (kind(o.node())) {
            case CLAIM -> claims.get(o.node()).owner();
            case DEFEATER -> defeaters.get(o.node()).owner();
            default -> Optional.empty();
        };
    }

    /** A claim without support that is not a leaf accepted by review: GSN's undeveloped diamond. */
    boolean undeveloped(String id) {
        return switch (kind(id)) {
            case CLAIM -> claims.get(id).supportedBy().isEmpty() && claims.get(id).asserted().isEmpty();
            case STRATEGY -> strategies.get(id).isEmpty();
            default -> false;
        };
    }
}
