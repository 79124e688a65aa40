package dev.safecase.judge;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.graph.ArgumentGraph.Side;
import dev.safecase.lower.Obligation;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How every node stands over its closure (docs/language.md, sections 7 and 9), each after what it
 * depends on: the worst of its own obligations, its support, the best of its routes when its
 * support has choices, and what its attackers do to it. A defeater's status is its own obligation's
 * as the dialectic rules of {@link Dialectic} decide it.
 */
final class Standings {
    /** One route of a support list with choices: its name, its picks, and how it stands. */
    record RouteStanding(Model.Route route, Status status) {}

    private final Map<String, Status> status = new HashMap<>();
    private final Map<String, List<RouteStanding>> routes = new LinkedHashMap<>();
    private final Map<String, Optional<String>> reasons = new HashMap<>();
    private final ArgumentGraph graph;
    private final Map<String, Model.Node> nodes;
    private final Map<String, List<Obligation>> own;
    private final ObligationRules rules;
    private final Map<String, Side> sides;

    /**
     * @param order the graph's nodes, each after everything it depends on
     * @param own each node's own obligations (route obligations included), in obligation order
     */
    Standings(ArgumentGraph graph, List<String> order, Map<String, Model.Node> nodes, Map<String, List<Obligation>> own,
              ObligationRules rules) {
        this.graph = graph;
        this.nodes = nodes;
        this.own = own;
        this.rules = rules;
        this.sides = graph.sides();
        Dialectic dialectic = new Dialectic(this, nodes, sides, graph);
        for (String id : order) {
            Model.Node n = nodes.get(id);
            if (n instanceof Model.Defeater d) {
                Dialectic.Decided decided = dialectic.decide(d, rules.rule(defeaterObligation(d), this::of));
                status.put(id, decided.status());
                reasons.put(id, decided.reason());
            } else {
                status.put(id, node(id, n));
            }
        }
    }

    /** A node's status; a node not yet reached (only on a cycle the checker missed) counts as proved. */
    Status of(String id) {
        return status.getOrDefault(id, Status.PROVED);
    }

    /** The reason the dialectic rules give a defeater's obligation, when they decide it. */
    Optional<String> defeaterReason(String id) {
        return reasons.getOrDefault(id, Optional.empty());
    }

    /** The routes of a node whose support has choices, in order, each with its status. */
    List<RouteStanding> routes(String id) {
        return routes.getOrDefault(id, List.of());
    }

    /** The route a node stands by: the best of its routes (the first of the best), if it has routes. */
    Optional<RouteStanding> chosen(String id) {
        RouteStanding best = null;
        for (RouteStanding r : routes(id)) if (best == null || r.status().compareTo(best.status()) < 0) best = r;
        return Optional.ofNullable(best);
    }

    Side side(String id) {
        return sides.getOrDefault(id, Side.PRO);
    }

    private Obligation defeaterObligation(Model.Defeater d) {
        return own.getOrDefault(d.id(), List.of()).stream().filter(o -> o.kind() == Obligation.Kind.DEFEATER).findFirst()
                .orElseThrow();
    }

    /** A claim, strategy or evidence item: its own obligations, its support, and its attackers. */
    private Status node(String id, Model.Node n) {
        Status s = Status.PROVED;
        for (Obligation o : own.getOrDefault(id, List.of())) {
            if (o.id().route().isEmpty()) s = Status.worst(s, rules.rule(o, this::of).status());
        }
        Model.Support support = n instanceof Model.Claim c ? c.support() : new Model.Unsupported();
        s = Status.worst(s, support(id, support));
        if (n instanceof Model.Strategy st) for (String c : st.subclaims()) s = Status.worst(s, of(c));
        for (String a : graph.attackers(id)) {
            if (!routeOnly(id, support, a)) s = Status.worst(s, effect(a, id));
        }
        return s;
    }

    /**
     * What a support list gives the node that has it: the worst of its conjunctive items (or its lone strategy) and,
     * when it has choices, the best of its routes. A defeater's argument is judged the same way.
     */
    Status support(String id, Model.Support support) {
        Status s = Status.PROVED;
        if (support instanceof Model.ByStrategy b) s = of(b.strategy());
        if (!(support instanceof Model.Direct d)) return s;
        for (String x : d.conjunctive()) s = Status.worst(s, of(x));
        if (!d.hasChoices()) return s;
        List<RouteStanding> rs = new ArrayList<>();
        Status best = Status.INVALID;
        for (Model.Route r : d.routes()) {
            Status rst = Status.PROVED;
            for (Obligation o : own.getOrDefault(id, List.of())) {
                if (o.id().route().equals(Optional.of(r.name()))) rst = Status.worst(rst, rules.rule(o, this::of).status());
            }
            for (String p : r.picks()) if (!d.conjunctive().contains(p)) rst = Status.worst(rst, of(p));
            for (String a : graph.attackers(id)) {
                if (routeOnly(id, d, a) && r.picks().contains(((Model.Defeater) nodes.get(a)).relation().orElseThrow())) {
                    rst = Status.worst(rst, effect(a, id));
                }
            }
            rs.add(new RouteStanding(r, rst));
            if (rst.compareTo(best) < 0) best = rst;
        }
        routes.put(id, List.copyOf(rs));
        return Status.worst(s, best);
    }

    /** How a defeater's own argument stands: its support list and, for a formal defeater, its step to its formula. */
    Status argument(Model.Defeater d) {
        Status s = support(d.id(), d.argument());
        for (Obligation o : own.getOrDefault(d.id(), List.of())) {
            if (o.kind() == Obligation.Kind.INFERENCE && o.id().route().isEmpty()) s = Status.worst(s, rules.rule(o, this::of).status());
        }
        return s;
    }

    /** Whether an attacker undercuts only the routes through one choice member ({@code undercuts C -> X}). */
    private boolean routeOnly(String id, Model.Support support, String attacker) {
        if (!(support instanceof Model.Direct d) || !d.hasChoices()) return false;
        if (!(nodes.get(attacker) instanceof Model.Defeater a) || a.relation().isEmpty() || !a.target().equals(id)) return false;
        String x = a.relation().get();
        return !d.conjunctive().contains(x) && d.all().contains(x);
    }

    /**
     * What an attacker does to a node. Against the case (the node is PRO) a defeater's status says how safe the node
     * is from it. Against a counter-argument the attacker is a challenge whose status says whether it is
     * established: an established challenge defeats the node (refuted), a pending one leaves it pending, a failed
     * one does nothing.
     */
    Status effect(String attacker, String target) {
        Status a = of(attacker);
        if (side(target) == Side.PRO) return a;
        return switch (a) {
            case PROVED, ASSERTED -> Status.REFUTED;
            case OPEN, UNKNOWN -> a;
            case REFUTED, VACUOUS, INVALID -> Status.PROVED;
        };
    }

    /** Applies a function to every node's status (for tests and results). */
    Map<String, Status> all(Function<String, Status> f) {
        Map<String, Status> out = new LinkedHashMap<>();
        for (String id : graph.nodes()) out.put(id, f.apply(id));
        return out;
    }
}
