package dev.safecase.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The partial result file of {@code check --shard}: never one of the run's inputs or a file of the user's; written whole or not at all. */
final class Shards {
    private Shards() {
    }

    /** Refuses a target that is a folder, an input of the run, or an existing file that is not a partial result. */
    static void checkWritable(Path file) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        if (Files.isDirectory(f)) throw new Main.BadOption("-o " + file + " is a folder; --shard writes one file");
        if (f.toString().endsWith(".case")) throw new Main.BadOption("-o " + file + " names a case file; --shard writes a .json file");
        if (Files.exists(f) && !dev.safecase.cache.Partials.isPartial(f)) {
            throw new Main.BadOption("-o " + file + " exists and is not a partial result of safecase; it is left alone");
        }
    }

    /** Writes the file through a temporary sibling renamed in one step (a partial result, and every --output-file). */
    static void write(Path file, String text) throws IOException {
        Path f = file.toAbsolutePath().normalize();
        Path parent = f.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + f.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
