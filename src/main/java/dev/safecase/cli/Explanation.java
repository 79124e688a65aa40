package dev.safecase.cli;

import dev.safecase.diag.TerminalText;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.pipeline.Verifier;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.lower.ObligationRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The text of {@code explain}: one obligation in full. */
final class Explanation {
    private Explanation() {
    }

    record Found(CaseResult caseResult, ObligationResult result, Optional<Obligation> obligation) {}

    static Optional<Found> find(Verifier.Outcome outcome, String id) {
        List<Found> hits = new ArrayList<>();
        Optional<ObligationId> bare = ObligationId.parse(id);
        Optional<ObligationRef> qualified = ObligationRef.parse(id);
        for (CaseResult c : outcome.run().cases()) {
            for (ObligationResult o : c.obligations()) {
                if (bare.equals(Optional.of(o.id())) || qualified.equals(Optional.of(new ObligationRef(c.name(), o.id())))) {
                    Verifier.Prepared p = outcome.prepared().get(c.name());
                    Optional<Obligation> ob = p.lowered().obligations().stream().filter(x -> x.id().equals(o.id())).findFirst();
                    hits.add(new Found(c, o, ob));
                }
            }
        }
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    static String hint(Verifier.Outcome outcome, String id) {
        Optional<ObligationId> bare = ObligationId.parse(id);
        long matches = outcome.run().cases().stream().flatMap(c -> c.obligations().stream())
                .filter(o -> bare.equals(Optional.of(o.id()))).count();
        if (matches > 1) return " that is unique: several cases have it; write CASE:" + id;
        List<String> all = outcome.run().cases().stream().flatMap(c -> c.obligations().stream()).map(o -> o.id().toString())
                .filter(x -> x.endsWith(":" + id.substring(id.indexOf(':') + 1))).toList();
        return all.isEmpty() ? " (IDs are KIND:NODE, e.g. inference:top; see `safecase check`)" : " (did you mean " + all.get(0) + "?)";
    }

    static String render(Found f, Verifier.Outcome outcome) {
        ObligationResult o = f.result();
        StringBuilder sb = new StringBuilder();
        sb.append("obligation ").append(t(o.id())).append(" of case ").append(t(f.caseResult().name())).append(" (")
                .append(t(o.file())).append(':').append(o.line()).append(")\n");
        sb.append("status: ").append(o.status().label()).append(o.reason().map(r -> " - " + t(r)).orElse("")).append('\n');
        sb.append("premises:\n");
        if (o.premises().isEmpty()) sb.append("  (none)\n");
        for (ObligationResult.PremiseText p : o.premises()) sb.append("  [").append(t(p.name())).append("] ").append(t(p.formula())).append('\n');
        sb.append("goal: ").append(o.goal().map(Explanation::t)
                .orElse("(none: this obligation checks that the premises are satisfiable together)")).append('\n');
        if (!o.definitions().isEmpty()) sb.append("where:\n");
        for (ObligationResult.PremiseText d : o.definitions()) sb.append("  ").append(t(d.name())).append(" = ").append(t(d.formula())).append('\n');
        if (!o.usedAssumptions().isEmpty()) sb.append("used assumptions: ").append(t(String.join(", ", o.usedAssumptions()))).append('\n');
        if (!o.core().isEmpty()) sb.append("unsat core: ").append(t(String.join(", ", o.core()))).append('\n');
        if (!o.counterexample().isEmpty()) {
            sb.append("counterexample:\n");
            o.counterexample().forEach((k, v) -> sb.append("  ").append(t(k)).append(" = ").append(t(v)).append('\n'));
        }
        if (f.obligation().isPresent()) {
            Obligation ob = f.obligation().get();
            if (ob.mode() == Obligation.Mode.ENTAILMENT || ob.mode() == Obligation.Mode.SATISFIABLE) {
                sb.append("SMT-LIB sent to ").append(t(outcome.run().solver())).append(" (premise i is tracked by trk!i; ")
                        .append("the negated goal by trk!goal):\n");
                Verifier.sentText(ob).lines().forEach(line -> sb.append(t(line)).append('\n'));
            } else {
                sb.append("not sent to the solver (").append(ob.mode().name().toLowerCase(java.util.Locale.ROOT)).append(")\n");
            }
        }
        return sb.toString();
    }

    private static String t(Object s) {
        return TerminalText.escape(String.valueOf(s));
    }
}
