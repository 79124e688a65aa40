package dev.safecase.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The file checks of validity: whether an evidence file may be read (a regular file inside the
 * root, after links), and what it holds — its SHA-256 and, when a {@code json()} reads it, its
 * JSON. Each file is read once per run, keyed by its real path, however many evidence items
 * name it. Not thread-safe: {@link Validity} serialises the calls.
 */
final class EvidenceFiles {
    /** Larger files are hashed but not parsed: the whole text and its tree are held in memory. */
    static final long MAX_JSON_BYTES = 256L << 20;

    /** Where an evidence file is, or why it cannot be read. */
    sealed interface Location permits Readable, Unreadable {}

    /** A regular file inside the root, by its real path. */
    record Readable(Path real) implements Location {}

    record Unreadable(String why) implements Location {}

    /** What one read of a file gave: its hash and, when parsed, its JSON or why it is not JSON. */
    record FileData(String sha256, boolean parsed, Optional<JsonValue> json, Optional<String> jsonError) {}

    private final Path root;
    private final Map<Path, FileData> files = new HashMap<>();
    private int filesRead;

    EvidenceFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** How many times a file was opened and read (each file once, normally). */
    int filesRead() {
        return filesRead;
    }

    /** The real path of a readable regular file inside the root, or why there is none, in the order of the checks. */
    Location locate(String written, Path caseFile) {
        EvidencePaths.Located at = EvidencePaths.locate(written, caseFile, root);
        if (at.escape().isPresent()) return new Unreadable("evidence path " + at.escape().get());
        Path abs = at.path().get();
        if (!Files.exists(abs)) return new Unreadable("file " + written + " does not exist");
        if (Files.isDirectory(abs)) return new Unreadable(written + " is a directory, not a file");
        if (!Files.isRegularFile(abs)) return new Unreadable(written + " is not a regular file");
        try {
            Path real = abs.toRealPath();
            if (real.startsWith(realRoot())) return new Readable(real);
            return new Unreadable("evidence path \"" + written + "\" resolves to " + real + ", outside the project root " + root);
        } catch (IOException ex) {
            return new Unreadable("cannot read " + written + ": " + describe(ex));
        }
    }

    private Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException ex) {
            return root;
        }
    }

    /** Reads (or recalls) a file; {@code parse} asks for its JSON as well, which a later read adds. */
    FileData read(Path real, boolean parse) throws IOException {
        FileData cached = files.get(real);
        if (cached != null && (cached.parsed() || !parse)) return cached;
        filesRead++;
        MessageDigest sha = sha256Digest();
        FileData data;
        try (InputStream in = new DigestInputStream(Files.newInputStream(real), sha)) {
            Optional<JsonValue> json = Optional.empty();
            Optional<String> error = Optional.empty();
            if (parse && Files.size(real) > MAX_JSON_BYTES) {
                error = Optional.of("the file is larger than " + MAX_JSON_BYTES + " bytes, too large to read as JSON");
            } else if (parse) {
                try {
                    json = Optional.of(StrictJson.parse(in.readAllBytes()));
                } catch (StrictJson.SyntaxError ex) {
                    error = Optional.of(ex.getMessage());
                }
            }
            drain(in);
            data = new FileData(HexFormat.of().formatHex(sha.digest()), parse, json, error);
        }
        files.put(real, data);
        return data;
    }

    /** The lowercase hex SHA-256 of a file, streamed through a buffer. */
    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            drain(in);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (in.read(buffer) >= 0) {
            // the digest sees every byte
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    static String describe(Exception ex) {
        String m = ex.getMessage();
        if (ex instanceof AccessDeniedException) return "permission denied";
        return m == null ? ex.getClass().getSimpleName() : m;
    }
}
