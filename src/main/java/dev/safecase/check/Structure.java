package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.graph.ArgumentGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the shape of a resolved argument: every strategy has one parent, undercut claims have a
 * step to undercut, the dependency graph and the claim-formula graph are acyclic, and every
 * assumption is assumed somewhere.
 */
final class Structure {
    private final Model.Case model;
    private final Diagnostics diags;
    private final Map<String, Set<String>> claimFormulaRefs;
    private final Map<String, Model.Node> nodes = new LinkedHashMap<>();
    /** The model lacks what failed to resolve: skip the checks that a missing reference would trip. */
    private final boolean partial;

    Structure(Model.Case model, Diagnostics diags, Map<String, Set<String>> claimFormulaRefs, boolean partial) {
        this.model = model;
        this.diags = diags;
        this.claimFormulaRefs = claimFormulaRefs;
        this.partial = partial;
        for (Model.Node n : model.nodes()) nodes.put(n.id(), n);
    }

    /**
     * The shape checks of a module's own argument ({@code nodes}, resolved when the module was
     * checked): strategy parents, undercut targets and cycles. Unused assumptions are not
     * reported: a module's assumptions are for the files that import it.
     */
    static void checkModule(List<Model.Node> nodes, Diagnostics diags, Map<String, Set<String>> claimFormulaRefs,
                            boolean partial) {
        if (nodes.stream().noneMatch(n -> n instanceof Model.Claim || n instanceof Model.Strategy
                || n instanceof Model.Evidence || n instanceof Model.Defeater)) {
            return;
        }
        Model.Case module = new Model.Case("module", nodes.get(0).pos().file(), null, nodes.get(0).pos(), "", List.of(), nodes);
        Structure s = new Structure(module, diags, claimFormulaRefs, partial);
        s.strategyParents();
        s.undercutTargets();
        s.cycles(ArgumentGraph.of(module).cycles(), "dependency cycle", Code.SC304);
    }

    void check() {
        strategyParents();
        undercutTargets();
        ArgumentGraph graph = ArgumentGraph.of(model);
        cycles(graph.cycles(), "dependency cycle", Code.SC304);
        cycles(ArgumentGraph.cycles(claimFormulaRefs.keySet(), k -> List.copyOf(claimFormulaRefs.getOrDefault(k, Set.of()))),
                "claim formula cycle (a formal claim's formula names claims whose formulas name it back)",
                Code.SC305);
        if (!partial) unusedAssumptions();
        if (!partial) challenges(graph);
    }

