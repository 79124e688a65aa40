package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.bench.Generator;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import dev.safecase.result.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema 3's premise lists: written as differences, rebuilt exactly, and growing linearly with the case. */
class PremiseListsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Rebuilds every obligation's premises from a case's {@code obligations} array, in one pass in order. */
    static Map<String, List<String>> rebuild(JsonNode obligations) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode o : obligations) {
            String id = o.get("id").asText();
            List<String> names = new ArrayList<>();
            if (o.has("premises")) {
                o.get("premises").forEach(n -> names.add(n.asText()));
            } else {
                JsonNode from = o.get("premisesFrom");
                List<String> base = out.get(from.get("obligation").asText());
                assertTrue(base != null, id + ": its base " + from.get("obligation") + " is written before it");
                Set<String> without = new LinkedHashSet<>();
                from.get("without").forEach(n -> without.add(n.asText()));
                for (String n : base) if (!without.contains(n)) names.add(n);
                from.get("with").forEach(n -> names.add(n.asText()));
            }
            assertFalse(out.containsKey(id), "obligation IDs are unique within a case: " + id);
            out.put(id, names);
        }
        return out;
    }

    private static void assertRebuilt(Run run) throws Exception {
        JsonNode root = MAPPER.readTree(JsonReport.render(run));
        for (int i = 0; i < run.cases().size(); i++) {
            CaseResult c = run.cases().get(i);
            Map<String, List<String>> rebuilt = rebuild(root.get("cases").get(i).get("obligations"));
            assertEquals(c.obligations().size(), rebuilt.size());
            for (ObligationResult o : c.obligations()) {
                Set<String> expected = new LinkedHashSet<>(o.premises().stream().map(PremiseText::name).toList());
                assertEquals(expected, new LinkedHashSet<>(rebuilt.get(o.id().toString())), o.id().toString());
            }
        }
    }

    @Test
    void theFixtureRunsListsAreRebuiltExactly() throws Exception {
        assertRebuilt(ReportFixture.run());
    }

    private static Run generated(Path dir, int claims) throws Exception {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("bench.case"), Generator.generate(claims), StandardCharsets.UTF_8);
        Options o = Options.defaults(dir).withToday(LocalDate.of(2026, 11, 22)).withJobs(1);
        Run run = new Verifier(o).run(List.of(cases)).run();
        assertFalse(run.hasInputErrors(), () -> run.diagnostics().toString());
        return run;
    }

    @Test
    void aDeepTreeIsRebuiltAndTheJsonGrowsLinearly(@TempDir Path tmp) throws Exception {
        Run small = generated(tmp.resolve("small"), 300);
        Run large = generated(tmp.resolve("large"), 1200);
        assertRebuilt(large);
        int derived = 0;
        for (JsonNode o : MAPPER.readTree(JsonReport.render(large)).get("cases").get(0).get("obligations")) {
            if (o.has("premisesFrom")) derived++;
        }
        assertTrue(derived > large.cases().get(0).obligations().size() / 4, "the long lists of a tree are differences: " + derived);
        double perClaimSmall = JsonReport.render(small).length() / 300.0;
        double perClaimLarge = JsonReport.render(large).length() / 1200.0;
        assertTrue(perClaimLarge < perClaimSmall * 1.25,
                "bytes per claim stay about the same at four times the size: " + perClaimSmall + " then " + perClaimLarge);
    }
}
