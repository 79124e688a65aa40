package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.judge.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The reports parse as what they claim to be and hold what the contract says. */
class ReportFormatTest {
    private final Run run = ReportFixture.run();
    private final ObjectMapper mapper = new ObjectMapper();

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void jsonKeepsTheDocumentedKeyOrder() throws Exception {
        JsonNode root = mapper.readTree(JsonReport.render(run));
        assertEquals(List.of("tool", "schemaVersion", "version", "solver", "today", "gate", "diagnostics", "cases"), keys(root));
        assertEquals(JsonReport.SCHEMA_VERSION, root.get("schemaVersion").asInt());
        assertEquals(List.of("passed", "strict", "failOn", "minProved", "proved", "total"),
                keys(root.get("gate")).subList(0, 6));
        assertTrue(root.get("gate").get("minProved").isNumber());
        assertEquals("0.9", root.get("gate").get("minProved").asText());
        JsonNode c = root.get("cases").get(0);
        assertEquals(List.of("case", "file", "checked", "discharged", "summary", "claims", "obligations",
                "assumptions", "evidence", "openProblems", "unproven"), keys(c).subList(0, 11));
        assertEquals(List.of("proved", "refuted", "vacuous", "unknown", "asserted", "open", "invalid", "total"),
                keys(c.get("summary")));
        assertEquals(List.of("id", "text", "formal", "root", "line", "status", "discharged", "restsOn"),
                keys(c.get("claims").get(0)).subList(0, 8));
        assertEquals(List.of("id", "kind", "node", "file", "line", "status", "millis", "usedAssumptions", "core",
                "counterexample", "reason"), keys(c.get("obligations").get(0)).subList(0, 11));
        assertEquals(List.of("id", "usedBy"), keys(c.get("assumptions").get(0)).subList(0, 2), "schema 3 drops inScopeOf");
        assertEquals(List.of("id", "file", "status", "sha256", "expires"), keys(c.get("evidence").get(0)).subList(0, 5));
        List<String> extras = List.of("formula", "support", "supportedBy", "owner", "origin", "asserted", "context", "assuming",
                "justifiedBy", "undeveloped", "bounds", "jointConfidence", "module", "confidence");
        for (JsonNode cl : c.get("claims")) {
            List<String> k = keys(cl).subList(8, keys(cl).size());
            assertEquals(extras.stream().filter(k::contains).toList(), k, "extra keys in their order, defaults left out");
            assertTrue(k.contains("support"));
            if (cl.has("undeveloped")) assertTrue(cl.get("undeveloped").asBoolean(), "undeveloped is written only when true");
        }
        List<String> caseKeys = keys(c);
        assertEquals(List.of("line", "text", "defeaters", "diagnostics", "strategies", "texts", "alternatives", "premises",
                "definitions", "confidence"),
                caseKeys.subList(11, caseKeys.size()));
        for (JsonNode cl : c.get("claims")) {
            if (cl.has("confidence")) assertEquals(List.of("bounded", "bound"), keys(cl.get("confidence")).subList(0, 2));
        }
        List<String> table = new ArrayList<>();
        assertTrue(c.get("premises").isObject(), "the premises table is an object from name to formula (schema 4)");
        c.get("premises").fieldNames().forEachRemaining(table::add);
        c.get("premises").forEach(f -> assertTrue(f.isTextual()));
        Map<String, List<String>> rebuilt = PremiseListsTest.rebuild(c.get("obligations"));
        for (List<String> names : rebuilt.values()) for (String n : names) assertTrue(table.contains(n), n);
        List<String> evidenceKeys = keys(c.get("evidence").get(0));
        assertEquals(List.of("bounds", "validity"), evidenceKeys.subList(evidenceKeys.size() - 2, evidenceKeys.size()));
        JsonNode top = c.get("claims").get(0);
        assertEquals("0.89", top.get("jointConfidence").asText());
        assertEquals(3, top.get("bounds").size());
        assertEquals(List.of("evidence", "function", "args", "value", "confidence"), keys(top.get("bounds").get(0)));
        assertEquals("deployment", top.get("context").get(0).asText());
        assertTrue(c.get("claims").get(1).get("undeveloped").asBoolean());
        assertEquals("argue_debate", c.get("strategies").get(0).get("id").asText());
        assertEquals("low_stakes", c.get("strategies").get(0).get("assuming").get(0).asText());
        assertEquals("justification", c.get("texts").get(1).get("kind").asText());
        assertTrue(c.get("obligations").get(0).get("reason").isNull());
        assertTrue(c.get("evidence").get(2).get("expires").isNull());
        assertEquals("1/200", c.get("obligations").get(2).get("counterexample").get("eps").asText());
        assertFalse(root.get("cases").get(1).get("checked").asBoolean());
        assertEquals(0, root.get("cases").get(1).get("obligations").size());
    }

