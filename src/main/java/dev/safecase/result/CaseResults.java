package dev.safecase.result;

import dev.safecase.confidence.Confidence;
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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        return of(model, graph, obligations, j, evidence, diagnostics, CaseResult.NO_BOUNDS);
    }

    /** As above, with the doubt bounds of the case's claims (docs/confidence.md). */
    public static CaseResult of(Model.Case model, ArgumentGraph graph, List<Obligation> obligations, Judgement j,
                                Map<String, Validity.Outcome> evidence, List<Diagnostic> diagnostics,
                                Confidence.CaseConfidence bounds) {
        Map<String, Model.Node> nodes = new HashMap<>();
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        Map<String, NodeInfo.ModuleRef> modules = moduleRefs(model, graph);
        List<ObligationResult> obs = new ArrayList<>();
        Texts printed = new Texts();
        for (Obligation o : obligations) {
            Optional<String> owner = Optional.ofNullable(nodes.get(o.node())).flatMap(CaseResults::ownerOf);
            obs.add(obligation(model, o, j.obligations().get(o.id()), owner, Optional.ofNullable(j.ungated().get(o.id())), printed));
        }
        List<ClaimResult> claims = new ArrayList<>();
        for (Model.Claim c : model.all(Model.Claim.class)) claims.add(claim(c, j.claims().get(c.id()), modules));
        List<StrategyResult> strategies = new ArrayList<>();
        for (Model.Strategy s : model.all(Model.Strategy.class)) {
            strategies.add(new StrategyResult(info(s, modules), j.nodes().get(s.id()), s.subclaims(),
                    new Clauses(s.context(), s.assuming(), s.justifiedBy()), s.undeveloped(), s.asserted(),
                    new Provenance(s.owner(), s.origin())));
        }
        List<EvidenceResult> ev = new ArrayList<>();
        for (Model.Evidence e : model.all(Model.Evidence.class)) {
            Validity.Outcome o = evidence.get(e.id());
            List<Model.Fact> facts = o.facts().isEmpty() ? e.facts() : o.facts();
            ev.add(new EvidenceResult(info(e, modules), new EvidenceResult.Pin(e.file(), o.actualSha256().or(e::sha256), e.expires()),
                    j.nodes().get(e.id()), status(j, Obligation.Kind.VALIDITY, e.id()), o.reason(),
                    facts.stream().map(f -> Infix.print(f.formula())).toList(), bounds(j.evidenceBounds().get(e.id()))));
        }
        List<DefeaterResult> defeaters = new ArrayList<>();
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            defeaters.add(new DefeaterResult(info(d, modules), status(j, Obligation.Kind.DEFEATER, d.id()),
                    d.attack().name().toLowerCase(Locale.ROOT), d.target(), d.eliminatedBy(), d.accepted(), d.owner(),
                    d.relation(), supportedBy(d.argument()), role(d, j, nodes)));
        }
        List<AssumptionResult> assumptions = new ArrayList<>();
        for (Model.Assumption a : model.all(Model.Assumption.class)) {
            Judgement.AssumptionUse use = j.assumptions().get(a.id());
            assumptions.add(new AssumptionResult(info(a, modules), a.formula().map(Infix::print), use.inScopeOf(), use.usedBy(),
                    a.context()));
        }
        List<TextResult> texts = new ArrayList<>();
        for (Model.TextNode t : model.all(Model.TextNode.class)) texts.add(new TextResult(info(t, modules), t.kind().keyword));
        return new CaseResult(new CaseResult.Source(model.name(), model.file(), model.pos().line(), model.text()), true,
                new CaseResult.Outcome(j.discharged(), j.summary(), j.open(), j.unproven()),
                new CaseResult.Nodes(claims, strategies, ev, defeaters, assumptions, texts), obs, diagnostics, graph,
                alternatives(j), bounds);
    }

    private static List<AlternativesResult> alternatives(Judgement j) {
        return j.alternatives().stream().map(a -> new AlternativesResult(a.node(), a.choices(), a.status(), a.routes().stream()
                .map(r -> new AlternativesResult.Route(r.route(), r.picks(), r.status(), r.chosen(), r.obligations(),
                        r.openProblems())).toList())).toList();
    }

    /** {@code doubt}, {@code counter-argument} or {@code challenge} (docs/language.md, section 9). */
    private static String role(Model.Defeater d, Judgement j, Map<String, Model.Node> nodes) {
        if (j.sides().get(ArgumentGraph.attacked(d, nodes)) == ArgumentGraph.Side.COUNTER) return "challenge";
        return d.argued() ? "counter-argument" : "doubt";
    }

    private static NodeInfo info(Model.Node n, Map<String, NodeInfo.ModuleRef> modules) {
        return new NodeInfo(n.id(), n.text(), n.pos().line(), Optional.ofNullable(modules.get(n.id())));
    }

    /**
     * The module of each module node, and whether the case reaches it: whether a node outside that module names it, as a
     * support, an attack target or an eliminating claim, or in `assuming`, `context` or
     * `justified by`.
     */
    private static Map<String, NodeInfo.ModuleRef> moduleRefs(Model.Case model, ArgumentGraph graph) {
        Map<String, NodeInfo.ModuleRef> out = new HashMap<>();
        if (model.modules().isEmpty()) return out;
        Map<String, Set<String>> namedBy = new HashMap<>();
        for (String id : graph.nodes()) {
            for (String child : graph.children(id)) namedBy.computeIfAbsent(child, k -> new HashSet<>()).add(id);
        }
        for (Model.Node n : model.nodes()) {
            List<String> sides = new ArrayList<>();
            if (n instanceof Model.Claim c) {
                sides.addAll(c.context());
                sides.addAll(c.assuming());
                sides.addAll(c.justifiedBy());
            } else if (n instanceof Model.Strategy s) {
                sides.addAll(s.context());
                sides.addAll(s.assuming());
                sides.addAll(s.justifiedBy());
            }
            for (String side : sides) namedBy.computeIfAbsent(side, k -> new HashSet<>()).add(n.id());
        }
        for (Model.Node n : model.nodes()) {
            Optional<String> module = model.module(n.id());
            if (module.isEmpty()) continue;
            // named from outside its module, or by nothing at all (a claim that a case's formula borrows),
            // or developed by the case's own nodes (a contract: no module names a case's node)
            Set<String> by = namedBy.getOrDefault(n.id(), Set.of());
            boolean away = by.isEmpty() || by.stream().anyMatch(p -> !model.module(p).equals(module))
                    || graph.children(n.id()).stream().anyMatch(c -> model.module(c).isEmpty());
            out.put(n.id(), new NodeInfo.ModuleRef(module.get(), n.pos().file(), away));
        }
        return out;
    }

    private static Status status(Judgement j, Obligation.Kind kind, String node) {
        return j.obligations().get(ObligationId.of(kind, node)).status();
    }

    private static ObligationResult obligation(Model.Case model, Obligation o, Judged j, Optional<String> owner,
                                               Optional<String> ungated, Texts texts) {
        List<ObligationResult.PremiseText> premises = o.premises().stream().map(p -> texts.premise(p.name(), p.formula())).toList();
        List<Term> formulas = new ArrayList<>();
        o.premises().forEach(p -> formulas.add(p.formula()));
        o.goal().ifPresent(formulas::add);
        // a module node's obligations are where the node is, in the module's file
        String file = model.module(o.node()).isPresent() ? o.pos().file() : model.file();
        return new ObligationResult(o.id(), file, o.pos().line(), j.status(), j.reason(),
                new ObligationResult.Findings(j.millis(), j.usedAssumptions(), j.core(), j.counterexample(),
                        Witnesses.of(o, j.counterexample())),
                new ObligationResult.Statement(premises, o.goal().map(Infix::print), texts.definitions(formulas)), owner,
                ungated);
    }

    /**
     * The printed premises and defines of one case's obligations, each made once: premises are shared by many
     * obligations (an inherited assumption, a range), so a case's results hold each text once.
     */
    private static final class Texts {
        private final Map<Term, Map<String, ObligationResult.PremiseText>> premises = new IdentityHashMap<>();
        private final Map<Term, List<ObligationResult.PremiseText>> definitions = new IdentityHashMap<>();

        ObligationResult.PremiseText premise(String name, Term formula) {
            return premises.computeIfAbsent(formula, k -> new HashMap<>())
                    .computeIfAbsent(name, n -> new ObligationResult.PremiseText(n, Infix.print(formula)));
        }

        /** The defines the formulas use, each once, a define after those it uses (as {@link Terms#definitions}). */
        List<ObligationResult.PremiseText> definitions(List<Term> formulas) {
            Map<String, ObligationResult.PremiseText> out = new LinkedHashMap<>();
            for (Term f : formulas) {
                for (ObligationResult.PremiseText d : definitions.computeIfAbsent(f, this::ofFormula)) out.putIfAbsent(d.name(), d);
            }
            return List.copyOf(out.values());
        }

        private List<ObligationResult.PremiseText> ofFormula(Term f) {
            List<ObligationResult.PremiseText> out = new ArrayList<>();
            Terms.definitions(List.of(f)).forEach((name, body) -> out.add(new ObligationResult.PremiseText(name, Infix.print(body))));
            return out.isEmpty() ? List.of() : List.copyOf(out);
        }
    }

    private static Optional<String> ownerOf(Model.Node n) {
        if (n instanceof Model.Claim c) return c.owner();
        if (n instanceof Model.Strategy s) return s.owner();
        if (n instanceof Model.Defeater d) return d.owner();
        return Optional.empty();
    }

    private static ClaimResult claim(Model.Claim c, ClaimJudgement j, Map<String, NodeInfo.ModuleRef> modules) {
        List<BoundResult> bounds = bounds(j.bounds());
        return new ClaimResult(info(c, modules), c.formula().map(Infix::print),
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
            out.addAll(d.strategies());
            out.addAll(d.evidence());
            for (Model.Choice c : d.choices()) out.addAll(c.members());
            return out;
        }
        return List.of();
    }
}
