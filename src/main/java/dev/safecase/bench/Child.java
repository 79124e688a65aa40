package dev.safecase.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process of the benchmark, measured from outside: wall time, and from {@code /proc} (Linux)
 * its CPU time and peak resident set size, sampled every few milliseconds until it ends (so
 * both are those of the last sample, at most a sampling interval before the end).
 */
record Child(int exit, long wallNanos, long cpuMillis, long peakRssKib) {
    private static final long TICKS_PER_SECOND = 100;

    static Child run(List<String> command, Path directory, Path stdout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process p = pb.start();
        long cpu = -1;
        long rss = -1;
        Path proc = Path.of("/proc", Long.toString(p.pid()));
        while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
            cpu = Math.max(cpu, cpuTicks(proc) * 1000 / TICKS_PER_SECOND);
            rss = Math.max(rss, peakRss(proc));
        }
        long wall = System.nanoTime() - start;
        return new Child(p.exitValue(), wall, cpu, rss);
    }

    /** utime + stime of the process, in clock ticks; -1 when not readable. */
    private static long cpuTicks(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** VmHWM, the peak resident set size, in KiB; -1 when not readable. */
    private static long peakRss(Path proc) {
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return -1;
    }

    double wallSeconds() {
        return wallNanos / 1e9;
    }
}
