package dev.safecase.lower;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.model.Model;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * SC314: an assumption that the intersection of Γ drops at a node with several parents, reported
 * only where the drop changes an obligation: the assumption has a formula, and some step at or
 * below the node (an inference or evidence step, or a defeater's check of the step it attacks)
 * would have had it as a premise. A shared leaf with nothing to prove gets no warning.
 */
final class ScopeWarnings {
    /** {@code assumption} reaches {@code node} through parent {@code with} but not through {@code without}. */
    record Dropped(String node, String assumption, String with, String without) {}

    private final Map<String, Model.Node> nodes = new HashMap<>();
    private final ArgumentGraph graph;
    private final Function<String, Set<String>> gamma;
    private final List<Dropped> dropped;
    private final Diagnostics diags;

    ScopeWarnings(Model.Case model, ArgumentGraph graph, Function<String, Set<String>> gamma, List<Dropped> dropped,
                  Diagnostics diags) {
        for (Model.Node n : model.nodes()) nodes.putIfAbsent(n.id(), n);
        this.graph = graph;
        this.gamma = gamma;
        this.dropped = dropped;
        this.diags = diags;
    }

    void report(List<Obligation> obligations) {
        Set<String> stepsAt = new LinkedHashSet<>();
        for (Obligation o : obligations) {
            boolean step = o.kind() == Obligation.Kind.INFERENCE || o.kind() == Obligation.Kind.EVIDENCE
                    || o.kind() == Obligation.Kind.DEFEATER && o.mode() == Obligation.Mode.ENTAILMENT;
            if (!step) continue;
            stepsAt.add(o.kind() == Obligation.Kind.DEFEATER && nodes.get(o.node()) instanceof Model.Defeater d
                    ? ArgumentGraph.attacked(d, nodes) : o.node());
        }
        for (Dropped d : dropped) {
            if (!(nodes.get(d.assumption()) instanceof Model.Assumption a) || a.formula().isEmpty()) continue;
            boolean changes = graph.closure(d.node()).stream()
                    .anyMatch(m -> stepsAt.contains(m) && !gamma.apply(m).contains(d.assumption()));
            if (!changes) continue;
            diags.warning(Code.SC314, nodes.get(d.node()).pos(), "assumption " + d.assumption() + " is in scope of " + d.node()
                    + " through " + d.with() + " but not through " + d.without() + ", so " + d.node() + " may not rely on it");
        }
    }
}
