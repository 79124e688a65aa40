package dev.safecase.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.safecase.lsp.SafecaseServer;
import dev.safecase.pipeline.Options;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language server's latency, measured as an editor meets it: the real server ({@link SafecaseServer}) on a pair of
 * pipes, spoken to in JSON-RPC with LSP framing. For a generated case of N claims: the time from a {@code didChange}
 * (one claim's bound edited) to the {@code publishDiagnostics} of that version (the server's debounce included), and the
 * time from a {@code didSave} to the diagnostics that carry the verdicts, once with an empty verdict cache (a full
 * check) and then after one edited claim (the cache proves the rest). Run by {@code safecase bench --lsp}.
 */
public final class LspBenchmark {
    private static final Pattern CLAIM_T5 = Pattern.compile("(claim t5 \"node 5 is bounded\": x5 <= )(\\d+)");
    private static final long WAIT_SECONDS = 600;

    private LspBenchmark() {
    }

    /** Time between the measured edits: each is a single edit after a pause (bursts are debounced). */
    static final long PAUSE_MS = 400;

    public static void run(List<Integer> sizes, Path workDir, int repeats, PrintWriter out) throws IOException, InterruptedException {
        out.println("language server latency (in-process server, JSON-RPC over pipes; each edit a single one after a pause; debounce "
                + "included in the didChange figures)");
        out.printf(Locale.ROOT, "%8s  %-44s %10s %10s %10s%n", "claims", "measure", "median ms", "min ms", "max ms");
        for (int n : sizes) {
            // a fresh folder of its own, removed afterwards: the benchmark never touches a file it did not write
            Files.createDirectories(workDir);
            Path dir = Files.createTempDirectory(workDir, "lsp-" + n + "-");
            Path file = dir.resolve("bench.case");
            String text = Generator.generate(n);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Options options = Options.defaults(dir).withJobs(1).withCache(dir.resolve("cache"));
            try (Client c = Client.start(options)) {
                String uri = file.toUri().toString();
                c.request("initialize", g -> {
                    g.writeNumberField("processId", ProcessHandle.current().pid());
                    g.writeStringField("rootUri", dir.toUri().toString());
                    g.writeObjectFieldStart("capabilities");
                    g.writeEndObject();
                });
                c.notify("initialized", g -> { });
                long t0 = System.nanoTime();
                c.notify("textDocument/didOpen", g -> {
                    g.writeObjectFieldStart("textDocument");
                    g.writeStringField("uri", uri);
                    g.writeStringField("languageId", "safecase");
                    g.writeNumberField("version", 1);
                    g.writeStringField("text", text);
                    g.writeEndObject();
                });
                c.diagnostics(uri, 1);
                row(out, n, "didOpen to diagnostics", List.of(ms(t0)));
                int version = 1;
                List<Double> change = new ArrayList<>();
                String current = text;
                for (int r = 0; r < repeats; r++) {
                    current = edited(current, r + 1);
                    int v = ++version;
                    String body = current;
                    Thread.sleep(PAUSE_MS); // a single edit after a pause, not a burst of typing
                    long t = System.nanoTime();
                    c.change(uri, v, body);
                    c.diagnostics(uri, v);
                    change.add(ms(t));
                }
                row(out, n, "didChange (one claim edited) to diagnostics", change);
                Files.writeString(file, current, StandardCharsets.UTF_8);
                long s0 = System.nanoTime();
                c.save(uri, current);
                c.verdicts(uri, version);
                double full = ms(s0);
                row(out, n, "didSave, empty cache (a full check)", List.of(full));
                List<Double> saves = new ArrayList<>();
                for (int r = 0; r < repeats; r++) {
                    current = edited(current, 100 + r);
                    int v = ++version;
                    c.change(uri, v, current);
                    c.diagnostics(uri, v);
                    Files.writeString(file, current, StandardCharsets.UTF_8);
                    long t = System.nanoTime();
                    c.save(uri, current);
                    c.verdicts(uri, v);
                    saves.add(ms(t));
                }
                row(out, n, "didSave after a one-claim edit, to verdicts", saves);
                out.printf(Locale.ROOT, "%8d  %-44s %9.0f %%%n", n, "  one-claim save as a share of the full check",
                        100 * median(saves) / full);
                c.request("shutdown", null);
                c.notify("exit", null);
            } finally {
                RobustnessWorker.deleteQuietly(dir);
            }
            out.flush();
        }
    }

