package dev.safecase.source;

import dev.safecase.ast.AstBuilder;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.diag.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and parses {@code .case} files, each once per run (a file is known by its real path),
 * and finds imported modules: next to the importing file, then under the project root, then
 * in the bundled library (which holds {@code stdlib/}).
 */
public final class Sources {
    /** Where the bundled library lives on the class path. */
    public static final String BUNDLED_ROOT = "safecase-lib/";
    public static final String BUNDLED_DISPLAY = "<bundled>/";

    /**
     * One file read in this run, with the findings of reading and parsing it. {@code key} names
     * the file itself (its real path, or {@code <bundled>/…}), whatever path led to it.
     */
    public record Loaded(String key, SourceText text, Optional<SourceUnit> unit, List<Diagnostic> diagnostics) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private final Path root;
    private final Path cwd;
    private final Overlay overlay;
    private final Map<String, Loaded> cache = new HashMap<>();
    private final Map<String, SourceText> texts = new HashMap<>();
    private final List<Read> reads = new ArrayList<>();
    private final Map<String, Read> firstReads = new HashMap<>();

    private final Vocabulary vocabulary;

    /** Paths shown relative to the working directory, settings named as on the command line. */
    public Sources(Path root) {
        this(root, Path.of("").toAbsolutePath(), Vocabulary.CLI, Overlay.NONE);
    }

    /** Reads the files of {@code overlay} from there (an editor's open buffers), every other file from disk. */
    public Sources(Path root, Overlay overlay) {
        this(root, Path.of("").toAbsolutePath(), Vocabulary.CLI, overlay);
    }

    /** Paths shown relative to {@code base} (a Maven module's folder), settings named in {@code vocabulary}. */
    public Sources(Path root, Path base, Vocabulary vocabulary) {
        this(root, base, vocabulary, Overlay.NONE);
    }

    public Sources(Path root, Path base, Vocabulary vocabulary, Overlay overlay) {
        this.root = root.toAbsolutePath().normalize();
        this.cwd = base.toAbsolutePath().normalize();
        this.vocabulary = vocabulary;
        this.overlay = overlay;
    }

    public Overlay overlay() {
        return overlay;
    }

    /**
     * One look at a file in this run: whether it existed (on disk or overlaid) and its text, empty when it was
     * absent or unreadable. Every file read and every place an import was looked for is one.
     */
    public record Read(Path file, boolean exists, Optional<String> text) {
        /** Whether a look now, through {@code overlay} and the disk, would see the same. */
        boolean same(Overlay overlay) {
            boolean now = present(file, overlay);
            return now == exists && (!now || currentText(file, overlay).equals(text));
        }
    }

    /** What this run has read so far, in order (bundled modules, which cannot change, are not listed). */
    public List<Read> reads() {
        return List.copyOf(reads);
    }

    /**
     * Whether reading {@code reads} again through {@code overlay} and the disk sees the same files with the same
     * texts, so that the files would load, and every import resolve, as they did.
     */
    public static boolean unchanged(List<Read> reads, Overlay overlay) {
        for (Read r : reads) if (!r.same(overlay)) return false;
        return true;
    }

    /** The text of a file that exists: overlaid, or read from disk (empty when unreadable). */
    private static Optional<String> currentText(Path file, Overlay overlay) {
        Optional<String> over = overlay.text(file);
        if (over.isPresent()) return over;
        return SourceText.read(file, file.toString(), new Diagnostics()).map(SourceText::text);
    }

    /** A file exists for this run: it is on disk or overlaid. */
    public boolean isFile(Path file) {
        return present(file, overlay);
    }

    private static boolean present(Path file, Overlay overlay) {
        return overlay.contains(file) || Files.isRegularFile(file);
    }

    /** The name a case read from stdin ({@code -}) is shown by. */
    public static final String STDIN = "<stdin>";

    private byte[] stdin = new byte[0];

    /** The bytes of the case given as {@code -}, to be read by {@link #loadStdin()}. */
    public void stdin(byte[] bytes) {
        stdin = bytes.clone();
    }

