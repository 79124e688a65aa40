package dev.safecase.judge;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.graph.ArgumentGraph.Side;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which obligations the gate weighs (docs/language.md, sections 7 and 9). It leaves out two kinds,
 * each with the reason shown: the obligations of a counter-argument (its verdict is carried by the
 * defeater it supports), and those that a discharged route makes unnecessary: the other routes of
 * the same list, and what only they lead to.
 */
final class Gating {
    private final Map<ObligationId, String> left = new LinkedHashMap<>();

    Gating(ArgumentGraph graph, Map<String, Model.Node> nodes, List<Obligation> obligations, Standings standings,
           boolean strict) {
        Set<String> reach = reach(graph, nodes, Optional.empty(), strict);
        Set<String> live = reach(graph, nodes, Optional.of(standings), strict);
        for (Obligation o : obligations) {
            String node = o.node();
            if (o.kind() == Obligation.Kind.CONSISTENCY) continue;
            if (o.kind() != Obligation.Kind.DEFEATER && standings.side(node) == Side.COUNTER) {
                left.put(o.id(), "part of a counter-argument: the defeater it supports carries its verdict");
            } else if (reach.contains(node) && !live.contains(node)) {
                left.put(o.id(), "superseded: it lies only on routes that a discharged route makes unnecessary");
            } else if (o.id().route().isPresent()) {
                Optional<Standings.RouteStanding> chosen = standings.chosen(node).filter(r -> Gate.discharges(r.status(), strict));
                if (chosen.isPresent() && !chosen.get().route().name().equals(o.id().route().get())) {
                    left.put(o.id(), "superseded: " + node + " stands by route " + chosen.get().route().name());
                }
            }
        }
    }

    private static boolean isChoiceMember(ArgumentGraph graph, String n, String x) {
        return graph.edges(n).stream().anyMatch(e -> e.kind() == ArgumentGraph.EdgeKind.CHOICE && e.to().equals(x));
    }

    /** The obligations the gate leaves out, each with why. */
    Map<ObligationId, String> left() {
        return left;
    }

    /**
     * The nodes reached from the roots; with {@code standings}, a node with a discharged route leads only to that
     * route's members among its choices.
     */
    private static Set<String> reach(ArgumentGraph graph, Map<String, Model.Node> nodes, Optional<Standings> standings,
                                     boolean strict) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(graph.roots());
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!seen.add(n)) continue;
            Optional<Model.Route> chosen = standings.flatMap(s -> s.chosen(n)).filter(r -> Gate.discharges(r.status(), strict))
                    .map(Standings.RouteStanding::route);
            for (ArgumentGraph.Edge e : graph.edges(n)) {
                if (e.kind() == ArgumentGraph.EdgeKind.CHOICE && chosen.isPresent() && !chosen.get().picks().contains(e.to())) {
                    continue;
                }
                // a defeater of one route's relation (`undercuts C -> X`) matters only while that route does
                if (e.kind() == ArgumentGraph.EdgeKind.ATTACK && chosen.isPresent() && nodes.get(e.to()) instanceof Model.Defeater d
                        && d.target().equals(n) && d.relation().isPresent() && isChoiceMember(graph, n, d.relation().get())
                        && !chosen.get().picks().contains(d.relation().get())) {
                    continue;
                }
                todo.push(e.to());
            }
        }
        return seen;
    }
}
