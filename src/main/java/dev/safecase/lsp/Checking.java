package dev.safecase.lsp;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.pipeline.Verifier;
import dev.safecase.source.Overlay;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Lexemes;
import dev.safecase.syntax.Parser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an open document with the pipeline's own front end ({@link Verifier#prepare}), reading
 * every open buffer instead of its file. A case is checked as {@code safecase check} would; a
 * module, which is checked through the cases that import it, through a small case that does
 * nothing but import it (in memory only), keeping the findings about the module. The file is
 * parsed once: the name indexes are built from the run's own parsed files. A case's front end
 * (checked and lowered) is kept in its analysis, so that a save of the same text proves it
 * without preparing it again when nothing it read has changed ({@link Verifier#run(Verifier.Front)}).
 */
final class Checking {
    private Checking() {
    }

    static Analysis check(Project project, Document doc) {
        Path path = doc.path();
        Verifier verifier = project.verifier(path);
        String display = verifier.sources().display(path);
        SourceText source = new SourceText(path, display, doc.text());
        List<Lexemes.Lexeme> lexemes = Lexemes.of(source);
        LineMap lines = new LineMap(doc.text());
        if (Parser.heading(source).isCase()) {
            Verifier.Front front = verifier.front(List.of(path));
            List<Diagnostic> found = ownFindings(front.diagnostics(), display);
            Sources.Loaded loaded = verifier.sources().load(path);
            return analysis(doc, display, lines, lexemes, loaded, found, verifier.sources(), Optional.of(front));
        }
        Optional<Probe> probe = probe(project, path);
        Sources sources = probe.map(Probe::verifier).map(Verifier::sources).orElse(verifier.sources());
        Sources.Loaded loaded = sources.load(path);
        List<Diagnostic> found = probe.isPresent() && loaded.unit().isPresent()
                ? probe.get().findings().stream().map(d -> at(d, display)).toList() : loaded.diagnostics().stream().map(d -> at(d, display)).toList();
        return analysis(doc, display, lines, lexemes, loaded, found, sources, Optional.empty());
    }

    private static Analysis analysis(Document doc, String display, LineMap lines, List<Lexemes.Lexeme> lexemes, Sources.Loaded loaded,
                                     List<Diagnostic> found, Sources sources, Optional<Verifier.Front> front) {
        Optional<SourceUnit> unit = loaded.unit();
        Optional<Indexes> indexes = unit.isPresent() ? Optional.of(Indexes.of(sources, List.of(loaded))) : Optional.empty();
        return new Analysis(doc, display, lines, lexemes, unit, found, indexes, front);
    }

    private static Diagnostic at(Diagnostic d, String display) {
        return new Diagnostic(d.severity(), d.code(), new Position(display, d.pos().line(), d.pos().col()), d.message());
    }

    private static List<Diagnostic> ownFindings(List<Diagnostic> all, String display) {
        return all.stream().filter(d -> d.pos().file().equals(display)).toList();
    }

    private record Probe(Verifier verifier, List<Diagnostic> findings) {}

    /** The findings about a module, through an in-memory case next to it that imports it. */
    private static Optional<Probe> probe(Project project, Path path) {
        String file = path.getFileName().toString();
        String stem = file.endsWith(".case") ? file.substring(0, file.length() - 5) : file;
        if (!stem.matches("[A-Za-z_][A-Za-z0-9_]*") || Lexemes.keywords().contains(stem)) return Optional.empty();
        Path probe = path.resolveSibling(".safecase-lsp-probe-" + stem + ".case");
        Map<Path, String> texts = new HashMap<>(project.overlay().texts());
        texts.put(probe, "case safecase_lsp_probe \"Checks the module " + stem + "\"\nimport " + stem + "\n");
        Verifier v = new Verifier(project.optionsFor(path), new Overlay(texts));
        String shown = v.sources().display(path);
        return Optional.of(new Probe(v, ownFindings(v.front(List.of(probe)).diagnostics(), shown)));
    }
}
