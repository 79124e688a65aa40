package dev.safecase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test writes under its temporary folder. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code root/rel}, creating its folders. */
    public static Path write(Path root, String rel, String text) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }
}
