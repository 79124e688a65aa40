package dev.safecase.lsp;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostic;
import dev.safecase.syntax.Lexemes;
import dev.safecase.pipeline.Verifier;
import java.util.List;
import java.util.Optional;

/**
 * One version of an open document, checked: its tokens, its AST when it parses, and the
 * findings of the pipeline's check about this file (syntax, names, types, structure). Nothing
 * is proved here; verdicts come on save.
 *
 * @param display the file's name in the diagnostics' positions
 * @param indexes the names of the file and its imports, when it parses
 */
record Analysis(Document doc, String display, LineMap lines, List<Lexemes.Lexeme> lexemes, Optional<SourceUnit> unit,
                List<Diagnostic> diagnostics, Optional<Indexes> indexes, Optional<Verifier.Front> front) {
    Analysis {
        lexemes = List.copyOf(lexemes);
        diagnostics = List.copyOf(diagnostics);
    }

    boolean isCase() {
        return unit.map(SourceUnit::isCase).orElse(false);
    }
}
