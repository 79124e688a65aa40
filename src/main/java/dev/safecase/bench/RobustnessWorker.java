package dev.safecase.bench;

import dev.safecase.diag.TerminalText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The child side of the robustness fuzzer: runs a batch of inputs through the real command line, in process, and
 * tells the parent on stdout what it does ({@code start I}, {@code step I}, {@code done I KIND MILLIS SIGNATURE},
 * {@code stop}), so that the parent can kill it when an input hangs. Each input is written to {@code WORK/in-I/}
 * first, where the parent finds it whatever happens to this JVM.
 */
public final class RobustnessWorker {
    private RobustnessWorker() {
    }

    /** The command line under test: {@code dev.safecase.cli.Main#run}, handed in so that bench does not depend on cli. */
    public interface Target {
        int run(String[] args, PrintWriter out, PrintWriter err);
    }

    /** What one run printed. {@code stray} is what bypassed the CLI's writers (System.out and System.err). */
    record Outcome(int code, String out, String err, String stray, long millis) {}

    /** A finding: its kind and a one-line signature that groups findings with the same cause. */
    record Verdict(Finding kind, String signature) {}

    /** Stops after an Error: a JVM that overflowed its stack or ran out of memory is not trusted for more inputs. */
    public static void run(Target target, long seed, long from, long count, Path work, Path corpus, PrintStream protocol)
            throws IOException {
        List<Mutants.Seed> seeds = Mutants.seeds(corpus);
        if (seeds.isEmpty()) throw new IOException("no .case files under " + corpus + " (run from the repository root)");
        for (long i = from; i < from + count; i++) {
            Mutants.Input input = Mutants.make(seeds, seed, i);
            Path dir = work.resolve("in-" + i);
            write(dir, input);
            protocol.println("start " + i);
            protocol.flush();
            Outcome o = runOnce(target, input, dir);
            Optional<Verdict> first = classify(input.args().get(0), o, dir);
            Optional<Verdict> v = first;
            if (v.isPresent() && v.get().kind() == Finding.INTERNAL_ERROR) v = Optional.of(whereFrom(target, input, dir, v.get()));
            if (v.isPresent()) {
                save(dir, o);
                if (o.millis() < 2_000) minimize(target, input, dir, first.get(), i, protocol);
            }
            protocol.println("done " + i + " " + v.map(x -> x.kind().label()).orElse("ok") + " " + o.millis() + " "
                    + v.map(Verdict::signature).orElse(""));
            protocol.flush();
            if (v.isPresent() && v.get().kind() == Finding.INTERNAL_ERROR && severe(o.err())) break;
        }
        protocol.println("stop");
        protocol.flush();
    }

    private static boolean severe(String err) {
        return err.contains("internal error: stack overflow") || err.contains("internal error: out of memory");
    }

    // ------------------------------------------------------------ running one input

