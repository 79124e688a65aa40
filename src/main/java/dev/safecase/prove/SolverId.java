package dev.safecase.prove;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The solver's name and version as shipped with this build ({@code z3 4.14.1}), known without
 * loading Z3's native library: {@code --version}, the JSON result and the cache keys use it, so
 * that a run whose every verdict is cached never loads Z3. Every {@link Z3Session} checks it
 * against the loaded library and refuses to work if they differ.
 */
public final class SolverId {
    private static final String RESOURCE = "solver.txt";
    private static final String DECLARED = read();

    private SolverId() {
    }

    /** {@code z3 MAJOR.MINOR.BUILD}, as declared next to the z3-turnkey dependency. */
    public static String declared() {
        return DECLARED;
    }

    private static String read() {
        try (InputStream in = SolverId.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource dev/safecase/prove/" + RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
