package dev.safecase.bench;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import dev.safecase.result.Run;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How long the reports of a large case take to write and how big their pages get: for each size, a generated case
 * with some refuted and open obligations ({@link Generator#generate(int, boolean)}) is proved once, then every report
 * is written into a fresh folder (timed three times, the best kept, after one untimed warm-up), and the largest
 * HTML page, the diagram and the whole folder are measured.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    /** The page size the report aims to stay under at any size of case. */
    public static final long PAGE_BUDGET = 3L * 1024 * 1024;

    public static void run(List<Integer> sizes, Path workDir, PrintWriter out) throws IOException {
        Files.createDirectories(workDir);
        out.println("report-ms = writing every report of the proved run, wall clock (best of 3, after a warm-up);");
        out.println("cpu-ms = the same, CPU time of the writing thread (what an idle machine's wall clock would be);");
        out.println("pages = HTML pages;");
        out.println("largest = the largest HTML page; svg = CASE.svg; total = the whole report folder");
        out.printf(Locale.ROOT, "%-7s %6s %9s %9s %10s %8s %6s %10s %10s %10s%n", "size", "claims", "obligs", "unproven",
                "report-ms", "cpu-ms", "pages", "largest", "svg", "total");
        out.flush();
        for (int size : sizes) {
            Path file = workDir.resolve("report" + size + ".case");
            Files.writeString(file, Generator.generate(size, true), StandardCharsets.UTF_8);
            Verifier v = new Verifier(Options.defaults(workDir).withJobs(2));
            Verifier.Outcome outcome = v.run(List.of(file));
            Run run = outcome.run();
            if (run.hasInputErrors()) throw new IllegalStateException("generated case has errors: " + file);
            Path dir = workDir.resolve("report" + size);
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 4; i++) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                Reports.writeAll(run, f -> v.source(f).map(dev.safecase.diag.SourceText::text), dir,
                        OutputFolder.Protected.of(workDir, List.of(file), List.of()));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                if (i > 0) {
                    best = Math.min(best, ms);
                    bestCpu = Math.min(bestCpu, cpu);
                }
            }
            Sizes s = sizes(dir);
            int claims = run.cases().stream().mapToInt(c -> c.claims().size()).sum();
            int obligations = run.cases().stream().mapToInt(c -> c.obligations().size()).sum();
            int unproven = run.cases().stream().mapToInt(c -> c.unproven().size()).sum();
            out.printf(Locale.ROOT, "%-7d %6d %9d %9d %10d %8d %6d %10s %10s %10s%n", size, claims, obligations, unproven,
                    best, bestCpu, s.pages(), kib(s.largest()), kib(s.svg()), kib(s.total()));
            out.flush();
            if (s.largest() > PAGE_BUDGET) out.println("  note: the largest page is over " + kib(PAGE_BUDGET));
        }
    }

    record Sizes(int pages, long largest, long svg, long total) {}

    static Sizes sizes(Path dir) throws IOException {
        int pages = 0;
        long largest = 0;
        long svg = 0;
        long total = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                long n = Files.size(p);
                total += n;
                String name = p.getFileName().toString();
                if (name.endsWith(".html")) {
                    pages++;
                    largest = Math.max(largest, n);
                } else if (name.endsWith(".svg")) {
                    svg = Math.max(svg, n);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Sizes(pages, largest, svg, total);
    }

    private static String kib(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%d KiB", bytes / 1024);
    }
}
