package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.source.Sources;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.evidence.EvidencePaths;
import dev.safecase.source.ImportClosure;
import dev.safecase.diag.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs the front end (parser and checker, no prover) on a text held in memory. */
final class FrontEnd {
    private FrontEnd() {
    }

    /** What the front end made of one text: the checked model (when no error) and every finding. */
    record Result(Optional<SourceUnit> unit, Optional<Model.Case> model, List<Diagnostic> diagnostics) {
        List<Diagnostic> errors() {
            return diagnostics.stream().filter(Diagnostic::isError).toList();
        }

        /** {@code line:col CODE message}, one per line, in source order: easy to compare in a test. */
        String render() {
            return diagnostics.stream().map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.severity().label() + " "
                    + d.code().id() + " " + d.message()).collect(Collectors.joining("\n"));
        }
    }

    static Result check(String text) {
        return check(new Sources(Path.of("").toAbsolutePath()), "test.case", text);
    }

    /** Parses and, when that succeeds and the text is a case, checks it; the file is not on disk. */
    static Result check(Sources sources, String display, String text) {
        return check(sources, new SourceText(null, display, text));
    }

    static Result check(Sources sources, SourceText source) {
        return check(sources, source, Optional.empty());
    }

    /** As above, with the --timeout-ms that built-ins evaluated by the checker get. */
    static Result check(String text, long timeoutMs) {
        return check(new Sources(Path.of("").toAbsolutePath()), new SourceText(null, "test.case", text), Optional.of(timeoutMs));
    }

    private static Result check(Sources sources, SourceText source, Optional<Long> timeoutMs) {
        Diagnostics diags = new Diagnostics();
        Optional<SourceUnit> unit = Sources.parse(source, diags);
        Optional<Model.Case> model = Optional.empty();
        if (unit.isPresent() && unit.get().isCase()) {
            Sources.Loaded file = new Sources.Loaded(source.display(), source, unit, List.of());
            ImportClosure closure = ImportClosure.load(sources, file);
            model = timeoutMs.isPresent() ? Checker.check(closure, evidencePaths(sources), diags, timeoutMs.get())
                    : Checker.check(closure, evidencePaths(sources), diags);
        }
        return new Result(unit, model, diags.sorted());
    }

    /** The pipeline's rule for evidence paths, for a run rooted where {@code sources} is. */
    static EvidencePathRule evidencePaths(Sources sources) {
        return (written, caseFile) -> EvidencePaths.locate(written, caseFile.orElse(null), sources.root()).escape();
    }
}
