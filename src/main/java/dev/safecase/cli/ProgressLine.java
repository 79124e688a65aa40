package dev.safecase.cli;

import dev.safecase.pipeline.Verifier;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The progress line on stderr while Z3 works: {@code safecase: proving 2 cases: 1200/5462
 * obligations (21 %), about 9 s left}, redrawn in place, shown only when stderr is a terminal,
 * the run has taken more than two seconds and {@code --quiet} is not given; erased at the end.
 * {@code SAFECASE_PROGRESS=0} turns it off, {@code =1} on (also when stderr is not a terminal);
 * the system properties {@code safecase.progress} (0 or 1) and {@code safecase.progress.delayMs}
 * do the same for tests.
 */
final class ProgressLine implements Verifier.Progress {
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean on;
    private final long shownAfter;
    private final long created = System.nanoTime();
    private long provingSince = -1;
    private long lastDrawn = -1;
    private int width;

    private ProgressLine(PrintWriter err, boolean on, long delayMs) {
        this.err = err;
        this.on = on;
        this.shownAfter = delayMs * 1_000_000L;
    }

    static ProgressLine forTerminal(PrintWriter err, boolean quiet) {
        String forced = System.getProperty("safecase.progress", System.getenv("SAFECASE_PROGRESS"));
        boolean on = !quiet && (forced != null ? forced.equals("1") : System.console() != null);
        long delay = 2000;
        try {
            delay = Long.parseLong(System.getProperty("safecase.progress.delayMs", "2000"));
        } catch (NumberFormatException ignored) {
            // the default
        }
        return new ProgressLine(err, on, Math.max(0, delay));
    }

    @Override
    public synchronized void update(int cases, int done, int total) {
        if (!on || total <= 0) return;
        long now = System.nanoTime();
        if (provingSince < 0) provingSince = now;
        if (now - created < shownAfter) return;
        if (lastDrawn >= 0 && now - lastDrawn < REDRAW_NANOS && done < total) return;
        lastDrawn = now;
        String eta = "";
        double elapsed = (now - provingSince) / 1e9;
        if (done > 0 && done < total && elapsed > 0.5) {
            long left = Math.round(elapsed / done * (total - done));
            eta = ", about " + left + " s left";
        }
        String line = String.format(Locale.ROOT, "safecase: proving %d case%s: %d/%d obligations (%d %%)%s", cases,
                cases == 1 ? "" : "s", done, total, (int) (100L * done / total), eta);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = Math.max(width, line.length());
        err.flush();
    }

    /** Erases the line, if one was drawn. */
    synchronized void clear() {
        if (width == 0) return;
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
        width = 0;
    }
}
