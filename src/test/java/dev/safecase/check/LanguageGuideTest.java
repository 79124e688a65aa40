package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ```case block of docs/language.md is a complete case that checks without a diagnostic. */
class LanguageGuideTest {
    private static final Path GUIDE = Path.of("docs/language.md");

    static Stream<String> caseBlocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(GUIDE, StandardCharsets.UTF_8)) {
            if (current == null && line.equals("```case")) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks.stream();
    }

    @Test
    void theGuideHasCompleteExamples() throws IOException {
        assertTrue(caseBlocks().count() >= 5, "docs/language.md should keep its complete examples");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("caseBlocks")
    void everyCompleteExampleChecks(String text) {
        FrontEnd.Result r = FrontEnd.check(text);
        assertEquals("", r.render(), "in the example starting " + text.lines().findFirst().orElse(""));
        assertTrue(r.model().isPresent());
    }
}
