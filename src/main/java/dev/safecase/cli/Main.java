package dev.safecase.cli;

import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import dev.safecase.pipeline.Verifier;
import dev.safecase.num.Rational;
import dev.safecase.lower.Obligation;
import dev.safecase.judge.Status;
import dev.safecase.report.AgendaReport;
import dev.safecase.report.JsonReport;
import dev.safecase.bench.Robustness;
import dev.safecase.bench.RobustnessWorker;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Format;
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
                + "and gates a release on what is discharged.")
public final class Main implements Callable<Integer> {
    /**
     * The subcommands, in the order that help lists them. They are registered when the command line is made
     * ({@link #commandLine}), not named in the annotation: picocli builds each one's model by reflection, and
     * building all sixteen took about 200 ms of every start (docs/benchmarks.md, Start-up).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(Main.Check.class, Main.Agenda.class, Main.Report.class, Main.Explain.class,
            Main.Smt.class, Main.Graph.class, PinCommand.class, FmtCommand.class, MergeCommand.class, DiffCommand.class,
            LspCommand.class, InteropCommands.Import.class, InteropCommands.Export.class, CompletionCommand.class, Main.Bench.class,
            CommandLine.HelpCommand.class);

    /** Subcommands that need every other one's model: help lists them, completion writes them all. */
    private static final Set<String> NEEDS_ALL = Set.of("help", "completion");

    /** The commands that parse cases: their set-up starts on a second thread while picocli reads the options. */
    private static final Set<String> WARM_UP = Set.of("check", "report", "agenda", "explain", "smt", "graph", "lsp", "diff");

    /** {@code safecase --version} alone needs no subcommand at all. */
    private static final Set<String> VERSION_OPTIONS = Set.of("--version", "-V");

    public static void main(String[] args) {
        if (args.length > 0 && WARM_UP.contains(args[0])) {
            Thread t = new Thread(Verifier::warmUp, "safecase-warm-up");
            t.setDaemon(true);
            t.start();
        }
        int code = run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
        dev.safecase.prove.Z3Library.settle();
        System.exit(code);
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
            CommandLine cl = commandLine(args);
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println("safecase: error: " + TerminalText.escape(Suggestions.message(ex)));
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
     * The command line for {@code args}: when the first argument names a subcommand (other than {@code help} and
     * {@code completion}), only that one is registered; otherwise all are, so that help lists them and a mistyped
     * command gets its suggestions. What a run does and prints is the same either way.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        if (args.length == 1 && VERSION_OPTIONS.contains(first)) return cl;
        Optional<Class<?>> only = NEEDS_ALL.contains(first) ? Optional.empty()
                : SUBCOMMANDS.stream().filter(c -> names(c).contains(first)).findFirst();
        for (Class<?> c : only.map(List::<Class<?>>of).orElse(SUBCOMMANDS)) cl.addSubcommand(c);
        return cl;
    }