    @Test
    void jsonIsPrettyWithTrailingNewline() {
        String json = JsonReport.render(run);
        assertTrue(json.startsWith("{\n  \"tool\": \"safecase\",\n"));
        assertTrue(json.endsWith("}\n"));
        assertFalse(json.contains("\r"));
    }

    @Test
    void minProvedIsANumberFromItsDecimalText() throws Exception {
        assertEquals("0", Json.decimal("0").orElseThrow().toPlainString());
        assertEquals("0.9", Json.decimal("0.90").orElseThrow().toPlainString());
        assertEquals("1", Json.decimal("1.0").orElseThrow().toPlainString());
        assertEquals("0.9", Json.decimal("90%").orElseThrow().toPlainString());
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void junitParsesWithSurefireCounts() throws Exception {
        Document doc = xml(JunitReport.render(run));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(3, suites.getLength());
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            NodeList cases = s.getElementsByTagName("testcase");
            assertEquals(Integer.parseInt(s.getAttribute("tests")), cases.getLength());
            assertEquals(Integer.parseInt(s.getAttribute("failures")), s.getElementsByTagName("failure").getLength());
            assertEquals(Integer.parseInt(s.getAttribute("errors")), s.getElementsByTagName("error").getLength());
            tests += cases.getLength();
            failures += s.getElementsByTagName("failure").getLength();
            errors += s.getElementsByTagName("error").getLength();
        }
        assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
        assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
        assertEquals(errors, Integer.parseInt(root.getAttribute("errors")));
        Element debate = (Element) suites.item(0);
        CaseResult c = run.cases().get(0);
        assertEquals(c.obligations().size(), debate.getElementsByTagName("testcase").getLength());
        long failing = c.obligations().stream().filter(o -> o.status() != Status.PROVED && o.status() != Status.ASSERTED)
                .count();
        assertEquals(failing, debate.getElementsByTagName("failure").getLength());
        Element first = (Element) debate.getElementsByTagName("testcase").item(2);
        assertEquals("debate", first.getAttribute("classname"));
        assertEquals("inference:argue_debate", first.getAttribute("name"));
        assertEquals("0.004", first.getAttribute("time"));
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertEquals("refuted", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("eps = 1/200"));
        Element broken = (Element) suites.item(1);
        assertEquals("input", ((Element) broken.getElementsByTagName("testcase").item(0)).getAttribute("name"));
    }

    @Test
    void junitFailsAssertedOnlyUnderAStrictGate() {
        assertFalse(JunitReport.fails(run, Status.ASSERTED));
        assertTrue(JunitReport.fails(run, Status.OPEN));
        assertFalse(JunitReport.fails(run, Status.PROVED));
    }

    @Test
    void svgParsesAsXmlForEveryCase() throws Exception {
        for (CaseResult c : run.cases()) {
            String svg = SvgReport.render(c);
            Document doc = xml(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
            assertFalse(svg.contains("CDATA"));
        }
    }

    @Test
    void svgDrawsEveryGsnElement() throws Exception {
        Document doc = xml(SvgReport.render(run.cases().get(0)));
        String svg = SvgReport.render(run.cases().get(0));
        List<String> classes = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < groups.getLength(); i++) classes.add(((Element) groups.item(i)).getAttribute("class"));
        CaseResult c = run.cases().get(0);
        // error_budget is named by argue_debate and no_sandbagging and drawn beside each; many_queries, named by
        // nothing, stands alone
        // the board's review of the asserted claim "reviewed" is drawn as a solution under it
        int nodes = c.claims().size() + c.strategies().size() + c.evidence().size() + c.defeaters().size()
                + c.assumptions().size() + 1 + c.texts().size() + 1;
        assertEquals(nodes, classes.stream().filter(s -> s.startsWith("node ")).count());
        assertTrue(classes.contains("node evidence review st-asserted"), classes.toString());
        assertTrue(svg.contains(">Board minutes<"), "the review's text");
        assertTrue(classes.contains("node claim st-open"), classes.toString());
        assertTrue(classes.contains("node strategy st-invalid"), classes.toString());
        assertTrue(classes.contains("node evidence st-invalid"), classes.toString());
        assertTrue(classes.contains("node defeater st-vacuous"), classes.toString());
        assertTrue(classes.contains("node context"), classes.toString());
        assertTrue(classes.contains("node justification"), classes.toString());
        assertEquals(5, classes.stream().filter(s -> s.startsWith("node assumption")).count());
        assertTrue(classes.contains("node assumption unused"), "many_queries is in scope of nothing");
        assertTrue(svg.contains(">J</text>") && svg.contains(">A</text>"), "GSN letters");
        assertTrue(svg.contains("Argue over the debate game"), "the strategy's text");
        assertTrue(svg.contains("class=\"e attack\" data-from"));
        assertTrue(svg.contains("class=\"e support\" data-from"));
        assertEquals(6, svg.split("class=\"e context\" data-from", -1).length - 1, "one in-context-of edge per named side node");
        assertTrue(svg.contains("class=\"e elimination\" data-from"));
        assertTrue(svg.contains("marker-end:url(#sc-elim)"), "eliminated by has its own head");
    }

