package dev.safecase.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The files of the verdict cache: {@code DIR/ab/abcdef….entry}, one per block key. Safe to share
 * between runs at the same time and against a run killed at any point:
 *
 * <ul>
 *   <li>an entry is written to a temporary file {@code .tmp-…} in the same folder and renamed
 *       over the entry in one step, so a reader sees the old entry, the new one or none, never
 *       half of one; runs that write the same key write the same verdicts;</li>
 *   <li>a reader verifies every entry ({@link Entry#decode}); a damaged one counts as absent
 *       and is written again by the run that decides the block;</li>
 *   <li>reading an entry sets its modification time, so {@link #prune} removes the entries least
 *       recently used first when the folder grows beyond its limit, and temporary files left by
 *       killed runs once they are an hour old.</li>
 * </ul>
 *
 * I/O errors never fail a run: an unreadable entry is absent, an unwritable folder is reported
 * once ({@link #problem}) and the run goes on without storing.
 */
public final class CacheDir {
    private static final String SUFFIX = ".entry";
    private static final Duration STALE_TEMP = Duration.ofHours(1);

    private final Path dir;
    private final long maxBytes;
    private Optional<String> problem = Optional.empty();
    private boolean wrote;

    public CacheDir(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public Path dir() {
        return dir;
    }

    private Path file(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key + SUFFIX);
    }

    /** The entry's text, if there is one; marks it as used. */
    public Optional<String> read(String key) {
        Path f = file(key);
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            try {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
            } catch (IOException ignored) {
                // a read-only cache still serves
            }
            return Optional.of(text);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes an entry: to a temporary file, then renamed over the old one in one step. */
    public synchronized void write(String key, String text) {
        if (problem.isPresent()) return;
        Path f = file(key);
        Path tmp = null;
        try {
            Files.createDirectories(f.getParent());
            tmp = f.resolveSibling(".tmp-" + ProcessHandle.current().pid() + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
            wrote = true;
        } catch (IOException | RuntimeException e) {
            problem = Optional.of("cannot write the verdict cache " + dir + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); verdicts are not stored");
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // it is a temporary file: the next prune removes it
                }
            }
        }
    }

    /** What went wrong with the folder, once: the run goes on without it. */
    public synchronized Optional<String> problem() {
        return problem;
    }

    private record Item(Path path, long size, FileTime time) {}

    /**
     * When this run wrote entries: removes stale temporary files and, while the entries take more
     * than the limit, the least recently used ones, down to 3/4 of the limit.
     */
    public synchronized void prune() {
        if (!wrote) return;
        List<Item> items = new ArrayList<>();
        long total = 0;
        Instant staleBefore = Instant.now().minus(STALE_TEMP);
        try (DirectoryStream<Path> subs = Files.newDirectoryStream(dir)) {
            for (Path sub : subs) {
                if (!Files.isDirectory(sub) || sub.getFileName().toString().length() != 2) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
                    for (Path f : files) {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        String name = f.getFileName().toString();
                        if (name.startsWith(".tmp-")) {
                            if (a.lastModifiedTime().toInstant().isBefore(staleBefore)) Files.deleteIfExists(f);
                        } else if (name.endsWith(SUFFIX) && a.isRegularFile()) {
                            items.add(new Item(f, a.size(), a.lastModifiedTime()));
                            total += a.size();
                        }
                    }
                }
            }
            if (total <= maxBytes) return;
            items.sort(Comparator.comparing(Item::time).thenComparing(i -> i.path().toString()));
            long target = maxBytes / 4 * 3;
            for (Item i : items) {
                if (total <= target) break;
                Files.deleteIfExists(i.path());
                total -= i.size();
            }
        } catch (IOException | RuntimeException e) {
            // pruning is best effort: another run may be pruning the same folder
        }
    }
}
