package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A case supported by a module's public claim: the diagram draws it as an away goal (a goal
 * with a module band) and stops there; the JSON says which module each module node is in.
 */
class ModularReportTest {
    private static final Path DIR = Path.of("src/test/resources/golden/prover").toAbsolutePath();

    private static Run run() {
        Options o = Options.defaults(DIR).withToday(LocalDate.of(2026, 11, 22)).withJobs(1);
        return new Verifier(o).run(List.of(DIR.resolve("modular.case"))).run();
    }

    @Test
    void theDiagramDrawsTheModulesPublicClaimAsAnAwayGoalAndNotItsInnerArgument() throws Exception {
        CaseResult c = run().cases().get(0);
        String svg = SvgReport.render(c);
        ReportFormatTest.xml(svg);
        assertTrue(svg.contains("away goal \u00b7 module hz"), svg);
        assertTrue(svg.contains("<title>away goal \u00b7 module hz: hz.all_mitigated (asserted)"), svg);
        assertTrue(svg.contains("away goal (developed in a module)"), "the legend explains the shape");
        // the module's own argument is drawn in the module, not here
        assertFalse(svg.contains("hz.by_hazard"), svg);
        assertFalse(svg.contains("hz.fire_log"), svg);
        assertFalse(svg.contains("hz.stale_log"), svg);
    }

    @Test
    void theJsonNamesTheModuleOfEveryModuleNodeAndWhetherTheCaseNamesIt() throws Exception {
        JsonNode c = new ObjectMapper().readTree(JsonReport.render(run())).get("cases").get(0);
        JsonNode top = find(c.get("claims"), "top");
        assertFalse(top.has("module"), "a case node has no module");
        JsonNode away = find(c.get("claims"), "hz.all_mitigated").get("module");
        assertEquals("hz", away.get("name").asText());
        assertTrue(away.get("file").asText().endsWith("modules/hazards.case"), away.toString());
        assertTrue(away.get("away").asBoolean());
        assertFalse(find(c.get("claims"), "hz.fire_ok").get("module").get("away").asBoolean());
        assertEquals("hz", find(c.get("strategies"), "hz.by_hazard").get("module").get("name").asText());
        // a module node's obligation is located in the module's file
        JsonNode inference = find(c.get("obligations"), "inference:hz.by_hazard");
        assertTrue(inference.get("file").asText().endsWith("modules/hazards.case"), inference.toString());
        assertEquals(11, inference.get("line").asInt());
    }

    @Test
    void theCasePageSaysWhichModuleANodeIsIn() {
        Run r = run();
        String html = HtmlReport.casePage(r, r.cases().get(0), java.util.Map.of("modular", "modular"));
        assertTrue(html.contains("away goal \u00b7 module hz ("), "the claim tree notes the away goal");
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) return n;
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
