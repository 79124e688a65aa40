package dev.safecase.lsp;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.pipeline.Verifier;
import dev.safecase.source.Overlay;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Lexemes;
import dev.safecase.syntax.Parser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an open document with the pipeline's own front end ({@link Verifier#prepare}), reading
 * every open buffer instead of its file. A case is checked as {@code safecase check} would; a
 * module, which is checked through the cases that import it, through a small case that does
 * nothing but import it (in memory only), keeping the findings about the module.
 */
final class Checking {
    private Checking() {
    }

    static Analysis check(Project project, Document doc) {
        Path path = doc.path();
        Verifier verifier = project.verifier(path);
        String display = verifier.sources().display(path);
        SourceText source = new SourceText(path, display, doc.text());
        Diagnostics parsed = new Diagnostics();
        Optional<SourceUnit> unit = Sources.parse(source, parsed);
        List<Lexemes.Lexeme> lexemes = Lexemes.of(source);
        boolean isCase = unit.map(SourceUnit::isCase).orElseGet(() -> Parser.heading(source).isCase());
        List<Diagnostic> found;
        if (isCase) found = ownFindings(prepare(verifier, path), display);
        else if (unit.isEmpty()) found = parsed.sorted();
        else found = module(project, doc, display).orElse(parsed.sorted());
        return new Analysis(doc, display, new LineMap(doc.text()), lexemes, unit, found);
    }

    private static List<Diagnostic> prepare(Verifier v, Path file) {
        Diagnostics d = new Diagnostics();
        v.prepare(List.of(file), d, new LinkedHashMap<>());
        return d.sorted();
    }

    private static List<Diagnostic> ownFindings(List<Diagnostic> all, String display) {
        return all.stream().filter(d -> d.pos().file().equals(display)).toList();
    }

    /** The findings about a module, through an in-memory case next to it that imports it. */
    private static Optional<List<Diagnostic>> module(Project project, Document doc, String display) {
        Path path = doc.path();
        String file = path.getFileName().toString();
        String stem = file.endsWith(".case") ? file.substring(0, file.length() - 5) : file;
        if (!stem.matches("[A-Za-z_][A-Za-z0-9_]*") || Lexemes.keywords().contains(stem)) return Optional.empty();
        Path probe = path.resolveSibling(".safecase-lsp-probe-" + stem + ".case");
        Map<Path, String> texts = new HashMap<>(project.overlay().texts());
        texts.put(probe, "case safecase_lsp_probe \"Checks the module " + stem + "\"\nimport " + stem + "\n");
        Verifier v = new Verifier(project.optionsFor(path), new Overlay(texts));
        String shown = v.sources().display(path);
        return Optional.of(ownFindings(prepare(v, probe), shown).stream()
                .map(d -> new Diagnostic(d.severity(), d.code(), new dev.safecase.diag.Position(display, d.pos().line(), d.pos().col()),
                        d.message()))
                .toList());
    }
}
