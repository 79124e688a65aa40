package dev.safecase.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The workspace half of the protocol: symbols across the workspace; configuration and file events are accepted. */
final class WorkspaceSide implements WorkspaceService {
    private final Session session;

    WorkspaceSide(Session session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(WorkspaceSymbolParams params) {
        return session.request("workspace/symbol", () -> Either.forRight(
                Outline.workspaceSymbols(session.project, Indexes.workspace(session.project), params.getQuery())));
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        // the gate options come from the initialization options or the command line
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // every run reads the disk afresh, so a changed file is seen by the next check
    }
}
