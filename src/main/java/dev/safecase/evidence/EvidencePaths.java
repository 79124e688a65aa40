package dev.safecase.evidence;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an evidence file is, and whether it stays inside the project root. Only path names and
 * link targets are looked at here; a file outside the root is never opened.
 */
public final class EvidencePaths {
    private EvidencePaths() {
    }

    /** The resolved location, or the reason it is not allowed. */
    public record Located(Optional<Path> path, Optional<String> escape) {}

    public static Located locate(String written, Path caseFile, Path root) {
        Path rootAbs = root.toAbsolutePath().normalize();
        Path p;
        try {
            p = Path.of(written);
        } catch (InvalidPathException e) {
            return new Located(Optional.empty(), Optional.of("\"" + written + "\" is not a valid path"));
        }
        if (p.isAbsolute() || written.startsWith("/") || written.startsWith("\\")) {
            return new Located(Optional.empty(), Optional.of("\"" + written
                    + "\" is an absolute path; evidence paths are relative to the case file and stay inside the project root " + rootAbs));
        }
        Path dir = caseFile == null ? rootAbs : caseFile.toAbsolutePath().normalize().getParent();
        Path abs = dir.resolve(p).normalize();
        if (!abs.startsWith(rootAbs)) {
            return new Located(Optional.empty(), Optional.of("\"" + written + "\" leaves the project root " + rootAbs
                    + " (pass --root to widen it)"));
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) || Files.exists(abs)) {
            try {
                Path real = abs.toRealPath();
                Path realRoot = rootAbs.toRealPath();
                if (!real.startsWith(realRoot)) {
                    return new Located(Optional.empty(), Optional.of("\"" + written + "\" is a link to " + real
                            + ", outside the project root " + rootAbs));
                }
            } catch (IOException e) {
                // a dangling link or an unreadable parent: validity reports the missing file
            }
        }
        return new Located(Optional.of(abs), Optional.empty());
    }

    /** Reports a path that leaves the root as an input error at the file clause. */
    public static void check(String written, Position pos, Path caseFile, Path root, Diagnostics diags) {
        locate(written, caseFile, root).escape().ifPresent(m -> diags.error(Code.SC501, pos, "evidence path " + m));
    }
}
