package dev.safecase.report;

import dev.safecase.evidence.EvidencePaths;
import dev.safecase.model.Model;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder that safecase writes and may later replace. safecase only ever replaces or deletes what it wrote itself:
 * a folder it writes carries a {@link #MARKER} file, and a folder is replaced only when it does not exist, is empty,
 * or carries the marker, and is neither the project root, an ancestor of it, nor a folder that holds an input of
 * the run. Temporary folders are named {@code .NAME.new-PID-N} and {@code .NAME.old-PID-N}, carry the marker, are
 * removed by a shutdown hook when the JVM is stopped (SIGTERM, Ctrl-C), and, should that fail (SIGKILL, power
 * loss), by the next run once their process is gone.
 */
public final class OutputFolder {
    private OutputFolder() {
    }

    /** Written first into every folder safecase writes; its presence means "safecase may replace this folder". */
    public static final String MARKER = ".safecase-report";

    private static final String MARKER_TEXT = "This folder was written by safecase. The next run of the same command replaces it\n"
            + "as a whole; do not keep other files here. safecase refuses to replace a folder without this file.\n";

    /** Why safecase will not write a folder: a user's mistake, reported as a one-line error with exit 2. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /**
     * What an output folder may never be nor contain: the project root and every input of the run (case files,
     * PATH arguments, evidence files), with all their ancestors.
     */
    public record Protected(Set<Path> folders) {
        public Protected {
            folders = Set.copyOf(folders);
        }

        /** Nothing beyond the folder rules themselves (for tests and tools that have no project). */
        public static Protected none() {
            return new Protected(Set.of());
        }

        /** The root, the PATH arguments, and each checked case's file and evidence files. */
        public static Protected of(Path root, Collection<Path> paths, Collection<Model.Case> cases) {
            List<Path> in = new ArrayList<>(paths);
            for (Model.Case c : cases) {
                in.add(c.path());
                for (Model.Evidence e : c.all(Model.Evidence.class)) {
                    e.file().flatMap(f -> EvidencePaths.locate(f, c.path(), root).path()).ifPresent(in::add);
                }
            }
            return of(root, in);
        }

        public static Protected of(Path root, Collection<Path> inputs) {
            Set<Path> out = new HashSet<>();
            List<Path> all = new ArrayList<>(inputs);
            all.add(root);
            for (Path p : all) {
                for (Path q : List.of(absolute(p), real(p))) {
                    for (Path a = q; a != null; a = a.getParent()) out.add(a);
                }
            }
            return new Protected(out);
        }

        /** True when {@code folder} is the root, an input, or an ancestor of one. */
        public boolean covers(Path folder) {
            return folders.contains(absolute(folder)) || folders.contains(real(folder));
        }
    }

    /**
     * Checks that {@code folder} may be replaced as a whole: it does not exist, or it is an empty folder or one
     * marked as written by safecase, and it is not protected.
     */
    public static void checkReplaceable(Path folder, Protected keep) throws Refused {
        checkWritable(folder, keep, "replace");
    }

    /** Like {@link #checkReplaceable}, for a command that adds its files to the folder (graph). */
    public static void checkAddable(Path folder, Protected keep) throws Refused {
        checkWritable(folder, keep, "write into");
    }

    private static void checkWritable(Path folder, Protected keep, String verb) throws Refused {
        Path f = absolute(folder);
        if (f.getParent() == null) throw new Refused("will not " + verb + " the file-system root " + f);
        if (keep.covers(f)) {
            throw new Refused("will not " + verb + " " + folder + ": it is the project root, holds it, or holds an input "
                    + "of this run (a case or an evidence file); choose another output folder with -o");
        }
        if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("will not " + verb + " " + folder + ": it is " + (Files.isSymbolicLink(f) ? "a symbolic link"
                    : "a file") + ", not a folder written by safecase; choose another output folder with -o");
        }
        if (isMarked(f) || isEmpty(f)) return;
        throw new Refused("will not " + verb + " " + folder + ": the folder is not empty and was not written by safecase "
                + "(it has no " + MARKER + " file; reports of safecase 0.1.0 have none either): remove it yourself or "
                + "choose another output folder with -o");
    }

    /**
     * Empties {@code folder} for a tool that writes into it as it goes (the robustness fuzzer): the same rules as
     * {@link #checkReplaceable}, then the old folder is deleted and a new, marked one made. Not atomic.
     */
    public static void recreate(Path folder, Protected keep) throws IOException {
        checkReplaceable(folder, keep);
        deleteTree(folder);
        Files.createDirectories(folder);
        mark(folder);
    }

    static boolean isMarked(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isEmpty(Path dir) throws Refused {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new Refused("cannot read " + dir + ": " + e.getMessage());
        }
    }

    /** Writes the marker into a folder safecase has just created or checked. */
    static void mark(Path dir) throws IOException {
        Files.writeString(dir.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------ temporary folders and signals

    private static final Object SWAP = new Object();
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static boolean stopping;

    /** The name prefix of a temporary sibling of {@code name}: {@code .NAME.new-PID-}. */
    static String tempPrefix(String name, String role) {
        return "." + name + "." + role + "-" + ProcessHandle.current().pid() + "-";
    }

    /** Runs {@code action} unless the JVM is shutting down; the shutdown hook waits for it to finish. */
    static <T> T guarded(IoAction<T> action) throws IOException {
        synchronized (SWAP) {
            if (stopping) throw new IOException("safecase is stopping (signal received); nothing more is written");
            return action.run();
        }
    }

    interface IoAction<T> {
        T run() throws IOException;
    }

    /** Tracks a temporary folder or file so that a signal removes it. */
    static void track(Path temp) {
        Hook.install();
        PENDING.add(temp);
    }

    static void untrack(Path temp) {
        PENDING.remove(temp);
    }

    /** True once a shutdown has started: writers stop writing. */
    static boolean stopping() {
        synchronized (SWAP) {
            return stopping;
        }
    }

    /** The shutdown hook, installed the first time something is written. */
    private static final class Hook {
        static {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(OutputFolder::cleanUpOnShutdown, "safecase-cleanup"));
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is already shutting down; guarded() refuses to write, so nothing needs cleaning
            }
        }

        static void install() {
            // loading the class installs the hook, once
        }
    }

    private static void cleanUpOnShutdown() {
        synchronized (SWAP) {
            stopping = true;
            for (Path p : List.copyOf(PENDING)) {
                // a writer may still be adding files to the folder: retry until it is gone
                for (int attempt = 0; attempt < 100 && Files.exists(p, LinkOption.NOFOLLOW_LINKS); attempt++) {
                    try {
                        deleteTree(p);
                    } catch (IOException | RuntimeException retry) {
                        // try again
                    }
                }
                PENDING.remove(p);
            }
        }
    }

    /**
     * Removes temporary siblings of {@code name} in {@code parent} left by a safecase process that no longer runs:
     * folders named {@code .NAME.new-PID-N} or {@code .NAME.old-PID-N} that are empty or marked. Nothing else.
     */
    static void removeStaleFolders(Path parent, String name) throws IOException {
        Pattern temp = Pattern.compile("\\." + Pattern.quote(name) + "\\.(?:new|old)-(\\d+)-\\d+");
        removeStale(parent, temp, p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && (isMarked(p) || isEmpty(p)));
    }

    /** Removes regular files in {@code dir} whose names match {@code temp} (group 1 the PID of a finished process). */
    static void removeStaleFiles(Path dir, Pattern temp) throws IOException {
        removeStale(dir, temp, p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
    }

    private interface Check {
        boolean test(Path p) throws IOException;
    }

    private static void removeStale(Path dir, Pattern temp, Check ours) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                Matcher m = temp.matcher(p.getFileName().toString());
                if (m.matches() && !running(m.group(1)) && ours.test(p)) stale.add(p);
            }
        }
        for (Path p : stale) deleteTree(p);
    }

    /** Is a process with this PID alive? The current process counts as running: its own writers are tracked. */
    private static boolean running(String pid) {
        long id;
        try {
            id = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return true;
        }
        return id == ProcessHandle.current().pid() || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Deletes a file or a folder with everything in it, without following links; files already gone are fine. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) return FileVisitResult.CONTINUE;
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) throw e;
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** The path with links resolved as far as it exists, so that a link to the root is recognised too. */
    private static Path real(Path p) {
        Path abs = absolute(p);
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException | SecurityException e) {
            return abs;
        }
    }
}
