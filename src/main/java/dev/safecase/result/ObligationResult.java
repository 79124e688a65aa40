package dev.safecase.result;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One obligation: where it is, its status and why, what the solver found, and what was asked of it. */
public record ObligationResult(ObligationId id, String file, int line, Status status, Optional<String> reason,
                               Findings findings, Statement statement, Optional<String> owner, Optional<String> ungated) {

    public ObligationResult(ObligationId id, String file, int line, Status status, Optional<String> reason,
                            Findings findings, Statement statement, Optional<String> owner) {
        this(id, file, line, status, reason, findings, statement, owner, Optional.empty());
    }

    /** Whether the gate weighs it: not part of a counter-argument, not superseded by a discharged route. */
    public boolean gated() {
        return ungated.isEmpty();
    }

    /**
     * What the solver found: time spent, the assumptions a proof used, the core of clashing
     * premises (for any status but proved), the counterexample of a refutation (symbol to value,
     * in the order given: the judge gives the obligation's symbol order), and for a refutation the
     * {@link Witness}: the symbols that matter and the goal evaluated in the counterexample.
     */
    public record Findings(long millis, List<String> usedAssumptions, List<String> core, Map<String, String> counterexample,
                           Witness witness) {
        public static final Findings NONE = new Findings(0, List.of(), List.of(), Map.of());

        public Findings {
            usedAssumptions = List.copyOf(usedAssumptions);
            core = List.copyOf(core);
            counterexample = Collections.unmodifiableMap(new LinkedHashMap<>(counterexample));
        }

        /** Findings without a witness (every symbol of a counterexample shown, nothing evaluated). */
        public Findings(long millis, List<String> usedAssumptions, List<String> core, Map<String, String> counterexample) {
            this(millis, usedAssumptions, core, counterexample, Witness.NONE);
        }
    }

    /**
     * The premises and the goal as shown to a reader (absent goal: the premises must hold
     * together), and what each define they name stands for, a define after those it uses.
     */
    public record Statement(List<PremiseText> premises, Optional<String> goal, List<PremiseText> definitions) {
        public static final Statement NONE = new Statement(List.of(), Optional.empty(), List.of());

        public Statement {
            premises = List.copyOf(premises);
            definitions = List.copyOf(definitions);
        }
    }

    /** A premise as shown to a reader: its name ({@code warrant}, {@code E#1}, {@code range:q}) and formula. */
    public record PremiseText(String name, String formula) {}

    public String node() {
        return id.node();
    }

    /** The route of a support list with choices that this step belongs to. */
    public Optional<String> route() {
        return id.route();
    }

    public long millis() {
        return findings.millis();
    }

    public List<String> usedAssumptions() {
        return findings.usedAssumptions();
    }

    public List<String> core() {
        return findings.core();
    }

    public Map<String, String> counterexample() {
        return findings.counterexample();
    }

    public Witness witness() {
        return findings.witness();
    }

    public List<PremiseText> premises() {
        return statement.premises();
    }

    public Optional<String> goal() {
        return statement.goal();
    }

    public List<PremiseText> definitions() {
        return statement.definitions();
    }
}
