package dev.safecase.lower;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.lower.Obligation.Kind;
import dev.safecase.lower.Obligation.Mode;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a checked case into obligations (docs/language.md, sections 6, 7 and 9): computes the
 * assumption scope Γ of every node over the argument graph, expands formal claim IDs into their
 * formulas, and names every premise.
 */
public final class Lowering {

    /** The obligations of a case, Γ of every node (assumption IDs in source order), and warnings. */
    public record Lowered(List<Obligation> obligations, Map<String, List<String>> scope) {
        public Lowered {
            obligations = List.copyOf(obligations);
        }
    }

    private final Model.Case model;
    private final ArgumentGraph graph;
    private final Map<String, EvidenceState> evidence;
    private final Diagnostics diags;
    private final Map<String, Model.Node> nodes = new LinkedHashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, Set<String>> gamma = new HashMap<>();
    private final Map<String, Model.Quantity> quantities = new HashMap<>();
    private final Map<Term, Term> expanded = new java.util.IdentityHashMap<>();
    private final Map<String, Term> expandedAssumptions = new HashMap<>();
    private final Map<String, Optional<Premise>> ranges = new HashMap<>();
    /** Assumptions that the intersection of Γ drops at a node with several parents (SC314, reported when it matters). */
    private final List<ScopeWarnings.Dropped> dropped = new ArrayList<>();
    /** The quantities and claim atoms of each premise formula, by identity: premises are shared by many obligations. */
    private final Map<Term, Symbols> symbols = new java.util.IdentityHashMap<>();

    private record Symbols(Set<String> vars, Set<String> atoms) {}

    private Lowering(Model.Case model, ArgumentGraph graph, Map<String, EvidenceState> evidence, Diagnostics diags) {
        this.model = model;
        this.graph = graph;
        this.evidence = evidence;
        this.diags = diags;
        int i = 0;
        for (Model.Node n : model.nodes()) {
            nodes.put(n.id(), n);
            order.put(n.id(), i++);
        }
        for (Model.Quantity q : model.quantities()) quantities.put(q.name(), q);
    }

    /** {@code graph} is the case's argument graph; {@code evidence} what the evidence stage decided, by evidence ID. */
    public static Lowered lower(Model.Case model, ArgumentGraph graph, Map<String, EvidenceState> evidence,
                                Diagnostics diags) {
        return new Lowering(model, graph, evidence, diags).run();
    }

    private Lowered run() {
        Map<String, List<String>> scope = new LinkedHashMap<>();
        for (Model.Node n : model.nodes()) scope.put(n.id(), sorted(gamma(n.id())));
        Map<String, ArgumentGraph.Side> sides = graph.sides();
        List<Obligation> out = new ArrayList<>();
        for (Model.Node n : model.nodes()) {
            if (n instanceof Model.Claim c) {
                out.add(support(c.id(), c.pos(), c.support() instanceof Model.ByStrategy || c.support() instanceof Model.Direct,
                        c.support() instanceof Model.Undeveloped, c.asserted()));
                if (c.support() instanceof Model.Direct d) out.addAll(steps(c, d, new Term.ClaimRef(c.id())));
            } else if (n instanceof Model.Strategy s) {
                out.add(support(s.id(), s.pos(), !s.subclaims().isEmpty(), s.undeveloped(), s.asserted()));
                if (!s.subclaims().isEmpty() && carriesInference(s)) out.add(strategyInference(s));
            } else if (n instanceof Model.Evidence e) {
                out.add(validity(e));
            } else if (n instanceof Model.Defeater d) {
                boolean challenge = sides.get(ArgumentGraph.attacked(d, nodes)) == ArgumentGraph.Side.COUNTER;
                out.add(challenge ? challenge(d) : defeater(d));
                if (d.argument() instanceof Model.Direct a && d.formula().isPresent()) out.addAll(steps(d, a, d.formula().get()));
            }
        }
        out.add(consistency());
        new ScopeWarnings(model, graph, id -> gamma.getOrDefault(id, Set.of()), dropped, diags).report(out);
        return new Lowered(out, scope);
    }

    /** A strategy carries its own inference when it is its claim's whole support (`supported by S`). */
    private boolean carriesInference(Model.Strategy s) {
        List<String> ps = graph.parents(s.id());
        return !ps.isEmpty() && nodes.get(ps.get(0)) instanceof Model.Claim c && c.support() instanceof Model.ByStrategy;
    }

