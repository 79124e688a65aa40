package dev.safecase.judge;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.Results;
import dev.safecase.model.Model;
import dev.safecase.evidence.Validity;
import dev.safecase.lower.Obligation;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the verdicts of one case into final statuses (§6, §8): applies `asserted`, the
 * defeater rules and invalid evidence, then computes claim status (worst in closure),
 * discharge, roots and what each claim rests on.
 */
public final class Judge {
    private final Verifier.Prepared prepared;
    private final Model.Case model;
    private final Map<String, Verdict> verdicts;
    private final Options options;
    private final Diagnostics diags;
    private final Map<String, Obligation> obligations = new LinkedHashMap<>();
    private final Map<String, Model.Node> nodes = new LinkedHashMap<>();
    private final Map<String, Status> finalStatus = new HashMap<>();
    private final Map<String, Optional<String>> reasons = new HashMap<>();
    private final Map<String, Status> nodeStatus = new HashMap<>();
    private final Map<String, Set<String>> rests = new HashMap<>();
    private final Map<String, Set<String>> evidenceClosure = new HashMap<>();
    private final Map<String, List<String>> attackers = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();

    public Judge(Verifier.Prepared prepared, Map<String, Verdict> verdicts, Options options, Diagnostics diags) {
        this.prepared = prepared;
        this.model = prepared.model();
        this.verdicts = verdicts;
        this.options = options;
        this.diags = diags;
        for (Obligation o : prepared.lowered().obligations()) obligations.put(o.id(), o);
        for (Model.Node n : model.nodes()) {
            nodes.put(n.id(), n);
            order.put(n.id(), order.size());
            if (n instanceof Model.Defeater d) attackers.computeIfAbsent(d.target(), k -> new ArrayList<>()).add(d.id());
        }
    }

    private Optional<Verdict> verdict(Obligation o) {
        return Optional.ofNullable(verdicts.get(Verifier.key(model.name(), o.id())));
    }

    public Results.CaseResult result(List<Diagnostic> caseDiags) {
        for (Obligation o : obligations.values()) status(o.id());
        List<Results.ObligationResult> obs = new ArrayList<>();
        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (Status s : Status.values()) summary.put(s, 0);
        List<String> open = new ArrayList<>();
        List<String> unproven = new ArrayList<>();
        for (Obligation o : obligations.values()) {
            Status s = status(o.id());
            summary.merge(s, 1, Integer::sum);
            if (s == Status.OPEN) open.add(o.id());
            if (s != Status.PROVED && s != Status.ASSERTED) unproven.add(o.id());
            obs.add(obligationResult(o, s));
            warnAssumptionsOnly(o, s);
        }
        boolean consistent = status("consistency:" + model.name()) == Status.PROVED;
        Set<String> roots = roots();
        List<Results.ClaimResult> claims = new ArrayList<>();
        boolean discharged = true;
        for (Model.Claim c : model.all(Model.Claim.class)) {
            Status s = claimStatus(c.id());
            boolean d = consistent && (s == Status.PROVED || (s == Status.ASSERTED && !options.strict()));
            boolean root = roots.contains(c.id());
            if (root && !d) discharged = false;
            List<Results.BoundResult> bounds = new ArrayList<>();
            for (String e : sortedBySource(evidenceIn(c.id()))) bounds.addAll(bounds(e));
            claims.add(new Results.ClaimResult(c.id(), c.text(), c.isFormal(), c.formula().map(SmtLib::infix).orElse(""), root,
                    c.pos().line(), s, d, restsOn(c.id()), supportKind(c.support()), supportedBy(c.support()), c.owner(),
                    c.origin(), c.asserted(), c.context(), c.assuming(), c.justifiedBy(),
                    c.support() instanceof Model.Undeveloped, bounds, jointConfidence(bounds)));
        }
        if (roots.isEmpty()) discharged = consistent;
        List<Diagnostic> own = new ArrayList<>(caseDiags);
        own.addAll(diags.sorted().stream().filter(d -> d.pos().file().equals(model.file())).toList());
        return new Results.CaseResult(model.name(), model.file(), model.pos().line(), model.text(), true, discharged, summary,
                claims, obs, assumptions(), evidence(), defeaters(), open, unproven,
                own.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList(), strategies(), texts());
    }

