package dev.safecase.cli;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.DiagnosticPrinter;
import dev.safecase.diag.TerminalText;
import dev.safecase.interop.Interop;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code safecase import} and {@code safecase export} (docs/interop.md). */
final class InteropCommands {
    private InteropCommands() {
    }

    private static void print(PrintWriter err, Interop.Outcome o, java.util.function.Function<String, Optional<dev.safecase.diag.SourceText>> sources) {
        for (Diagnostic d : o.diagnostics()) err.print(DiagnosticPrinter.format(d, sources));
        err.flush();
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Bring a case in: "
            + "safecase import gsn2x FILE.yaml... -o DIR (the first file is the case, the others and the files its "
            + "modules use become modules), or safecase import sacm FILE.xmi -o DIR. Writes .case files; exit 2 "
            + "and nothing written on bad input.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FORMAT", description = "gsn2x or sacm.")
        String format;
        @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to import.")
        List<Path> files = new ArrayList<>();
        @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "The folder for the case files "
                + "(created; replaced only when it is empty or was written by safecase).")
        Path output;
        @Option(names = "--root", paramLabel = "DIR", description = "Project root: the output may not be it nor hold it "
                + "(default: the working directory).")
        Path root;
        @Option(names = "--debug", description = "Show stack traces for internal errors.")
        boolean debug;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Path r = root == null ? Path.of("").toAbsolutePath() : root.toAbsolutePath().normalize();
            if (!Files.isDirectory(r)) throw new Main.BadOption("--root " + root + " is not a directory");
            OutputFolder.Protected keep = OutputFolder.Protected.of(r, files);
            OutputFolder.checkReplaceable(output, keep);
            Interop.Outcome o = switch (format) {
                case "gsn2x" -> Interop.importGsn2x(files, output, Path.of("").toAbsolutePath(), keep);
                case "sacm" -> Interop.importSacm(files, output, Path.of("").toAbsolutePath(), keep);
                default -> throw new Main.BadOption("import knows the formats gsn2x and sacm, not " + format);
            };
            PrintWriter out = spec.commandLine().getOut();
            print(spec.commandLine().getErr(), o, d -> Optional.ofNullable(o.texts().get(d)));
            if (o.failed()) return 2;
            for (Path p : o.written()) out.println(TerminalText.escape("wrote " + p));
            out.println(TerminalText.escape("next: safecase check " + output + "  (docs/interop.md: what the obligations say, "
                    + "and how to add warrants and formulas)"));
            out.flush();
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Check a case, then write it out: "
            + "safecase export --to gsn2x CASE -o DIR (gsn2x YAML, statuses as classes status-*), or "
            + "safecase export --to sacm CASE -o FILE.xmi (OMG SACM 2.x). Exit 0 when written, 2 on input errors.")
    static final class Export extends Main.Run {
        @Option(names = "--to", paramLabel = "FORMAT", required = true, description = "gsn2x or sacm.")
        String to;
        @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "gsn2x: a folder; sacm: a .xmi file.")
        Path output;

        @Override
        public Integer call() throws IOException {
            if (!to.equals("gsn2x") && !to.equals("sacm")) throw new Main.BadOption("--to must be gsn2x or sacm, not " + to);
            if (common.paths.size() != 1 || Files.isDirectory(common.paths.get(0))) {
                throw new Main.BadOption("export takes exactly one case file: safecase export --to " + to + " CASE -o OUT");
            }
            Options o = common.options();
            OutputFolder.Protected before = inputs(o, Map.of());
            if (to.equals("gsn2x")) OutputFolder.checkReplaceable(output, before);
            else Interop.checkSacmTarget(output, before);
            Verifier v = new Verifier(o);
            Verifier.Outcome outcome = verify(v, o);
            if (outcome.run().hasInputErrors()) return 2;
            OutputFolder.Protected keep = inputs(o, outcome.prepared());
            Interop.Outcome done = to.equals("gsn2x") ? Interop.exportGsn2x(v, outcome, output, keep)
                    : Interop.exportSacm(v, outcome, output, keep);
            print(err(), done, v::source);
            if (done.failed()) return 2;
            for (Path p : done.written()) out().println(TerminalText.escape("wrote " + p));
            out().flush();
            return 0;
        }
    }
}
