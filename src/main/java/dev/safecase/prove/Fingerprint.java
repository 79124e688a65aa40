package dev.safecase.prove;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A SHA-256 of the class files of this package, as loaded: the code that decides blocks. It is
 * part of every cache key, so a build that decides differently (a changed slice, session or
 * translation) never takes the verdicts cached by another, even at the same version.
 */
public final class Fingerprint {
    private static final String PACKAGE = "dev/safecase/prove/";

    private Fingerprint() {
    }

    /** The hex digest; {@code unknown} when the classes cannot be read (then nothing cached by another build matches). */
    public static String ofProver() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String name : classFiles()) {
                md.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = Fingerprint.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) return "unknown-" + System.nanoTime();
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
    }

    private static List<String> classFiles() throws IOException, URISyntaxException {
        Path where = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.list(where.resolve(PACKAGE))) {
                files.map(p -> PACKAGE + p.getFileName()).filter(n -> n.endsWith(".class")).forEach(out::add);
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                jar.stream().map(JarEntry::getName)
                        .filter(n -> n.startsWith(PACKAGE) && n.endsWith(".class") && n.indexOf('/', PACKAGE.length()) < 0)
                        .forEach(out::add);
            }
        }
        out.sort(null);
        return out;
    }
}
