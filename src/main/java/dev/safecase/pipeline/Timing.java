package dev.safecase.pipeline;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time (and the process's CPU time) per phase of a run, printed on stderr as one line when
 * {@code -Dsafecase.timing=true} is set (for the benchmark figures); silent otherwise.
 */
final class Timing {
    /** Off unless asked for: the management beans it reads cost a start about 12 ms to load. */
    private final boolean on = Boolean.getBoolean("safecase.timing");
    private final List<String> laps = new ArrayList<>();
    private long last = System.nanoTime();
    private long lastCpu = on ? cpu() : 0;
    private long lastThread = on ? thread() : 0;

    /** Ends the phase called {@code name}. */
    void lap(String name) {
        if (!on) return;
        long now = System.nanoTime();
        long cpu = cpu();
        long thread = thread();
        laps.add(name + " " + (now - last) / 1_000_000 + " ms (cpu " + (cpu - lastCpu) / 1_000_000 + " ms, this thread "
                + (thread - lastThread) / 1_000_000 + " ms)");
        last = now;
        lastCpu = cpu;
        lastThread = thread;
    }

    void report(PrintStream err) {
        if (on) err.println("safecase timing: " + String.join(", ", laps));
    }

    private static long thread() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long cpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
