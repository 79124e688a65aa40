package dev.safecase.report;

import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes every report of a run. The report is built in a fresh sibling directory and then moved into place (old
 * directory aside, new one in, old one deleted), so a failure never leaves a half-written report. The prover cache
 * ({@code cache/} inside the report directory, as under {@code target/safecase}) is carried over.
 */
public final class Reports {
    private Reports() {
    }

    /** Kept from the previous report directory: the result cache lives in the default report directory. */
    static final String CACHE = "cache";

    /** Writes one report into a directory that exists and is empty. */
    interface Writer {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * index.html, CASE.html and CASE.svg for every case, safecase.json, junit.xml, safecase.sarif and summary.md.
     * Replaces {@code outDir}; on failure the previous report (if any) is left as it was.
     */
    public static void writeAll(Run run, Path outDir) throws IOException {
        writeAtomically(outDir, dir -> writeEverything(run, dir));
    }

    /** CASE.svg for every case, into {@code outDir} (created if needed), each file replaced atomically. */
    public static void writeSvgs(Run run, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        Map<String, String> stems = fileStems(run);
        for (CaseResult c : run.cases()) {
            Path target = outDir.resolve(stems.get(c.name()) + ".svg");
            Path tmp = Files.createTempFile(outDir, ".svg-", ".tmp");
            try {
                Files.writeString(tmp, SvgReport.render(c), StandardCharsets.UTF_8);
                move(tmp, target, true);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void writeEverything(Run run, Path dir) throws IOException {
        Map<String, String> stems = fileStems(run);
        write(dir, "safecase.json", JsonReport.render(run));
        write(dir, "junit.xml", JunitReport.render(run));
        write(dir, "safecase.sarif", SarifReport.render(run));
        write(dir, "summary.md", MarkdownReport.render(run));
        for (CaseResult c : run.cases()) {
            String stem = stems.get(c.name());
            write(dir, stem + ".svg", SvgReport.render(c));
            write(dir, stem + ".html", HtmlReport.casePage(run, c, stems));
        }
        write(dir, "index.html", HtmlReport.index(run, stems));
    }

    private static void write(Path dir, String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Builds a directory with {@code writer} next to {@code outDir}, then swaps it in. */
    static void writeAtomically(Path outDir, Writer writer) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IOException("cannot write a report to the file-system root: " + target);
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path fresh = Files.createTempDirectory(parent, "." + name + ".new-");
        try {
            writer.writeInto(fresh);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(fresh);
            throw e;
        }
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve("." + name + ".old-" + fresh.getFileName().toString().substring(name.length() + 6));
                move(target, old, false);
                Path cache = old.resolve(CACHE);
                if (Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) move(cache, fresh.resolve(CACHE), false);
            }
            move(fresh, target, false);
        } catch (IOException | RuntimeException e) {
            restore(target, fresh, old, e);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    /** Puts the previous report back after a failed swap. */
    private static void restore(Path target, Path fresh, Path old, Exception cause) {
        try {
            if (old != null) {
                Path cache = fresh.resolve(CACHE);
                if (Files.isDirectory(cache) && !Files.exists(old.resolve(CACHE))) move(cache, old.resolve(CACHE), false);
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) move(old, target, false);
            }
            if (Files.exists(fresh)) deleteTree(fresh);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(from, to);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The file name (without extension) of each case's page and diagram: its name with anything outside
     * {@code [A-Za-z0-9_.-]} replaced; never {@code index} (that is the front page), and never a name that differs
     * from an earlier one only in letter case (file systems that ignore case would merge them).
     */
    public static Map<String, String> fileStems(Run run) {
        Map<String, String> stems = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (CaseResult c : run.cases()) {
            String base = c.name().replaceAll("[^A-Za-z0-9_.-]", "_");
            if (base.isEmpty() || base.startsWith(".") || base.equalsIgnoreCase("index")) base = "case-" + base;
            String stem = base;
            for (int i = 2; taken.contains(stem.toLowerCase(Locale.ROOT)); i++) stem = base + "-" + i;
            taken.add(stem.toLowerCase(Locale.ROOT));
            stems.put(c.name(), stem);
        }
        return stems;
    }

    /** {@code 7, 12} → {@code "58.3 %"}, rounded down so a share never looks better than it is; "–" for none. */
    static String percent(int part, int total) {
        if (total <= 0) return "\u2013";
        BigDecimal p = BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN)
                .stripTrailingZeros();
        if (p.scale() < 0) p = p.setScale(0);
        return p.toPlainString() + " %";
    }
}
