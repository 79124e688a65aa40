package dev.safecase.result;

import dev.safecase.judge.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An evidence item: its file and pin, how it stands ({@code status}: its validity and what the defeaters that undermine
 * it do to it), its validity alone and why, its facts as read, and the bounds in them.
 */
public record EvidenceResult(NodeInfo node, Pin pin, Status status, Status validity, Optional<String> reason,
                             List<String> facts, List<BoundResult> bounds) implements NodeResult {
    public EvidenceResult {
        facts = List.copyOf(facts);
        bounds = List.copyOf(bounds);
    }

    /** An item that no defeater undermines: it stands as its validity does. */
    public EvidenceResult(NodeInfo node, Pin pin, Status status, Optional<String> reason, List<String> facts,
                          List<BoundResult> bounds) {
        this(node, pin, status, status, reason, facts, bounds);
    }

    /** The file (absent for a reference), its SHA-256 (the file's when it was read) and expiry date. */
    public record Pin(Optional<String> file, Optional<String> sha256, Optional<LocalDate> expires) {
        public static final Pin NONE = new Pin(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Optional<String> file() {
        return pin.file();
    }
}
