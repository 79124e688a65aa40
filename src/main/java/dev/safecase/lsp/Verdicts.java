package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.judge.Status;
import dev.safecase.result.ObligationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;

/**
 * The verdicts of the last verification as diagnostics, at the claim or step each obligation
 * belongs to: an obligation that fails the gate is an error; a refuted, vacuous, unknown or
 * invalid one that the gate lets pass a warning, an open one information, an asserted one a
 * hint; a proved one nothing. A refutation carries its counterexample, a vacuous proof its
 * clashing premises, an open problem its owner. They are placed in the current text by the
 * node they are about, so they stay put while the file is edited, until the next save.
 */
final class Verdicts {
    static final String SOURCE = "safecase verify";

    private Verdicts() {
    }

    static List<Diagnostic> diagnostics(Verified v, Analysis a) {
        List<Diagnostic> out = new ArrayList<>();
        if (a.unit().isEmpty()) return out;
        FileIndex ix = new FileIndex(Project.key(a.doc().path()), a.unit().get(), a.doc().text(), a.lexemes());
        for (ObligationResult o : v.result().obligations()) {
            if (o.status() == Status.PROVED) continue;
            Optional<Range> at = anchor(ix, a, o.node());
            if (at.isEmpty()) continue;
            Diagnostic d = new Diagnostic(at.get(), message(o), severity(v, o), SOURCE, o.id().toString());
            out.add(d);
        }
        return out;
    }

    private static DiagnosticSeverity severity(Verified v, ObligationResult o) {
        if (v.failsGate(o)) return DiagnosticSeverity.Error;
        return switch (o.status()) {
            case REFUTED, VACUOUS, UNKNOWN, INVALID -> DiagnosticSeverity.Warning;
            case OPEN -> DiagnosticSeverity.Information;
            default -> DiagnosticSeverity.Hint;
        };
    }

    static String message(ObligationResult o) {
        StringBuilder sb = new StringBuilder(o.id().toString()).append(' ').append(o.status().label());
        o.reason().ifPresent(r -> sb.append(" — ").append(r));
        if (!o.counterexample().isEmpty()) sb.append("\ncounterexample: ").append(values(o.counterexample()));
        if (o.status() != Status.PROVED && !o.core().isEmpty()) sb.append("\nclashing premises: ").append(String.join(", ", o.core()));
        o.owner().ifPresent(w -> sb.append("\nowner: ").append(w));
        return sb.toString();
    }

    static String values(Map<String, String> model) {
        List<String> parts = new ArrayList<>();
        model.forEach((k, val) -> parts.add(k + " = " + val));
        return String.join(", ", parts);
    }

    /** Where a node stands in the current text: its declaration, its completion, the use that makes it, or the case header. */
    static Optional<Range> anchor(FileIndex ix, Analysis a, String node) {
        var unit = a.unit().get();
        if (unit.header().isPresent() && unit.header().get().name().equals(node)) {
            return Optional.of(Ranges.of(a.lines(), a.lexemes(), unit.header().get().namePos()));
        }
        Optional<Symbol.Def> top = ix.topLevel(node).filter(d -> d.kind().isNode());
        if (top.isPresent()) return Optional.of(a.lines().range(top.get().start(), top.get().end()));
        for (Decl d : unit.decls()) {
            if (d instanceof Decl.Element el && el.id().isQualified() && el.id().text().equals(node)) {
                return Optional.of(Ranges.of(a.lines(), a.lexemes(), el.id().pos()));
            }
        }
        int dot = node.indexOf('.');
        if (dot > 0) {
            Optional<Symbol.Def> use = ix.topLevel(node.substring(0, dot)).filter(d -> d.kind() == Symbol.Kind.USE
                    || d.kind() == Symbol.Kind.IMPORT);
            if (use.isPresent() && use.get().kind() == Symbol.Kind.USE) {
                return Optional.of(a.lines().range(use.get().start(), use.get().end()));
            }
        }
        return Optional.empty();
    }
}
