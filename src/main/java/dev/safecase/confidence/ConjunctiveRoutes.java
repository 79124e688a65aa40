package dev.safecase.confidence;

import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The routes of today's conjunctive support lists: one per supported claim, through its strategy or its direct list. */
public final class ConjunctiveRoutes implements Routes {
    private final Map<String, List<Route>> routes = new HashMap<>();

    public ConjunctiveRoutes(Model.Case model) {
        Map<String, Model.Strategy> strategies = new HashMap<>();
        for (Model.Strategy s : model.all(Model.Strategy.class)) strategies.put(s.id(), s);
        for (Model.Claim c : model.all(Model.Claim.class)) {
            if (c.support() instanceof Model.ByStrategy b && strategies.containsKey(b.strategy())) {
                Model.Strategy s = strategies.get(b.strategy());
                ObligationId step = ObligationId.of(Obligation.Kind.INFERENCE, s.id());
                routes.put(c.id(), List.of(new Route(s.id(), s.id(), step,
                        List.of(ObligationId.of(Obligation.Kind.SUPPORT, s.id()), step), s.subclaims())));
            } else if (c.support() instanceof Model.Direct d) {
                ObligationId step = ObligationId.of(d.claims().isEmpty() ? Obligation.Kind.EVIDENCE : Obligation.Kind.INFERENCE,
                        c.id());
                List<String> members = new ArrayList<>(d.claims());
                members.addAll(d.evidence());
                routes.put(c.id(), List.of(new Route(c.id(), c.id(), step, List.of(step), members)));
            }
        }
    }

    @Override
    public List<Route> routes(String claim) {
        return routes.getOrDefault(claim, List.of());
    }
}
