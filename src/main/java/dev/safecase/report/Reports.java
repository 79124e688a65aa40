package dev.safecase.report;

import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes every report of a run. The report is built in a fresh sibling folder and then moved into place (old folder
 * aside, new one in, old one deleted), so a failure never leaves a half-written report. Only a folder that safecase
 * wrote itself is ever replaced ({@link OutputFolder}).
 */
public final class Reports {
    private Reports() {
    }

    /** Writes one report into a folder that exists and holds only the marker. */
    public interface Writer {
        void writeInto(Path dir) throws IOException;
    }

    /**
     * index.html, CASE.html and CASE.svg for every case, safecase.json, junit.xml, safecase.sarif and summary.md.
     * Replaces {@code outDir}; on failure the previous report (if any) is left as it was.
     */
    public static void writeAll(Run run, Path outDir, OutputFolder.Protected keep) throws IOException {
        writeAll(run, file -> Optional.empty(), outDir, keep);
    }

    /**
     * As {@link #writeAll(Run, Path, OutputFolder.Protected)}; {@code sources} gives the text of a case file by the
     * name the run shows it under, for the source pages (a file it has no text for gets a page that says so).
     */
    public static void writeAll(Run run, Function<String, Optional<String>> sources, Path outDir,
                                OutputFolder.Protected keep) throws IOException {
        writeAll(run, sources, Optional.empty(), outDir, keep);
    }

    /** As above; {@code linkBase} makes the locations in {@code summary.md} links ({@link MarkdownReport#checkLinkBase}). */
    public static void writeAll(Run run, Function<String, Optional<String>> sources, Optional<String> linkBase,
                                Path outDir, OutputFolder.Protected keep) throws IOException {
        write(run, sources, linkBase, outDir, keep, Format.DEFAULT);
    }

    /** As {@link #writeAll(Run, Path, OutputFolder.Protected)}, with only the files of {@code formats}. */
    public static void write(Run run, Path outDir, OutputFolder.Protected keep, Set<Format> formats) throws IOException {
        write(run, file -> Optional.empty(), Optional.empty(), outDir, keep, formats);
    }

    /** Every file of {@code formats}, with the source pages and summary links as {@link #writeAll} makes them. */
    public static void write(Run run, Function<String, Optional<String>> sources, Optional<String> linkBase, Path outDir,
                             OutputFolder.Protected keep, Set<Format> formats) throws IOException {
        writeAtomically(outDir, keep, dir -> writeEverything(run, sources::apply, linkBase, dir, formats));
    }

    private static final Pattern STALE_SVG = Pattern.compile("\\.svg-(\\d+)-\\d+\\.tmp");

    /**
     * CASE.svg for every case, into {@code outDir} (created if needed), each file replaced atomically. Other files
     * in the folder stay; the folder must be empty or one safecase wrote.
     */
    public static void writeSvgs(Run run, Path outDir, OutputFolder.Protected keep) throws IOException {
        OutputFolder.checkAddable(outDir, keep);
        Files.createDirectories(outDir);
        if (!OutputFolder.isMarked(outDir)) OutputFolder.mark(outDir);
        OutputFolder.removeStaleFiles(outDir, STALE_SVG);
        Map<String, String> stems = fileStems(run);
        for (CaseResult c : run.cases()) {
            Path target = outDir.resolve(stems.get(c.name()) + ".svg");
            Path tmp = OutputFolder.guarded(() -> {
                Path t = Files.createTempFile(outDir, ".svg-" + ProcessHandle.current().pid() + "-", ".tmp");
                OutputFolder.track(t);
                return t;
            });
            try {
                Files.writeString(tmp, SvgReport.render(c), StandardCharsets.UTF_8);
                OutputFolder.guarded(() -> {
                    move(tmp, target, true);
                    return null;
                });
            } finally {
                Files.deleteIfExists(tmp);
                OutputFolder.untrack(tmp);
            }
        }
    }

