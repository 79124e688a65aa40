package dev.safecase.lsp;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.format.Formatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The text-document half of the protocol: each request answered from the current analysis of its document. */
final class TextDocuments implements TextDocumentService {
    private final Session session;

    TextDocuments(Session session) {
        this.session = session;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var td = params.getTextDocument();
        session.opened(new Document(td.getUri(), Project.path(td.getUri()), td.getText(), td.getVersion()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional<Document> d = session.project.document(uri);
        if (d.isEmpty()) return;
        String text = d.get().text();
        for (TextDocumentContentChangeEvent c : params.getContentChanges()) {
            if (c.getRange() == null) {
                text = c.getText();
            } else {
                LineMap lines = new LineMap(text);
                int start = lines.offset(c.getRange().getStart());
                int end = Math.max(start, lines.offset(c.getRange().getEnd()));
                text = text.substring(0, start) + c.getText() + text.substring(end);
            }
        }
        Integer version = params.getTextDocument().getVersion();
        session.changed(d.get().withText(text, version == null ? d.get().version() + 1 : version));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        session.closed(params.getTextDocument().getUri());
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        session.saved(params.getTextDocument().getUri(), Optional.ofNullable(params.getText()));
    }

    private int offset(Analysis a, org.eclipse.lsp4j.Position p) {
        return a.lines().offset(p);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return session.request("hover", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            Indexes ix = session.indexes(a).orElse(null);
            if (ix == null || a.unit().isEmpty()) return Hovers.hover(a, Indexes.none(), Optional.empty(), offset(a, params.getPosition())).orElse(null);
            return Hovers.hover(a, ix, session.verified(a.doc().uri()), offset(a, params.getPosition())).orElse(null);
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return session.request("definition", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            List<Location> out = new ArrayList<>();
            if (a.unit().isPresent()) {
                Navigation.definition(session.project, a, session.currentIndexes(a), offset(a, params.getPosition())).ifPresent(out::add);
            }
            return Either.forLeft(out);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return session.request("references", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            if (a.unit().isEmpty()) return List.of();
            Indexes workspace = Indexes.workspace(session.project);
            return Navigation.references(session.project, a, workspace, offset(a, params.getPosition()),
                    params.getContext() == null || params.getContext().isIncludeDeclaration());
        });
    }

    @Override
    public CompletableFuture<Either3<org.eclipse.lsp4j.Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return session.request("prepareRename", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            session.currentIndexes(a);
            return Either3.forFirst(Navigation.prepare(a, Indexes.workspace(session.project), offset(a, params.getPosition())));
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return session.request("rename", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            session.currentIndexes(a);
            return Navigation.rename(session.project, a, Indexes.workspace(session.project), offset(a, params.getPosition()),
                    params.getNewName());
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return session.request("documentSymbol", () -> Outline.documentSymbols(session.analysis(params.getTextDocument().getUri())));
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return session.request("foldingRange", () -> Outline.folding(session.analysis(params.getTextDocument().getUri())));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return session.request("completion", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            List<CompletionItem> items = Completer.complete(a, session.indexes(a), session.library, offset(a, params.getPosition()));
            return Either.forRight(new CompletionList(false, items));
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return session.request("codeAction", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (CodeAction c : Actions.actions(session.project, a, session.verified(a.doc().uri()), params.getRange(),
                    params.getContext() == null ? List.of() : params.getContext().getDiagnostics())) {
                out.add(Either.forRight(c));
            }
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return session.request("formatting", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            Optional<String> out = Formatter.format(new SourceText(a.doc().path(), a.display(), a.doc().text()), new Diagnostics());
            if (out.isEmpty() || out.get().equals(a.doc().text())) return List.of();
            return List.of(new TextEdit(a.lines().range(0, a.doc().text().length()), out.get()));
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return session.request("semanticTokens", () -> {
            Analysis a = session.analysis(params.getTextDocument().getUri());
            return Highlighting.tokens(a, a.unit().isPresent() ? session.indexes(a) : Optional.empty());
        });
    }
}