    /** The case given as {@code -}: parsed once; it stands in the project root (imports and evidence paths start there). */
    public Loaded loadStdin() {
        Loaded hit = cache.get(STDIN);
        if (hit != null) return hit;
        Diagnostics d = new Diagnostics();
        Optional<SourceText> text = SourceText.decode(null, STDIN, stdin, d);
        Loaded loaded = parse(STDIN, text.orElse(new SourceText(null, STDIN, "")), text.isPresent(), d);
        cache.put(STDIN, loaded);
        return loaded;
    }

    /** How messages name the settings. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Text to AST: the parser, then the AST builder. Every finding goes to {@code diags}. */
    public static Optional<SourceUnit> parse(SourceText source, Diagnostics diags) {
        return AstBuilder.parse(source, diags);
    }

    public Path root() {
        return root;
    }

    /** The path as the user should see it: relative to the base (the working directory) when below it. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(cwd)) {
            String rel = cwd.relativize(abs).toString();
            return rel.isEmpty() ? "." : rel.replace('\\', '/');
        }
        return abs.toString().replace('\\', '/');
    }

    /** Reads and parses a file on disk, once per run. */
    public Loaded load(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String key = key(abs);
        Loaded hit = cache.get(key);
        if (hit != null) {
            // the same file reached by another path (a link): that path must lead to it next time too
            Read first = firstReads.get(key);
            if (first != null && !first.file().equals(abs)) reads.add(new Read(abs, first.exists(), first.text()));
            return hit;
        }
        Diagnostics d = new Diagnostics();
        String display = display(abs);
        Optional<SourceText> text = overlay.text(abs).map(t -> new SourceText(abs, display, t));
        if (text.isEmpty()) text = SourceText.read(abs, display, d);
        Read read = new Read(abs, text.isPresent() || isFile(abs), text.map(SourceText::text));
        firstReads.put(key, read);
        reads.add(read);
        Loaded loaded = parse(key, text.orElse(new SourceText(abs, display, "")), text.isPresent(), d);
        cache.put(key, loaded);
        return loaded;
    }

    /** A file's identity: its real path, so that a file reached through a link is read once. */
    private static String key(Path abs) {
        try {
            return abs.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return abs.toString();
        }
    }

    private Loaded parse(String key, SourceText text, boolean readable, Diagnostics d) {
        texts.put(text.display(), text);
        Optional<SourceUnit> unit = readable ? parse(text, d) : Optional.empty();
        return new Loaded(key, text, unit, d.sorted());
    }

    /** The text of any file read in this run, for quoting source lines in diagnostics. */
    public Optional<SourceText> text(String display) {
        return Optional.ofNullable(texts.get(display));
    }

    /** Finds {@code a/b/c.case} for {@code import a.b.c} as the language says. */
    ModuleLookup findModule(Path importingFile, List<String> path) {
        String rel = String.join("/", path) + ".case";
        boolean bundled = bundledExists(rel);
        Path dir = importingFile == null ? null : importingFile.toAbsolutePath().getParent();
        for (Path base : new Path[] {dir, root}) {
            if (base == null) continue;
            Path candidate = base.resolve(rel);
            if (isFile(candidate)) {
                Loaded l = load(candidate);
                return new ModuleLookup.Found(l, bundled && !sameAsBundled(rel, l.text().text()));
            }
            reads.add(new Read(candidate.toAbsolutePath().normalize(), false, Optional.empty()));
        }
        if (!bundled) return new ModuleLookup.Missing();
        String key = BUNDLED_DISPLAY + rel;
        Loaded hit = cache.get(key);
        if (hit == null) {
            hit = loadBundled(rel, key);
            cache.put(key, hit);
        }
        return new ModuleLookup.Found(hit, false);
    }

    /** A project copy identical to the bundled module (as in this repository) hides nothing. */
    private static boolean sameAsBundled(String rel, String text) {
        try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(BUNDLED_ROOT + rel)) {
            if (in == null) return false;
            String bundledText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
            return parse(display, text.orElse(new SourceText(null, display, "")), text.isPresent(), d);
        } catch (IOException e) {
            d.error(Code.SC001, new Position(display, 1, 1), "cannot read bundled module: " + e.getMessage());
            return new Loaded(display, new SourceText(null, display, ""), Optional.empty(), d.sorted());
        }
    }
}
