package dev.safecase.diff;

import dev.safecase.judge.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A result file ({@code safecase.json}, {@code check --format json}) as {@code diff} compares it: the gate, and per
 * case its obligations, open problems and evidence. Maps keep the file's order.
 */
public record Snapshot(String source, String version, String today, Gate gate, Map<String, Case> cases) {

    public record Gate(boolean passed, int proved, int total, List<String> reasons) {
        public Gate {
            reasons = List.copyOf(reasons);
        }
    }

    public record Case(String name, String file, boolean checked, boolean discharged, Map<String, Obligation> obligations,
                       List<String> openProblems, Map<String, Evidence> evidence) {
        public Case {
            openProblems = List.copyOf(openProblems);
        }
    }

    /** An obligation: where, its status and why, the counterexample of a refutation, the owner of an open problem. */
    public record Obligation(String id, String file, int line, Status status, Optional<String> reason,
                             Map<String, String> counterexample, List<String> core, Optional<String> owner) {
        public Obligation {
            core = List.copyOf(core);
        }

        public String where() {
            return file + ":" + line;
        }
    }

    /** An evidence item: its status, file, pin, expiry and why it is invalid. */
    public record Evidence(String id, Status status, Optional<String> file, Optional<String> sha256,
                           Optional<String> expires, Optional<String> reason) {
        /** Whether it failed its check because its date passed. */
        public boolean expired() {
            return status == Status.INVALID && reason.map(r -> r.startsWith("expired")).orElse(false);
        }
    }
}
