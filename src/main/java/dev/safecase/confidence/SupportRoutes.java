package dev.safecase.confidence;

import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The routes of each claim's support list: one through a lone strategy or a list without choices, one per route of a
 * list with choices ({@code any of}, {@code M of}); strategies in a mixed list pool their subclaims into the claim's step.
 */
public final class SupportRoutes implements Routes {
    private final Map<String, List<Route>> routes = new HashMap<>();
    private final Set<String> evidence = new HashSet<>();

    public SupportRoutes(Model.Case model) {
        Map<String, Model.Strategy> strategies = new HashMap<>();
        for (Model.Strategy s : model.all(Model.Strategy.class)) strategies.put(s.id(), s);
        for (Model.Evidence e : model.all(Model.Evidence.class)) evidence.add(e.id());
        for (Model.Claim c : model.all(Model.Claim.class)) {
            if (c.support() instanceof Model.ByStrategy b && strategies.containsKey(b.strategy())) {
                Model.Strategy s = strategies.get(b.strategy());
                ObligationId step = ObligationId.of(Obligation.Kind.INFERENCE, s.id());
                routes.put(c.id(), List.of(new Route(s.id(), s.id(), step,
                        List.of(ObligationId.of(Obligation.Kind.SUPPORT, s.id()), step), s.subclaims())));
            } else if (c.support() instanceof Model.Direct d) {
                if (!d.hasChoices()) {
                    routes.put(c.id(), List.of(route(c.id(), c.id(), Optional.empty(), d.conjunctive(), strategies)));
                    continue;
                }
                List<Route> each = new ArrayList<>();
                for (Model.Route r : d.routes()) {
                    List<String> items = new ArrayList<>(d.conjunctive());
                    for (String x : r.picks()) if (!items.contains(x)) items.add(x);
                    each.add(route(r.name(), c.id(), Optional.of(r.name()), items, strategies));
                }
                routes.put(c.id(), List.copyOf(each));
            }
        }
    }

    /**
     * The route of one set of items of a claim's own step ({@code inference:C}, {@code evidence:C} or their route
     * variants): listed strategies pool their subclaims into it and must be supported themselves.
     */
    private Route route(String name, String claim, Optional<String> routeName, List<String> items,
                               Map<String, Model.Strategy> strategies) {
        boolean evidenceOnly = true;
        List<String> members = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        List<ObligationId> gates = new ArrayList<>();
        for (String x : items) {
            Model.Strategy s = strategies.get(x);
            if (s != null) {
                evidenceOnly = false;
                pooled.add(s.id());
                gates.add(ObligationId.of(Obligation.Kind.SUPPORT, s.id()));
                for (String sub : s.subclaims()) if (!members.contains(sub)) members.add(sub);
            } else {
                if (!evidence.contains(x)) evidenceOnly = false;
                if (!members.contains(x)) members.add(x);
            }
        }
        Obligation.Kind kind = evidenceOnly ? Obligation.Kind.EVIDENCE : Obligation.Kind.INFERENCE;
        ObligationId step = routeName.map(r -> ObligationId.of(kind, claim, r)).orElse(ObligationId.of(kind, claim));
        gates.add(0, step);
        return new Route(name, claim, step, gates, members, pooled);
    }

    @Override
    public List<Route> routes(String claim) {
        return routes.getOrDefault(claim, List.of());
    }
}
