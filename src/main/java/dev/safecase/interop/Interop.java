package dev.safecase.interop;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.interop.gsn2x.Gsn2xExport;
import dev.safecase.interop.gsn2x.Gsn2xFile;
import dev.safecase.interop.gsn2x.Gsn2xImport;
import dev.safecase.interop.gsn2x.Gsn2xInput;
import dev.safecase.interop.gsn2x.Gsn2xNames;
import dev.safecase.interop.sacm.SacmComments;
import dev.safecase.interop.sacm.SacmExport;
import dev.safecase.interop.sacm.SacmImport;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /** A SACM XMI file to a case file in {@code out}. */
    public static Outcome importSacm(List<Path> files, Path out, Path base, OutputFolder.Protected keep) throws IOException {
        Diagnostics diags = new Diagnostics();
        Map<String, SourceText> texts = new HashMap<>();
        if (files.size() != 1) {
            throw new IOException("import sacm takes one .xmi file (a SACM package holds the whole argument)");
        }
        Path file = files.get(0);
        String display = display(file, base);
        Optional<SourceText> text = SourceText.read(file, display, diags);
        text.ifPresent(t -> texts.put(display, t));
        Optional<List<OutputFile>> converted = text.flatMap(t -> SacmImport.convert(display, file.getFileName().toString(), t.text(), diags));
        return write(converted, out, keep, diags, texts);
    }

    /** The one case that {@code outcome} checked, as a SACM XMI file {@code out}, replaced atomically. */
    public static Outcome exportSacm(Verifier verifier, Verifier.Outcome outcome, Path out, OutputFolder.Protected keep)
            throws IOException {
        Diagnostics diags = new Diagnostics();
        Optional<String> xmi = CheckedCase.of(verifier, outcome, SacmComments.MARKER, SacmComments.FILE_KEYS, diags).map(SacmExport::export);
        List<Path> written = new ArrayList<>();
        if (xmi.isPresent() && !diags.hasErrors()) {
            checkSacmTarget(out, keep);
            OutputFile.replaceAtomically(out, xmi.get());
            written.add(out);
        }
        return new Outcome(diags.sorted(), Map.of(), written);
    }

    /**
     * A SACM export replaces only a file that an earlier export wrote (it starts with safecase's
     * signature comment), never an input of the run nor a folder.
     */
    public static void checkSacmTarget(Path out, OutputFolder.Protected keep) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (keep.covers(abs)) {
            throw new OutputFolder.Refused("will not write " + out + ": it is an input of this run or holds one; choose another file with -o");
        }
        if (Files.isDirectory(abs)) throw new OutputFolder.Refused("will not write " + out + ": it is a folder; give a file name such as case.xmi");
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            boolean ours = Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS) && signed(abs);
            if (!ours) {
                throw new OutputFolder.Refused("will not replace " + out + ": it was not written by safecase (it does not start "
                        + "with safecase's signature comment); remove it yourself or choose another file with -o");
            }
        }
    }

    private static boolean signed(Path p) {
        try (java.io.BufferedReader r = Files.newBufferedReader(p, java.nio.charset.StandardCharsets.UTF_8)) {
            for (int i = 0; i < 3; i++) {
                String line = r.readLine();
                if (line == null) return false;
                if (line.startsWith(SacmExport.SIGNATURE)) return true;
            }
            return false;
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static String display(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? b.relativize(abs).toString() : abs.toString();
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
