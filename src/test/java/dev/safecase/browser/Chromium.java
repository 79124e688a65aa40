package dev.safecase.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol: started with {@code --remote-debugging-port=0}, a page
 * opened through the HTTP endpoint and spoken to over its WebSocket with {@link java.net.http.WebSocket}. Just what
 * the report tests need: navigate, evaluate, click, set the viewport, take screenshots, collect console errors.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final Path profile;
    private final String http;
    private final HttpClient client = HttpClient.newHttpClient();

    private Chromium(Process process, Path profile, String http) {
        this.process = process;
        this.profile = profile;
        this.http = http;
    }

    /** The browser to use: {@code SAFECASE_CHROMIUM}, else the first of the usual names on the path. */
    static Optional<Path> find() {
        String env = System.getenv("SAFECASE_CHROMIUM");
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env)).filter(Files::isExecutable);
        for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    static Chromium start(Path exe) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("safecase-chromium-");
        List<String> cmd = List.of(exe.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                "--mute-audio", "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--user-data-dir=" + profile, "about:blank");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> ws = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) ws.complete(m.group(1));
                }
            } catch (IOException e) {
                ws.completeExceptionally(e);
            }
            ws.completeExceptionally(new IOException("chromium exited without a DevTools endpoint"));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String endpoint;
        try {
            endpoint = ws.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw new IOException("chromium did not start: " + e.getMessage(), e);
        }
        URI u = URI.create(endpoint);
        return new Chromium(p, profile, "http://" + u.getHost() + ":" + u.getPort());
    }

    /** A new page (tab), blank. */
    Page page() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(http + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode target = JSON.readTree(res.body());
        Page page = new Page(target.get("id").asText());
        page.ws = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(target.get("webSocketDebuggerUrl").asText()), page.listener()).join();
        page.send("Page.enable", JSON.createObjectNode());
        page.send("Runtime.enable", JSON.createObjectNode());
        page.send("Log.enable", JSON.createObjectNode());
        return page;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a profile left in the temporary folder is harmless
        }
    }

    static ObjectNode params(Object... kv) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) o.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        return o;
    }

    /** One page: commands with replies, events kept, console errors and uncaught exceptions collected. */
    final class Page implements AutoCloseable {
        private final String id;
        private WebSocket ws;
        private final AtomicInteger next = new AtomicInteger(1);
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final List<JsonNode> events = new CopyOnWriteArrayList<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();

        private Page(String id) {
            this.id = id;
        }

        private WebSocket.Listener listener() {
            return new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String message = text.toString();
                        text.setLength(0);
                        receive(message);
                    }
                    w.request(1);
                    return null;
                }
            };
        }

        private void receive(String message) {
            JsonNode m;
            try {
                m = JSON.readTree(message);
            } catch (IOException e) {
                return;
            }
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) f.complete(m);
                return;
            }
            String method = m.path("method").asText();
            events.add(m);
            JsonNode p = m.path("params");
            switch (method) {
                case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails").toString());
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().equals("error") || p.path("type").asText().equals("assert")) {
                        errors.add("console." + p.path("type").asText() + ": " + p.path("args").toString());
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        }

        JsonNode send(String method, ObjectNode params) throws IOException {
            int n = next.getAndIncrement();
            ObjectNode msg = JSON.createObjectNode();
            msg.put("id", n);
            msg.put("method", method);
            msg.set("params", params);
            CompletableFuture<JsonNode> f = new CompletableFuture<>();
            pending.put(n, f);
            ws.sendText(JSON.writeValueAsString(msg), true).join();
            JsonNode reply;
            try {
                reply = f.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException(method + ": no reply (" + e + ")", e);
            }
            if (reply.has("error")) throw new IOException(method + ": " + reply.get("error"));
            return reply.path("result");
        }

        /** Loads a URL and waits for its load event. */
        void navigate(String url) throws IOException, InterruptedException {
            events.clear();
            send("Page.navigate", params("url", url));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                if (events.stream().anyMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) return;
                Thread.sleep(20);
            }
            throw new IOException("no load event for " + url);
        }

        /** The value of a JavaScript expression (JSON-serialisable), awaiting a promise. */
        JsonNode eval(String expression) throws IOException {
            JsonNode r = send("Runtime.evaluate", params("expression", expression, "returnByValue", true,
                    "awaitPromise", true));
            if (r.has("exceptionDetails")) throw new IOException("script failed: " + r.get("exceptionDetails"));
            return r.path("result").path("value");
        }

        void viewport(int width, int height, boolean mobile) throws IOException {
            send("Emulation.setDeviceMetricsOverride", params("width", width, "height", height, "deviceScaleFactor", 1,
                    "mobile", mobile));
        }

        /** A real click: the mouse pressed and released at a point of the viewport. */
        void click(double x, double y) throws IOException {
            for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
                send("Input.dispatchMouseEvent", params("type", type, "x", x, "y", y, "button", "left",
                        "clickCount", type.equals("mouseMoved") ? 0 : 1));
            }
        }

        byte[] screenshot() throws IOException {
            return Base64.getDecoder().decode(send("Page.captureScreenshot", params("format", "png")).path("data").asText());
        }

        List<String> errors() {
            return new ArrayList<>(errors);
        }

        @Override
        public void close() {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
                client.send(HttpRequest.newBuilder(URI.create(http + "/json/close/" + id)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | RuntimeException e) {
                // the browser is closed with the test anyway
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
