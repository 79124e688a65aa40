package dev.safecase.cli;

import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import dev.safecase.pipeline.Verifier;
import dev.safecase.num.Rational;
import dev.safecase.lower.Obligation;
import dev.safecase.judge.Status;
import dev.safecase.report.JsonReport;
import dev.safecase.bench.Robustness;
import dev.safecase.bench.RobustnessWorker;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.DiagnosticPrinter;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code safecase} command line. Exit status: 0 gate passes, 1 gate fails, 2 input error or bad option. */
@Command(name = "safecase", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A formal safety-case verifier: checks a case's argument, proves its obligations with Z3, "
                + "and gates a release on what is discharged.",
        subcommands = {Main.Check.class, Main.Report.class, Main.Explain.class, Main.Smt.class, Main.Graph.class,
                PinCommand.class, InteropCommands.Import.class, InteropCommands.Export.class, Main.Bench.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI with the given streams; used by main and by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, cl -> { });
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, after {@code customize} has seen the command line (tests). */
    static int run(String[] args, PrintWriter out, PrintWriter err, java.util.function.Consumer<CommandLine> customize) {
        boolean debug = List.of(args).contains("--debug");
        int code;
        try {
            CommandLine cl = new CommandLine(new Main());
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println("safecase: error: " + TerminalText.escape(String.valueOf(ex.getMessage())));
                err.println("Try 'safecase --help' for the commands and options.");
                return 2;
            });
            cl.setExecutionExceptionHandler((ex, c, parsed) -> failure(ex, debug, err));
            customize.accept(cl);
            code = cl.execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler; an Error (stack overflow, out of memory) arrives here
            code = failure(t, debug, err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Turns a failure into one line on stderr and exit 2 (1 means only "the gate failed"): a user's mistake or an
     * I/O problem as {@code safecase: error: …}, anything else as {@code safecase: internal error: …}; the stack
     * trace only with {@code --debug}.
     */
    static int failure(Throwable ex, boolean debug, PrintWriter err) {
        try {
            err.println(TerminalText.escape(describe(ex)));
            if (debug) ex.printStackTrace(err);
            err.flush();
        } catch (Throwable again) {
            // nothing more can be said (out of memory while printing): the exit status still tells
        }
        return 2;
    }

    private static String describe(Throwable ex) {
        if (ex instanceof BadOption || ex instanceof OutputFolder.Refused) return "safecase: error: " + ex.getMessage();
        if (ex instanceof UnsatisfiedLinkError || ex instanceof NoClassDefFoundError && String.valueOf(ex.getMessage()).contains("z3")) {
            return "safecase: error: cannot load the Z3 native library (" + ex.getMessage() + "). The library is unpacked into the "
                    + "temporary directory; if it is mounted noexec, pass -Djava.io.tmpdir=DIR (see docs/cli.md)";
        }
        if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
            return "safecase: error: " + message(ex) + (ex instanceof java.nio.file.NoSuchFileException ? ": no such file or directory"
                    : ex instanceof java.nio.file.AccessDeniedException ? ": permission denied" : "");
        }
        String what = ex instanceof StackOverflowError ? "stack overflow"
                : ex instanceof OutOfMemoryError ? "out of memory (" + message(ex) + "; more with SAFECASE_JAVA_OPTS=-Xmx4g)"
                : ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        return "safecase: internal error: " + what + ". This is a bug in safecase; "
                + "run with --debug for the stack trace.";
    }

    private static String message(Throwable ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String solver;
            try {
                solver = dev.safecase.prove.Z3Session.solverVersion();
            } catch (Throwable e) {
                solver = "z3 (native library not loadable here)";
            }
            return new String[] {"safecase " + Verifier.VERSION, "solver: " + solver};
        }
    }

    /** A user mistake in the options: message, exit 2, no stack trace. */
    static final class BadOption extends RuntimeException {
        BadOption(String m) {
            super(m);
        }
    }

    /** Options shared by the commands that run the pipeline. */
    static final class Common {
        @Option(names = "--root", paramLabel = "DIR", description = "Project root: evidence paths may not leave it (default: the working directory).")
        Path root;
        @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date evidence expiry is judged on (default: today, UTC).")
        String today;
        @Option(names = "--strict", description = "Fail the gate on asserted obligations too.")
        boolean strict;
        @Option(names = "--fail-on", paramLabel = "STATUS,...", description = "Statuses that fail the gate (default: refuted,vacuous,unknown,open,invalid; vacuous is always kept).")
        String failOn;
        @Option(names = "--min-proved", paramLabel = "R", description = "Share of obligations that must be proved, 0..1 (default 0).")
        String minProved;
        @Option(names = "--timeout-ms", paramLabel = "N", description = "Solver time limit per obligation (default 10000).")
        Long timeoutMs;
        @Option(names = "--rlimit", paramLabel = "N", description = "Solver resource limit per obligation (default 5000000).")
        Long rlimit;
        @Option(names = "--jobs", paramLabel = "N", description = "Obligations proved in parallel (default: the number of cores).")
        Integer jobs;
        // accepted so that scripts written for the planned result cache keep working; nothing is cached yet
        @Option(names = "--no-cache", description = "Accepted and ignored: this version keeps no result cache (one is planned).")
        boolean noCache;
        @Option(names = "--debug", description = "Show stack traces for internal errors.")
        boolean debug;
        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Case files or folders (default: cases/ under the root).")
        List<Path> paths = new ArrayList<>();

        Options options() {
            Path r = root == null ? Path.of("").toAbsolutePath() : root.toAbsolutePath().normalize();
            if (!Files.isDirectory(r)) throw new BadOption("--root " + root + " is not a directory");
            Options o = Options.defaults(r).withStrict(strict);
            if (today != null) {
                try {
                    o = o.withToday(LocalDate.parse(today));
                } catch (DateTimeParseException e) {
                    throw new BadOption("--today " + today + " is not a date (YYYY-MM-DD)");
                }
            }
            if (failOn != null) o = o.withFailOn(parseFailOn(failOn));
            if (minProved != null) o = o.withMinProved(parseShare(minProved));
            if (timeoutMs != null) o = o.withTimeoutMs(budget("--timeout-ms", timeoutMs, Options.MAX_TIMEOUT_MS));
            if (rlimit != null) o = o.withRlimit(budget("--rlimit", rlimit, Options.MAX_RLIMIT));
            if (jobs != null) o = o.withJobs((int) positive("--jobs", jobs));
            return o;
        }

        List<Path> paths(Options o) {
            return paths.isEmpty() ? List.of(o.root().resolve("cases")) : paths;
        }

        private static long positive(String name, long v) {
            if (v < 1) throw new BadOption(name + " must be at least 1 (got " + v + ")");
            return v;
        }

        private static long budget(String name, long v, long max) {
            try {
                return Options.checkBudget(name, v, max);
            } catch (IllegalArgumentException e) {
                throw new BadOption(e.getMessage());
            }
        }

        private static Set<Status> parseFailOn(String s) {
            try {
                return Options.parseFailOn(s);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--fail-on: " + e.getMessage());
            }
        }

        private static Rational parseShare(String s) {
            try {
                return Options.parseShare(s);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--min-proved " + e.getMessage());
            }
        }
    }

    abstract static class Run implements Callable<Integer> {
        @Mixin
        Common common = new Common();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        Verifier.Outcome verify(Verifier v, Options o) {
            Verifier.Outcome outcome = v.run(common.paths(o));
            printDiagnostics(v, outcome.run().diagnostics());
            return outcome;
        }

        /** The project root and every input of the run: an output folder may be none of them and hold none. */
        OutputFolder.Protected inputs(Options o, Map<String, Verifier.Prepared> prepared) {
            return OutputFolder.Protected.of(o.root(), common.paths(o),
                    prepared.values().stream().map(Verifier.Prepared::model).toList());
        }

        void printDiagnostics(Verifier v, List<Diagnostic> ds) {
            for (Diagnostic d : ds) err().print(DiagnosticPrinter.format(d, v::source));
            err().flush();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Parse, type-check and prove; print a summary; exit by the gate.")
    static final class Check extends Run {
        @Option(names = "--format", paramLabel = "text|json", description = "Output format on stdout (default text).")
        String format = "text";

        @Override
        public Integer call() {
            if (!format.equals("text") && !format.equals("json")) throw new BadOption("--format must be text or json, not " + format);
            Options o = common.options();
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            if (format.equals("json")) out().print(JsonReport.render(outcome.run()));
            else out().print(Summary.text(outcome.run()));
            out().flush();
            return outcome.exitCode();
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Check, then write every report (HTML, SVG, JSON, JUnit, SARIF, Markdown).")
    static final class Report extends Run {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default target/safecase under the root).")
        Path output;

        @Override
        public Integer call() throws IOException {
            Options o = common.options();
            Path dir = output != null ? output : o.root().resolve("target/safecase");
            OutputFolder.checkReplaceable(dir, inputs(o, Map.of()));
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            Reports.writeAll(outcome.run(), dir, inputs(o, outcome.prepared()));
            out().print(Summary.text(outcome.run()));
            out().println("report: " + TerminalText.escape(dir.resolve("index.html").toString()));
            return outcome.exitCode();
        }
    }

    @Command(name = "graph", mixinStandardHelpOptions = true, description = "Write each case's argument as a GSN diagram (SVG), coloured by status.")
    static final class Graph extends Run {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default target/safecase under the root).")
        Path output;

        @Override
        public Integer call() throws IOException {
            Options o = common.options();
            Path dir = output != null ? output : o.root().resolve("target/safecase");
            OutputFolder.checkAddable(dir, inputs(o, Map.of()));
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            Reports.writeSvgs(outcome.run(), dir, inputs(o, outcome.prepared()));
            Map<String, String> stems = Reports.fileStems(outcome.run());
            for (CaseResult c : outcome.run().cases()) {
                if (c.checked()) out().println(TerminalText.escape(dir.resolve(stems.get(c.name()) + ".svg").toString()));
            }
            return outcome.exitCode();
        }
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Show one obligation in full: premises, the SMT-LIB sent, the verdict, the model or core. "
            + "Usage: safecase explain ID [PATH...], where ID is KIND:NODE, or CASE:KIND:NODE when several cases are checked.")
    static final class Explain extends Run {
        @Override
        public Integer call() {
            if (common.paths.isEmpty()) throw new BadOption("explain needs an obligation ID: safecase explain KIND:NODE [PATH...]");
            String id = common.paths.remove(0).toString();
            Options o = common.options();
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            if (outcome.run().hasInputErrors()) return 2;
            Optional<Explanation.Found> found = Explanation.find(outcome, id);
            if (found.isEmpty()) {
                err().println(TerminalText.escape("safecase: error: no obligation " + id + Explanation.hint(outcome, id)));
                return 2;
            }
            out().print(Explanation.render(found.get(), outcome));
            return found.get().result().status() == Status.PROVED || found.get().result().status() == Status.ASSERTED ? 0 : 1;
        }
    }

    @Command(name = "smt", mixinStandardHelpOptions = true, description = "Write each solver obligation as a standalone SMT-LIB 2 file DIR/CASE/KIND.NODE.smt2.")
    static final class Smt extends Run {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Output folder.")
        Path output;

        @Override
        public Integer call() throws IOException {
            Options o = common.options();
            OutputFolder.checkReplaceable(output, inputs(o, Map.of()));
            Verifier v = new Verifier(o);
            Diagnostics diags = new Diagnostics();
            Map<String, Verifier.Prepared> prepared = v.prepare(common.paths(o), diags, new java.util.LinkedHashMap<>());
            printDiagnostics(v, diags.sorted());
            if (diags.hasErrors()) return 2;
            int[] n = {0};
            Reports.writeAtomically(output, inputs(o, prepared), into -> {
                for (Verifier.Prepared p : prepared.values()) {
                    Path dir = Files.createDirectories(into.resolve(p.model().name()));
                    for (Obligation ob : p.lowered().obligations()) {
                        if (ob.mode() != Obligation.Mode.ENTAILMENT && ob.mode() != Obligation.Mode.SATISFIABLE) continue;
                        Reports.write(dir, ob.kind().label() + "." + ob.node() + ".smt2", Verifier.standalone(ob, p.model().name()));
                        n[0]++;
                    }
                }
            });
            out().println(TerminalText.escape("wrote " + n[0] + " SMT-LIB files under " + output));
            return 0;
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark: generate cases of the given sizes, "
            + "time the pipeline with --jobs 1 and 2, and compare with the z3 command line. With --robustness: the "
            + "robustness fuzzer (docs/cli.md).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", paramLabel = "N,...", description = "Claims per generated case (default 100,1000,10000).")
        List<Integer> sizes = List.of(100, 1000, 10000);
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the generated cases go (default target/bench), "
                + "or the fuzzer's findings (default target/robustness).")
        Path output;
        @Option(names = "--robustness", description = "Fuzz the whole tool with seeded mutants of cases/, stdlib/ and the test corpus.")
        boolean robustness;
        @Option(names = "--minutes", paramLabel = "N", description = "How long the fuzzer runs (default 10).")
        double minutes = 10;
        @Option(names = "--seed", paramLabel = "S", description = "The fuzzer's seed (default: from the clock, printed).")
        Long seed;
        @Option(names = "--inputs", paramLabel = "N", description = "Stop the fuzzer after N inputs (default: no limit).")
        Long inputs;
        @Option(names = "--corpus", paramLabel = "DIR", description = "Where cases/, stdlib/ and src/test/resources are (default: .).")
        Path corpus = Path.of("");
        @Option(names = "--hang-seconds", hidden = true, paramLabel = "N")
        int hangSeconds = 20;
        @Option(names = "--batch", hidden = true, paramLabel = "N")
        int batch = 100;
        // the child side of the fuzzer: the parent starts this JVM with these options
        @Option(names = "--robustness-worker", hidden = true)
        boolean worker;
        @Option(names = "--from", hidden = true)
        long from;
        @Option(names = "--count", hidden = true)
        long count;
        @Option(names = "--work", hidden = true)
        Path work;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (worker) {
                RobustnessWorker.run(Main::run, seed, from, count, work, corpus.toAbsolutePath(), System.out);
                return 0;
            }
            if (robustness) return robustness();
            for (int n : sizes) if (n < 10) throw new BadOption("--sizes: each size must be at least 10 (got " + n + ")");
            Path dir = output != null ? output : Path.of("target/bench");
            dev.safecase.bench.Benchmark.run(sizes, dir.toAbsolutePath(), spec.commandLine().getOut());
            return 0;
        }

        private int robustness() throws Exception {
            if (!(minutes > 0) || minutes > 100_000) throw new BadOption("--minutes must be above 0 (got " + minutes + ")");
            if (inputs != null && inputs < 1) throw new BadOption("--inputs must be at least 1 (got " + inputs + ")");
            if (hangSeconds < 1 || batch < 1) throw new BadOption("--hang-seconds and --batch must be at least 1");
            long s = seed != null ? seed : System.currentTimeMillis() % 1_000_000;
            Robustness.Config c = new Robustness.Config(s, java.time.Duration.ofMillis((long) (minutes * 60_000)),
                    inputs != null ? inputs : Long.MAX_VALUE, output != null ? output : Path.of("target/robustness"),
                    corpus.toAbsolutePath(), java.time.Duration.ofSeconds(hangSeconds), batch);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> child = List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "bench", "--robustness-worker");
            Robustness.Summary summary = Robustness.run(c, child, spec.commandLine().getOut());
            return summary.findings() == 0 ? 0 : 1;
        }
    }
}
