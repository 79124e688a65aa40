package dev.safecase.lsp;

import com.google.gson.JsonObject;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code safecase lsp}: the language server. Diagnostics as you type come from the pipeline's
 * check, verdicts on save from the full {@link Verifier}; hovers, navigation, completion,
 * code actions, semantic tokens, folding and formatting from the same front end. The gate
 * options come from the command line or from the client's initialization options
 * ({@code strict}, {@code failOn}, {@code timeoutMs}).
 */
public final class SafecaseServer implements LanguageServer, LanguageClientAware {
    private final Session session;
    private final TextDocuments documents;
    private final WorkspaceSide workspace;
    private final AtomicBoolean shutdown = new AtomicBoolean();
    private final IntConsumer exit;

    SafecaseServer(Options options, Path bundledCache, IntConsumer exit) {
        this.session = new Session(new Project(options.root(), options, bundledCache));
        this.documents = new TextDocuments(session);
        this.workspace = new WorkspaceSide(session);
        this.exit = exit;
    }

    /**
     * Serves one client over the streams until it exits or the input ends. Returns the exit
     * status: 0 after {@code shutdown} then {@code exit}, 1 otherwise (as the protocol says).
     */
    public static int run(InputStream in, OutputStream out, Options options) {
        java.util.logging.Logger logger = Log.capture();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "safecase-lsp-" + Verifier.VERSION + "-" + System.getProperty("user.name", "user"));
        CompletableFuture<Integer> exited = new CompletableFuture<>();
        SafecaseServer server = new SafecaseServer(options, cache, c -> exited.complete(c));
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        var listening = launcher.startListening();
        Log.info("ready (safecase " + Verifier.VERSION + ")");
        CompletableFuture.anyOf(exited, CompletableFuture.runAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                Log.warn("the connection ended: " + e.getCause());
            }
        })).join();
        int code = exited.isDone() ? exited.join() : 1;
        logger.fine("exit " + code);
        server.session.stop();
        listening.cancel(true);
        return code;
    }

    @Override
    public void connect(LanguageClient client) {
        session.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        return session.request("initialize", () -> {
            rootOf(params).ifPresent(session.project::setRoot);
            session.project.setOptions(configured(session.project.options().withRoot(session.project.root()),
                    params.getInitializationOptions()));
            ServerCapabilities caps = new ServerCapabilities();
            TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
            sync.setOpenClose(true);
            sync.setChange(TextDocumentSyncKind.Incremental);
            sync.setSave(new SaveOptions(true));
            caps.setTextDocumentSync(sync);
            caps.setHoverProvider(true);
            caps.setDefinitionProvider(true);
            caps.setReferencesProvider(true);
            caps.setRenameProvider(new RenameOptions(true));
            caps.setDocumentSymbolProvider(true);
            caps.setWorkspaceSymbolProvider(true);
            caps.setFoldingRangeProvider(true);
            caps.setDocumentFormattingProvider(true);
            CompletionOptions completion = new CompletionOptions(false, List.of(".", " ", ","));
            caps.setCompletionProvider(completion);
            caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
            SemanticTokensWithRegistrationOptions tokens = new SemanticTokensWithRegistrationOptions(Highlighting.legend());
            tokens.setFull(true);
            caps.setSemanticTokensProvider(tokens);
            Log.info("workspace " + session.project.root());
            return new InitializeResult(caps, new ServerInfo("safecase", Verifier.VERSION));
        });
    }

    private static java.util.Optional<Path> rootOf(InitializeParams p) {
        if (p.getWorkspaceFolders() != null && !p.getWorkspaceFolders().isEmpty()) {
            return java.util.Optional.of(Project.path(p.getWorkspaceFolders().get(0).getUri()));
        }
        @SuppressWarnings("deprecation")
        String uri = p.getRootUri();
        return uri == null ? java.util.Optional.empty() : java.util.Optional.of(Project.path(uri));
    }

    /** The gate options a client may set: {@code {"strict": true, "failOn": "refuted,vacuous", "timeoutMs": 5000}}. */
    private static Options configured(Options o, Object init) {
        if (!(init instanceof JsonObject j)) return o;
        try {
            if (j.has("strict")) o = o.withStrict(j.get("strict").getAsBoolean());
            if (j.has("failOn")) o = o.withFailOn(Options.parseFailOn(j.get("failOn").getAsString()));
            if (j.has("timeoutMs")) o = o.withTimeoutMs(Options.checkBudget("timeoutMs", j.get("timeoutMs").getAsLong(), Options.MAX_TIMEOUT_MS));
            if (j.has("jobs")) o = o.withJobs(Math.max(1, j.get("jobs").getAsInt()));
        } catch (RuntimeException e) {
            Log.warn("ignoring the initialization options " + j + ": " + e.getMessage());
        }
        return o;
    }

    @Override
    public void initialized(InitializedParams params) {
        // nothing to register dynamically
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown.set(true);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exit.accept(shutdown.get() ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