    // ------------------------------------------------------------ scope

    /**
     * Γ(n) = own(n) ∪ ⋂ over parents p of Γ(p); the checker has ruled out cycles. Only parents in
     * n's own module (or, for the case's nodes, in the case) count: assumptions do not flow into
     * a module's argument from the files that use it, so a module's obligations are the same
     * whoever imports it.
     */
    private Set<String> gamma(String id) {
        Set<String> hit = gamma.get(id);
        if (hit != null) return hit;
        gamma.put(id, Set.of()); // guards against a cycle the checker missed
        Set<String> own = new LinkedHashSet<>(own(nodes.get(id)));
        Optional<String> module = model.module(id);
        List<String> ps = graph.parents(id).stream().filter(p -> model.module(p).equals(module)).toList();
        Set<String> inherited = null;
        Set<String> union = new LinkedHashSet<>();
        for (String p : ps) {
            Set<String> g = gamma(p);
            union.addAll(g);
            if (inherited == null) inherited = new LinkedHashSet<>(g);
            else inherited.retainAll(g);
        }
        if (inherited != null) {
            for (String a : union) {
                if (inherited.contains(a) || own.contains(a)) continue;
                String with = ps.stream().filter(p -> gamma(p).contains(a)).findFirst().orElse("?");
                String without = ps.stream().filter(p -> !gamma(p).contains(a)).findFirst().orElse("?");
                dropped.add(new ScopeWarnings.Dropped(id, a, with, without));
            }
            own.addAll(inherited);
        }
        Set<String> result = Set.copyOf(own);
        gamma.put(id, result);
        return result;
    }

    private static List<String> own(Model.Node n) {
        if (n instanceof Model.Claim c) return c.assuming();
        if (n instanceof Model.Strategy s) return s.assuming();
        return List.of();
    }

