package dev.safecase.judge;

import dev.safecase.graph.ArgumentGraph;
import dev.safecase.graph.ArgumentGraph.Side;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status of a defeater (docs/language.md, section 9). A defeater of the case is a doubt (no
 * argument), decided by the elimination rules, or a counter-argument ({@code supported by}), which
 * defeats its target once established. A defeater of the counter side is a challenge that argues
 * for the case; it stands by its argument. Polarity: every status says how the case fares, so a
 * defeater of the case is {@code proved} when the case is safe from it, a challenge when it is
 * established.
 */
final class Dialectic {
    /** A defeater's final status and the reason shown with it (empty: the obligation's own). */
    record Decided(Status status, Optional<String> reason) {}

    private final Standings standings;
    private final Map<String, Model.Node> nodes;
    private final Map<String, Side> sides;
    private final ArgumentGraph graph;

    Dialectic(Standings standings, Map<String, Model.Node> nodes, Map<String, Side> sides, ArgumentGraph graph) {
        this.standings = standings;
        this.nodes = nodes;
        this.sides = sides;
        this.graph = graph;
    }

    private static boolean stands(Status s) {
        return s == Status.PROVED || s == Status.ASSERTED;
    }

    /** {@code base} is the defeater obligation as the elimination rules judge it. */
    Decided decide(Model.Defeater d, ObligationRules.Ruled base) {
        String attacked = ArgumentGraph.attacked(d, nodes);
        Optional<Status> argument = d.argued() ? Optional.of(standings.argument(d)) : Optional.empty();
        if (sides.getOrDefault(attacked, Side.PRO) == Side.COUNTER) return challenge(d, argument.orElse(Status.OPEN));
        if (base.status() == Status.INVALID) return new Decided(Status.INVALID, Optional.empty());
        if (d.accepted().isPresent()) return new Decided(Status.ASSERTED, Optional.empty());

        List<String> rebutters = new ArrayList<>();
        List<String> undercutters = new ArrayList<>();
        for (String a : graph.attackers(d.id())) {
            if (!(nodes.get(a) instanceof Model.Defeater c) || !stands(standings.of(a))) continue;
            if (c.attack() == Model.Attack.REBUTS && c.target().equals(d.id())) rebutters.add(a);
            else undercutters.add(a);
        }
        boolean established = argument.isPresent() && stands(argument.get()) && undercutters.isEmpty();
        if (established && !rebutters.isEmpty()) {
            return new Decided(Status.REFUTED, Optional.of("established by its argument and rebutted by " + String.join(", ",
                    rebutters) + ": the case argues both ways"));
        }
        List<String> defeaters = new ArrayList<>(rebutters);
        defeaters.addAll(undercutters);
        if (!defeaters.isEmpty()) {
            Status s = defeaters.stream().map(standings::of).allMatch(x -> x == Status.PROVED) ? Status.PROVED : Status.ASSERTED;
            return new Decided(s, Optional.of("defeated by " + String.join(", ", defeaters) + ", which "
                    + (defeaters.size() == 1 ? "is" : "are") + " established"));
        }
        if (established) {
            String also = stands(base.status()) && !d.eliminatedBy().isEmpty()
                    ? " (it is also eliminated by " + String.join(", ", d.eliminatedBy()) + ": the case argues both ways)" : "";
            return new Decided(Status.REFUTED, Optional.of("established: its argument is " + argument.get().label()
                    + ", so it defeats " + attacked + also));
        }
        if (argument.isEmpty()) return new Decided(base.status(), Optional.empty());
        Status arg = argument.get();
        if (arg == Status.OPEN || arg == Status.UNKNOWN) {
            if (stands(base.status())) return new Decided(base.status(), Optional.empty());
            return new Decided(arg, Optional.of("not established: its argument is " + arg.label()));
        }
        // The counter-argument fails: its own step is refuted, its evidence invalid, or a challenge defeats a part of it.
        if (d.formula().isPresent()) return new Decided(base.status(), base.reason());
        Status s = reviewedInside(d) ? Status.ASSERTED : Status.PROVED;
        return new Decided(s, Optional.of("the counter-argument fails: its argument is " + arg.label()));
    }

    /** A challenge to the counter side: established when its argument stands and nothing of the counter side defeats it. */
    private Decided challenge(Model.Defeater d, Status argument) {
        Status s = argument;
        List<String> against = new ArrayList<>();
        for (String a : graph.attackers(d.id())) {
            Status e = standings.effect(a, d.id());
            if (e != Status.PROVED) against.add(a + " is " + standings.of(a).label());
            s = Status.worst(s, e);
        }
        String what = stands(s) ? "established: its argument is " + argument.label()
                : "not established: its argument is " + argument.label();
        return new Decided(s, Optional.of(what + (against.isEmpty() ? "" : "; " + String.join(", ", against))));
    }

    /** Whether a challenge inside the counter-argument stands only by review (then its defeat is only asserted). */
    private boolean reviewedInside(Model.Defeater d) {
        for (String n : graph.closure(d.id())) {
            if (!n.equals(d.id()) && nodes.get(n) instanceof Model.Defeater c && sides.get(n) == Side.PRO
                    && standings.of(c.id()) == Status.ASSERTED) {
                return true;
            }
        }
        return false;
    }
}