    private static List<String> names(Class<?> command) {
        Command a = command.getAnnotation(Command.class);
        List<String> out = new ArrayList<>(List.of(a.aliases()));
        out.add(a.name());
        return out;
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

    /** A bare {@code safecase}: the usage on stderr and exit 2, as for any other missing argument. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().println("safecase: error: no command given (try 'safecase check', or 'safecase help COMMAND')");
        return 2;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            // the version this build ships, without loading the native library (docs/cli.md)
            return new String[] {"safecase " + Verifier.VERSION, "solver: " + dev.safecase.prove.SolverId.declared()};
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
        @Option(names = "--root", paramLabel = "DIR", description = "Project root: evidence paths may not leave it (default: the "
                + "nearest folder up from the working directory with a .safecase-root file, a cases/ folder, a pom.xml or a .git).")
        Path root;
        @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date evidence expiry is judged on (default: today, UTC).")
        String today;
        @Option(names = "--strict", description = "Fail the gate on asserted obligations too.")
        boolean strict;
        @Option(names = "--fail-on", paramLabel = "STATUS,...", description = "Statuses that fail the gate (default: refuted,vacuous,unknown,open,invalid; vacuous is always kept).")
        String failOn;
        @Option(names = "--min-proved", paramLabel = "R", description = "Share of obligations that must be proved, 0..1 (default 0).")
        String minProved;
        @Option(names = "--max-doubt", paramLabel = "P", description = "Fail the gate unless every root has a doubt bound of at most P, e.g. 1%% or 1/1000 (docs/confidence.md).")
        String maxDoubt;
        @Option(names = "--timeout-ms", paramLabel = "N", description = "Solver time limit per obligation (default 10000).")
        Long timeoutMs;
        @Option(names = "--rlimit", paramLabel = "N", description = "Solver resource limit per obligation (default 5000000).")
        Long rlimit;
        @Option(names = "--jobs", paramLabel = "N", description = "Obligations proved in parallel (default: the number of cores).")
        Integer jobs;
        @Option(names = "--no-cache", description = "Neither read nor write the verdict cache.")
        boolean noCache;
        @Option(names = "--cache-dir", paramLabel = "DIR", description = "The verdict cache's folder (default .safecase/cache under the root).")
        Path cacheDir;
        @Option(names = {"-q", "--quiet"}, description = "Print only errors (and the output asked for with --format json): no summary, warnings or progress.")
        boolean quiet;
        @Option(names = "--debug", description = "Show stack traces for internal errors.")
        boolean debug;
        @Option(names = "--exit-zero", description = "Exit 0 even when the gate fails (input errors still exit 2).")
        boolean exitZero;
        @Option(names = "--verbose", description = "List every claim and open problem, also of large cases (default: a case with more than 40 claims lists only what is not discharged).")
        boolean verbose;
        @Option(names = "--color", paramLabel = "WHEN", description = "Colour: auto (a terminal, unless NO_COLOR is set or TERM=dumb), always or never (default auto).")
        String color = "auto";

        dev.safecase.diag.Ansi ansi() {
            return switch (color) {
                case "always" -> dev.safecase.diag.Ansi.ON;
                case "never" -> dev.safecase.diag.Ansi.OFF;
                case "auto" -> dev.safecase.diag.Ansi.auto(System.console() != null, System.getenv("NO_COLOR"), System.getenv("TERM"));
                default -> throw new BadOption("--color must be auto, always or never, not " + color);
            };
        }
        @Parameters(paramLabel = "PATH", arity = "0..*", description = "Case files or folders (default: cases/ under the root); "
                + "'-' reads one case from stdin.")
        List<Path> paths = new ArrayList<>();

        Options options() {
            Path r = root == null ? ProjectRoot.find(Path.of("")) : root.toAbsolutePath().normalize();
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
            if (maxDoubt != null) o = o.withMaxDoubt(Optional.of(parseDoubt(maxDoubt)));
            if (timeoutMs != null) o = o.withTimeoutMs(budget("--timeout-ms", timeoutMs, Options.MAX_TIMEOUT_MS));
            if (rlimit != null) o = o.withRlimit(budget("--rlimit", rlimit, Options.MAX_RLIMIT));
            if (jobs != null) o = o.withJobs((int) positive("--jobs", jobs));
            if (noCache && cacheDir != null) throw new BadOption("--no-cache and --cache-dir exclude each other");
            if (!noCache) o = o.withCache(cacheDir != null ? cacheDir.toAbsolutePath().normalize() : o.defaultCacheDir());
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

        private static Rational parseDoubt(String s) {
            try {
                return Options.parseShare(s);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--max-doubt " + e.getMessage());
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
            return verify(v, o, common.paths(o), List.of());
        }

        /** Runs the pipeline (taking verdicts from {@code partials} too), with a progress line, and prints the diagnostics. */
        Verifier.Outcome verify(Verifier v, Options o, List<Path> paths, List<Path> partials) {
            if (common.paths.stream().anyMatch(p -> p.toString().equals("-"))) v.sources().stdin(StdinCase.read());
            ProgressLine progress = ProgressLine.forTerminal(err(), common.quiet);
            Verifier.Outcome outcome;
            try {
                outcome = v.run(paths, new Verifier.Extras(partials, progress));
            } finally {
                progress.clear();
            }
            printDiagnostics(v, outcome.run().diagnostics());
            outcome.cacheProblem().ifPresent(this::warn);
            return outcome;
        }

        /** A warning of the tool itself (not of a case) on stderr, unless --quiet. */
        void warn(String message) {
            if (common.quiet) return;
            err().println(TerminalText.escape("safecase: warning: " + message));
            err().flush();
        }

        /** Standard output, or nothing with --quiet (output asked for with --format json is written anyway). */
        PrintWriter chatter() {
            return common.quiet ? new PrintWriter(java.io.Writer.nullWriter()) : out();
        }

        /** The exit status by the gate, or 0 with --exit-zero when only the gate failed. */
        int exit(Verifier.Outcome outcome) {
            int code = outcome.exitCode();
            return code == 1 && common.exitZero ? 0 : code;
        }

        /** The project root and every input of the run: an output folder may be none of them and hold none. */
        OutputFolder.Protected inputs(Options o, Map<String, Verifier.Prepared> prepared) {
            return OutputFolder.Protected.of(o.root(), common.paths(o),
                    prepared.values().stream().map(Verifier.Prepared::model).toList());
        }

        void printDiagnostics(Verifier v, List<Diagnostic> ds) {
            dev.safecase.diag.Ansi ansi = common.ansi();
            for (Diagnostic d : ds) if (d.isError() || !common.quiet) err().print(DiagnosticPrinter.format(d, v::source, ansi));
            err().flush();
        }

        /** The text summary, coloured when {@code terminal} output goes to a terminal that wants colour. */
        String summary(dev.safecase.result.Run run, boolean terminal) {
            return Summary.text(run, common.verbose, terminal ? common.ansi() : dev.safecase.diag.Ansi.OFF);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Parse, type-check and prove; print a summary; exit by the gate.")
    static final class Check extends Run {
        @Option(names = "--format", paramLabel = "FORMAT", description = "Output on stdout: text (default), json, github "
                + "(workflow annotations), markdown (the summary, for $GITHUB_STEP_SUMMARY), junit, sarif or codequality.")
        String format = "text";
        @Mixin
        OutputOptions output = new OutputOptions();

        @Option(names = "--shard", paramLabel = "I/N", description = "Prove only shard I of N (balanced by cost) and write "
                + "its partial result for `safecase merge` (docs/cli.md, Sharding).")
        String shard;
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "With --shard: the partial result's file "
                + "(default safecase-part-I-of-N.json in the working directory).")
        Path shardOutput;

        @Override
        public Integer call() throws IOException {
            CheckFormat f = CheckFormat.parse(format);
            if (shard != null) return shard();
            if (shardOutput != null) throw new BadOption("-o/--output belongs to --shard (a report goes to `safecase report -o DIR`)");
            Options o = common.options();
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            if (!(common.quiet && f == CheckFormat.TEXT)) {
                output.emit(out(), f == CheckFormat.TEXT ? summary(outcome.run(), output.outputFile == null) : f.render(outcome.run()));
            }
            return exit(outcome);
        }

        private int shard() throws IOException {
            dev.safecase.cache.Shard s;
            try {
                s = dev.safecase.cache.Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--shard: " + e.getMessage());
            }
            if (format.equals("json")) throw new BadOption("--shard writes a partial result, not --format json; `safecase merge` makes the result");
            Options o = common.options();
            Path file = shardOutput != null ? shardOutput : Path.of("safecase-part-" + s.index() + "-of-" + s.count() + ".json");
            Shards.checkWritable(file);
            Verifier v = new Verifier(o);
            ProgressLine progress = ProgressLine.forTerminal(err(), common.quiet);
            Verifier.ShardOutcome outcome;
            try {
                outcome = v.shard(common.paths(o), s, progress);
            } finally {
                progress.clear();
            }
            printDiagnostics(v, outcome.diagnostics());
            outcome.cacheProblem().ifPresent(this::warn);
            Shards.write(file, outcome.partial());
            Verifier.Settled st = outcome.settled();
            chatter().println(TerminalText.escape("shard " + s + ": " + st.blocks() + " blocks, " + st.known() + " from the cache, "
                    + st.decided() + " decided (" + st.obligationsDecided() + " obligations); partial result: " + file));
            out().flush();
            return outcome.hasInputErrors() ? 2 : 0;
        }
    }

    @Command(name = "agenda", mixinStandardHelpOptions = true, description = "The research agenda: every open problem with "
            + "its owner, the roots it blocks and its leverage (which problems, resolved, would discharge each root; the "
            + "minimal sets that would; the doubt bound then), grouped by owner. Exit by the gate, like check.")
    static final class Agenda extends Run {
        @Option(names = "--format", paramLabel = "text|md|csv|json", description = "Output format on stdout (default text).")
        String format = "text";

        @Override
        public Integer call() {
            if (!List.of("text", "md", "csv", "json").contains(format)) {
                throw new BadOption("--format must be text, md, csv or json, not " + format);
            }
            Options o = common.options();
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = v.withAgendas(verify(v, o));
            out().print(switch (format) {
                case "md" -> AgendaReport.markdown(outcome.run());
                case "csv" -> AgendaReport.csv(outcome.run());
                case "json" -> AgendaReport.json(outcome.run());
                default -> AgendaText.text(outcome.run());
            });
            out().flush();
            return exit(outcome);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Check, then write every report (HTML, SVG, JSON, JUnit, SARIF, Markdown).")
    static final class Report extends Run {
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output folder (default target/safecase under the root).")
        Path output;
        @Option(names = "--link-base", paramLabel = "URL", description = "Where the files are on the web (e.g. https://github.com/OWNER/REPO/blob/SHA): summary.md links each location to URL/FILE#LLINE.")
        String linkBase;
        @Option(names = "--formats", paramLabel = "F,...", description = "Files to write: html, svg, json, junit, sarif, "
                + "markdown, codequality or all (default: all but codequality).")
        String formats;

        @Override
        public Integer call() throws IOException {
            Optional<String> base;
            try {
                base = linkBase == null ? Optional.empty() : Optional.of(dev.safecase.report.MarkdownReport.checkLinkBase(linkBase));
            } catch (IllegalArgumentException e) {
                throw new BadOption(e.getMessage());
            }
            Set<Format> which;
            try {
                which = formats == null ? Format.DEFAULT : Format.parseList(formats);
            } catch (IllegalArgumentException e) {
                throw new BadOption("--formats: " + e.getMessage());
            }
            Options o = common.options();
            Path dir = output != null ? output : o.root().resolve("target/safecase");
            OutputFolder.checkReplaceable(dir, inputs(o, Map.of()));
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = v.withAgendas(verify(v, o));
            Reports.write(outcome.run(), file -> v.source(file).map(dev.safecase.diag.SourceText::text), base, dir,
                    inputs(o, outcome.prepared()), which);
            if (!common.quiet) {
                out().print(summary(outcome.run(), true));
                out().println("report: " + TerminalText.escape((which.contains(Format.HTML) ? dir.resolve("index.html") : dir).toString()));
            }
            out().flush();
            return exit(outcome);
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

    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark (docs/benchmarks.md): generate cases "
            + "of the given sizes; time check --jobs 1 and 2, the z3 command line on the same checks without and with cores, "
            + "a re-check after a one-line edit, and the start-up. With --robustness: the robustness fuzzer (docs/cli.md).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", paramLabel = "N,...", description = "Claims per generated case (default 1000,10000).")
        List<Integer> sizes = List.of(1000, 10000);
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Where the generated cases go (default target/bench), "
                + "or the fuzzer's findings (default target/robustness).")
        Path output;
        @Option(names = "--robustness", description = "Fuzz the whole tool with seeded mutants of cases/, stdlib/ and the test corpus.")
        boolean robustness;
        @Option(names = "--lsp", description = "The language server's latency: diagnostics after a change, verdicts after a save "
                + "(default size 1000; docs/benchmarks.md).")
        boolean lsp;
        @Option(names = "--repeats", paramLabel = "N", description = "With --lsp: edits measured per figure (default 5).")
        int repeats = 5;
        @Option(names = "--reports", description = "Time writing the reports of generated cases (with refuted and open obligations) and measure their pages.")
        boolean reports;
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
            if (lsp) {
                if (repeats < 1 || repeats > 100) throw new BadOption("--repeats must be between 1 and 100 (got " + repeats + ")");
                List<Integer> lspSizes = spec.commandLine().getParseResult().hasMatchedOption("--sizes") ? sizes : List.of(1000);
                for (int n : lspSizes) if (n < 10) throw new BadOption("--sizes: each size must be at least 10 (got " + n + ")");
                dev.safecase.bench.LspBenchmark.run(lspSizes, (output != null ? output : Path.of("target/bench")).toAbsolutePath(),
                        repeats, spec.commandLine().getOut());
                return 0;
            }
            for (int n : sizes) if (n < 10) throw new BadOption("--sizes: each size must be at least 10 (got " + n + ")");
            Path dir = output != null ? output : Path.of("target/bench");
            if (reports) {
                dev.safecase.bench.ReportBenchmark.run(sizes, dir.toAbsolutePath(), spec.commandLine().getOut());
                return 0;
            }
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
