package dev.safecase.check;

import dev.safecase.source.Sources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden entry per diagnostic code under {@code src/test/resources/golden/frontend}: a
 * {@code SCxxx-what.case} file, or a {@code SCxxx-what/} folder for codes that need several
 * files (imports). Each file lists the diagnostics it must produce, exactly and nothing else:
 *
 * <pre>// expect-diag: 12:5 error SC201 unknown name 'p_unsfe' (did you mean 'p_unsafe'?)</pre>
 *
 * The line and column refer to the file that holds the comment. In messages, {@code <root>}
 * stands for the project root of the run: the golden folder for a single file, the entry's own
 * folder for a folder. Each entry runs through the whole pipeline ({@link Verifier#run}), so the
 * prover's warnings (SC317, SC318) are covered the same way.
 */
class GoldenDiagnosticsTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/frontend");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Pattern EXPECT =
            Pattern.compile("//\\s*expect-diag:\\s*(\\d+):(\\d+)\\s+(error|warning)\\s+(SC\\d{3})\\s+(.*?)\\s*$");
    private static final Pattern ENTRY = Pattern.compile("(SC\\d{3})-[a-z0-9-]+(\\.case)?");

    /**
     * Codes whose tests need something a golden file cannot hold: see InputFilesTest; the interchange codes are about
     * gsn2x and SACM files, not case files: see interop/Gsn2xBadInputTest and interop/SacmImportTest.
     */
    static final Set<Code> NOT_GOLDEN = EnumSet.of(Code.SC001, Code.SC002, Code.SC003, Code.SC004, Code.SC005,
            Code.SC701, Code.SC702, Code.SC703, Code.SC704, Code.SC705, Code.SC706);

    /** One diagnostic, with its file relative to the entry, as the expectation comments write it. */
    record Line(String file, int line, int col, String severity, String code, String message) {
        static final Comparator<Line> ORDER = Comparator.comparing(Line::file).thenComparingInt(Line::line)
                .thenComparingInt(Line::col).thenComparing(Line::code).thenComparing(Line::message);

        @Override
        public String toString() {
            return file + ":" + line + ":" + col + ": " + severity + ": " + code + " " + message;
        }
    }

    static Stream<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> ENTRY.matcher(n).matches()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void producesExactlyTheExpectedDiagnostics(String entry) throws IOException {
        Path path = GOLDEN.resolve(entry);
        Path root = Files.isDirectory(path) ? path : GOLDEN;
        Path base = Files.isDirectory(path) ? path : GOLDEN;

        List<Line> expected = new ArrayList<>();
        for (Path f : caseFiles(path)) expected.addAll(expectations(f, base));
        expected.sort(Line.ORDER);

        Options options = Options.defaults(root).withToday(TODAY).withJobs(1);
        Verifier verifier = new Verifier(options);
        List<Diagnostic> diagnostics = verifier.run(List.of(path)).run().diagnostics();
        String rootAbs = root.toAbsolutePath().normalize().toString();
        String rootShown = verifier.sources().display(root);
        List<Line> actual = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String message = d.message().replace(rootAbs, "<root>").replace(rootShown, "<root>");
            actual.add(new Line(relative(d.pos().file(), base), d.pos().line(), d.pos().col(), d.severity().label(),
                    d.code().id(), message));
        }
        actual.sort(Line.ORDER);

        String code = entry.substring(0, 5);
        assertTrue(expected.stream().anyMatch(l -> l.code().equals(code)),
                entry + " must expect at least one " + code + " (its name says what it tests)");
        assertEquals(render(expected), render(actual), () -> diff(entry, expected, actual));
    }

    @Test
    void everyCodeHasAGoldenEntryOrATestElsewhere() throws IOException {
        Set<String> covered = entries().map(e -> e.substring(0, 5)).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>();
        for (Code c : Code.values()) {
            if (!NOT_GOLDEN.contains(c) && !covered.contains(c.id())) missing.add(c.id() + " " + c.title());
        }
        assertEquals(List.of(), missing, "codes without a golden entry under " + GOLDEN);
        for (String id : covered) {
            assertFalse(NOT_GOLDEN.stream().anyMatch(c -> c.id().equals(id)), id + " is listed as not golden but has an entry");
        }
    }

    // ------------------------------------------------------------ helpers

    static List<Path> caseFiles(Path path) throws IOException {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(f -> f.toString().endsWith(".case")).sorted().toList();
        }
    }

    static List<Line> expectations(Path file, Path base) {
        List<Line> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String rel = relative(file.toString(), base);
        for (String l : lines) {
            Matcher m = EXPECT.matcher(l.strip());
            if (l.contains("expect-diag:") && !m.matches()) fail(file + ": malformed expectation: " + l);
            if (m.matches()) {
                out.add(new Line(rel, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4),
                        m.group(5)));
            }
        }
        return out;
    }

    /** A diagnostic's file as a path relative to the entry's folder ({@code main.case}, {@code lib/a.case}). */
    static String relative(String shown, Path base) {
        if (shown.startsWith(Sources.BUNDLED_DISPLAY)) return shown;
        Path abs = Path.of(shown).toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? b.relativize(abs).toString().replace('\\', '/') : shown;
    }

    private static String render(List<Line> lines) {
        return lines.stream().map(Line::toString).collect(Collectors.joining("\n"));
    }

    private static String diff(String entry, List<Line> expected, List<Line> actual) {
        StringBuilder sb = new StringBuilder("diagnostics of ").append(entry).append(" differ\n");
        for (Line l : expected) if (!actual.contains(l)) sb.append("  missing:    ").append(l).append('\n');
        for (Line l : actual) if (!expected.contains(l)) sb.append("  unexpected: ").append(l).append('\n');
        sb.append("(as expectation comments, the actual diagnostics are:)\n");
        for (Line l : actual) {
            sb.append("  // expect-diag: ").append(l.line()).append(':').append(l.col()).append(' ').append(l.severity())
                    .append(' ').append(l.code()).append(' ').append(l.message()).append("   [").append(l.file()).append("]\n");
        }
        return sb.toString();
    }
}
