package dev.safecase.result;

import dev.safecase.diag.Diagnostic;
import dev.safecase.evidence.Validity;
import dev.safecase.formula.Infix;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Judgement;
import dev.safecase.judge.Judgement.ClaimJudgement;
import dev.safecase.judge.Judgement.EvidenceBound;
import dev.safecase.judge.Judgement.Judged;
import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Assembles the result of a judged case from its model, its obligations and the judgement: formats, decides nothing. */
public final class CaseResults {
    private CaseResults() {
    }

    /**
     * @param evidence the evidence stage's verdict per evidence ID (for the file's real hash and the facts as read)
     * @param diagnostics the case's own diagnostics, in source order
     */
    public static CaseResult of(Model.Case model, ArgumentGraph graph, List<Obligation> obligations, Judgement j,
                                Map<String, Validity.Outcome> evidence, List<Diagnostic> diagnostics) {
        Map<String, Model.Node> nodes = new HashMap<>();
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        List<ObligationResult> obs = new ArrayList<>();
        for (Obligation o : obligations) {
            Optional<String> owner = Optional.ofNullable(nodes.get(o.node())).flatMap(CaseResults::ownerOf);
            obs.add(obligation(model, o, j.obligations().get(o.id()), owner));
        }
        List<ClaimResult> claims = new ArrayList<>();
        for (Model.Claim c : model.all(Model.Claim.class)) claims.add(claim(c, j.claims().get(c.id())));
        List<StrategyResult> strategies = new ArrayList<>();
        for (Model.Strategy s : model.all(Model.Strategy.class)) {
            strategies.add(new StrategyResult(info(s), j.nodes().get(s.id()), s.subclaims(),
                    new Clauses(s.context(), s.assuming(), s.justifiedBy()), s.undeveloped(), s.asserted(),
                    new Provenance(s.owner(), s.origin())));
        }
        List<EvidenceResult> ev = new ArrayList<>();
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            Validity.Outcome o = evidence.get(e.id());
            List<Model.Fact> facts = o.facts().isEmpty() ? e.facts() : o.facts();
            ev.add(new EvidenceResult(info(e), new EvidenceResult.Pin(e.file(), o.actualSha256().or(e::sha256), e.expires()),
                    status(j, Obligation.Kind.VALIDITY, e.id()), o.reason(),
                    facts.stream().map(f -> Infix.print(f.formula())).toList(), bounds(j.evidenceBounds().get(e.id()))));
        }
        List<DefeaterResult> defeaters = new ArrayList<>();
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            defeaters.add(new DefeaterResult(info(d), status(j, Obligation.Kind.DEFEATER, d.id()),
                    d.attack().name().toLowerCase(Locale.ROOT), d.target(), d.eliminatedBy(), d.accepted(), d.owner()));
        }
        List<AssumptionResult> assumptions = new ArrayList<>();
        for (Model.Assumption a : model.all(Model.Assumption.class)) {
            Judgement.AssumptionUse use = j.assumptions().get(a.id());
            assumptions.add(new AssumptionResult(info(a), a.formula().map(Infix::print), use.inScopeOf(), use.usedBy()));
        }
        List<TextResult> texts = new ArrayList<>();
        for (Model.TextNode t : model.all(Model.TextNode.class)) texts.add(new TextResult(info(t), t.kind().keyword));
        return new CaseResult(new CaseResult.Source(model.name(), model.file(), model.pos().line(), model.text()), true,
                new CaseResult.Outcome(j.discharged(), j.summary(), j.open(), j.unproven()),
                new CaseResult.Nodes(claims, strategies, ev, defeaters, assumptions, texts), obs, diagnostics, graph);
    }

    private static NodeInfo info(Model.Node n) {
        return new NodeInfo(n.id(), n.text(), n.pos().line());
    }

    private static Status status(Judgement j, Obligation.Kind kind, String node) {
        return j.obligations().get(ObligationId.of(kind, node)).status();
    }

    private static ObligationResult obligation(Model.Case model, Obligation o, Judged j, Optional<String> owner) {
        List<ObligationResult.PremiseText> premises = o.premises().stream()
                .map(p -> new ObligationResult.PremiseText(p.name(), Infix.print(p.formula()))).toList();
        List<Term> formulas = new ArrayList<>();
        o.premises().forEach(p -> formulas.add(p.formula()));
        o.goal().ifPresent(formulas::add);
        List<ObligationResult.PremiseText> definitions = new ArrayList<>();
        Terms.definitions(formulas).forEach((name, body) -> definitions.add(new ObligationResult.PremiseText(name,
                Infix.print(body))));
        return new ObligationResult(o.id(), model.file(), o.pos().line(), j.status(), j.reason(),
                new ObligationResult.Findings(j.millis(), j.usedAssumptions(), j.core(), j.counterexample(),
                        Witnesses.of(o, j.counterexample())),
                new ObligationResult.Statement(premises, o.goal().map(Infix::print), definitions), owner);
    }

    private static Optional<String> ownerOf(Model.Node n) {
        if (n instanceof Model.Claim c) return c.owner();
        if (n instanceof Model.Strategy s) return s.owner();
        if (n instanceof Model.Defeater d) return d.owner();
        return Optional.empty();
    }

    private static ClaimResult claim(Model.Claim c, ClaimJudgement j) {
        List<BoundResult> bounds = bounds(j.bounds());
        return new ClaimResult(info(c), c.formula().map(Infix::print),
                new ClaimResult.Standing(j.status(), j.root(), j.discharged(), j.restsOn()),
                new ClaimResult.Support(supportKind(c.support()), supportedBy(c.support()),
                        c.support() instanceof Model.Undeveloped, c.asserted()),
                new Clauses(c.context(), c.assuming(), c.justifiedBy()), new Provenance(c.owner(), c.origin()),
                new ClaimResult.Confidence(bounds, Infix.number(j.jointConfidence())));
    }

    private static List<BoundResult> bounds(List<EvidenceBound> bounds) {
        return bounds.stream().map(b -> new BoundResult(b.evidence(), b.bound().function().spelling(),
                b.bound().args().stream().map(Infix::number).toList(), Infix.number(b.bound().value()),
                Infix.number(b.confidence()))).toList();
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
}
