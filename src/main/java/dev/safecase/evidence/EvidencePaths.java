package dev.safecase.evidence;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Where an evidence file is, and whether it stays inside the project root. Only path names and
 * link targets are looked at here; a file outside the root is never opened.
 */
public final class EvidencePaths {
    private EvidencePaths() {
    }

    /** Links followed in one path before it counts as a loop (as Linux's own limit). */
    private static final int MAX_LINKS = 40;

    /** The resolved location, or the reason it is not allowed. */
    public record Located(Optional<Path> path, Optional<String> escape) {}

    public static Located locate(String written, Path caseFile, Path root) {
        return locate(written, caseFile, root, Vocabulary.CLI);
    }

    /** As above; a refusal names the setting that widens the root in {@code vocabulary}'s words. */
    public static Located locate(String written, Path caseFile, Path root, Vocabulary vocabulary) {
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
                    + " (" + vocabulary.change(Vocabulary.Setting.ROOT) + " to widen it)"));
        }
        // Links are followed by name, so that a dangling link (or a link to a folder) that points
        // outside is caught as well as one whose target exists.
        Optional<Path> resolved = resolveLinks(abs);
        if (resolved.isPresent() && !resolved.get().startsWith(realRoot(rootAbs))) {
            String missing = Files.exists(resolved.get(), LinkOption.NOFOLLOW_LINKS) ? "" : " (which does not exist)";
            return new Located(Optional.empty(), Optional.of("\"" + written + "\" is a link to " + resolved.get() + missing
                    + ", outside the project root " + rootAbs));
        }
        return new Located(Optional.of(abs), Optional.empty());
    }

    /**
     * An absolute path with every symbolic link on it replaced by its target, as far as the
     * links exist (what follows a missing name is kept as written); empty for a loop of links.
     */
    static Optional<Path> resolveLinks(Path abs) {
        Path done = abs.getRoot();
        Deque<Path> todo = new ArrayDeque<>();
        abs.forEach(todo::addLast);
        int hops = 0;
        while (!todo.isEmpty()) {
            Path name = todo.removeFirst();
            if (name.toString().equals(".")) continue;
            if (name.toString().equals("..")) {
                if (done.getParent() != null) done = done.getParent();
                continue;
            }
            Path next = done.resolve(name);
            if (!Files.isSymbolicLink(next)) {
                done = next;
                continue;
            }
            if (++hops > MAX_LINKS) return Optional.empty();
            Path target;
            try {
                target = Files.readSymbolicLink(next);
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
            if (target.isAbsolute()) done = target.getRoot();
            List<Path> parts = new ArrayList<>();
            target.forEach(parts::add);
            for (int i = parts.size() - 1; i >= 0; i--) todo.addFirst(parts.get(i));
        }
        return Optional.of(done);
    }

    private static Path realRoot(Path rootAbs) {
        try {
            return rootAbs.toRealPath();
        } catch (IOException e) {
            return rootAbs;
        }
    }

    /** Reports a path that leaves the root as an input error at the file clause. */
    public static void check(String written, Position pos, Path caseFile, Path root, Diagnostics diags) {
        locate(written, caseFile, root).escape().ifPresent(m -> diags.error(Code.SC501, pos, "evidence path " + m));
    }
}
