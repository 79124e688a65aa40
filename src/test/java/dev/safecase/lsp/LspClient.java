package dev.safecase.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A minimal LSP client for tests: starts {@code safecase lsp} as a separate process and talks
 * JSON-RPC to it over its standard streams, with the protocol's own framing, written and read
 * here byte by byte (no LSP library on this side).
 */
final class LspClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream in;
    private final List<JsonNode> received = new ArrayList<>();
    private final Thread reader;
    private int nextId = 1;

    LspClient(Path workingDir, Path stderr, String... extraArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.safecase.cli.Main", "lsp"));
        cmd.addAll(List.of(extraArgs));
        process = new ProcessBuilder(cmd).directory(workingDir.toFile()).redirectError(stderr.toFile()).start();
        in = process.getOutputStream();
        InputStream out = process.getInputStream();
        reader = new Thread(() -> read(out), "lsp-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read(InputStream out) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = header(out)).isEmpty()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                if (length < 0) throw new IOException("a message without Content-Length");
                byte[] body = out.readNBytes(length);
                if (body.length < length) return;
                JsonNode msg = JSON.readTree(body);
                synchronized (received) {
                    received.add(msg);
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (received) {
                received.notifyAll();
            }
        }
    }

    private static String header(InputStream s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = s.read()) != -1) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        if (c == -1) throw new IOException("end of stream");
        return b.toString(StandardCharsets.US_ASCII);
    }

    synchronized void sendRaw(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        in.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        in.write(bytes);
        in.flush();
    }

    void notify(String method, Object params) throws IOException {
        ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
        m.set("params", JSON.valueToTree(params));
        sendRaw(JSON.writeValueAsString(m));
    }

    /** Sends a request and waits for its response (the whole response: result or error). */
    JsonNode call(String method, Object params) throws IOException, InterruptedException {
        int id;
        synchronized (this) {
            id = nextId++;
        }
        ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        m.set("params", JSON.valueToTree(params));
        sendRaw(JSON.writeValueAsString(m));
        return await(x -> x.has("id") && x.get("id").asInt() == id && !x.has("method"), Duration.ofSeconds(60));
    }

    /** The result of a request, failing on an error response. */
    JsonNode request(String method, Object params) throws IOException, InterruptedException {
        JsonNode r = call(method, params);
        if (r.has("error")) throw new AssertionError(method + " answered with an error: " + r.get("error"));
        return r.get("result");
    }

    /** The first message received (and not yet taken) that matches, waiting for it. */
    JsonNode await(Predicate<JsonNode> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (true) {
                for (int i = 0; i < received.size(); i++) {
                    if (p.test(received.get(i))) return received.remove(i);
                }
                long left = end - System.nanoTime();
                if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError("no matching message within " + timeout + "; received: " + received);
                }
                received.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** The next diagnostics published for {@code uri} that match. */
    JsonNode diagnostics(String uri, Predicate<JsonNode> p) throws InterruptedException {
        return await(m -> "textDocument/publishDiagnostics".equals(m.path("method").asText())
                && uri.equals(m.path("params").path("uri").asText()) && p.test(m.path("params").path("diagnostics")),
                Duration.ofSeconds(90)).path("params").path("diagnostics");
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("the server did not exit");
        return process.exitValue();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
