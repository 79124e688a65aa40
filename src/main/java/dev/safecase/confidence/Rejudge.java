package dev.safecase.confidence;

import dev.safecase.diag.Diagnostics;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.lower.Lowering;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The case judged again with chosen open obligations assumed proved, and nothing else changed. No obligation is
 * proved again: the lowering makes each obligation's premises and goal from the model and the evidence alone, never
 * from another obligation's status, so assuming some proved changes no verdict; statuses then propagate through the
 * judge exactly as in a run. Memoised by the set; each new set counts against {@code max}.
 */
final class Rejudge {
    /** A re-judged case: its judgement and its doubt bounds. */
    record State(Judgement judgement, Confidence.CaseConfidence bounds) {}

    private final Judge.Input input;
    private final boolean strict;
    private final Routes routes;
    private final int max;
    private final Map<Set<ObligationId>, State> memo = new HashMap<>();

    Rejudge(Judge.Input input, boolean strict, Routes routes, int max) {
        this.input = input;
        this.strict = strict;
        this.routes = routes;
        this.max = max;
    }

    int count() {
        return memo.size();
    }

    boolean exhausted() {
        return memo.size() >= max;
    }

    /** The case with {@code resolved} assumed proved; empty once the budget is spent on other sets. */
    Optional<State> with(Set<ObligationId> resolved) {
        State hit = memo.get(resolved);
        if (hit != null) return Optional.of(hit);
        if (exhausted()) return Optional.empty();
        List<Obligation> obligations = new ArrayList<>();
        for (Obligation o : input.lowered().obligations()) {
            obligations.add(resolved.contains(o.id())
                    ? new Obligation(o.id(), o.pos(), Obligation.Mode.STRUCTURAL, o.premises(), o.goal(), o.evidence(),
                            Optional.of("assumed resolved (agenda)"))
                    : o);
        }
        Judge.Input changed = new Judge.Input(input.model(), input.graph(),
                new Lowering.Lowered(obligations, input.lowered().scope()), input.evidence(), input.verdicts());
        Judgement j = Judge.judge(changed, strict, new Diagnostics());
        State s = new State(j, Confidence.of(changed, j, routes));
        memo.put(Set.copyOf(resolved), s);
        return Optional.of(s);
    }
}
