package dev.safecase.judge;

import dev.safecase.num.Rational;
import dev.safecase.lower.ObligationId;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.model.Model;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the judge decided for one case: the final status of every obligation and node,
 * what each proof rests on, which claims are discharged, and the statistical bounds each claim
 * rests on. Maps keep the case's order (obligations, then nodes in source order).
 */
public record Judgement(Map<ObligationId, Judged> obligations, Map<String, Status> nodes, Map<String, ClaimJudgement> claims,
                        Map<String, AssumptionUse> assumptions, Map<String, List<EvidenceBound>> evidenceBounds,
                        boolean discharged, Map<Status, Integer> summary, List<ObligationId> open,
                        List<ObligationId> unproven, List<Alternatives> alternatives, Map<ObligationId, String> ungated,
                        Map<String, ArgumentGraph.Side> sides) {
    public Judgement {
        alternatives = List.copyOf(alternatives);
        ungated = frozen(ungated);
        sides = frozen(sides);
        obligations = frozen(obligations);
        nodes = frozen(nodes);
        claims = frozen(claims);
        assumptions = frozen(assumptions);
        evidenceBounds = frozen(evidenceBounds);
        summary = frozen(summary);
        open = List.copyOf(open);
        unproven = List.copyOf(unproven);
    }

    private static <K, V> Map<K, V> frozen(Map<K, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /**
     * One obligation's final status and why. {@code core} is shown only for a status other than
     * proved (a proof's core is reported as {@code usedAssumptions}); {@code counterexample} only
     * for a refutation, in the obligation's symbol order.
     */
    public record Judged(Status status, Optional<String> reason, List<String> usedAssumptions, List<String> core,
                         Map<String, String> counterexample, long millis) {
        public Judged {
            usedAssumptions = List.copyOf(usedAssumptions);
            core = List.copyOf(core);
            counterexample = Collections.unmodifiableMap(new LinkedHashMap<>(counterexample));
        }
    }

    /** A claim's status over its closure, whether it is a root and discharged, and what it rests on. */
    public record ClaimJudgement(Status status, boolean root, boolean discharged, List<String> restsOn,
                                 List<EvidenceBound> bounds, Rational jointConfidence) {
        public ClaimJudgement {
            restsOn = List.copyOf(restsOn);
            bounds = List.copyOf(bounds);
        }
    }

    /** The obligations an assumption is in scope of, and the proved ones whose proof used it. */
    public record AssumptionUse(List<ObligationId> inScopeOf, List<ObligationId> usedBy) {
        public AssumptionUse {
            inScopeOf = List.copyOf(inScopeOf);
            usedBy = List.copyOf(usedBy);
        }
    }

    /**
     * The routes of a node whose support list has choices: the choices as written, how the node stands by them (the
     * best route), and each route.
     */
    public record Alternatives(String node, List<String> choices, Status status, List<RouteJudgement> routes) {
        public Alternatives {
            choices = List.copyOf(choices);
            routes = List.copyOf(routes);
        }
    }

    /**
     * One route: its name ({@code a+c}), its picks, its status (its step and its picks), whether the node stands by
     * it, its step obligations, and the open obligations on it (its step's and those in its picks' closures).
     */
    public record RouteJudgement(String route, List<String> picks, Status status, boolean chosen,
                                 List<ObligationId> obligations, List<ObligationId> openProblems) {
        public RouteJudgement {
            picks = List.copyOf(picks);
            obligations = List.copyOf(obligations);
            openProblems = List.copyOf(openProblems);
        }
    }

    /** A statistical bound evaluated in a fact of evidence {@code evidence}, and its confidence. */
    public record EvidenceBound(String evidence, Model.Bound bound, Rational confidence) {}
}
