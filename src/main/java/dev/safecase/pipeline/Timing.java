package dev.safecase.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time per phase of a run, printed on stderr as one line when {@code -Dsafecase.timing=true}
 * is set (for the benchmark figures); silent otherwise.
 */
final class Timing {
    private final List<String> laps = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the phase called {@code name}. */
    void lap(String name) {
        long now = System.nanoTime();
        laps.add(name + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    void report(PrintStream err) {
        if (Boolean.getBoolean("safecase.timing")) err.println("safecase timing: " + String.join(", ", laps));
    }
}
