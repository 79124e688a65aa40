package dev.safecase.source;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.syntax.Parser;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and parses {@code .case} files once per run, and finds imported modules: next to the
 * importing file, then under the project root, then in the bundled library (which holds
 * {@code stdlib/}).
 */
public final class Sources {
    /** Where the bundled library lives on the class path. */
    public static final String BUNDLED_ROOT = "safecase-lib/";
    public static final String BUNDLED_DISPLAY = "<bundled>/";

    /** One file read in this run, with the findings of reading and parsing it. */
    public record Loaded(SourceText text, Optional<SourceUnit> unit, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private final Path root;
    private final Path cwd;
    private final Map<String, Loaded> cache = new HashMap<>();
    private final Map<String, SourceText> texts = new HashMap<>();

    public Sources(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.cwd = Path.of("").toAbsolutePath();
    }

    public Path root() {
        return root;
    }

    /** The path as the user should see it: relative to the working directory when below it. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(cwd)) {
            String rel = cwd.relativize(abs).toString();
            return rel.isEmpty() ? "." : rel.replace('\\', '/');
        }
        return abs.toString().replace('\\', '/');
    }

    /** Reads and parses a file on disk (cached). */
    public Loaded load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String key = abs.toString();
        Loaded hit = cache.get(key);
        if (hit != null) return hit;
        Diagnostics d = new Diagnostics();
        String display = display(abs);
        Optional<SourceText> text = SourceText.read(abs, display, d);
        Loaded loaded = parse(text.orElse(new SourceText(abs, display, "")), text.isPresent(), d);
        cache.put(key, loaded);
        return loaded;
    }

    private Loaded parse(SourceText text, boolean readable, Diagnostics d) {
        texts.put(text.display(), text);
        Optional<SourceUnit> unit = readable ? Parser.parse(text, d) : Optional.empty();
        return new Loaded(text, unit, d.sorted());
    }

    /** The text of any file read in this run, for quoting source lines in diagnostics. */
    public Optional<SourceText> text(String display) {
        return Optional.ofNullable(texts.get(display));
    }

    /** The result of looking up an import. */
    public record Found(Loaded loaded, String key, boolean shadowsBundled) {}

    /** Finds {@code a/b/c.case} for {@code import a.b.c} as the language says; empty if nowhere. */
    public Optional<Found> findModule(Path importingFile, List<String> path) {
        String rel = String.join("/", path) + ".case";
        boolean bundled = bundledExists(rel);
        Path dir = importingFile == null ? null : importingFile.toAbsolutePath().getParent();
        for (Path base : new Path[] {dir, root}) {
            if (base == null) continue;
            Path candidate = base.resolve(rel);
            if (Files.isRegularFile(candidate)) {
                Loaded l = load(candidate);
                boolean differs = bundled && !sameAsBundled(rel, l.text().text());
                return Optional.of(new Found(l, candidate.toAbsolutePath().normalize().toString(), differs));
            }
        }
        if (!bundled) return Optional.empty();
        String key = BUNDLED_DISPLAY + rel;
        Loaded hit = cache.get(key);
        if (hit == null) {
            hit = loadBundled(rel, key);
            cache.put(key, hit);
        }
        return Optional.of(new Found(hit, key, false));
    }

    /** A project copy identical to the bundled module (as in this repository) hides nothing. */
    private static boolean sameAsBundled(String rel, String text) {
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(BUNDLED_ROOT + rel)) {
            if (in == null) return false;
            String bundledText = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (bundledText.startsWith("\uFEFF")) bundledText = bundledText.substring(1);
            return bundledText.equals(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean bundledExists(String rel) {
        return Sources.class.getClassLoader().getResource(BUNDLED_ROOT + rel) != null;
    }

    private Loaded loadBundled(String rel, String display) {
        Diagnostics d = new Diagnostics();
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(BUNDLED_ROOT + rel)) {
            byte[] bytes = in == null ? new byte[0] : in.readAllBytes();
            Optional<SourceText> text = SourceText.decode(null, display, bytes, d);
            return parse(text.orElse(new SourceText(null, display, "")), text.isPresent(), d);
        } catch (IOException e) {
            d.error(Code.SC001, new Position(display, 1, 1), "cannot read bundled module: " + e.getMessage());
            return new Loaded(new SourceText(null, display, ""), Optional.empty(), d.sorted());
        }
    }
}