    private List<String> sorted(Set<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.sort((a, b) -> Integer.compare(order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE)));
        return out;
    }

    // ------------------------------------------------------------ obligations

    private static Obligation without(ObligationId id, Position pos, Mode mode, List<Premise> premises,
                                      List<String> listed, Optional<String> reason) {
        return new Obligation(id, pos, mode, premises, Optional.empty(), listed, reason);
    }

    private Obligation support(String id, Position pos, boolean supported, boolean undeveloped, Optional<String> asserted) {
        ObligationId oid = ObligationId.of(Kind.SUPPORT, id);
        if (supported) return without(oid, pos, Mode.STRUCTURAL, List.of(), List.of(), Optional.empty());
        if (asserted.isPresent()) {
            return without(oid, pos, Mode.ASSERTED, List.of(), List.of(), Optional.of("asserted: " + asserted.get()));
        }
        String reason = undeveloped ? "undeveloped: nothing supports " + id + " yet" : id + " has no `supported by`";
        return without(oid, pos, Mode.OPEN, List.of(), List.of(), Optional.of(reason));
    }

    /** The evidence stage decides validity; the obligation records its verdict. */
    private Obligation validity(Model.Evidence e) {
        EvidenceState s = evidence.get(e.id());
        Mode mode = s == null ? Mode.INVALID : switch (s.standing()) {
            case CHECKED -> Mode.STRUCTURAL;
            case REVIEWED -> Mode.ASSERTED;
            case FAILED -> Mode.INVALID;
        };
        Optional<String> reason = s == null ? Optional.of("not checked") : s.reason();
        return without(ObligationId.of(Kind.VALIDITY, e.id()), e.pos(), mode, List.of(), List.of(e.id()), reason);
    }

    private Obligation strategyInference(Model.Strategy s) {
        String parent = graph.parents(s.id()).get(0);
        List<Premise> premises = assumptionPremises(s.id());
        premises.addAll(subclaims(s.subclaims()));
        return entailment(Kind.INFERENCE, s, premises, parent, List.of());
    }

    /**
     * The steps of a support list (docs/language.md, section 7): one obligation for a list without choices, else one
     * per route, each with the list's conjunctive items and the route's picks as premises.
     */
    private List<Obligation> steps(Model.Node owner, Model.Direct d, Term goal) {
        if (!d.hasChoices()) return List.of(step(owner, d.conjunctive(), Optional.empty(), goal));
        List<Obligation> out = new ArrayList<>();
        for (Model.Route r : d.routes()) {
            List<String> items = new ArrayList<>(d.conjunctive());
            for (String x : r.picks()) if (!items.contains(x)) items.add(x);
            out.add(step(owner, items, Optional.of(r.name()), goal));
        }
        return out;
    }

    private Obligation step(Model.Node owner, List<String> items, Optional<String> route, Term goal) {
        Premises p = itemPremises(owner.id(), items);
        boolean evidenceOnly = items.stream().allMatch(x -> nodes.get(x) instanceof Model.Evidence);
        Kind kind = evidenceOnly && owner instanceof Model.Claim ? Kind.EVIDENCE : Kind.INFERENCE;
        ObligationId id = route.map(r -> ObligationId.of(kind, owner.id(), r)).orElse(ObligationId.of(kind, owner.id()));
        return entailment(id, owner, p.premises(), goal, p.listed());
    }

    /**
     * Γ of the owner and what the items give: a claim its formula (or atom), evidence its facts, a strategy the
     * assumptions in scope at it and its subclaims (its step is part of this one).
     */
    private Premises itemPremises(String ownerId, List<String> items) {
        Set<String> assumptions = new LinkedHashSet<>(gamma(ownerId));
        for (String x : items) if (nodes.get(x) instanceof Model.Strategy) assumptions.addAll(gamma(x));
        List<Premise> ps = assumptionPremises(assumptions);
        List<String> listed = new ArrayList<>();
        for (String x : items) {
            Model.Node n = nodes.get(x);
            if (n instanceof Model.Evidence) {
                ps.addAll(facts(List.of(x)));
                listed.add(x);
            } else if (n instanceof Model.Strategy s) {
                ps.addAll(subclaims(s.subclaims()));
            } else {
                ps.addAll(subclaims(List.of(x)));
            }
        }
        return new Premises(ps, listed);
    }

    private Obligation entailment(Kind kind, Model.Node owner, List<Premise> premises, String goalClaim, List<String> listed) {
        return entailment(ObligationId.of(kind, owner.id()), owner, premises, new Term.ClaimRef(goalClaim), listed);
    }

    private Obligation entailment(ObligationId oid, Model.Node owner, List<Premise> premises, Term goalTerm,
                                  List<String> listed) {
        List<String> invalid = listed.stream().filter(e -> !evidenceValid(e)).toList();
        if (!invalid.isEmpty()) {
            return without(oid, owner.pos(), Mode.INVALID, premises, listed,
                    Optional.of("rests on invalid evidence " + String.join(", ", invalid)));
        }
        Term goal = expand(goalTerm);
        List<Premise> withRanges = withRanges(premises, Optional.of(goal));
        if (goal instanceof Term.ClaimRef atom && !mentioned(withRanges, atom.claimId(), this::symbolsOf)) {
            if (oid.kind() == Kind.EVIDENCE) {
                return new Obligation(oid, owner.pos(), Mode.ASSERTED, withRanges, Optional.of(goal), listed,
                        Optional.of("informal claim resting on valid evidence: accepted on review of "
                                + String.join(", ", listed)));
            }
            return new Obligation(oid, owner.pos(), Mode.OPEN, withRanges, Optional.of(goal), listed,
                    Optional.of("informal step: state a warrant assumption, or mark it asserted"));
        }
        return new Obligation(oid, owner.pos(), Mode.ENTAILMENT, withRanges, Optional.of(goal), listed, Optional.empty());
    }

    private Obligation defeater(Model.Defeater d) {
        ObligationId oid = ObligationId.of(Kind.DEFEATER, d.id());
        Premises p = defeaterPremises(d);
        List<String> invalid = p.listed().stream().filter(e -> !evidenceValid(e)).toList();
        if (!invalid.isEmpty()) {
            return without(oid, d.pos(), Mode.INVALID, p.premises(), p.listed(),
                    Optional.of((d.attack() == Model.Attack.UNDERMINES ? "undermines" : "attacks an inference resting on")
                            + " invalid evidence " + String.join(", ", invalid)));
        }
        if (d.formula().isPresent()) {
            List<Premise> premises = new ArrayList<>(p.premises());
            for (String c : d.eliminatedBy()) premises.add(new Premise.Eliminator(c, expand(new Term.ClaimRef(c))));
            Term goal = new Term.Not(expand(d.formula().get()));
            return new Obligation(oid, d.pos(), Mode.ENTAILMENT, withRanges(premises, Optional.of(goal)), Optional.of(goal),
                    p.listed(), Optional.empty());
        }
        if (!d.eliminatedBy().isEmpty()) {
            return without(oid, d.pos(), Mode.OPEN, List.of(), p.listed(),
                    Optional.of("eliminated by " + String.join(", ", d.eliminatedBy())));
        }
        if (d.accepted().isPresent()) {
            return without(oid, d.pos(), Mode.ASSERTED, List.of(), p.listed(), Optional.of("accepted: " + d.accepted().get()));
        }
        return without(oid, d.pos(), Mode.OPEN, List.of(), p.listed(), Optional.of("open defeater: " + d.text()));
    }

    private record Premises(List<Premise> premises, List<String> listed) {}

    /**
     * A defeater that attacks the counter side (a defeater, or a node of a defeater's argument) argues for the case:
     * the judge decides it by its own argument (docs/language.md, section 9).
     */
    private Obligation challenge(Model.Defeater d) {
        return without(ObligationId.of(Kind.DEFEATER, d.id()), d.pos(), Mode.STRUCTURAL, List.of(), List.of(),
                Optional.of("a challenge to the counter-argument: it stands by its own argument"));
    }

    /** P(d): the premises of the attacked step (docs/language.md, section 9). */
    private Premises defeaterPremises(Model.Defeater d) {
        Model.Node target = nodes.get(ArgumentGraph.attacked(d, nodes));
        if (target instanceof Model.Evidence e) {
            List<Premise> ps = assumptionPremises(e.id());
            ps.addAll(facts(List.of(e.id())));
            return new Premises(ps, List.of(e.id()));
        }
        if (target instanceof Model.Claim c && c.support() instanceof Model.ByStrategy s) {
            return stepPremises(nodes.get(s.strategy()), d.relation());
        }
        return stepPremises(target, d.relation());
    }

    /**
     * The premises of a node's step: a strategy's, or a support list's conjunctive items. A list with choices has
     * several steps; what they share is its conjunctive items, and a relation attack ({@code undercuts C -> X}) adds X.
     */
    private Premises stepPremises(Model.Node n, Optional<String> relation) {
        if (n instanceof Model.Strategy s) {
            List<Premise> ps = assumptionPremises(s.id());
            ps.addAll(subclaims(s.subclaims()));
            return new Premises(ps, List.of());
        }
        Model.Support support = n instanceof Model.Claim c ? c.support() : n instanceof Model.Defeater x ? x.argument()
                : new Model.Unsupported();
        if (support instanceof Model.Direct d) {
            List<String> items = new ArrayList<>(d.conjunctive());
            relation.filter(x -> d.all().contains(x) && !items.contains(x)).ifPresent(items::add);
            return itemPremises(n.id(), items);
        }
        return new Premises(assumptionPremises(n.id()), List.of());
    }

    private Obligation consistency() {
        Set<String> assumed = new TreeSet<>((a, b) -> Integer.compare(order.get(a), order.get(b)));
        for (Model.Node n : model.nodes()) assumed.addAll(own(n));
        List<Premise> premises = new ArrayList<>();
        for (String a : assumed) {
            ((Model.Assumption) nodes.get(a)).formula().ifPresent(f -> premises.add(new Premise.Assumption(a, expand(f))));
        }
        for (Model.Evidence e : model.all(Model.Evidence.class)) premises.addAll(facts(List.of(e.id())));
        for (Model.Claim c : model.all(Model.Claim.class)) {
            if (c.asserted().isPresent() && c.formula().isPresent()) {
                premises.add(new Premise.AssertedClaim(c.id(), expand(c.formula().get())));
            }
        }
        return without(ObligationId.of(Kind.CONSISTENCY, model.name()), model.pos(), Mode.SATISFIABLE,
                withAllRanges(premises), List.of(), Optional.empty());
    }

    // ------------------------------------------------------------ premises

    private List<Premise> assumptionPremises(String nodeId) {
        return assumptionPremises(gamma(nodeId));
    }

    private List<Premise> assumptionPremises(Set<String> ids) {
        List<Premise> out = new ArrayList<>();
        for (String a : sorted(ids)) {
            Model.Assumption as = (Model.Assumption) nodes.get(a);
            if (as.formula().isPresent()) out.add(new Premise.Assumption(a, assumptionFormula(as)));
        }
        return out;
    }

    private List<Premise> subclaims(List<String> claims) {
        List<Premise> out = new ArrayList<>();
        for (String c : claims) out.add(new Premise.Subclaim(c, expand(new Term.ClaimRef(c))));
        return out;
    }

    private boolean evidenceValid(String id) {
        EvidenceState s = evidence.get(id);
        return s != null && s.valid();
    }

    private List<Premise> facts(List<String> evidenceIds) {
        List<Premise> out = new ArrayList<>();
        for (String id : evidenceIds) {
            EvidenceState s = evidence.get(id);
            if (s == null || !s.valid()) continue;
            int i = 1;
            for (Model.Fact f : s.facts()) out.add(new Premise.Fact(id, i++, expand(f.formula())));
        }
        return out;
    }

    /**
     * Replaces formal claim references by their formulas; informal claims stay atoms. One memo for
     * the whole case, so a formula, a define's body or an assumption shared by many obligations is
     * expanded once and stays one shared term.
     */
    private Term expand(Term t) {
        return Terms.map(t, this::expandReference, expanded);
    }

    private Term expandReference(Term x) {
        if (x instanceof Term.ClaimRef r && nodes.get(r.claimId()) instanceof Model.Claim c && c.formula().isPresent()) {
            return expand(c.formula().get());
        }
        return x;
    }

    /** The expanded formula of an assumption, made once so every obligation shares the same term. */
    private Term assumptionFormula(Model.Assumption a) {
        return expandedAssumptions.computeIfAbsent(a.id(), k -> expand(a.formula().orElseThrow()));
    }

    private Symbols symbolsOf(Term t) {
        return symbols.computeIfAbsent(t, f -> {
            Set<String> vars = new LinkedHashSet<>();
            Set<String> atoms = new LinkedHashSet<>();
            Terms.collect(f, vars, atoms);
            return new Symbols(vars, atoms);
        });
    }

    private List<Premise> withRanges(List<Premise> premises, Optional<Term> goal) {
        Set<String> vars = new LinkedHashSet<>();
        for (Premise p : premises) vars.addAll(symbolsOf(p.formula()).vars());
        goal.ifPresent(g -> vars.addAll(symbolsOf(g).vars()));
        List<Premise> out = new ArrayList<>(premises);
        for (String v : vars) range(v).ifPresent(out::add);
        return out;
    }

    private List<Premise> withAllRanges(List<Premise> premises) {
        List<Premise> out = new ArrayList<>(premises);
        for (Model.Quantity q : model.quantities()) range(q.name()).ifPresent(out::add);
        return out;
    }

    private Optional<Premise> range(String var) {
        return ranges.computeIfAbsent(var, this::makeRange);
    }

    private Optional<Premise> makeRange(String var) {
        Model.Quantity q = quantities.get(var);
        if (q == null || !q.hasRange()) return Optional.empty();
        Term v = new Term.Var(q.name(), q.type());
        List<Term> parts = new ArrayList<>();
        q.low().ifPresent(lo -> parts.add(new Term.Cmp(Term.CmpOp.LE, new Term.Num(lo, numType(q, lo)), v)));
        q.high().ifPresent(hi -> parts.add(new Term.Cmp(Term.CmpOp.LE, v, new Term.Num(hi, numType(q, hi)))));
        Term f = parts.size() == 1 ? parts.get(0) : new Term.And(parts);
        return Optional.of(new Premise.Range(q.name(), f));
    }

    private static Type numType(Model.Quantity q, Rational r) {
        return q.type() instanceof Type.Int && r.isInteger() ? Type.INT : Type.REAL;
    }

    /**
     * Whether an informal claim's atom occurs in some premise, positively or negatively. Only an
     * atom that no premise mentions is left to review: once a premise speaks of it, the solver
     * decides, and a counterexample stands.
     */
    private static boolean mentioned(List<Premise> premises, String atom, java.util.function.Function<Term, Symbols> symbols) {
        for (Premise p : premises) {
            if (symbols.apply(p.formula()).atoms().contains(atom)) return true;
        }
        return false;
    }
}
