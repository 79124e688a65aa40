package dev.safecase.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/diagnostics.md and {@link Code} in step: the table lists every code once, with
 * its title, and nothing else; every code has its own section; and the severity in the table is
 * the one the golden tests see.
 */
class DiagnosticsDocTest {
    private static final Path DOC = Path.of("docs/diagnostics.md");
    private static final Pattern ROW = Pattern.compile("^\\| (SC\\d{3}) \\| (error|warning) \\| (.+?) \\|$");
    private static final Pattern SECTION = Pattern.compile("^### (SC\\d{3}) (.+)$");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect-diag:\\s*\\d+:\\d+\\s+(error|warning)\\s+(SC\\d{3})\\s");

    record Row(String severity, String title) {}

    private static Map<String, Row> table(List<String> lines) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String l : lines) {
            Matcher m = ROW.matcher(l);
            if (!m.matches()) continue;
            Row old = rows.put(m.group(1), new Row(m.group(2), m.group(3)));
            assertEquals(null, old, m.group(1) + " is listed twice in the table");
        }
        return rows;
    }

    @Test
    void tableListsEveryCodeWithItsTitleAndNothingElse() throws IOException {
        Map<String, Row> rows = table(Files.readAllLines(DOC, StandardCharsets.UTF_8));
        Map<String, String> expected = new LinkedHashMap<>();
        for (Code c : Code.values()) expected.put(c.id(), c.title());
        Map<String, String> documented = new LinkedHashMap<>();
        rows.forEach((id, row) -> documented.put(id, row.title()));
        assertEquals(expected, documented, "the table in " + DOC + " and the Code enum differ");
        for (Code c : Code.values()) assertEquals(c.name(), c.id(), "enum constant and id");
    }

    @Test
    void everyCodeHasASectionWithTheSameTitle() throws IOException {
        List<String> sections = new ArrayList<>();
        for (String l : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            Matcher m = SECTION.matcher(l);
            if (m.matches()) sections.add(m.group(1) + " " + m.group(2));
        }
        assertEquals(Arrays.stream(Code.values()).map(c -> c.id() + " " + c.title()).toList(), sections,
                "one `### CODE title` section per code, in table order");
    }

    @Test
    void severitiesMatchWhatTheGoldenTestsSee() throws IOException {
        Map<String, Row> rows = table(Files.readAllLines(DOC, StandardCharsets.UTF_8));
        Map<String, TreeSet<String>> seen = new TreeMap<>();
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/golden/frontend"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".case")).toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    Matcher m = EXPECT.matcher(l);
                    if (m.find()) seen.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(m.group(1));
                }
            }
        }
        assertTrue(seen.size() >= 40, "golden expectations found: " + seen.size());
        seen.forEach((code, severities) -> assertEquals(List.of(rows.get(code).severity()), List.copyOf(severities),
                code + ": the table's severity and the golden files' disagree"));
    }
}
