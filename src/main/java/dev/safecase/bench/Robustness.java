package dev.safecase.bench;

import dev.safecase.report.OutputFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The robustness fuzzer's parent: starts child JVMs ({@link RobustnessWorker}) on consecutive batches of inputs,
 * watches each input with a watchdog, and keeps what it finds. An input that runs longer than the hang limit is a
 * hang: the child is killed and a fresh one goes on with the next input; a child that dies mid-input is a crash.
 * So neither stops the run, and the inputs tried do not depend on where the batches were cut.
 */
public final class Robustness {
    private Robustness() {
    }

    /** One run: the seed, how long, at most how many inputs, where findings go, the corpus, the hang limit. */
    public record Config(long seed, Duration budget, long maxInputs, Path out, Path corpus, Duration hang, int batch) {}

    /** The figures of a run. {@code saved} lists, per distinct failure, the folders its inputs were saved in. */
    public record Summary(long tried, Map<Finding, Integer> counts, Map<String, List<Path>> saved, Map<String, Integer> bySignature,
                          int children, long slowestMillis, long slowestInput) {
        public int findings() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Inputs kept per distinct failure; the counts cover all of them. */
    static final int KEEP = 3;

    private static final String EOF = "\u0000eof";

    /**
     * Runs until the budget or the input limit is reached. {@code worker} is the child's command line (java, class
     * path, main class and arguments); the parent adds {@code --seed --from --count --work --corpus}.
     */
    public static Summary run(Config c, List<String> worker, PrintWriter out) throws IOException, InterruptedException {
        Path dir = c.out().toAbsolutePath().normalize();
        OutputFolder.recreate(dir, OutputFolder.Protected.of(c.corpus(), List.of(c.corpus().resolve("cases"),
                c.corpus().resolve("stdlib"), c.corpus().resolve("src"))));
        Path work = Files.createDirectories(dir.resolve(".work"));
        State s = new State(c, dir, out);
        long start = System.nanoTime();
        long end = start + c.budget().toNanos();
        out.printf(Locale.ROOT, "robustness: seed %d, %s, hang limit %d s, findings under %s%n", c.seed(), budget(c),
                c.hang().toSeconds(), dir);
        out.flush();
        long next = 0;
        while (System.nanoTime() < end && next < c.maxInputs()) {
            long count = Math.min(c.batch(), c.maxInputs() - next);
            next = batch(c, worker, work, next, count, end, s);
        }
        RobustnessWorker.deleteQuietly(work);
        Summary summary = s.summary();
        String text = report(c, summary, (System.nanoTime() - start) / 1_000_000_000);
        Files.writeString(dir.resolve("summary.txt"), text, StandardCharsets.UTF_8);
        out.print(text);
        out.flush();
        return summary;
    }

    private static String budget(Config c) {
        String time = c.budget().toSeconds() % 60 == 0 ? c.budget().toMinutes() + " min" : c.budget().toSeconds() + " s";
        return c.maxInputs() == Long.MAX_VALUE ? time : time + " or " + c.maxInputs() + " inputs";
    }

    /** One child on inputs {@code from…from+count-1}; returns the next input to try. */
    private static long batch(Config c, List<String> worker, Path work, long from, long count, long end, State s)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(worker);
        cmd.addAll(List.of("--seed", Long.toString(c.seed()), "--from", Long.toString(from), "--count", Long.toString(count),
                "--work", work.toString(), "--corpus", c.corpus().toAbsolutePath().toString()));
        Path log = work.resolve("child-" + (++s.children) + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        p.getOutputStream().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(p, lines), "robustness-reader");
        reader.setDaemon(true);
        reader.start();
        long current = -1;
        long lastDone = from - 1;
        long since = System.nanoTime();
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = Math.min(since + c.hang().toNanos(), end) - now;
                String line = wait <= 0 ? null : lines.poll(wait, TimeUnit.NANOSECONDS);
                if (line == null) {
                    if (System.nanoTime() >= end) return Long.MAX_VALUE; // out of time: the input in flight is not counted
                    long at = current >= 0 ? current : lastDone + 1;
                    s.record(at, Finding.HANG, current >= 0 ? "no result after " + c.hang().toSeconds() + " s: " + how(work, at)
                            : "the child JVM did not start an input within " + c.hang().toSeconds() + " s", work, log);
                    return at + 1;
                }
                if (line.equals(EOF)) {
                    int code = p.waitFor();
                    if (current < 0) return lastDone + 1;
                    s.record(current, Finding.CRASH, "the child JVM exited with " + code + ": " + how(work, current), work, log);
                    return current + 1;
                }
                String[] w = line.split(" ", 5);
                since = System.nanoTime();
                switch (w[0]) {
                    case "start" -> current = Long.parseLong(w[1]);
                    case "done" -> {
                        long i = Long.parseLong(w[1]);
                        s.tried++;
                        s.timed(i, Long.parseLong(w[3]));
                        if (w[2].equals("ok")) RobustnessWorker.deleteQuietly(work.resolve("in-" + i));
                        else s.record(i, Finding.of(w[2]), w.length > 4 ? w[4] : "", work, null);
                        lastDone = i;
                        current = -1;
                        s.progress();
                    }
                    default -> {
                        // step (minimizing: the input is alive) or stop (the child ends; EOF follows)
                    }
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
    }

    /** What the input was made of, without its seed file and sizes: hangs with the same cause share it. */
    private static String how(Path work, long input) {
        try {
            List<String> how = new ArrayList<>(List.of(Files.readString(work.resolve("in-" + input).resolve("how.txt"),
                    StandardCharsets.UTF_8).strip().split(", ")));
            // the seed file and the command vary between inputs with the same cause; an option may be the cause
            how.remove(0);
            how.removeIf(Commands.COMMANDS::contains);
            return how.isEmpty() ? "(unmutated)" : String.join(", ", how).replaceAll("\\d+", "N");
        } catch (IOException e) {
            return "(input not written)";
        }
    }

    private static void read(Process p, BlockingQueue<String> lines) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
        } catch (IOException e) {
            // the child was killed: same as the end of its output
        }
        lines.add(EOF);
    }

    /** Counts and saved folders, as the run goes. */
    private static final class State {
        final Config c;
        final Path dir;
        final PrintWriter out;
        final Map<Finding, Integer> counts = new EnumMap<>(Finding.class);
        final Map<Finding, Integer> folders = new EnumMap<>(Finding.class);
        final Map<String, Integer> bySignature = new LinkedHashMap<>();
        final Map<String, List<Path>> saved = new LinkedHashMap<>();
        long tried;
        int children;
        long slowest = -1;
        long slowestInput = -1;
        long lastProgress = System.nanoTime();

        State(Config c, Path dir, PrintWriter out) {
            this.c = c;
            this.dir = dir;
            this.out = out;
        }

        void timed(long input, long millis) {
            if (millis > slowest) {
                slowest = millis;
                slowestInput = input;
            }
        }

        void record(long input, Finding kind, String signature, Path work, Path log) throws IOException {
            if (kind == Finding.HANG || kind == Finding.CRASH) tried++;
            counts.merge(kind, 1, Integer::sum);
            String key = kind.label() + ": " + signature;
            int n = bySignature.merge(key, 1, Integer::sum);
            Path in = work.resolve("in-" + input);
            if (n > KEEP || !Files.isDirectory(in)) {
                RobustnessWorker.deleteQuietly(in);
                return;
            }
            int k = folders.merge(kind, 1, Integer::sum);
            Path to = dir.resolve(kind.label() + "-" + k);
            Files.move(in, to);
            Files.writeString(to.resolve("finding.txt"), kind.label() + "\n" + signature + "\ninput " + input + " of seed "
                    + c.seed() + " (./safecase bench --robustness --seed " + c.seed() + " makes it again)\n", StandardCharsets.UTF_8);
            if (log != null && Files.isRegularFile(log)) Files.copy(log, to.resolve("child-stderr.log"));
            saved.computeIfAbsent(key, x -> new ArrayList<>()).add(to);
            out.println("  found " + key + " -> " + dir.relativize(to) + "/");
            out.flush();
        }

        void progress() {
            if (System.nanoTime() - lastProgress < 60_000_000_000L) return;
            lastProgress = System.nanoTime();
            out.printf(Locale.ROOT, "  %d inputs tried, %d findings%n", tried, counts.values().stream().mapToInt(Integer::intValue).sum());
            out.flush();
        }

        Summary summary() {
            // in the order the failures were first found, so the report reads like the run
            return new Summary(tried, Map.copyOf(counts), Collections.unmodifiableMap(new LinkedHashMap<>(saved)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(bySignature)), children, slowest, slowestInput);
        }
    }

    static String report(Config c, Summary s, long seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "robustness: %d inputs tried in %d s (seed %d, %d child JVMs); slowest input: %s%n",
                s.tried(), seconds, c.seed(), s.children(),
                s.slowestInput() < 0 ? "none" : "#" + s.slowestInput() + ", " + s.slowestMillis() + " ms"));
        b.append("findings:");
        for (Finding f : Finding.values()) b.append(' ').append(f.label()).append(' ').append(s.counts().getOrDefault(f, 0)).append(',');
        b.setLength(b.length() - 1);
        b.append('\n');
        for (Map.Entry<String, Integer> e : s.bySignature().entrySet()) {
            List<Path> where = Optional.ofNullable(s.saved().get(e.getKey())).orElse(List.of());
            b.append(String.format(Locale.ROOT, "  %4d × %s%n", e.getValue(), e.getKey()));
            for (Path p : where) b.append("         ").append(c.out().resolve(p.getFileName())).append("/repro.sh\n");
        }
        return b.toString();
    }
}
