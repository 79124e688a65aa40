package dev.safecase.stats;

/**
 * How long one built-in evaluation may run ({@code --timeout-ms}). The long loops of the
 * statistics poll it; when it has passed they stop, and {@link Builtin#evaluate(java.util.List,
 * Deadline)} reports that no value was computed, so nothing rests on an unfinished bound.
 *
 * <p>Measured on the monotonic clock from the moment the deadline is made; a budget too large
 * to represent never expires.
 */
public final class Deadline {
    /** No limit: evaluation runs until it is done (it always ends; the domain bounds the work). */
    public static final Deadline NONE = new Deadline(0, Long.MAX_VALUE, 0, "--timeout-ms");

    private final long start;
    private final long budgetNanos;
    private final long millis;
    private final String setting;

    private Deadline(long start, long budgetNanos, long millis, String setting) {
        this.start = start;
        this.budgetNanos = budgetNanos;
        this.millis = millis;
        this.setting = setting;
    }

    /** A deadline {@code millis} from now; 0 has already passed (for tests), a negative budget is a bug. */
    public static Deadline after(long millis) {
        return after(millis, "--timeout-ms");
    }

    /** As {@link #after(long)}, with the name of the setting that gave the budget, for messages ({@code <timeoutMs>}). */
    public static Deadline after(long millis, String setting) {
        if (millis < 0) throw new IllegalArgumentException("negative budget " + millis);
        long nanos = millis > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : millis * 1_000_000;
        return new Deadline(System.nanoTime(), nanos, millis, setting);
    }

    /** The name of the setting that gave the budget, as the reader knows it. */
    public String setting() {
        return setting;
    }

    /** The budget in milliseconds, for messages. */
    public long millis() {
        return millis;
    }

    public boolean passed() {
        return budgetNanos != Long.MAX_VALUE && System.nanoTime() - start >= budgetNanos;
    }

    /** Stops the computation that polls it once the deadline has passed. */
    void check() {
        if (passed()) throw new Expired();
    }

    /** Thrown inside the statistics only, and turned into a result by {@link Builtin}. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super(null, null, false, false);
        }
    }
}
