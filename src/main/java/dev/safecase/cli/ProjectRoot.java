package dev.safecase.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project root when {@code --root} is not given: the nearest folder, from the working directory up, that holds
 * one of the markers, checked in this order in each folder: a {@code .safecase-root} file (put one there to say "this
 * is the root"), a {@code cases/} folder, a {@code pom.xml}, a {@code .git}. Without any, the working directory.
 */
final class ProjectRoot {
    private ProjectRoot() {
    }

    static final List<String> MARKERS = List.of(".safecase-root", "cases", "pom.xml", ".git");

    static Path find(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (marker(d).isPresent()) return d;
        }
        return dir;
    }

    /** The first marker that {@code dir} holds. */
    static Optional<String> marker(Path dir) {
        for (String m : MARKERS) {
            Path p = dir.resolve(m);
            boolean there = m.equals("cases") ? Files.isDirectory(p) : Files.exists(p);
            if (there) return Optional.of(m);
        }
        return Optional.empty();
    }
}