    private static void writeEverything(Run run, SourceViews.Sources sources, Optional<String> linkBase, Path dir,
                                        Set<Format> formats) throws IOException {
        Map<String, String> stems = fileStems(run);
        Lap lap = new Lap();
        if (formats.contains(Format.JSON)) write(dir, "safecase.json", JsonReport.render(run));
        lap.lap("json");
        if (formats.contains(Format.JUNIT)) write(dir, "junit.xml", JunitReport.render(run));
        if (formats.contains(Format.SARIF)) write(dir, "safecase.sarif", SarifReport.render(run));
        if (formats.contains(Format.MARKDOWN)) write(dir, "summary.md", MarkdownReport.render(run, linkBase));
        if (formats.contains(Format.CODEQUALITY)) write(dir, "codequality.json", CodeQualityReport.render(run));
        lap.lap("junit, sarif, markdown");
        boolean html = formats.contains(Format.HTML);
        for (CaseResult c : run.cases()) {
            if (html) {
                // the case's pages, its diagram (CASE.svg, linked to the pages) among them
                for (Map.Entry<String, String> page : HtmlReport.casePages(run, c, stems, sources).entrySet()) {
                    int slash = page.getKey().lastIndexOf('/');
                    if (slash > 0) Files.createDirectories(dir.resolve(page.getKey().substring(0, slash)));
                    write(dir, page.getKey(), page.getValue());
                }
            } else if (formats.contains(Format.SVG)) {
                write(dir, stems.get(c.name()) + ".svg", SvgReport.render(c));
            }
            lap.lap("html and svg");
        }
        if (html) write(dir, "index.html", HtmlReport.index(run, stems));
        lap.lap("index");
        lap.report();
    }

    /** Time per writer, summed, printed on stderr with {@code -Dsafecase.timing=true}. */
    private static final class Lap {
        private final boolean on = Boolean.getBoolean("safecase.timing");
        private final Map<String, Long> spent = new LinkedHashMap<>();
        private long t = System.nanoTime();

        void lap(String what) {
            long now = System.nanoTime();
            spent.merge(what, (now - t) / 1_000_000, Long::sum);
            t = now;
        }

        void report() {
            if (!on) return;
            StringBuilder b = new StringBuilder("safecase timing: report");
            spent.forEach((k, v) -> b.append(", ").append(k).append(' ').append(v).append(" ms"));
            System.err.println(b);
        }
    }

    /** Writes one file of a report folder being built, unless a signal is stopping the run. */
    public static void write(Path dir, String name, String content) throws IOException {
        if (OutputFolder.stopping()) throw new IOException("safecase is stopping (signal received)");
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    /**
     * Builds a folder with {@code writer} next to {@code outDir}, then swaps it in. Refuses (exit 2 in the CLI) when
     * {@code outDir} is not a folder safecase may replace; removes temporary siblings that earlier, killed runs left.
     */
    public static void writeAtomically(Path outDir, OutputFolder.Protected keep, Writer writer) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        OutputFolder.checkReplaceable(target, keep);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        OutputFolder.removeStaleFolders(parent, name);
        Path fresh = OutputFolder.guarded(() -> {
            Path f = Files.createTempDirectory(parent, OutputFolder.tempPrefix(name, "new"));
            OutputFolder.track(f);
            return f;
        });
        try {
            OutputFolder.mark(fresh);
            writer.writeInto(fresh);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(fresh, e);
            throw e;
        }
        Path old = OutputFolder.guarded(() -> swap(target, fresh, name));
        if (old != null) {
            OutputFolder.guarded(() -> {
                OutputFolder.deleteTree(old);
                OutputFolder.untrack(old);
                return null;
            });
        }
    }

    /** Moves the old folder aside and the new one in; returns the old folder to delete, if any. */
    private static Path swap(Path target, Path fresh, String name) throws IOException {
        Path parent = target.getParent();
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve(OutputFolder.tempPrefix(name, "old")
                        + fresh.getFileName().toString().substring(OutputFolder.tempPrefix(name, "new").length()));
                move(target, old, false);
                OutputFolder.track(old);
            }
            move(fresh, target, false);
            OutputFolder.untrack(fresh);
        } catch (IOException | RuntimeException e) {
            restore(target, fresh, old, e);
            throw e;
        }
        return old;
    }

    private static void deleteQuietly(Path dir, Throwable cause) {
        try {
            OutputFolder.deleteTree(dir);
            OutputFolder.untrack(dir);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Puts the previous report back after a failed swap. */
    private static void restore(Path target, Path fresh, Path old, Exception cause) {
        try {
            if (old != null && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(old, target, false);
                OutputFolder.untrack(old);
            }
            if (Files.exists(fresh)) OutputFolder.deleteTree(fresh);
            OutputFolder.untrack(fresh);
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
