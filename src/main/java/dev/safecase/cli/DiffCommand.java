package dev.safecase.cli;

import dev.safecase.diff.DiffReport;
import dev.safecase.diff.ResultDiff;
import dev.safecase.diff.Snapshot;
import dev.safecase.diff.SnapshotReader;
import dev.safecase.diag.TerminalText;
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
 * {@code safecase diff BASE.json HEAD.json}: what changed between two results of the same cases (docs/cli.md). Exit
 * 0 when it could compare them, 2 when a file is missing or is not a result; with {@code --fail-on-worse}, 1 when an
 * obligation got worse.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two results (safecase.json or check --format json): obligations whose status changed, "
                + "new and closed open problems, evidence that changed or expired. '-' reads a file from stdin.")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The result before the change.")
    String base;
    @Parameters(index = "1", paramLabel = "HEAD", description = "The result after it.")
    String head;
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
        if (base.equals("-") && head.equals("-")) throw new Main.BadOption("only one of BASE and HEAD can be '-' (stdin)");
        Snapshot b;
        Snapshot h;
        try {
            b = read(base);
            h = read(head);
        } catch (SnapshotReader.Bad e) {
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
