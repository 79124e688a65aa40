package dev.safecase.evidence;

import dev.safecase.formula.Terms;
import dev.safecase.model.Model;
import dev.safecase.stats.Deadline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides {@code validity:E} for one evidence item: the file exists, is a regular file inside
 * the root, matches its pin, has not expired, parses as strict JSON, and every {@code json()}
 * resolves to a value of the needed type. Valid evidence gets its facts back ground: every
 * {@code json()} and built-in replaced by the exact constant it stands for.
 *
 * <p>One instance per run: each file is read once (keyed by its real path), however many
 * evidence items name it. Calls are serialised, so one instance may be shared between threads.
 */
public final class Validity {

    /** Where an evidence item stands after its checks. */
    public enum State {
        /** A file that passed every check; its facts are ground. */
        VALID,
        /** A file that failed a check; its facts are dropped. */
        INVALID,
        /** No file: accepted on review, never checked; its facts stand as written. */
        REFERENCE
    }

    /**
     * The verdict on one evidence item. {@code actualSha256} is present whenever the file was
     * read; {@code facts} are ground for VALID, unchanged for REFERENCE and empty for INVALID.
     */
    public record Outcome(State state, Optional<String> reason, Optional<String> actualSha256, List<Model.Fact> facts) {
        public Outcome {
            facts = List.copyOf(facts);
        }
    }

    static final String REFERENCE = "reference (no file): accepted by review, not checked";

    private final LocalDate today;
    private final EvidenceFiles files;
    private final Supplier<Deadline> deadlines;

    /** Built-ins are evaluated without a time limit (their domain bounds the work). */
    public Validity(Path root, LocalDate today) {
        this(root, today, () -> Deadline.NONE);
    }

    /** Each built-in evaluation may take {@code evaluationTimeoutMs} (the run's {@code --timeout-ms}). */
    public Validity(Path root, LocalDate today, long evaluationTimeoutMs) {
        this(root, today, () -> Deadline.after(evaluationTimeoutMs));
    }

    /** As above, with each evaluation's deadline made by {@code deadlines}. */
    public Validity(Path root, LocalDate today, Supplier<Deadline> deadlines) {
        this.today = today;
        this.files = new EvidenceFiles(root);
        this.deadlines = deadlines;
    }

    /** How many times a file was opened and read in this run (each file once, normally). */
    public synchronized int filesRead() {
        return files.filesRead();
    }

    public synchronized Outcome decide(Model.Case c, Model.Evidence e) {
        if (e.isReference()) {
            return new Outcome(State.REFERENCE, Optional.of(REFERENCE), Optional.empty(), e.facts());
        }
        String written = e.file().get();
        EvidenceFiles.Location where = files.locate(written, c.path());
        if (where instanceof EvidenceFiles.Unreadable u) return invalid(u.why(), Optional.empty());
        Path real = ((EvidenceFiles.Readable) where).real();
        boolean needsJson = usesJson(e);
        EvidenceFiles.FileData data;
        try {
            data = files.read(real, needsJson || sameFileNeedsJson(c, real));
        } catch (IOException ex) {
            return invalid("cannot read " + written + ": " + EvidenceFiles.describe(ex), Optional.empty());
        }
        Optional<String> actual = Optional.of(data.sha256());
        if (e.sha256().isPresent() && !e.sha256().get().equalsIgnoreCase(data.sha256())) {
            return invalid("sha256 mismatch for " + written + ": expected " + e.sha256().get()
                    + " but the file has " + data.sha256(), actual);
        }
        if (e.expires().isPresent() && today.isAfter(e.expires().get())) {
            return invalid("expired on " + e.expires().get() + " (today is " + today + ")", actual);
        }
        if (needsJson && data.jsonError().isPresent()) {
            return invalid(written + " is not valid JSON: " + data.jsonError().get(), actual);
        }
        Grounding.Result ground = Grounding.ground(e.facts(), written, data.json(), deadlines);
        if (ground instanceof Grounding.Failed f) return invalid(f.reason(), actual);
        return new Outcome(State.VALID, Optional.empty(), actual, ((Grounding.Ground) ground).facts());
    }

    private static Outcome invalid(String reason, Optional<String> actualSha256) {
        return new Outcome(State.INVALID, Optional.of(reason), actualSha256, List.of());
    }

    private static boolean usesJson(Model.Evidence e) {
        return e.facts().stream().anyMatch(f -> Terms.containsJson(f.formula()));
    }

    /** Parse on the first read when any evidence of the case reads the same file with json(). */
    private boolean sameFileNeedsJson(Model.Case c, Path real) {
        for (Model.Evidence other : c.all(Model.Evidence.class)) {
            if (other.file().isPresent() && usesJson(other)
                    && files.locate(other.file().get(), c.path()) instanceof EvidenceFiles.Readable r && r.real().equals(real)) {
                return true;
            }
        }
        return false;
    }
}
