package dev.safecase.judge;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Infix;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.Premise;
import dev.safecase.model.Model;
import dev.safecase.prove.Verdict;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The final status of one obligation and its reason (docs/language.md, sections 7 and 9): the
 * solver's answer or the lowering's mode, then a node's own {@code asserted}, then the defeater
 * rules. A review never overrules a counterexample, a clash or invalid evidence.
 */
final class ObligationRules {
    /** A final status and the reason shown with it. */
    record Ruled(Status status, Optional<String> reason) {}

    private final Map<String, Model.Node> nodes;
    private final Map<ObligationId, Verdict> verdicts;
    private final Diagnostics diags;
    private final Map<ObligationId, Ruled> ruled = new HashMap<>();

    ObligationRules(Map<String, Model.Node> nodes, Map<ObligationId, Verdict> verdicts, Diagnostics diags) {
        this.nodes = nodes;
        this.verdicts = verdicts;
        this.diags = diags;
    }

    Optional<Verdict> verdict(Obligation o) {
        return Optional.ofNullable(verdicts.get(o.id()));
    }

    /** Memoised; {@code claimStatus} gives the status of a node over its closure (for eliminations). */
    Ruled rule(Obligation o, Function<String, Status> claimStatus) {
        Ruled hit = ruled.get(o.id());
        if (hit != null) return hit;
        Status s = base(o);
        Optional<String> reason = o.reason().or(() -> verdict(o).flatMap(Verdict::reason));
        Model.Node owner = nodes.get(o.node());
        if (o.kind() == Obligation.Kind.DEFEATER && owner instanceof Model.Defeater d) {
            s = defeater(d, o, s, claimStatus);
            reason = defeaterReason(d, o, s, reason, claimStatus);
        } else if (ownAsserted(owner).isPresent() && isOwnStep(o)) {
            if (s == Status.OPEN || s == Status.UNKNOWN) {
                reason = Optional.of("asserted: " + ownAsserted(owner).get() + reason.map(r -> " (was " + r + ")").orElse(""));
                s = Status.ASSERTED;
            } else if (s == Status.PROVED && o.kind() != Obligation.Kind.SUPPORT) {
                diags.warning(Code.SC318, owner.pos(), "assertion on " + owner.id() + " is unnecessary: " + o.id()
                        + " is proved");
            }
        }
        if (s == Status.REFUTED && reason.isEmpty()) reason = Optional.of(refutedReason(o));
        Ruled r = new Ruled(s, reason);
        ruled.put(o.id(), r);
        return r;
    }

    private static boolean isOwnStep(Obligation o) {
        return o.kind() == Obligation.Kind.SUPPORT || o.kind() == Obligation.Kind.INFERENCE
                || o.kind() == Obligation.Kind.EVIDENCE;
    }

    private static Optional<String> ownAsserted(Model.Node n) {
        if (n instanceof Model.Claim c) return c.asserted();
        if (n instanceof Model.Strategy s) return s.asserted();
        return Optional.empty();
    }

    private Status base(Obligation o) {
        return switch (o.mode()) {
            case STRUCTURAL -> Status.PROVED;
            case OPEN -> Status.OPEN;
            case ASSERTED -> Status.ASSERTED;
            case INVALID -> Status.INVALID;
            case ENTAILMENT, SATISFIABLE -> verdict(o).map(v -> Status.of(v.answer())).orElse(Status.UNKNOWN);
        };
    }

    /** The first rule that applies (docs/language.md, section 9). */
    private static Status defeater(Model.Defeater d, Obligation o, Status proof, Function<String, Status> claimStatus) {
        if (o.mode() == Obligation.Mode.INVALID) return Status.INVALID;
        if (d.accepted().isPresent()) return Status.ASSERTED;
        if (d.eliminatedBy().isEmpty()) return proof;
        if (d.formula().isPresent()) {
            Status s = proof;
            for (String c : d.eliminatedBy()) s = Status.worst(s, claimStatus.apply(c));
            return s;
        }
        boolean allProved = true;
        boolean allReviewed = true;
        for (String c : d.eliminatedBy()) {
            Status cs = claimStatus.apply(c);
            allProved &= cs == Status.PROVED;
            allReviewed &= cs == Status.PROVED || cs == Status.ASSERTED;
        }
        return allProved ? Status.PROVED : allReviewed ? Status.ASSERTED : Status.OPEN;
    }

    private Optional<String> defeaterReason(Model.Defeater d, Obligation o, Status s, Optional<String> reason,
                                            Function<String, Status> claimStatus) {
        if (d.accepted().isPresent()) {
            String solved = verdict(o).map(v -> " (its formula is " + Status.of(v.answer()).label() + ")").orElse("");
            return Optional.of("accepted: " + d.accepted().get() + solved);
        }
        if (!d.eliminatedBy().isEmpty() && s != Status.PROVED) {
            List<String> pending = d.eliminatedBy().stream().filter(c -> claimStatus.apply(c) != Status.PROVED)
                    .map(c -> c + " is " + claimStatus.apply(c).label()).toList();
            if (!pending.isEmpty()) return Optional.of("not eliminated: " + String.join(", ", pending));
        }
        if (s == Status.REFUTED) {
            return Optional.of("the defeater can hold: in the counterexample its formula is true under the premises");
        }
        return reason;
    }

    private static String refutedReason(Obligation o) {
        if (o.kind() == Obligation.Kind.EVIDENCE) {
            List<String> facts = o.premises().stream().filter(p -> p instanceof Premise.Fact)
                    .map(p -> p.name() + ": " + Infix.print(p.formula())).toList();
            return "the evidence facts hold (" + String.join("; ", facts) + ") but "
                    + o.goal().map(Infix::print).orElse("the claim") + " fails";
        }
        return "the premises hold but " + o.goal().map(Infix::print).orElse("the goal") + " fails";
    }
}
