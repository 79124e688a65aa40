package dev.safecase.confidence;

import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.lower.EvidenceState;
import dev.safecase.model.Model;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sound upper bounds on the probability that each claim of a judged case is false (docs/confidence.md): through a
 * proved step, the sum of the doubts of the premises in its unsat core (Boole's inequality, no independence assumed);
 * through alternatives, the least over the routes; unbounded when a claim rests on anything open, refuted, unknown,
 * invalid or without a stated doubt.
 */
public final class Confidence {
    private Confidence() {
    }

    /** The bound of every claim, in source order, the roots, and the agenda when it was asked for. */
    public record CaseConfidence(Map<String, Bound> claims, List<String> roots, Optional<Agenda> agenda) {
        public CaseConfidence {
            claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(claims));
            roots = List.copyOf(roots);
        }

        public CaseConfidence(Map<String, Bound> claims, List<String> roots) {
            this(claims, roots, Optional.empty());
        }

        public CaseConfidence withAgenda(Agenda a) {
            return new CaseConfidence(claims, roots, Optional.of(a));
        }

        public Bound of(String claim) {
            Bound b = claims.get(claim);
            return b != null ? b : new Bound.Unbounded("no bound was computed for " + claim);
        }
    }

    /** The routes the support lists give ({@link SupportRoutes}). */
    public static CaseConfidence of(Judge.Input in, Judgement j) {
        return of(in, j, new SupportRoutes(in.model()));
    }

    public static CaseConfidence of(Judge.Input in, Judgement j, Routes routes) {
        Map<String, List<Model.Fact>> facts = new HashMap<>();
        for (Map.Entry<String, EvidenceState> e : in.evidence().entrySet()) facts.put(e.getKey(), e.getValue().facts());
        Doubts doubts = new Doubts(in.model(), facts);
        Map<String, Propagation.Rests> rests = new Propagation(in.model(), in.lowered().obligations(), in.verdicts(), j,
                routes, doubts).run(in.graph());
        Map<String, Bound> out = new LinkedHashMap<>();
        for (Model.Claim c : in.model().all(Model.Claim.class)) out.put(c.id(), Sums.of(rests.get(c.id()), doubts));
        return new CaseConfidence(out, in.graph().roots());
    }
}