    /**
     * A defeater of the counter side (of a defeater, or of a node in a defeater's argument) argues for the case: it
     * is met by its own argument, not eliminated or accepted as a risk to the case.
     */
    private void challenges(ArgumentGraph graph) {
        Map<String, ArgumentGraph.Side> sides = graph.sides();
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            String attacked = ArgumentGraph.attacked(d, nodes);
            if (sides.get(attacked) != ArgumentGraph.Side.COUNTER) continue;
            if (!d.argued()) {
                diags.error(Code.SC310, d.pos(), "defeater " + d.id() + " attacks " + attacked + ", which argues against the case: "
                        + "a challenge to a counter-argument needs its own argument (`supported by`)");
            } else if (!d.eliminatedBy().isEmpty() || d.accepted().isPresent()) {
                diags.error(Code.SC310, d.pos(), "defeater " + d.id() + " attacks " + attacked + ", which argues against the case, "
                        + "so it argues for the case: it stands by its argument, and `eliminated by` and `accepted` do not apply");
            }
        }
    }

    private void strategyParents() {
        Map<String, String> parent = new HashMap<>();
        for (Model.Node n : model.nodes()) {
            List<String> strategies = new ArrayList<>();
            if (n instanceof Model.Claim c && c.support() instanceof Model.ByStrategy s) strategies.add(s.strategy());
            Model.Support listed = n instanceof Model.Claim c ? c.support() : n instanceof Model.Defeater d ? d.argument()
                    : new Model.Unsupported();
            if (listed instanceof Model.Direct d) {
                for (String x : d.all()) if (nodes.get(x) instanceof Model.Strategy) strategies.add(x);
            }
            for (String s : strategies) {
                String old = parent.putIfAbsent(s, n.id());
                if (old != null) {
                    diags.error(Code.SC303, n.pos(), "strategy " + s + " already supports " + nodes.get(old).kind().keyword + " "
                            + old + "; a strategy has exactly one parent claim");
                } else if (listed instanceof Model.Direct && nodes.get(s) instanceof Model.Strategy st && st.asserted().isPresent()
                        && !st.subclaims().isEmpty()) {
                    diags.error(Code.SC309, st.pos(), "strategy " + s + " is one item of the support of " + n.id()
                            + ", whose inference carries its step: put `asserted` on " + n.id());
                }
            }
        }
        for (Model.Strategy s : model.all(Model.Strategy.class)) {
            if (!partial && !parent.containsKey(s.id())) {
                diags.error(Code.SC303, s.pos(), "strategy " + s.id() + " is named by no claim's `supported by`; "
                        + "every strategy has exactly one parent claim");
            }
        }
    }

    private void undercutTargets() {
        for (Model.Defeater d : model.all(Model.Defeater.class)) {
            Model.Node target = nodes.get(d.target());
            if (d.relation().isPresent()) {
                relationTarget(d, target, d.relation().get());
                continue;
            }
            if (d.attack() == Model.Attack.UNDERCUTS && target instanceof Model.Defeater t && !t.argued()) {
                diags.error(Code.SC310, d.pos(), "defeater " + t.id() + " has no argument (`supported by`) to undercut; "
                        + "rebut it to say that it does not hold");
            }
            if (d.attack() != Model.Attack.UNDERCUTS || !(target instanceof Model.Claim c)) continue;
            if (c.support() instanceof Model.ByStrategy s) {
                diags.error(Code.SC310, d.pos(), "claim " + c.id() + " is supported by strategy " + s.strategy()
                        + ", which carries its inference: undercut " + s.strategy() + " instead");
            } else if (!(c.support() instanceof Model.Direct)) {
                diags.error(Code.SC310, d.pos(), "claim " + c.id() + " has no `supported by`, so there is no inference to undercut");
            }
        }
    }

    /** {@code undercuts C -> X}: X supports C (a listed node, a strategy's subclaim, an argument's item) or attacks C. */
    private void relationTarget(Model.Defeater d, Model.Node target, String x) {
        if (d.attack() != Model.Attack.UNDERCUTS) return; // the grammar gives `->` to undercuts only
        List<String> supports = new ArrayList<>();
        if (target instanceof Model.Claim c && c.support() instanceof Model.ByStrategy s) supports.add(s.strategy());
        if (target instanceof Model.Claim c && c.support() instanceof Model.Direct dl) supports.addAll(dl.all());
        if (target instanceof Model.Strategy s) supports.addAll(s.subclaims());
        if (target instanceof Model.Defeater t && t.argument() instanceof Model.Direct dl) supports.addAll(dl.all());
        boolean attacks = nodes.get(x) instanceof Model.Defeater a && a.target().equals(target.id());
        if (!supports.contains(x) && !attacks) {
            diags.error(Code.SC310, d.pos(), "`undercuts " + target.id() + " -> " + x + "` attacks the relation between them, but "
                    + x + " neither supports " + target.id() + " nor attacks it");
        }
    }

    private void cycles(List<List<String>> cycles, String what, Code code) {
        for (List<String> cycle : cycles) {
            Model.Node at = nodes.get(cycle.get(0));
            diags.error(code, at == null ? model.pos() : at.pos(), what + ": " + String.join(" -> ", cycle));
        }
    }

    private void unusedAssumptions() {
        Set<String> assumed = new HashSet<>();
        for (Model.Node n : model.nodes()) {
            if (n instanceof Model.Claim c) assumed.addAll(c.assuming());
            if (n instanceof Model.Strategy s) assumed.addAll(s.assuming());
        }
        for (Model.Assumption a : model.all(Model.Assumption.class)) {
            if (!assumed.contains(a.id())) {
                diags.warning(Code.SC301, a.pos(), "assumption " + a.id() + " is never assumed (name it in an `assuming` clause)");
            }
        }
    }
}
