package dev.safecase.cache;

import dev.safecase.prove.Block;
import dev.safecase.prove.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The verdict cache in a folder ({@code .safecase/cache} under the project root by default):
 * blocks' verdicts keyed by {@link BlockKey}, stored as {@link Entry} files by {@link CacheDir}.
 * Only proved, refuted and vacuous verdicts are stored; a block with an unknown one is decided
 * again next time.
 */
public final class VerdictCache implements VerdictSource {
    /** The default limit of the folder's size: 256 MiB. */
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    private final CacheDir dir;

    public VerdictCache(Path dir, long maxBytes) {
        this.dir = new CacheDir(dir, maxBytes);
    }

    @Override
    public Optional<List<Verdict>> get(String key, Block block) {
        return dir.read(key).flatMap(text -> Entry.decode(text, key, block));
    }

    @Override
    public void put(String key, Block block, List<Verdict> verdicts) {
        if (!Entry.storable(verdicts)) return;
        String text;
        try {
            text = Entry.encode(key, block, verdicts);
        } catch (IllegalArgumentException e) {
            return; // a verdict this format cannot say exactly is decided again next time
        }
        dir.write(key, text);
    }

    @Override
    public void finish() {
        dir.prune();
    }

    @Override
    public Optional<String> problem() {
        return dir.problem();
    }
}