    static void write(Path dir, Mutants.Input input) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : input.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            if (f.getValue() == Extremes.LINK_OUTSIDE) {
                Files.createSymbolicLink(p, Path.of("/nonexistent-safecase-fuzz/outside.json"));
            } else if (f.getValue() == Extremes.FOLDER) {
                Files.createDirectories(p);
            } else {
                Files.write(p, f.getValue());
            }
        }
        Files.writeString(dir.resolve("how.txt"), input.how() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("repro.sh"), repro(input.args()), StandardCharsets.UTF_8);
        dir.resolve("repro.sh").toFile().setExecutable(true);
    }

    /** A script that reruns the input from its folder with the repository's launcher. */
    static String repro(List<String> args) {
        StringBuilder b = new StringBuilder("#!/bin/sh\n# Reruns this fuzz input with the launcher of the enclosing checkout"
                + " (or $SAFECASE).\n")
                .append("d=\"$(cd \"$(dirname \"$0\")\" && pwd)\"\n")
                .append("p=\"$d\"; while [ \"$p\" != / ] && ! [ -f \"$p/safecase\" -a -x \"$p/safecase\" ]; do p=\"$(dirname \"$p\")\"; done\n")
                .append("exec \"${SAFECASE:-$p/safecase}\"");
        for (String a : args) {
            b.append(' ');
            if (a.startsWith(Mutants.DIR)) b.append("\"$d\"").append(quote(a.substring(Mutants.DIR.length())));
            else b.append(quote(a));
        }
        return b.append('\n').toString();
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : "'" + s.replace("'", "'\\''") + "'";
    }

    static Outcome runOnce(Target target, Mutants.Input input, Path dir) {
        String[] args = input.args().stream().map(a -> a.replace(Mutants.DIR, dir.toString())).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        PrintStream sysOut = System.out;
        PrintStream sysErr = System.err;
        PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        int code;
        System.setOut(capture);
        System.setErr(capture);
        try {
            code = target.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        } catch (Throwable t) {
            // the CLI lets nothing escape; if something does, it is a finding like a stack trace
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            err.append("uncaught: ").append(trace.toString());
            code = -1;
        } finally {
            System.setOut(sysOut);
            System.setErr(sysErr);
        }
        return new Outcome(code, out.toString(), err.toString(), stray.toString(StandardCharsets.UTF_8),
                (System.nanoTime() - t0) / 1_000_000);
    }

    // ------------------------------------------------------------ what is a finding

    private static final Pattern FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+(\\.[\\w$<>]+)+\\(|Exception in thread |^Caused by: ");
    private static final Pattern POSITIONED = Pattern.compile("(?m)^\\S.*:\\d+:\\d+: error: SC\\d{3} ");
    /** Exit 2 for these is right without a position: a bad option, a refused folder, an unknown obligation. */
    private static final Pattern EXPLAINED = Pattern.compile("(?m)^(safecase: error: (--|will not |no obligation |explain needs |"
            + "cannot load the Z3)|Try 'safecase --help')");

    static Optional<Verdict> classify(String command, Outcome o, Path dir) {
        String all = o.out() + "\n" + o.err() + "\n" + o.stray();
        if (o.err().contains("safecase: internal error:")) {
            return verdict(Finding.INTERNAL_ERROR, line(o.err(), "safecase: internal error:"), dir);
        }
        if (FRAME.matcher(all).find()) return verdict(Finding.STACK_TRACE, firstFrame(all), dir);
        if (o.code() != 0 && o.code() != 1 && o.code() != 2) return verdict(Finding.BAD_EXIT, "exit " + o.code(), dir);
        boolean gateFailed = o.out().contains("gate: FAILED") || o.out().contains("\"passed\": false");
        if (o.code() == 1 && (command.equals("check") || command.equals("report")) && !gateFailed) {
            return verdict(Finding.EXIT1_NOT_GATE, command + ": " + firstLine(o.err()), dir);
        }
        if (o.code() == 2 && !POSITIONED.matcher(o.err()).find() && !EXPLAINED.matcher(o.err()).find()) {
            return verdict(Finding.NO_POSITION, firstLine(o.err()), dir);
        }
        if (!o.stray().isBlank()) return verdict(Finding.STRAY_OUTPUT, firstLine(o.stray()), dir);
        return Optional.empty();
    }

    private static Optional<Verdict> verdict(Finding kind, String text, Path dir) {
        String s = text.replace(dir.toString(), "$DIR").replaceAll("\\d+", "N");
        s = TerminalText.escape(s.strip());
        return Optional.of(new Verdict(kind, s.length() > 160 ? s.substring(0, 160) : s));
    }

    private static String line(String text, String marker) {
        int at = text.indexOf(marker);
        int end = text.indexOf('\n', at);
        return text.substring(at, end < 0 ? text.length() : end);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("(no output)");
    }

    private static String firstFrame(String text) {
        for (String l : text.lines().toList()) {
            if (FRAME.matcher(l).find()) return l.strip();
        }
        return firstLine(text);
    }

    /**
     * An internal error says what, not where: reruns the input with {@code --debug} and adds the first frame of
     * safecase's own code to the signature (for a stack overflow, the method that recursed), saving the trace.
     */
    private static Verdict whereFrom(Target target, Mutants.Input input, Path dir, Verdict v) throws IOException {
        List<String> args = new ArrayList<>(input.args());
        args.add(1, "--debug");
        Outcome debug = runOnce(target, new Mutants.Input(input.files(), args, input.how()), dir);
        List<String> trace = debug.err().lines().limit(300).toList();
        Files.writeString(dir.resolve("debug.txt"), String.join("\n", trace) + "\n", StandardCharsets.UTF_8);
        Optional<String> frame = trace.stream().map(String::strip).filter(l -> l.startsWith("at dev.safecase.")).findFirst();
        return frame.map(f -> new Verdict(v.kind(), v.signature().replace(" This is a bug in safecase; run with --debug for the stack trace.", "")
                + " " + f.replaceAll("\\d+", "N"))).orElse(v);
    }

    private static void save(Path dir, Outcome o) throws IOException {
        Files.writeString(dir.resolve("output.txt"), "exit " + o.code() + " after " + o.millis() + " ms\n--- stdout\n" + o.out()
                + "\n--- stderr\n" + o.err() + (o.stray().isEmpty() ? "" : "\n--- printed around the CLI\n" + o.stray()),
                StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------ minimizing

    private static final int TRIALS = 40;

    /**
     * Removes chunks of lines from the case file while the finding stays the same (kind and signature), within
     * {@link #TRIALS} reruns; writes the result into {@code minimized/} beside the input.
     */
    private static void minimize(Target target, Mutants.Input input, Path dir, Verdict wanted, long index, PrintStream protocol)
            throws IOException {
        String caseFile = input.files().keySet().stream().filter(k -> !k.contains("/") && k.endsWith(".case")).reduce((a, b) -> b)
                .orElse(null);
        if (caseFile == null) return;
        String text = new String(input.files().get(caseFile), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        Path min = dir.resolve("minimized");
        int trials = 0;
        boolean changed = false;
        for (int chunk = Math.max(1, lines.size() / 2); chunk >= 1 && trials < TRIALS; chunk /= 2) {
            for (int at = 0; at < lines.size() && trials < TRIALS; ) {
                List<String> candidate = new ArrayList<>(lines);
                candidate.subList(at, Math.min(lines.size(), at + chunk)).clear();
                trials++;
                protocol.println("step " + index);
                protocol.flush();
                Mutants.Input smaller = withCase(input, caseFile, String.join("\n", candidate) + "\n");
                deleteQuietly(min);
                write(min, smaller);
                Optional<Verdict> v = classify(input.args().get(0), runOnce(target, smaller, min), min);
                if (v.isPresent() && v.get().equals(wanted)) {
                    lines = candidate;
                    changed = true;
                } else {
                    at += chunk;
                }
            }
            if (chunk == 1) break;
        }
        deleteQuietly(min);
        if (!changed) return;
        Mutants.Input smallest = withCase(input, caseFile, String.join("\n", lines) + "\n");
        write(min, smallest);
        save(min, runOnce(target, smallest, min));
    }

    private static Mutants.Input withCase(Mutants.Input input, String caseFile, String text) {
        Map<String, byte[]> files = new LinkedHashMap<>(input.files());
        files.put(caseFile, text.getBytes(StandardCharsets.UTF_8));
        return new Mutants.Input(files, input.args(), input.how() + " (minimized)");
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // best effort: the parent removes the work folder at the end
        }
    }
}