    // ------------------------------------------------------------ obligation status

    private Status status(String oid) {
        Status hit = finalStatus.get(oid);
        if (hit != null) return hit;
        Obligation o = obligations.get(oid);
        Status s = base(o);
        Optional<String> reason = o.reason().or(() -> verdict(o).flatMap(Verdict::reason));
        if (o.kind() == Obligation.Kind.VALIDITY) reason = prepared.evidence().get(o.node()).reason();
        Model.Node owner = nodes.get(o.node());
        if (o.kind() == Obligation.Kind.DEFEATER && owner instanceof Model.Defeater d) {
            s = defeater(d, o, s);
            reason = defeaterReason(d, o, s, reason);
        } else if (ownAsserted(owner).isPresent() && isOwnStep(o)) {
            if (s == Status.OPEN || s == Status.UNKNOWN) {
                reason = Optional.of("asserted: " + ownAsserted(owner).get() + reason.map(r -> " (was " + r + ")").orElse(""));
                s = Status.ASSERTED;
            } else if (s == Status.PROVED && o.kind() != Obligation.Kind.SUPPORT) {
                diags.warning(Code.SC318, owner.pos(), "assertion on " + owner.id() + " is unnecessary: " + o.id()
                        + " is proved");
            }
        }
        if (informalEvidenceStep(o) && (s == Status.REFUTED || s == Status.UNKNOWN)) {
            // evidence cannot prove an informal claim; what vouches for it is the review of the evidence
            s = Status.ASSERTED;
            reason = Optional.of("informal claim resting on valid evidence: accepted on review of "
                    + String.join(", ", o.evidence()));
        }
        if (s == Status.REFUTED && reason.isEmpty()) reason = Optional.of(refutedReason(o));
        finalStatus.put(oid, s);
        reasons.put(oid, reason);
        return s;
    }

    private static boolean informalEvidenceStep(Obligation o) {
        return o.kind() == Obligation.Kind.EVIDENCE && o.goal().isPresent() && o.goal().get() instanceof dev.safecase.formula.Term.ClaimRef;
    }

