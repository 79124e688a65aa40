package dev.safecase.interop;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.interop.gsn2x.Gsn2xExport;
import dev.safecase.interop.gsn2x.Gsn2xFile;
import dev.safecase.interop.gsn2x.Gsn2xImport;
import dev.safecase.interop.gsn2x.Gsn2xInput;
import dev.safecase.interop.gsn2x.Gsn2xNames;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code safecase import} and {@code safecase export}: the conversions, and the output they write.
 * Nothing is written unless the whole input was read and converted without an error; a folder is
 * written next to its target and swapped in (the report folders' rules: only a folder that is
 * empty or that safecase wrote is replaced).
 */
public final class Interop {
    private Interop() {
    }

    /** What a conversion did: the findings (with the texts to quote), and the files written. */
    public record Outcome(List<Diagnostic> diagnostics, Map<String, SourceText> texts, List<Path> written) {
        public boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** gsn2x YAML files (the first is the case) to case files in {@code out}. */
    public static Outcome importGsn2x(List<Path> files, Path out, Path base, OutputFolder.Protected keep) throws IOException {
        Diagnostics diags = new Diagnostics();
        Map<String, SourceText> texts = new HashMap<>();
        Optional<List<Gsn2xFile>> read = Gsn2xInput.read(files, base, texts, diags);
        Optional<List<OutputFile>> converted = read.flatMap(f -> Gsn2xImport.convert(f, diags));
        return write(converted, out, keep, diags, texts);
    }

    /** The one case that {@code outcome} checked, as gsn2x YAML files in {@code out}. */
    public static Outcome exportGsn2x(Verifier verifier, Verifier.Outcome outcome, Path out, OutputFolder.Protected keep)
            throws IOException {
        Diagnostics diags = new Diagnostics();
        Optional<List<OutputFile>> converted = CheckedCase.of(verifier, outcome, Gsn2xNames.COMMENT,
                List.of(Gsn2xNames.FILES), diags).flatMap(c -> Gsn2xExport.export(c, diags));
        return write(converted, out, keep, diags, Map.of());
    }

    public static Outcome importSacm(List<Path> files, Path out, Path base, OutputFolder.Protected keep) throws IOException {
        throw new IOException("SACM import is not built yet");
    }

    public static Outcome exportSacm(Verifier verifier, Verifier.Outcome outcome, Path out, OutputFolder.Protected keep)
            throws IOException {
        throw new IOException("SACM export is not built yet");
    }

    public static void checkSacmTarget(Path out, OutputFolder.Protected keep) throws IOException {
    }

    private static Outcome write(Optional<List<OutputFile>> files, Path out, OutputFolder.Protected keep, Diagnostics diags,
                                 Map<String, SourceText> texts) throws IOException {
        List<Path> written = new ArrayList<>();
        if (files.isPresent() && !diags.hasErrors()) {
            Reports.writeAtomically(out, keep, dir -> {
                for (OutputFile f : files.get()) Reports.write(dir, f.name(), f.text());
            });
            for (OutputFile f : files.get()) written.add(out.resolve(f.name()));
        }
        return new Outcome(diags.sorted(), texts, written);
    }
}
