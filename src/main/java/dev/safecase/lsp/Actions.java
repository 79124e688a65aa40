package dev.safecase.lsp;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Name;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.evidence.Pin;
import dev.safecase.judge.Status;
import dev.safecase.result.ObligationResult;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Code actions: the checker's "did you mean" fixes; marking a claim with no support
 * {@code undeveloped} with an owner; writing or updating an evidence file's {@code sha256}
 * pin (with the pin command's own edit, {@link Pin#edit}); and, for a step that the last
 * verification left open because it is informal, a warrant assumption that links its
 * subclaims to its claim.
 */
final class Actions {
    /**
     * The owner a quick fix writes when it marks a claim undeveloped: a visible placeholder for the author to replace
     * with the team or person who will develop the claim (the open-problems list shows it as written).
     */
    static final String OWNER_PLACEHOLDER = "unassigned: name who develops this";

    private static final Pattern DID_YOU_MEAN = Pattern.compile("\\(did you mean '([^']+)'\\?\\)");

    private Actions() {
    }

    static List<CodeAction> actions(Project project, Analysis a, Optional<Verified> verified, Range range, List<Diagnostic> context) {
        List<CodeAction> out = new ArrayList<>();
        String uri = a.doc().uri();
        for (Diagnostic d : context) {
            Matcher m = DID_YOU_MEAN.matcher(d.getMessage());
            if (m.find()) {
                CodeAction fix = action("Change to '" + m.group(1) + "'", CodeActionKind.QuickFix,
                        edit(uri, new TextEdit(d.getRange(), m.group(1))));
                fix.setDiagnostics(List.of(d));
                fix.setIsPreferred(true);
                out.add(fix);
            }
        }
        if (a.unit().isEmpty()) return out;
        SourceUnit unit = a.unit().get();
        int from = a.lines().offset(range.getStart());
        int to = a.lines().offset(range.getEnd());
        List<Decl> decls = unit.decls();
        for (int i = 0; i < decls.size(); i++) {
            if (!(decls.get(i) instanceof Decl.Element el)) continue;
            int start = a.lines().offset(el.pos());
            int end = lastTokenEnd(a, start, i + 1 < decls.size() ? a.lines().offset(decls.get(i + 1).pos()) : Integer.MAX_VALUE);
            if (to < start || from > end) continue;
            if (el.kind() == Decl.ElementKind.CLAIM && !el.id().isQualified() && unsupported(el)) {
                out.add(action("Mark " + el.id().text() + " undeveloped, with an owner", CodeActionKind.QuickFix,
                        edit(uri, new TextEdit(a.lines().range(end, end), "\n    undeveloped\n    owner \"" + OWNER_PLACEHOLDER + "\""))));
            }
            if (el.kind() == Decl.ElementKind.EVIDENCE) pin(project, a, el, uri).ifPresent(out::add);
            verified.ifPresent(v -> warrant(a, el, v, start, end, uri).ifPresent(out::add));
        }
        return out;
    }

    private static int lastTokenEnd(Analysis a, int start, int limit) {
        int end = start;
        for (Lexemes.Lexeme l : a.lexemes()) {
            if (l.start() >= limit) break;
            if (l.start() >= start && l.kind() != Lexemes.Kind.COMMENT) end = l.end();
        }
        return end;
    }

    private static boolean unsupported(Decl.Element el) {
        return el.clauses().stream().noneMatch(c -> c.kind() == Clause.Kind.SUPPORTED_BY || c.kind() == Clause.Kind.UNDEVELOPED
                || c.kind() == Clause.Kind.ASSERTED);
    }

    private static CodeAction action(String title, String kind, WorkspaceEdit edit) {
        CodeAction c = new CodeAction(title);
        c.setKind(kind);
        c.setEdit(edit);
        return c;
    }

    private static WorkspaceEdit edit(String uri, TextEdit... edits) {
        return new WorkspaceEdit(Map.of(uri, List.of(edits)));
    }

    /** The pin command's edit for this evidence item, on the buffer's text. */
    private static Optional<CodeAction> pin(Project project, Analysis a, Decl.Element el, String uri) {
        Diagnostics d = new Diagnostics();
        Optional<Pin.Pinned> p = Pin.edit(el, a.doc().text(), a.doc().path(), project.optionsFor(a.doc().path()).root(), d);
        if (p.isEmpty()) return Optional.empty();
        Pin.Edit e = p.get().edit();
        String title = p.get().change().oldSha().isPresent()
                ? "Update the sha256 pin of " + el.id().text() + " to its file's current hash"
                : "Pin " + el.id().text() + " to its file's sha256";
        return Optional.of(action(title, CodeActionKind.QuickFix,
                edit(uri, new TextEdit(a.lines().range(e.start(), e.end()), e.text()))));
    }

    /**
     * For a strategy or claim whose inference the last verification found open as an informal
     * step: an assumption {@code ID_warrant: sub1 and sub2 => parent} before it, named in an
     * {@code assuming} clause.
     */
    private static Optional<CodeAction> warrant(Analysis a, Decl.Element el, Verified v, int start, int end, String uri) {
        if (el.id().isQualified()) return Optional.empty();
        String id = el.id().text();
        Optional<ObligationResult> open = v.obligationsOf(id).stream()
                .filter(o -> o.status() == Status.OPEN && o.id().kind().label().equals("inference")
                        && o.reason().map(r -> r.startsWith("informal step")).orElse(false))
                .findFirst();
        if (open.isEmpty()) return Optional.empty();
        List<String> subclaims = new ArrayList<>();
        for (Clause c : el.clauses()) {
            if (c.kind() == Clause.Kind.SUPPORTED_BY) for (Name n : Clause.names(c)) subclaims.add(n.text());
        }
        List<String> claims = subclaims.stream().filter(s -> v.claim(s).isPresent()).toList();
        String goal = el.kind() == Decl.ElementKind.STRATEGY ? parentOf(a.unit().get(), id).orElse("") : id;
        if (goal.isEmpty() || claims.isEmpty()) return Optional.empty();
        String name = id.replace('.', '_') + "_warrant";
        String assumption = "assumption " + name + " \"Why " + String.join(" and ", claims) + " give " + goal + "\":\n    "
                + String.join(" and ", claims) + " => " + goal + "\n\n";
        int lineStart = a.doc().text().lastIndexOf('\n', Math.max(0, start - 1)) + 1;
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(a.lines().range(lineStart, lineStart), assumption));
        Optional<Clause> assuming = el.clauses().stream().filter(c -> c.kind() == Clause.Kind.ASSUMING).findFirst();
        if (assuming.isPresent()) {
            List<Name> names = Clause.names(assuming.get());
            Range last = Ranges.of(a.lines(), a.lexemes(), names.get(names.size() - 1).pos());
            edits.add(new TextEdit(new Range(last.getEnd(), last.getEnd()), ", " + name));
        } else {
            edits.add(new TextEdit(a.lines().range(end, end), "\n    assuming " + name));
        }
        CodeAction c = action("Add a warrant assumption for the informal step " + open.get().id(), CodeActionKind.QuickFix,
                new WorkspaceEdit(Map.of(uri, edits)));
        return Optional.of(c);
    }

    private static Optional<String> parentOf(SourceUnit unit, String strategy) {
        for (Decl d : unit.decls()) {
            if (!(d instanceof Decl.Element el)) continue;
            for (Clause c : el.clauses()) {
                if (c.kind() == Clause.Kind.SUPPORTED_BY
                        && Clause.names(c).stream().anyMatch(n -> n.text().equals(strategy))) {
                    return Optional.of(el.id().text());
                }
            }
        }
        return Optional.empty();
    }
}