    @Test
    void openProblemsAreGroupedByTheClaimTheyBlock() {
        CaseGraph g = new CaseGraph(run.cases().get(0));
        ObligationResult honest = g.obligationsOf("honest_eq").get(0);
        assertEquals("top", g.problemClaim(honest).orElseThrow(), "an undeveloped claim blocks its strategy's parent");
        assertEquals("honest_eq", g.blockedClaim(honest).orElseThrow(), "but holds back its own support");
        ObligationResult hacking = g.obligationsOf("exploration_hacking").get(0);
        assertEquals("converged", g.problemClaim(hacking).orElseThrow(), "a defeater blocks its target");
        assertEquals(List.of("argue_debate", "no_sandbagging"), g.namedBy("error_budget"));
        assertEquals(List.of("top"), g.namedBy("deployment"));
        assertEquals(List.of("top"), g.claimsAbove("converged"));
        String md = MarkdownReport.render(run);
        assertTrue(md.contains("`debate:support:honest_eq` blocks `top`"), md);
    }

    @Test
    void sarifHasTheRequiredStructure() throws Exception {
        JsonNode root = mapper.readTree(SarifReport.render(run));
        SarifCheck.validate(root);
        JsonNode results = root.get("runs").get(0).get("results");
        List<ObligationResult> unproven = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            for (ObligationResult o : c.obligations()) {
                if (o.status() != Status.PROVED && o.status() != Status.ASSERTED) unproven.add(o);
            }
        }
        int diagnostics = run.diagnostics().size();
        assertEquals(unproven.size() + diagnostics, results.size());
        for (int i = 0; i < unproven.size(); i++) {
            JsonNode r = results.get(i);
            ObligationResult o = unproven.get(i);
            assertEquals("safecase." + o.status().label(), r.get("ruleId").asText());
            assertEquals(SarifReport.level(o.status()), r.get("level").asText());
            JsonNode loc = r.get("locations").get(0).get("physicalLocation");
            assertEquals(o.file(), loc.get("artifactLocation").get("uri").asText());
            assertEquals(o.line(), loc.get("region").get("startLine").asInt());
        }
        assertEquals("error", SarifReport.level(Status.REFUTED));
        assertEquals("error", SarifReport.level(Status.VACUOUS));
        assertEquals("error", SarifReport.level(Status.INVALID));
        assertEquals("warning", SarifReport.level(Status.UNKNOWN));
        assertEquals("warning", SarifReport.level(Status.OPEN));
        JsonNode diag = results.get(unproven.size() + 1);
        assertEquals("SC201", diag.get("ruleId").asText());
        assertEquals(22, diag.get("locations").get(0).get("physicalLocation").get("region").get("startColumn").asInt());
    }

    @Test
    void sarifUrisAreRelativeAndEncoded() {
        assertEquals("cases/a%20b.case", SarifReport.uri("cases/a b.case"));
        assertEquals("cases/sub/x.case", SarifReport.uri("cases\\sub\\x.case"));
    }

    @Test
    void markdownIsShortAndNamesTheGate() {
        String md = MarkdownReport.render(run);
        assertTrue(md.startsWith("## safecase: \u274c gate failed\n"));
        assertTrue(md.contains("| `debate` | \u274c not discharged | 13 | 3 | 2 | 1 | 1 | 1 | 2 | 23 |"));
        assertTrue(md.contains("owner: Bob"));
        assertTrue(md.contains("### Open problems (2)"));
    }

    @Test
    void markdownListsAtMostTwentyItemsPerSection() {
        CaseResult c = run.cases().get(0);
        List<ObligationResult> many = new ArrayList<>();
        List<dev.safecase.lower.ObligationId> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            ObligationResult o = new ObligationResult(
                    dev.safecase.lower.ObligationId.of(dev.safecase.lower.Obligation.Kind.SUPPORT, "c" + i), c.file(), i + 1,
                    Status.OPEN, java.util.Optional.empty(), ObligationResult.Findings.NONE, ObligationResult.Statement.NONE,
                    java.util.Optional.empty());
            many.add(o);
            ids.add(o.id());
        }
        CaseResult big = new CaseResult(new CaseResult.Source("big", c.file(), 1, ""), true,
                new CaseResult.Outcome(false, java.util.Map.of(Status.OPEN, 25), ids, ids), CaseResult.Nodes.NONE, many,
                List.of(), dev.safecase.graph.ArgumentGraph.of(List.of()));
        Run r = new Run(run.version(), run.solver(), run.today(), run.gate(), List.of(), List.of(big));
        String md = MarkdownReport.render(r);
        assertFalse(md.contains("### Unproven obligations"), "open obligations are listed once, as open problems");
        assertTrue(md.contains("### Open problems (25)"));
        assertTrue(md.contains("- \u2026 and 5 more in `big` (see the HTML report)"), md);
        assertEquals(20, md.lines().filter(l -> l.startsWith("- `big:")).count(), md);
        assertEquals(1, md.lines().filter(l -> l.contains("and 5 more")).count(), md);
    }

    @Test
    void markdownPutsTheWorstFirstWithTheirCounterexamples() {
        String md = MarkdownReport.render(run);
        List<String> items = md.lines().filter(l -> l.startsWith("- **")).toList();
        assertTrue(items.get(0).startsWith("- **refuted**"), md);
        assertTrue(items.get(1).startsWith("- **vacuous**"), md);
        assertTrue(items.get(2).startsWith("- **unknown**"), md);
        assertTrue(items.stream().noneMatch(l -> l.startsWith("- **open**")), "open items once, under open problems");
        assertTrue(md.contains("### Unproven obligations (5: 1 refuted, 1 vacuous, 1 unknown, 2 invalid)"), md);
        assertTrue(md.contains("  - counterexample: eps = 0.005, judge\\_err = 0.01, p\\_unsafe = 0.015"), md);
        assertTrue(md.contains("  - clashing premises: range:n\\_runs, judge\\_eval#2, few\\_trials\\_floor"), md);
    }

    @Test
    void markdownLinksLocationsToTheSourceWhenGivenABase() {
        String md = MarkdownReport.render(run, java.util.Optional.of(MarkdownReport.checkLinkBase(
                "https://github.com/o/r/blob/0123abc/")));
        assertTrue(md.contains("at [cases/debate.case:24](https://github.com/o/r/blob/0123abc/cases/debate.case#L24)"), md);
        assertTrue(md.contains("[cases/broken.case:4:22](https://github.com/o/r/blob/0123abc/cases/broken.case#L4)"), md);
        for (String bad : List.of("ftp://x", "https://a b", "https://x/(y)", "javascript:alert(1)", "", "https://x\"y")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MarkdownReport.checkLinkBase(bad), bad);
        }
    }

    @Test
    void htmlPagesAreSelfContained() {
        java.util.Map<String, String> stems = Reports.fileStems(run);
        List<String> pages = new ArrayList<>();
        pages.add(HtmlReport.index(run, stems));
        for (CaseResult c : run.cases()) pages.add(HtmlReport.casePage(run, c, stems));
        for (String html : pages) {
            assertTrue(html.startsWith("<!DOCTYPE html>"));
            assertFalse(ReportEscapingTest.withoutOwnScript(html).contains("<script"), "no script but the report's own");
            assertFalse(html.contains("<link"), "no external stylesheet");
            assertFalse(html.contains(" src="), "no external image or script");
            assertFalse(ReportEscapingTest.withoutOwnScript(html).replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                    .contains("http"), "no URL");
            assertTrue(html.contains("<style>"));
        }
        String page = pages.get(1);
        assertTrue(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "diagram inline");
        assertTrue(page.contains("id=\"open-problems\""));
        assertTrue(page.contains("owner: Alice (alignment team)"));
        assertTrue(page.contains("3 bounds hold together with probability at least"));
        assertTrue(page.contains("= 89 %"), "95 % + 95 % + 99 %: 1 - 0.05 - 0.05 - 0.01");
        assertTrue(page.contains("clopper_pearson_upper(270, 2000, 0.95)"), "a bound as evaluated");
        assertTrue(page.contains("not counted: the evidence is invalid"), "red_team's bound is listed, not counted");
        assertTrue(page.contains("id=\"tx-deployment\""), "contexts and justifications are listed");
        assertTrue(page.contains("in context of deployment"), "the claim tree names a claim's context");
        assertTrue(page.contains("<span class=\"row-kind\">undeveloped claim</span> <strong><a href=\"#n-honest_eq\">"),
                "an open problem names the node that is open");
        assertTrue(page.contains("<details class=\"node\" open>"));
        assertTrue(page.contains("valid for 9 more days"), "cal_eval expires 2026-12-01, today is 2026-11-22");
    }
}
