package dev.safecase.lsp;

import dev.safecase.diag.SourceText;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.source.Overlay;
import dev.safecase.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The workspace the server serves: its root, the options its runs take, and the open buffers,
 * which every run reads in preference to the disk ({@link Overlay}). Maps between URIs, paths
 * and the file keys that {@link Sources} uses; a bundled module is written once to a cache
 * folder so that an editor can open it.
 */
final class Project {
    private final Map<String, Document> documents = new ConcurrentHashMap<>();
    private volatile Path root;
    private volatile Options base;
    private final Path bundledCache;

    Project(Path root, Options base, Path bundledCache) {
        this.root = root.toAbsolutePath().normalize();
        this.base = base;
        this.bundledCache = bundledCache;
    }

    Path root() {
        return root;
    }

    void setRoot(Path r) {
        root = r.toAbsolutePath().normalize();
    }

    void setOptions(Options o) {
        base = o;
    }

    Options options() {
        return base;
    }

    /** The options for a run about {@code file}: the workspace root, or the file's folder when it lies outside. */
    Options optionsFor(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path r = abs.startsWith(root) ? root : abs.getParent();
        return base.withRoot(r);
    }

    Map<String, Document> documents() {
        return documents;
    }

    Optional<Document> document(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    Overlay overlay() {
        Map<Path, String> texts = new HashMap<>();
        for (Document d : documents.values()) texts.put(d.path(), d.text());
        return new Overlay(texts);
    }

    Verifier verifier(Path file) {
        return new Verifier(optionsFor(file), overlay());
    }

    Sources sources(Path file) {
        return new Sources(optionsFor(file).root(), overlay());
    }

    static Path path(String uri) {
        try {
            return Path.of(URI.create(uri)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Path.of(uri.replaceFirst("^file:/*", "/")).toAbsolutePath().normalize();
        }
    }

    static String uri(Path p) {
        return p.toAbsolutePath().normalize().toUri().toString();
    }

    /** The URI of a file key: a path on disk, or a bundled module written out to the cache. */
    Optional<String> uriOfKey(String key) {
        if (!key.startsWith(Sources.BUNDLED_DISPLAY)) return Optional.of(uri(Path.of(key)));
        return bundled(key.substring(Sources.BUNDLED_DISPLAY.length())).map(Project::uri);
    }

    /** The URI of an open document with this key, else of the key. */
    String uriFor(String key) {
        for (Document d : documents.values()) if (key(d.path()).equals(key)) return d.uri();
        return uriOfKey(key).orElse(key);
    }

    static String key(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return abs.toString();
        }
    }

    /** A bundled module as a file (read-only copy), written once per version. */
    private Optional<Path> bundled(String rel) {
        Path out = bundledCache.resolve(rel);
        if (Files.isRegularFile(out)) return Optional.of(out);
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(Sources.BUNDLED_ROOT + rel)) {
            if (in == null) return Optional.empty();
            Files.createDirectories(out.getParent());
            Path tmp = Files.createTempFile(out.getParent(), ".bundled", ".tmp");
            Files.write(tmp, in.readAllBytes());
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            out.toFile().setReadOnly();
            return Optional.of(out);
        } catch (IOException | SecurityException e) {
            Log.warn("cannot write the bundled module " + rel + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Every .case file of the workspace (build output and hidden folders left out) and every open buffer. */
    List<Path> workspaceFiles() {
        Map<String, Path> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".case") && Files.isRegularFile(p) && !skipped(p))
                    .forEach(p -> out.put(key(p), p));
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            Log.warn("cannot list the workspace: " + e.getMessage());
        }
        for (Document d : documents.values()) out.putIfAbsent(key(d.path()), d.path());
        return List.copyOf(out.values());
    }

    private boolean skipped(Path p) {
        Path rel = root.relativize(p.toAbsolutePath().normalize());
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") || s.equals("target") || s.equals("node_modules")) return true;
        }
        return false;
    }

    /** The text of a file as a run sees it: its open buffer, else the disk. */
    Optional<SourceText> text(Path file) {
        for (Document d : documents.values()) {
            if (d.path().equals(file.toAbsolutePath().normalize())) return Optional.of(new SourceText(file, file.toString(), d.text()));
        }
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8);
            if (t.startsWith("\uFEFF")) t = t.substring(1);
            return Optional.of(new SourceText(file, file.toString(), t));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
