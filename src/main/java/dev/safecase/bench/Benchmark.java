package dev.safecase.bench;

import dev.safecase.pipeline.Options;
import dev.safecase.result.Run;
import dev.safecase.pipeline.Verifier;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A plain timed harness (not a unit test): generates cases of a given number of claims, runs
 * the whole pipeline with --jobs 1 and --jobs 2, and compares with the z3 command line on the
 * same obligations exported into one script.
 */
public final class Benchmark {
    private Benchmark() {
    }

    public static void run(List<Integer> sizes, Path workDir, PrintWriter out) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        boolean z3Cli = onPath("z3");
        out.println("size = claims per case; wall = whole run (parse, check, lower, prove, judge); z3 = time inside Z3;");
        out.println("ob/s = solver obligations per second of wall time; z3-cli = the z3 binary on the same obligations");
        out.printf(Locale.ROOT, "%-7s %-5s %6s %9s %9s %9s %9s %9s %8s%n", "size", "jobs", "claims", "solved", "wall-ms",
                "z3-ms", "ob/s", "heap-MiB", "z3-cli");
        out.flush();
        for (int size : sizes) {
            Path file = workDir.resolve("bench" + size + ".case");
            Files.writeString(file, Generator.generate(size), StandardCharsets.UTF_8);
            String cli = "n/a";
            for (int jobs : List.of(1, 2)) {
                System.gc();
                resetPeaks();
                Options o = Options.defaults(workDir).withJobs(jobs);
                long t0 = System.nanoTime();
                Verifier.Outcome outcome = new Verifier(o).run(List.of(file));
                long wall = (System.nanoTime() - t0) / 1_000_000;
                long heap = peakHeap() / (1024 * 1024);
                long inZ3 = outcome.verdicts().values().stream().mapToLong(Verdict::nanos).sum() / 1_000_000;
                int solved = outcome.verdicts().size();
                int claims = outcome.run().cases().stream().mapToInt(c -> c.claims().size()).sum();
                if (outcome.run().hasInputErrors()) throw new IllegalStateException("generated case has errors: " + file);
                if (jobs == 1 && z3Cli) cli = z3CliMillis(outcome, workDir.resolve("bench" + size + ".smt2")) + " ms";
                out.printf(Locale.ROOT, "%-7d %-5d %6d %9d %9d %9d %9.0f %9d %8s%n", size, jobs, claims, solved, wall, inZ3,
                        solved * 1000.0 / Math.max(1, wall), heap, jobs == 1 ? cli : "");
                out.flush();
                gateSanity(outcome.run());
            }
        }
    }

    private static void gateSanity(Run run) {
        if (run.gate().total() == 0) throw new IllegalStateException("no obligations");
    }

    /** Every solver obligation in one script: push, premises, check-sat, negated goal, check-sat, pop. */
    static long z3CliMillis(Verifier.Outcome outcome, Path script) throws IOException, InterruptedException {
        StringBuilder sb = new StringBuilder("(set-logic ALL)\n");
        Set<String> declared = new LinkedHashSet<>();
        List<Obligation> obs = new ArrayList<>();
        for (Verifier.Prepared p : outcome.prepared().values()) {
            for (Obligation o : p.lowered().obligations()) {
                if (o.mode() == Obligation.Mode.ENTAILMENT || o.mode() == Obligation.Mode.SATISFIABLE) obs.add(o);
            }
        }
        for (Obligation o : obs) {
            for (String line : SmtLib.declarations(o).split("\n")) {
                if (!line.isBlank() && declared.add(line)) sb.append(line).append('\n');
            }
        }
        for (Obligation o : obs) {
            sb.append("(push 1)\n");
            for (Premise p : o.premises()) sb.append("(assert ").append(SmtLib.bool(p.formula())).append(")\n");
            sb.append("(check-sat)\n");
            o.goal().ifPresent(g -> sb.append("(assert (not ").append(SmtLib.bool(g)).append("))\n(check-sat)\n"));
            sb.append("(pop 1)\n");
        }
        Files.writeString(script, sb.toString(), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("z3", script.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) p.destroyForcibly();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
