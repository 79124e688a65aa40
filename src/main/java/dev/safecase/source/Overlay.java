package dev.safecase.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Texts that stand in for files: the open, perhaps unsaved, buffers of an editor. {@link Sources}
 * reads a file from here when it is here, and from disk otherwise; an overlaid file counts as
 * existing even when it was never saved. Immutable: a run sees one snapshot of the buffers.
 */
public record Overlay(Map<Path, String> texts) {
    public static final Overlay NONE = new Overlay(Map.of());

    public Overlay {
        Map<Path, String> keyed = new HashMap<>();
        texts.forEach((p, t) -> keyed.put(key(p), t.startsWith("\uFEFF") ? t.substring(1) : t));
        texts = Map.copyOf(keyed);
    }

    /** The buffer's text for {@code file}, if it is open. */
    public Optional<String> text(Path file) {
        return Optional.ofNullable(texts.get(key(file)));
    }

    public boolean contains(Path file) {
        return texts.containsKey(key(file));
    }

    /** The overlaid files, as absolute paths. */
    public Set<Path> files() {
        return texts.keySet();
    }

    /** A file's identity: its real path when it exists (as for {@link Sources}), else its normalised absolute path. */
    private static Path key(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException | SecurityException e) {
            return abs;
        }
    }
}
