package dev.safecase.lsp;

import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's state and threads. Every request and every check runs on one thread, in order,
 * so each sees the documents as the notifications before it left them. Checks after typing are
 * debounced on both edges: the first change after a quiet spell of {@link #DEBOUNCE_MS} is checked
 * at once (so the diagnostics of a single edit come as fast as the check), and a burst of changes
 * after it is checked once, when the typing pauses for {@link #DEBOUNCE_MS}. Verifications (on save) run on a thread of their
 * own and publish when done; a save proves the front end of the check of the same text (the case checked and lowered
 * as it was typed) when nothing that check read has changed since ({@link Verifier#run(Verifier.Front)}), and
 * prepares the file again otherwise. A failure in one request is logged and answered with an error;
 * the server goes on.
 */
final class Session {
    static final long DEBOUNCE_MS = 150;

    final Project project;
    final Library library;
    private volatile Optional<LanguageClient> client = Optional.empty();
    private final ExecutorService work = Executors.newSingleThreadExecutor(daemon("safecase-lsp-work"));
    private final ExecutorService verify = Executors.newSingleThreadExecutor(daemon("safecase-lsp-verify"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("safecase-lsp-timer"));
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> lastChange = new ConcurrentHashMap<>();
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, Indexes> lastGood = new ConcurrentHashMap<>();
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    Session(Project project) {
        this.project = project;
        this.library = new Library();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    void connect(LanguageClient c) {
        client = Optional.of(c);
    }

    /** Runs a request on the work thread; an exception becomes an error response, never a dead server. */
    <T> CompletableFuture<T> request(String what, Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        work.execute(() -> {
            if (f.isDone()) return; // cancelled by the client
            try {
                f.complete(body.call());
            } catch (Navigation.Refused e) {
                f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, e.getMessage(), null)));
            } catch (Throwable t) {
                Log.error(what + " failed", t);
                f.completeExceptionally(new ResponseErrorException(new ResponseError(ResponseErrorCode.InternalError,
                        what + " failed: " + t, null)));
            }
        });
        return f;
    }

    /** Runs a notification's work on the work thread; an exception is logged. */
    void later(String what, Runnable body) {
        work.execute(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                Log.error(what + " failed", t);
            }
        });
    }

    // ------------------------------------------------------------ documents

    void opened(Document d) {
        project.documents().put(d.uri(), d);
        later("checking " + d.uri(), () -> publish(fresh(d.uri()).orElseThrow()));
    }

    void changed(Document d) {
        project.documents().put(d.uri(), d);
        long now = System.nanoTime();
        Long before = lastChange.put(d.uri(), now);
        boolean quiet = before == null || now - before >= TimeUnit.MILLISECONDS.toNanos(DEBOUNCE_MS);
        ScheduledFuture<?> old = pending.put(d.uri(), timer.schedule(
                () -> later("checking " + d.uri(), () -> fresh(d.uri()).ifPresent(this::publish)),
                quiet ? 0 : DEBOUNCE_MS, TimeUnit.MILLISECONDS));
        if (old != null) old.cancel(false);
    }

    void closed(String uri) {
        project.documents().remove(uri);
        lastChange.remove(uri);
        ScheduledFuture<?> old = pending.remove(uri);
        if (old != null) old.cancel(false);
        later("closing " + uri, () -> {
            analyses.remove(uri);
            lastGood.remove(uri);
            verified.remove(uri);
            client.ifPresent(c -> c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of())));
        });
    }

    void saved(String uri, Optional<String> text) {
        project.document(uri).ifPresent(d -> text.ifPresent(t -> project.documents().put(uri, d.withText(t, d.version()))));
        later("checking " + uri, () -> fresh(uri).ifPresent(a -> {
            publish(a);
            if (a.isCase()) verifyLater(a);
            else for (Analysis other : analyses.values()) if (other.isCase() && !other.doc().uri().equals(uri)) verifyLater(other);
        }));
    }

    /** The analysis of the document's current text, computing it if the text changed since. */
    Optional<Analysis> fresh(String uri) {
        Optional<Document> d = project.document(uri);
        if (d.isEmpty()) return Optional.empty();
        Analysis a = analyses.get(uri);
        if (a != null && a.doc().text().equals(d.get().text())) return Optional.of(a);
        Analysis next = Checking.check(project, d.get());
        analyses.put(uri, next);
        next.indexes().ifPresent(ix -> lastGood.put(uri, ix));
        return Optional.of(next);
    }

    Analysis analysis(String uri) {
        return fresh(uri).orElseThrow(() -> new Navigation.Refused("the document " + uri + " is not open"));
    }

    /** The name indexes of the document's current text, or of its last version that parsed. */
    Optional<Indexes> indexes(Analysis a) {
        return Optional.ofNullable(lastGood.get(a.doc().uri()));
    }

    /** The indexes when the current text parses; navigation needs the names where they are now. */
    Indexes currentIndexes(Analysis a) {
        if (a.unit().isEmpty()) throw new Navigation.Refused("the file does not parse; fix its syntax errors first");
        return lastGood.get(a.doc().uri());
    }

    Optional<Verified> verified(String uri) {
        return Optional.ofNullable(verified.get(uri));
    }

    // ------------------------------------------------------------ diagnostics

    private void publish(Analysis a) {
        List<Diagnostic> out = new ArrayList<>();
        for (dev.safecase.diag.Diagnostic d : a.diagnostics()) {
            Diagnostic x = new Diagnostic(Ranges.of(a.lines(), a.lexemes(), d.pos()), d.message(),
                    d.isError() ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, "safecase", d.code().id());
            out.add(x);
        }
        Verified v = verified.get(a.doc().uri());
        if (v != null) out.addAll(Verdicts.diagnostics(v, a));
        client.ifPresent(c -> c.publishDiagnostics(new PublishDiagnosticsParams(a.doc().uri(), out, a.doc().version())));
    }

    private void verifyLater(Analysis a) {
        Path path = a.doc().path();
        Verifier v = project.verifier(path);
        String display = v.sources().display(path);
        String uri = a.doc().uri();
        String text = a.doc().text();
        Optional<Verifier.Front> front = a.front();
        verify.execute(() -> {
            try {
                long t0 = System.nanoTime();
                Verifier.Outcome outcome = front.isPresent() ? v.run(front.get()) : v.run(List.of(path));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                Optional<CaseResult> mine = outcome.run().cases().stream().filter(c -> c.file().equals(display)).findFirst();
                if (mine.isEmpty() || !mine.get().checked()) {
                    verified.remove(uri);
                } else {
                    verified.put(uri, new Verified(uri, text, mine.get(), project.optionsFor(path).policy(), ms));
                }
                String done = "verified " + display + " in " + ms + " ms";
                Log.info(done);
                later("publishing " + uri, () -> {
                    fresh(uri).ifPresent(this::publish);
                    client.ifPresent(c -> c.logMessage(new MessageParams(MessageType.Info, done)));
                });
            } catch (Throwable t) {
                Log.error("verifying " + uri + " failed", t);
            }
        });
    }

    void stop() {
        timer.shutdownNow();
        verify.shutdownNow();
        work.shutdownNow();
    }
}
