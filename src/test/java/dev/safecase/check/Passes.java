package dev.safecase.check;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs the checker's passes one at a time, as {@link Checker} does, so a test can look between them. */
final class Passes {
    final Diagnostics diags = new Diagnostics();
    final Texts texts = new Texts(diags);
    final Formulas formulas = new Formulas(diags, texts, () -> dev.safecase.stats.Deadline.NONE);
    final ImportClosure closure;

    Passes(ImportClosure closure) {
        this.closure = closure;
    }

    /** A case held in memory (imports are looked up under the working directory). */
    static Passes of(String text) {
        Sources sources = new Sources(Path.of("").toAbsolutePath());
        SourceText source = new SourceText(null, "t.case", text);
        Diagnostics parse = new Diagnostics();
        Optional<SourceUnit> unit = Sources.parse(source, parse);
        if (unit.isEmpty()) throw new AssertionError("does not parse: " + parse.sorted());
        return new Passes(ImportClosure.load(sources, new Sources.Loaded("t.case", source, unit, List.of())));
    }

    /** A case on disk, with its modules around it. */
    static Passes of(Path root, Path caseFile) {
        Sources sources = new Sources(root);
        return new Passes(ImportClosure.load(sources, sources.load(caseFile)));
    }

    Declarations.Declared declare() {
        Nodes moduleNodes = new Nodes(formulas, texts, (w, f) -> Optional.empty(), Optional.empty(), diags, Nodes.Index.none());
        return new Declarations(closure, new Imports(closure, formulas, moduleNodes, diags), diags).run();
    }

    Patterns.Instantiated instantiate(Declarations.Declared declared) {
        return new Patterns(declared, formulas, formulas.indexed(), diags).run();
    }

    /** {@code line:col CODE message}, one per line, in source order. */
    String findings() {
        return diags.sorted().stream().map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
