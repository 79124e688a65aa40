package dev.safecase.cli;

import dev.safecase.cache.Partials;
import dev.safecase.diag.TerminalText;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.JsonReport;
import dev.safecase.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code safecase merge PART.json... [PATH...]}: the full result of a sharded run. The cases are
 * checked again (cheap) and every solver verdict is taken from the partial results, so the summary,
 * the JSON, the reports and the exit status are those of the same run without shards.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, description = "Join the partial results of `check --shard I/N` "
        + "(the arguments ending in .json) into the full result of the cases (the other arguments, default cases/): "
        + "the summary or --format json, every report with -o DIR, and the gate's exit status.")
final class MergeCommand extends Main.Run {
    @Option(names = "--format", paramLabel = "text|json", description = "Output format on stdout (default text).")
    String format = "text";
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Also write every report into DIR, as `report` does.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) throw new Main.BadOption("--format must be text or json, not " + format);
        List<Path> parts = new ArrayList<>();
        List<Path> cases = new ArrayList<>();
        for (Path p : common.paths) (p.toString().endsWith(".json") ? parts : cases).add(p);
        if (parts.isEmpty()) throw new Main.BadOption("merge needs the partial results: safecase merge PART.json... [PATH...]");
        common.paths.clear();
        common.paths.addAll(cases);
        Options o = common.options();
        if (output != null) dev.safecase.report.OutputFolder.checkReplaceable(output, inputs(o, Map.of()));
        Verifier v = new Verifier(o);
        Verifier.Outcome outcome;
        try {
            outcome = verify(v, o, common.paths(o), parts);
        } catch (Partials.NotAPartial | Verifier.MissingVerdicts e) {
            throw new Main.BadOption(e.getMessage());
        }
        if (output != null) {
            outcome = v.withAgendas(outcome); // as `report` writes them
            Reports.writeAll(outcome.run(), file -> v.source(file).map(dev.safecase.diag.SourceText::text), output,
                    inputs(o, outcome.prepared()));
        }
        if (format.equals("json")) out().print(JsonReport.render(outcome.run()));
        else chatter().print(Summary.text(outcome.run()));
        if (output != null) chatter().println("report: " + TerminalText.escape(output.resolve("index.html").toString()));
        out().flush();
        return outcome.exitCode();
    }
}