    private static boolean isOwnStep(Obligation o) {
        return o.kind() == Obligation.Kind.SUPPORT || o.kind() == Obligation.Kind.INFERENCE || o.kind() == Obligation.Kind.EVIDENCE;
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
            case INVALID -> o.kind() != Obligation.Kind.VALIDITY ? Status.INVALID
                    : switch (prepared.evidence().get(o.node()).state()) {
                        case VALID -> Status.PROVED;
                        case REFERENCE -> Status.ASSERTED;
                        case INVALID -> Status.INVALID;
                    };
            case ENTAILMENT, SATISFIABLE -> verdict(o).map(Verdict::status).orElse(Status.UNKNOWN);
        };
    }

    /** §8: the first rule that applies. */
    private Status defeater(Model.Defeater d, Obligation o, Status proof) {
        if (o.mode() == Obligation.Mode.INVALID) return Status.INVALID;
        if (d.accepted().isPresent()) return Status.ASSERTED;
        if (d.eliminatedBy().isEmpty()) return proof;
        if (d.formula().isPresent()) {
            Status s = proof;
            for (String c : d.eliminatedBy()) s = Status.worst(s, claimStatus(c));
            return s;
        }
        boolean allProved = true;
        boolean allReviewed = true;
        for (String c : d.eliminatedBy()) {
            Status cs = claimStatus(c);
            allProved &= cs == Status.PROVED;
            allReviewed &= cs == Status.PROVED || cs == Status.ASSERTED;
        }
        return allProved ? Status.PROVED : allReviewed ? Status.ASSERTED : Status.OPEN;
    }

    private Optional<String> defeaterReason(Model.Defeater d, Obligation o, Status s, Optional<String> reason) {
        if (d.accepted().isPresent()) {
            String solved = verdict(o).map(v -> " (its formula is " + v.status().label() + ")").orElse("");
            return Optional.of("accepted: " + d.accepted().get() + solved);
        }
        if (!d.eliminatedBy().isEmpty() && s != Status.PROVED) {
            List<String> pending = d.eliminatedBy().stream().filter(c -> claimStatus(c) != Status.PROVED)
                    .map(c -> c + " is " + claimStatus(c).label()).toList();
            if (!pending.isEmpty()) return Optional.of("not eliminated: " + String.join(", ", pending));
        }
        if (s == Status.REFUTED) {
            return Optional.of("the defeater can hold: in the counterexample its formula is true under the premises");
        }
        return reason;
    }

    private String refutedReason(Obligation o) {
        if (o.kind() == Obligation.Kind.EVIDENCE) {
            List<String> facts = o.premises().stream().filter(p -> p.name().contains("#"))
                    .map(p -> p.name() + ": " + SmtLib.infix(p.formula())).toList();
            return "the evidence facts hold (" + String.join("; ", facts) + ") but "
                    + o.goal().map(SmtLib::infix).orElse("the claim") + " fails";
        }
        return "the premises hold but " + o.goal().map(SmtLib::infix).orElse("the goal") + " fails";
    }

    // ------------------------------------------------------------ claims

    /** The nodes a node's status depends on: its support, its evidence, the defeaters attacking it. */
    private List<String> children(String id) {
        List<String> out = new ArrayList<>();
        Model.Node n = nodes.get(id);
        if (n instanceof Model.Claim c) {
            if (c.support() instanceof Model.ByStrategy s) out.add(s.strategy());
            if (c.support() instanceof Model.Direct d) {
                out.addAll(d.claims());
                out.addAll(d.evidence());
            }
        } else if (n instanceof Model.Strategy s) {
            out.addAll(s.subclaims());
        } else if (n instanceof Model.Defeater d) {
            out.addAll(d.eliminatedBy());
        }
        out.addAll(attackers.getOrDefault(id, List.of()));
        return out;
    }

    /** The node's own obligations. */
    private List<String> own(String id) {
        List<String> out = new ArrayList<>();
        for (String k : OWN_KINDS) {
            if (obligations.containsKey(k + id)) out.add(k + id);
        }
        return out;
    }

    private static final List<String> OWN_KINDS = List.of("support:", "inference:", "evidence:", "validity:", "defeater:");

    /** Worst status in the closure of a node (§6), memoised; the checker ruled out cycles. */
    private Status claimStatus(String id) {
        Status hit = nodeStatus.get(id);
        if (hit != null) return hit;
        nodeStatus.put(id, Status.PROVED);
        Status s = Status.PROVED;
        for (String o : own(id)) s = Status.worst(s, status(o));
        Model.Node n = nodes.get(id);
        for (String c : children(id)) {
            // a defeater's eliminated-by claims already count through the defeater rules
            if (n instanceof Model.Defeater) continue;
            s = Status.worst(s, claimStatus(c));
        }
        nodeStatus.put(id, s);
        return s;
    }

    private List<String> restsOn(String id) {
        return sortedBySource(restsOnSet(id));
    }

    private Set<String> restsOnSet(String id) {
        Set<String> hit = rests.get(id);
        if (hit != null) return hit;
        rests.put(id, Set.of());
        Set<String> out = new LinkedHashSet<>();
        for (String o : own(id)) {
            if (status(o) == Status.PROVED) out.addAll(usedAssumptions(obligations.get(o)));
        }
        for (String c : children(id)) out.addAll(restsOnSet(c));
        rests.put(id, out);
        return out;
    }

    private List<String> usedAssumptions(Obligation o) {
        Optional<Verdict> v = verdict(o);
        if (v.isEmpty() || v.get().status() != Status.PROVED) return List.of();
        return v.get().core().stream().filter(n -> nodes.get(n) instanceof Model.Assumption).toList();
    }

    private List<String> sortedBySource(Set<String> ids) {
        return ids.stream().sorted((a, b) -> Integer.compare(order.get(a), order.get(b))).toList();
    }

    private Set<String> roots() {
        Set<String> named = new LinkedHashSet<>();
        for (Model.Node n : model.nodes()) {
            if (n instanceof Model.Claim c && c.support() instanceof Model.Direct d) named.addAll(d.claims());
            if (n instanceof Model.Strategy s) named.addAll(s.subclaims());
            if (n instanceof Model.Defeater d) named.addAll(d.eliminatedBy());
        }
        Set<String> roots = new LinkedHashSet<>();
        for (Model.Claim c : model.all(Model.Claim.class)) if (!named.contains(c.id())) roots.add(c.id());
        return roots;
    }

    private static String supportKind(Model.Support s) {
        if (s instanceof Model.ByStrategy) return "strategy";
        if (s instanceof Model.Direct) return "direct";
        if (s instanceof Model.Undeveloped) return "undeveloped";
        return "none";
    }

    private static List<String> supportedBy(Model.Support s) {
        if (s instanceof Model.ByStrategy b) return List.of(b.strategy());
        if (s instanceof Model.Direct d) {
            List<String> out = new ArrayList<>(d.claims());
            out.addAll(d.evidence());
            return out;
        }
        return List.of();
    }

    private void warnAssumptionsOnly(Obligation o, Status s) {
        if (s != Status.PROVED || (o.kind() != Obligation.Kind.INFERENCE && o.kind() != Obligation.Kind.EVIDENCE)) return;
        Optional<Verdict> v = verdict(o);
        if (v.isEmpty()) return;
        boolean hasSupport = o.premises().stream().anyMatch(p -> isSupportPremise(p.name()));
        boolean usesSupport = v.get().core().stream().anyMatch(this::isSupportPremise);
        if (hasSupport && !usesSupport) {
            List<String> used = usedAssumptions(o);
            diags.warning(Code.SC317, nodes.get(o.node()).pos(), o.node() + " follows from assumptions alone ("
                    + (used.isEmpty() ? "none needed" : String.join(", ", used)) + "); its support is not used");
        }
    }

    private boolean isSupportPremise(String name) {
        return name.contains("#") || nodes.get(name) instanceof Model.Claim;
    }

    // ------------------------------------------------------------ results

    private Results.ObligationResult obligationResult(Obligation o, Status s) {
        Optional<Verdict> v = verdict(o);
        List<String> core = v.map(Verdict::core).orElse(List.of());
        List<String> used = s == Status.PROVED ? usedAssumptions(o) : List.of();
        Map<String, String> cex = v.filter(x -> x.status() == Status.REFUTED).map(Verdict::counterexample).orElse(Map.of());
        Map<String, String> ordered = new LinkedHashMap<>();
        if (!cex.isEmpty()) for (String sym : SmtLib.symbols(o).keySet()) ordered.put(sym, cex.get(sym));
        List<Results.Premise> premises = o.premises().stream()
                .map(p -> new Results.Premise(p.name(), SmtLib.infix(p.formula()))).toList();
        Optional<String> owner = ownerOf(nodes.get(o.node()));
        return new Results.ObligationResult(o.id(), o.kind().label(), o.node(), model.file(), o.pos().line(), s,
                v.map(Verdict::millis).orElse(0L), used, s == Status.PROVED ? List.of() : core, ordered,
                reasons.getOrDefault(o.id(), Optional.empty()), premises, o.goal().map(SmtLib::infix), owner);
    }

    private static Optional<String> ownerOf(Model.Node n) {
        if (n instanceof Model.Claim c) return c.owner();
        if (n instanceof Model.Strategy s) return s.owner();
        if (n instanceof Model.Defeater d) return d.owner();
        return Optional.empty();
    }

    private List<Results.AssumptionResult> assumptions() {
        Map<String, Set<String>> inScope = new HashMap<>();
        Map<String, List<String>> usedBy = new HashMap<>();
        Map<String, List<String>> scope = prepared.lowered().scope();
        for (Obligation o : obligations.values()) {
            Set<String> here = new LinkedHashSet<>();
            for (Obligation.Premise p : o.premises()) {
                if (nodes.get(p.name()) instanceof Model.Assumption) here.add(p.name());
            }
            if (o.kind() != Obligation.Kind.CONSISTENCY) {
                for (String a : scope.getOrDefault(o.node(), List.of())) {
                    if (nodes.get(a) instanceof Model.Assumption as && as.formula().isEmpty()) here.add(a);
                }
            }
            for (String a : here) inScope.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(o.id());
            if (status(o.id()) == Status.PROVED) {
                for (String a : usedAssumptions(o)) usedBy.computeIfAbsent(a, k -> new ArrayList<>()).add(o.id());
            }
        }
        List<Results.AssumptionResult> out = new ArrayList<>();
        for (Model.Assumption a : model.all(Model.Assumption.class)) {
            out.add(new Results.AssumptionResult(a.id(), a.text(), a.formula().map(SmtLib::infix).orElse(""), a.pos().line(),
                    List.copyOf(inScope.getOrDefault(a.id(), Set.of())), usedBy.getOrDefault(a.id(), List.of())));
        }
        return out;
    }

    private List<Results.EvidenceResult> evidence() {
        List<Results.EvidenceResult> out = new ArrayList<>();
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            Validity.Outcome o = prepared.evidence().get(e.id());
            Optional<String> sha = o.actualSha256().or(e::sha256);
            List<Model.Fact> facts = o.facts().isEmpty() ? e.facts() : o.facts();
            out.add(new Results.EvidenceResult(e.id(), e.text(), e.file(), status("validity:" + e.id()), sha, e.expires(),
                    o.reason(), facts.stream().map(f -> SmtLib.infix(f.formula())).toList(), e.pos().line(), bounds(e.id())));
        }
        return out;
    }

    private List<Results.StrategyResult> strategies() {
        List<Results.StrategyResult> out = new ArrayList<>();
        for (Model.Strategy s : model.all(Model.Strategy.class)) {
            out.add(new Results.StrategyResult(s.id(), s.text(), s.pos().line(), claimStatus(s.id()), s.subclaims(), s.context(),
                    s.assuming(), s.justifiedBy(), s.undeveloped(), s.owner(), s.origin(), s.asserted()));
        }
        return out;
    }

    private List<Results.TextResult> texts() {
        List<Results.TextResult> out = new ArrayList<>();
        for (Model.TextNode t : model.all(Model.TextNode.class)) {
            out.add(new Results.TextResult(t.id(), t.kind().keyword, t.text(), t.pos().line()));
        }
        return out;
    }

    /** Evidence in the closure of a node whose validity holds (proved or asserted). */
    private Set<String> evidenceIn(String id) {
        Set<String> hit = evidenceClosure.get(id);
        if (hit != null) return hit;
        evidenceClosure.put(id, Set.of());
        Set<String> out = new LinkedHashSet<>();
        if (nodes.get(id) instanceof Model.Evidence && status("validity:" + id) != Status.INVALID) out.add(id);
        for (String c : children(id)) out.addAll(evidenceIn(c));
        evidenceClosure.put(id, out);
        return out;
    }

    /** The statistical bounds an evidence item's facts evaluated (as data, for the reports). */
    private List<Results.BoundResult> bounds(String evidenceId) {
        Validity.Outcome o = prepared.evidence().get(evidenceId);
        Model.Evidence e = (Model.Evidence) nodes.get(evidenceId);
        List<Model.Fact> facts = o.facts().isEmpty() ? e.facts() : o.facts();
        List<Results.BoundResult> out = new ArrayList<>();
        for (Model.Fact f : facts) {
            for (Model.Bound b : f.bounds()) {
                dev.safecase.formula.Rational conf = b.function().confidence(b.args());
                out.add(new Results.BoundResult(evidenceId, b.function().spelling(),
                        b.args().stream().map(dev.safecase.prove.SmtLib::number).toList(),
                        dev.safecase.prove.SmtLib.number(b.value()), dev.safecase.prove.SmtLib.number(conf)));
            }
        }
        return out;
    }

    /** Bonferroni: m bounds at confidences c_i hold together with probability at least 1 - Σ(1 - c_i). */
    private static String jointConfidence(List<Results.BoundResult> bounds) {
        dev.safecase.formula.Rational miss = dev.safecase.formula.Rational.ZERO;
        for (Results.BoundResult b : bounds) {
            miss = miss.add(dev.safecase.formula.Rational.ONE.subtract(dev.safecase.formula.Rational.parse(b.confidence())));
        }
        dev.safecase.formula.Rational joint = dev.safecase.formula.Rational.ONE.subtract(miss);
        return dev.safecase.prove.SmtLib.number(joint.signum() < 0 ? dev.safecase.formula.Rational.ZERO : joint);
    }

    private List<Results.DefeaterResult> defeaters() {
        List<Results.DefeaterResult> out = new ArrayList<>();
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            out.add(new Results.DefeaterResult(d.id(), d.text(), d.attack().name().toLowerCase(java.util.Locale.ROOT),
                    d.target(), status("defeater:" + d.id()), d.owner(), d.eliminatedBy(), d.accepted(), d.pos().line()));
        }
        return out;
    }
}