    /** The text with claim t5's bound set to {@code bound} (a one-line edit that changes an obligation). */
    private static String edited(String text, int bound) {
        Matcher m = CLAIM_T5.matcher(text);
        if (!m.find()) throw new IllegalStateException("the generated case has no claim t5");
        return m.replaceFirst("$1" + (1000 + bound));
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void row(PrintWriter out, int n, String what, List<Double> xs) {
        out.printf(Locale.ROOT, "%8d  %-44s %10.0f %10.0f %10.0f%n", n, what, median(xs),
                xs.stream().mapToDouble(Double::doubleValue).min().orElse(0), xs.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        out.flush();
    }

    /** Writes the params object of a message. */
    private interface Params {
        void write(JsonGenerator g) throws IOException;
    }

    /** One published diagnostics notification: its document and version. */
    private record Published(String uri, long version) {}

    /** A minimal LSP client: framing, ids, and the {@code publishDiagnostics} notifications it receives. */
    private static final class Client implements AutoCloseable {
        private static final JsonFactory JSON = new JsonFactory();
        private final OutputStream toServer;
        private final Thread server;
        private final Thread reader;
        private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
        private int nextId = 1;

        private Client(OutputStream toServer, Thread server, Thread reader) {
            this.toServer = toServer;
            this.server = server;
            this.reader = reader;
        }

        static Client start(Options options) throws IOException {
            PipedOutputStream clientOut = new PipedOutputStream();
            PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 20);
            PipedOutputStream serverOut = new PipedOutputStream();
            PipedInputStream clientIn = new PipedInputStream(serverOut, 1 << 20);
            Thread server = new Thread(() -> SafecaseServer.run(serverIn, serverOut, options), "lsp-bench-server");
            server.setDaemon(true);
            server.start();
            Client[] self = new Client[1];
            Thread reader = new Thread(() -> self[0].read(clientIn), "lsp-bench-reader");
            reader.setDaemon(true);
            self[0] = new Client(clientOut, server, reader);
            reader.start();
            return self[0];
        }

        void request(String method, Params params) throws IOException {
            send(method, nextId++, params);
        }

        void notify(String method, Params params) throws IOException {
            send(method, -1, params);
        }

        void change(String uri, int version, String text) throws IOException {
            notify("textDocument/didChange", g -> {
                g.writeObjectFieldStart("textDocument");
                g.writeStringField("uri", uri);
                g.writeNumberField("version", version);
                g.writeEndObject();
                g.writeArrayFieldStart("contentChanges");
                g.writeStartObject();
                g.writeStringField("text", text);
                g.writeEndObject();
                g.writeEndArray();
            });
        }

        void save(String uri, String text) throws IOException {
            notify("textDocument/didSave", g -> {
                g.writeObjectFieldStart("textDocument");
                g.writeStringField("uri", uri);
                g.writeEndObject();
                g.writeStringField("text", text);
            });
        }

        /** Waits for the diagnostics of {@code version} of the document. */
        Published diagnostics(String uri, long version) throws InterruptedException {
            while (true) {
                Published p = next();
                if (p.uri().equals(uri) && p.version() == version) return p;
            }
        }

        /**
         * Waits for the diagnostics that follow the save's verification: on save the server publishes the document's
         * diagnostics at once, then again when the verdicts are in (docs/editors.md).
         */
        void verdicts(String uri, long version) throws InterruptedException {
            diagnostics(uri, version);
            diagnostics(uri, version);
        }

        private Published next() throws InterruptedException {
            Published p = published.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (p == null) throw new IllegalStateException("the language server published nothing for " + WAIT_SECONDS + " s");
            return p;
        }

        private synchronized void send(String method, int id, Params params) throws IOException {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                g.writeStringField("jsonrpc", "2.0");
                if (id > 0) g.writeNumberField("id", id);
                g.writeStringField("method", method);
                if (params != null) {
                    g.writeObjectFieldStart("params");
                    params.write(g);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            frame(w.toString());
        }

        private synchronized void frame(String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            toServer.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            toServer.write(b);
            toServer.flush();
        }

        /** Reads the server's messages; answers its requests with a null result, keeps the diagnostics it publishes. */
        private void read(InputStream in) {
            try {
                while (true) {
                    int length = -1;
                    String line;
                    while (!(line = header(in)).isEmpty()) {
                        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                    }
                    if (length < 0) return;
                    byte[] body = in.readNBytes(length);
                    message(body);
                }
            } catch (IOException | RuntimeException e) {
                // the pipe closed: the server exited
            }
        }

        private static String header(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') if (c != '\r') b.write(c);
            if (c == -1 && b.size() == 0) throw new IOException("end of stream");
            return b.toString(StandardCharsets.US_ASCII);
        }

        private void message(byte[] body) throws IOException {
            String method = null;
            String id = null;
            String uri = "";
            long version = -1;
            try (JsonParser p = JSON.createParser(body)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    switch (name) {
                        case "method" -> method = p.getText();
                        case "id" -> id = p.getText();
                        case "params" -> {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                p.skipChildren();
                                continue;
                            }
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String f = p.currentName();
                                p.nextToken();
                                if (f.equals("uri")) uri = p.getText();
                                else if (f.equals("version")) version = p.getLongValue();
                                else p.skipChildren();
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            }
            if (method != null && id != null) {
                String answer = id;
                frame("{\"jsonrpc\":\"2.0\",\"id\":" + (answer.matches("\\d+") ? answer : "\"" + answer + "\"") + ",\"result\":null}");
            } else if ("textDocument/publishDiagnostics".equals(method)) {
                published.add(new Published(uri, version));
            }
        }

        @Override
        public void close() throws InterruptedException {
            server.join(TimeUnit.SECONDS.toMillis(10));
            reader.join(TimeUnit.SECONDS.toMillis(2));
        }
    }
}
