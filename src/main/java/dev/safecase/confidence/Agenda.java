package dev.safecase.confidence;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import java.util.List;
import java.util.Optional;

/**
 * The research agenda of one case (docs/confidence.md): every open problem with its owner, the roots it blocks and its
 * leverage, computed by re-judging the case with chosen problems assumed proved; per root, the minimal sets of open
 * problems that together would discharge it, and its doubt bound now and once each set is resolved.
 */
public record Agenda(List<Problem> problems, List<Root> roots, Limits limits) {
    public Agenda {
        problems = List.copyOf(problems);
        roots = List.copyOf(roots);
    }

    /** The caps on the enumeration and whether they were reached ({@code truncated} per root says where). */
    public record Limits(int maxSets, int maxJudgements, int judgements) {}

    /**
     * An open obligation. A defeater that is open only because its eliminators are not discharged {@code waitsOn}
     * them: resolving them resolves it, so it is not a problem of its own in the sets.
     */
    public record Problem(ObligationId id, String node, String text, Optional<String> owner, Optional<String> reason,
                          int line, List<String> blocks, List<String> waitsOn, List<Leverage> leverage) {
        public Problem {
            blocks = List.copyOf(blocks);
            waitsOn = List.copyOf(waitsOn);
            leverage = List.copyOf(leverage);
        }

        public boolean primary() {
            return waitsOn.isEmpty();
        }
    }

    /**
     * What resolving one problem does for one root: whether it alone discharges the root, in how many of the root's
     * minimal resolving sets it is (of how many), and the root's doubt bound if it alone is resolved.
     */
    public record Leverage(String root, boolean alone, int inSets, int sets, Bound ifAlone) {}

    /** A minimal set of open problems that together discharge a root, and the root's bound once they are resolved. */
    public record ResolvingSet(List<ObligationId> problems, Bound bound) {
        public ResolvingSet {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One root: its status and bound now, the open problems in its closure, its minimal resolving sets (none when
     * {@code blocker} says what no open problem can fix), and whether the enumeration stopped at a cap.
     */
    public record Root(String claim, Status status, boolean discharged, Bound bound, List<ObligationId> problems,
                       List<ResolvingSet> sets, boolean truncated, Optional<String> blocker) {
        public Root {
            problems = List.copyOf(problems);
            sets = List.copyOf(sets);
        }
    }

    public Optional<Problem> problem(ObligationId id) {
        return problems.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
