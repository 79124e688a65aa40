package dev.safecase.cli;

import dev.safecase.diff.DiffReport;
import dev.safecase.diff.ResultDiff;
import dev.safecase.diff.Snapshot;
import dev.safecase.diff.SnapshotReader;
import dev.safecase.diag.TerminalText;
import dev.safecase.pipeline.Options;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code safecase diff BASE.json HEAD.json} (or {@code --baseline REF [HEAD.json]}): what changed between two results of the same cases (docs/cli.md). Exit
 * 0 when it could compare them, 2 when a file is missing or is not a result; with {@code --fail-on-worse}, 1 when an
 * obligation got worse.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two results (safecase.json or check --format json): obligations whose status changed, "
                + "new and closed open problems, evidence that changed or expired. '-' reads a file from stdin.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(arity = "0..2", paramLabel = "RESULT", description = "BASE.json HEAD.json: the results before and after the "
            + "change; with --baseline, at most HEAD.json (default: the working tree's cases, checked now).")
    java.util.List<String> files = new java.util.ArrayList<>();
    @Option(names = "--baseline", paramLabel = "REF", description = "Compare against the cases/ of git revision REF (a branch, "
            + "tag or commit), checked in a temporary copy; the head is HEAD.json or the working tree.")
    String baseline;
    @Option(names = "--root", paramLabel = "DIR", description = "With --baseline: the project root (default: found upward "
            + "from the working directory, as for check).")
    Path root;
    @Option(names = "--format", paramLabel = "text|json|markdown", description = "Output format (default text).")
    String format = "text";
    @Option(names = "--fail-on-worse", description = "Exit 1 when an obligation's status got worse.")
    boolean failOnWorse;
    @CommandLine.Mixin
    OutputOptions output = new OutputOptions();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json") && !format.equals("markdown")) {
            throw new Main.BadOption("--format must be text, json or markdown, not " + format);
        }
        Snapshot b;
        Snapshot h;
        try {
            if (baseline != null) {
                if (files.size() > 1) throw new Main.BadOption("with --baseline give at most HEAD.json, not " + files.size() + " results");
                if (baseline.isBlank() || baseline.startsWith("-")) throw new Main.BadOption("--baseline needs a git revision, not '" + baseline + "'");
                Path r = root == null ? ProjectRoot.find(Path.of("")) : root.toAbsolutePath().normalize();
                if (!Files.isDirectory(r)) throw new Main.BadOption("--root " + root + " is not a directory");
                Options o = Options.defaults(r).withCache(Options.defaults(r).defaultCacheDir());
                b = Baseline.at(o, baseline);
                h = files.isEmpty() ? Baseline.now(o, java.util.List.of(r.resolve("cases"))) : read(files.get(0));
            } else {
                if (files.size() != 2) throw new Main.BadOption("diff needs BASE.json and HEAD.json (or --baseline REF)");
                if (files.get(0).equals("-") && files.get(1).equals("-")) {
                    throw new Main.BadOption("only one of BASE and HEAD can be '-' (stdin)");
                }
                b = read(files.get(0));
                h = read(files.get(1));
            }
        } catch (SnapshotReader.Bad | Baseline.Refused e) {
            spec.commandLine().getErr().println(TerminalText.escape("safecase: error: " + e.getMessage()));
            return 2;
        }
        ResultDiff d = ResultDiff.of(b, h);
        String text = switch (format) {
            case "json" -> DiffReport.json(d);
            case "markdown" -> DiffReport.markdown(d);
            default -> DiffReport.text(d);
        };
        output.emit(spec.commandLine().getOut(), text);
        return failOnWorse && !d.regressions().isEmpty() ? 1 : 0;
    }

    private Snapshot read(String file) throws SnapshotReader.Bad, IOException {
        if (file.equals("-")) return SnapshotReader.read(System.in, "<stdin>");
        Path p = Path.of(file);
        try (InputStream in = Files.newInputStream(p)) {
            return SnapshotReader.read(in, file);
        } catch (NoSuchFileException e) {
            throw new SnapshotReader.Bad(file + ": no such file");
        }
    }
}
