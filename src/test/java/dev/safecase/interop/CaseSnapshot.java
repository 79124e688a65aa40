package dev.safecase.interop;

import dev.safecase.formula.Infix;
import dev.safecase.model.Model;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.ObligationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a round trip must keep of a checked case: every node (kind, text, formula, relations and
 * clauses) and every obligation's verdict, keyed by ID. Positions and source order are left out:
 * an import writes declarations in another order than the author did.
 */
record CaseSnapshot(String name, String text, Map<String, String> nodes, Map<String, String> verdicts) {

    static CaseSnapshot of(Verifier.Outcome out) {
        Verifier.Prepared p = out.prepared().values().iterator().next();
        Model.Case m = p.model();
        Map<String, String> nodes = new TreeMap<>();
        for (Model.Node n : m.nodes()) nodes.put(n.id(), describe(n));
        Map<String, String> verdicts = new TreeMap<>();
        for (ObligationResult o : out.run().cases().get(0).obligations()) verdicts.put(o.id().toString(), o.status().label());
        return new CaseSnapshot(m.name(), m.text(), nodes, verdicts);
    }

    private static String describe(Model.Node n) {
        List<String> parts = new ArrayList<>();
        parts.add(n.kind().keyword);
        parts.add("text=" + n.text());
        parts.add("origin=" + n.origin().map(o -> o.replaceAll(" \\([^)]*:\\d+:\\d+\\)", "")).orElse(""));
        if (n instanceof Model.Claim c) {
            parts.add("formula=" + c.formula().map(Infix::print).orElse(""));
            parts.add("context=" + c.context() + " assuming=" + c.assuming() + " justified=" + c.justifiedBy());
            parts.add("support=" + support(c.support()));
            parts.add("asserted=" + c.asserted().orElse("") + " owner=" + c.owner().orElse(""));
        } else if (n instanceof Model.Strategy s) {
            parts.add("context=" + s.context() + " assuming=" + s.assuming() + " justified=" + s.justifiedBy());
            parts.add("subclaims=" + s.subclaims() + " undeveloped=" + s.undeveloped());
            parts.add("asserted=" + s.asserted().orElse("") + " owner=" + s.owner().orElse(""));
        } else if (n instanceof Model.Evidence e) {
            parts.add("file=" + e.file().orElse("") + " sha256=" + e.sha256().orElse("") + " expires=" + e.expires().map(Object::toString).orElse(""));
            parts.add("facts=" + e.facts().stream().map(f -> Infix.print(f.formula())).toList());
        } else if (n instanceof Model.Defeater d) {
            parts.add("formula=" + d.formula().map(Infix::print).orElse(""));
            parts.add(d.attack() + " " + d.target() + d.relation().map(r -> " -> " + r).orElse("") + " argument="
                    + support(d.argument()) + " eliminatedBy=" + d.eliminatedBy() + " accepted=" + d.accepted().orElse("")
                    + " owner=" + d.owner().orElse(""));
        } else if (n instanceof Model.Assumption a) {
            parts.add("formula=" + a.formula().map(Infix::print).orElse(""));
        }
        return String.join("; ", parts);
    }

    private static String support(Model.Support s) {
        if (s instanceof Model.ByStrategy b) return "strategy " + b.strategy();
        if (s instanceof Model.Direct d) {
            return "claims " + d.claims() + " evidence " + d.evidence() + " strategies " + d.strategies() + " choices " + d.choices();
        }
        if (s instanceof Model.Undeveloped) return "undeveloped";
        return "none";
    }
}
