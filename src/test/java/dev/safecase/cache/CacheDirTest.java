package dev.safecase.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache folder on its own: atomic writes, and pruning the least recently used entries beyond the limit. */
class CacheDirTest {
    @TempDir
    Path dir;

    private static String key(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[31] = (byte) (i * 7);
        return HexFormat.of().formatHex(b);
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void writesReadsAndReplacesWhole() {
        CacheDir c = new CacheDir(dir, 1 << 20);
        assertEquals(Optional.empty(), c.read(key(1)));
        c.write(key(1), "one\n");
        assertEquals(Optional.of("one\n"), c.read(key(1)));
        c.write(key(1), "two\n");
        assertEquals(Optional.of("two\n"), c.read(key(1)));
        assertEquals(Optional.empty(), c.problem());
    }

    @Test
    void pruneRemovesTheLeastRecentlyUsedBeyondTheLimit() throws IOException {
        CacheDir c = new CacheDir(dir, 10_000);
        String text = "x".repeat(999) + "\n";
        for (int i = 0; i < 20; i++) c.write(key(i), text);
        Instant old = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 20; i++) {
            Path f = dir.resolve(key(i).substring(0, 2)).resolve(key(i) + ".entry");
            Files.setLastModifiedTime(f, FileTime.from(old.plusSeconds(i)));
        }
        c.read(key(0)); // used just now: the newest of all
        Path staleTemp = dir.resolve(key(3).substring(0, 2)).resolve(".tmp-1-abc");
        Files.writeString(staleTemp, "half");
        Files.setLastModifiedTime(staleTemp, FileTime.from(Instant.now().minusSeconds(7200)));
        Path freshTemp = dir.resolve(key(3).substring(0, 2)).resolve(".tmp-2-abc");
        Files.writeString(freshTemp, "being written");
        c.prune();
        List<Path> left = entries();
        assertEquals(7, left.size(), "down to 3/4 of the limit: " + left);
        assertTrue(c.read(key(0)).isPresent(), "the entry read last stays");
        assertFalse(c.read(key(1)).isPresent(), "the oldest go");
        assertTrue(c.read(key(19)).isPresent());
        assertFalse(Files.exists(staleTemp), "a temporary file an hour old is a killed run's");
        assertTrue(Files.exists(freshTemp), "a fresh one may be another run's, still writing");
    }
}
