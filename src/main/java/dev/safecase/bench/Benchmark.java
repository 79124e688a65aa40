package dev.safecase.bench;

import dev.safecase.diag.Diagnostics;
import dev.safecase.lower.Obligation;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.prove.SolverId;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The timed harness of {@code ./safecase bench} (docs/benchmarks.md). For each size it generates
 * a case ({@link Generator}) and runs, each as a process of its own measured from outside
 * ({@link Child}: wall, CPU, peak RSS): safecase {@code check --no-cache} with {@code --jobs 1}
 * and {@code --jobs 2} (its JSON result kept to weigh it), the z3 command line on the same checks
 * without and with unsat cores, and a run with an empty verdict cache followed by one after one
 * claim's formula was edited. Then the hello case's start-up against a bare JVM's.
 */
public final class Benchmark {
    private static final Pattern CLAIM_T5 = Pattern.compile("(claim t5 \"node 5 is bounded\": x5 <= )(\\d+)");
    private static final int STARTS = 5;

    private Benchmark() {
    }

    /** The JVM options of this run that its children get too (the launcher's, e.g. a class-data archive). */
    private static List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-agentlib") || a.startsWith("-javaagent") || a.startsWith("-Xlog") || a.startsWith("-XX:ArchiveClassesAtExit")) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    private static List<String> safecase(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.safecase.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    public static void run(List<Integer> sizes, Path workDir, PrintWriter out) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path nowhere = workDir.resolve("stdout.txt");
        boolean z3 = onPath("z3");
        String z3Version = z3 ? z3Version(workDir) : "not installed";
        out.printf(Locale.ROOT, "safecase bench: %d cores, Java %s, %s inside safecase, %s on the command line%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), SolverId.declared(), z3Version);
        out.println("each figure is one process measured from outside: wall time, CPU time (user + system), peak RSS;");
        out.println("ratios are safecase's wall time over the z3 command line's without / with unsat cores");
        out.printf(Locale.ROOT, "%-7s %-34s %8s %8s %9s %9s %s%n", "claims", "run", "wall-s", "cpu-s", "peak-MiB", "JSON-MB", "ratio");
        out.flush();
        for (int size : sizes) {
            Path dir = Files.createDirectories(workDir.resolve("claims-" + size));
            Path cases = Files.createDirectories(dir.resolve("cases"));
            Path file = cases.resolve("bench.case");
            String text = Generator.generate(size);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            List<Obligation> solved = solved(dir, file);
            double plain = Double.NaN;
            double cores = Double.NaN;
            if (z3) {
                Files.writeString(dir.resolve("plain.smt2"), Z3Scripts.script(solved, false), StandardCharsets.UTF_8);
                Files.writeString(dir.resolve("cores.smt2"), Z3Scripts.script(solved, true), StandardCharsets.UTF_8);
                Child p = Child.run(List.of("z3", "plain.smt2"), dir, nowhere);
                plain = p.wallSeconds();
                Child c = Child.run(List.of("z3", "cores.smt2"), dir, nowhere);
                cores = c.wallSeconds();
                row(out, size, "z3 command line, no cores", p, -1, "");
                row(out, size, "z3 command line, with cores", c, -1, "");
            }
            double full = Double.NaN;
            for (String jobs : List.of("1", "2")) {
                Path json = dir.resolve("result-jobs" + jobs + ".json");
                Child s = Child.run(safecase("check", "--no-cache", "--root", dir.toString(), "--jobs", jobs, "--format", "json",
                        file.toString()), dir, json);
                if (jobs.equals("1")) full = s.wallSeconds();
                row(out, size, "safecase check --jobs " + jobs, s, Files.size(json), ratios(s.wallSeconds(), plain, cores));
            }
            Path cache = dir.resolve("cache");
            deleteTree(cache);
            Child filled = Child.run(safecase("check", "--cache-dir", cache.toString(), "--root", dir.toString(), "--jobs", "1",
                    file.toString()), dir, nowhere);
            row(out, size, "safecase, empty cache --jobs 1", filled, -1, ratios(filled.wallSeconds(), plain, cores));
            Matcher m = CLAIM_T5.matcher(text);
            if (m.find()) {
                Files.writeString(file, m.replaceFirst("$1" + (Long.parseLong(m.group(2)) + 1)), StandardCharsets.UTF_8);
                Child edited = Child.run(safecase("check", "--cache-dir", cache.toString(), "--root", dir.toString(), "--jobs", "1",
                        file.toString()), dir, nowhere);
                row(out, size, "  then after editing claim t5", edited, -1, String.format(Locale.ROOT, "%.0f %% of the full run",
                        100 * edited.wallSeconds() / full));
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            out.flush();
        }
        startUp(workDir, out);
    }

    private static void startUp(Path workDir, PrintWriter out) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir.resolve("hello"));
        Files.writeString(dir.resolve("hello.case"), HELLO, StandardCharsets.UTF_8);
        Path nowhere = dir.resolve("stdout.txt");
        List<String> bare = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HelloWorld.class.getName()));
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("bare JVM, a hello-world class", bare);
        runs.put("safecase --version", safecase("--version"));
        runs.put("safecase check hello.case --no-cache", safecase("check", "--no-cache", "--root", dir.toString(), "hello.case"));
        runs.put("safecase check hello.case, cached", safecase("check", "--cache-dir", dir.resolve("cache").toString(), "--root",
                dir.toString(), "hello.case"));
        out.printf(Locale.ROOT, "start-up, median of %d runs after one unmeasured:%n", STARTS);
        double base = Double.NaN;
        for (Map.Entry<String, List<String>> r : runs.entrySet()) {
            Child.run(r.getValue(), dir, nowhere); // warms the file cache (and fills the verdict cache)
            double[] walls = new double[STARTS];
            for (int i = 0; i < STARTS; i++) walls[i] = Child.run(r.getValue(), dir, nowhere).wallSeconds();
            Arrays.sort(walls);
            double median = walls[STARTS / 2];
            if (Double.isNaN(base)) base = median;
            out.printf(Locale.ROOT, "  %-40s %6.2f s  %5.1fx the bare JVM%n", r.getKey(), median, median / base);
            out.flush();
        }
    }

    private static String ratios(double wall, double plain, double cores) {
        if (Double.isNaN(plain)) return "";
        return String.format(Locale.ROOT, "%.2fx / %.2fx", wall / plain, wall / cores);
    }

    private static void row(PrintWriter out, int size, String what, Child c, long jsonBytes, String ratio) {
        out.printf(Locale.ROOT, "%-7d %-34s %8.2f %8.2f %9s %9s %s%s%n", size, what, c.wallSeconds(), c.cpuMillis() / 1000.0,
                c.peakRssKib() < 0 ? "?" : Long.toString(c.peakRssKib() / 1024), jsonBytes < 0 ? "" : String.format(Locale.ROOT, "%.1f",
                        jsonBytes / 1e6), ratio, c.exit() > 2 ? "  (exit " + c.exit() + ")" : "");
        out.flush();
    }

    private static List<Obligation> solved(Path root, Path file) {
        Map<String, Verifier.Prepared> p = new Verifier(Options.defaults(root)).prepare(List.of(file), new Diagnostics(),
                new LinkedHashMap<>());
        List<Obligation> out = new ArrayList<>();
        for (Verifier.Prepared c : p.values()) out.addAll(c.lowered().obligations().stream().filter(Obligation::isSolved).toList());
        if (out.isEmpty()) throw new IllegalStateException("the generated case has no solver obligations: " + file);
        return out;
    }

    private static String z3Version(Path dir) throws IOException, InterruptedException {
        Path o = dir.resolve("z3-version.txt");
        Child.run(List.of("z3", "--version"), dir, o);
        String v = Files.readString(o).strip();
        Matcher m = Pattern.compile("(\\d+\\.\\d+\\.\\d+)").matcher(v);
        return m.find() ? "z3 " + m.group(1) : v;
    }

    private static boolean onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.deleteIfExists(p);
        }
    }

    /** cases/examples/hello.case, so that the start-up figure needs no checkout. */
    static final String HELLO = String.join("\n",
            "case hello \"A rate limiter keeps the error rate of a service under 1%\"",
            "",
            "quantity err_rate  : probability  \"Share of requests answered with an error\"",
            "quantity measured  : probability  \"Upper bound on the error rate from the load test\"",
            "",
            "assumption load_test_representative \"The load test's traffic matches production traffic\":",
            "    err_rate <= measured",
            "",
            "claim top \"The error rate stays under 1%\": err_rate <= 1%",
            "    assuming load_test_representative",
            "    supported by bounded",
            "",
            "claim bounded \"The load test bounds the error rate at 0.8%\": measured <= 0.8%",
            "    asserted \"Load-test report LT-12, reviewed by the SRE team\"",
            "");

}
