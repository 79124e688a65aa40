package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Case text with markup, quotes, ampersands and template syntax shows as text everywhere and never runs. */
class ReportEscapingTest {
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private final Run run = ReportFixture.hostileRun();
    private final Map<String, String> stems = Reports.fileStems(run);

    /** The report's own script, as every page embeds it. */
    static final String OWN_SCRIPT = own();

    private static String own() {
        try (var in = ReportEscapingTest.class.getResourceAsStream("/dev/safecase/report/report.js")) {
            return "<script>\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "</script>";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A page without the one script it may hold: the report's own, exactly as shipped. */
    static String withoutOwnScript(String html) {
        int at = html.indexOf(OWN_SCRIPT);
        if (at < 0) return html;
        String rest = html.substring(0, at) + html.substring(at + OWN_SCRIPT.length());
        return rest;
    }

    private static void assertShownAsText(String page, String where) {
        String out = withoutOwnScript(page);
        assertFalse(out.contains("<script"), where + " contains a raw <script>");
        assertFalse(out.contains("<b>bold"), where + " contains raw markup from case text");
        assertTrue(out.contains(ESCAPED_SCRIPT), where + " lacks the escaped script text");
        assertTrue(out.contains("&amp; &quot;q&quot; &#39;a&#39;"), where + " lacks escaped quotes and ampersand");
        assertTrue(out.contains("{{x}} $!x #set($y = 1) ]]&gt;"), where + " does not show template syntax as text");
        assertTrue(out.contains("&lt;b&gt;bold&lt;/b&gt;"), where + " lacks escaped markup");
    }

    @Test
    void casePageShowsHostileTextEscaped() {
        for (CaseResult c : run.cases()) {
            String html = HtmlReport.casePage(run, c, stems);
            assertShownAsText(html, c.name() + ".html");
        }
    }

    /** Every page of every case (source pages included, with hostile lines in the case file) and its SVG. */
    @Test
    void everyPageShowsHostileTextEscaped() throws Exception {
        Map<String, java.util.Optional<String>> sources = ReportFixture.sources(ReportFixture.HOSTILE);
        for (CaseResult c : run.cases()) {
            Map<String, String> pages = HtmlReport.casePages(run, c, stems, f -> sources.getOrDefault(f, java.util.Optional.empty()));
            for (Map.Entry<String, String> p : pages.entrySet()) {
                String out = withoutOwnScript(p.getValue());
                assertFalse(out.contains("<script"), p.getKey() + " contains a raw <script>");
                assertFalse(out.contains("</script"), p.getKey() + " closes a script");
                assertFalse(out.contains("<b>"), p.getKey() + " contains raw markup from case text");
                if (p.getKey().endsWith(".svg")) ReportFormatTest.xml(p.getValue());
            }
            if (c.checked()) {
                String source = pages.get(stems.get(c.name()) + "_files/source.html");
                assertShownAsText(source, "source page");
                assertTrue(source.contains("&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), "a line that closes a script is text");
            }
        }
    }

    /**
     * What the script reads from the page (data attributes of the diagram and the obligation table, the values it
     * sorts and filters by) is escaped like any other attribute: no case text can close the attribute or the tag.
     */
    @Test
    void dataForTheScriptIsEscaped() {
        String html = withoutOwnScript(HtmlReport.casePage(run, run.cases().get(0), stems));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-[a-z]+=\"([^\"]*)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
            assertFalse(m.group(1).contains("<") || m.group(1).contains(">"), "raw markup in " + m.group());
        }
        assertTrue(n > 50, "data attributes found: " + n);
        assertFalse(html.contains("javascript:"), "no script URL");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no inline event handler");
    }

    @Test
    void indexShowsHostileTextEscaped() {
        assertShownAsText(HtmlReport.index(run, stems), "index.html");
    }

    @Test
    void hostileTextReachesEverySectionOfTheCasePage() {
        String html = HtmlReport.casePage(run, run.cases().get(0), stems);
        int count = html.split(java.util.regex.Pattern.quote(ESCAPED_SCRIPT), -1).length - 1;
        // claims, obligations' reasons, owners, assumptions, evidence, defeaters, diagnostics and the inline SVG
        assertTrue(count > 40, "escaped text found only " + count + " times");
    }

    @Test
    void svgShowsHostileTextEscapedAndParses() throws Exception {
        for (CaseResult c : run.cases()) {
            String svg = SvgReport.render(c);
            ReportFormatTest.xml(svg);
            assertFalse(svg.contains("<script"));
            assertFalse(svg.contains("CDATA"));
            if (c.checked()) {
                assertTrue(svg.contains("&lt;script&gt;"), "wrapped text keeps its escaped form");
                assertTrue(svg.contains("$!x") || svg.contains("#set"));
            }
        }
    }

    @Test
    void xmlAndJsonReportsKeepTheTextIntact() throws Exception {
        ReportFormatTest.xml(JunitReport.render(run));
        String junit = JunitReport.render(run);
        assertFalse(junit.contains("<script"));
        JsonNode json = new ObjectMapper().readTree(JsonReport.render(run));
        assertEquals(ReportFixture.HOSTILE, json.get("cases").get(0).get("claims").get(0).get("text").asText());
        JsonNode sarif = new ObjectMapper().readTree(SarifReport.render(run));
        SarifCheck.validate(sarif);
    }

    @Test
    void markdownShowsNoMarkupFromCaseText() {
        String md = MarkdownReport.render(run);
        assertFalse(md.contains("<script"));
        assertFalse(md.contains("<b>"));
        assertTrue(md.contains(ESCAPED_SCRIPT));
        assertTrue(md.contains("\\$!x"), "dollar signs are escaped so GitHub does not render math");
    }

    /**
     * GitHub's recognisers, after cmark-gfm's autolink extension and GitHub's mention and reference filters:
     * each must find nothing in the summary, and the summary must read as the text once the joiners are gone.
     */
    static final Map<String, java.util.regex.Pattern> GITHUB = Map.of(
            "URL", java.util.regex.Pattern.compile("(?i)(https?|ftp)://[^\\s<]"),
            "www link", java.util.regex.Pattern.compile("(?i)(^|[\\s*_~(])www\\.[\\w-]"),
            "e-mail", java.util.regex.Pattern.compile("[\\w.+-]@[A-Za-z0-9]"),
            "mention", java.util.regex.Pattern.compile("(^|\\W)@[A-Za-z0-9]"),
            "issue", java.util.regex.Pattern.compile("(^|\\W|/[\\w.-]+)#\\d"),
            "GH issue", java.util.regex.Pattern.compile("(^|\\W)GH-\\d"));

    @Test
    void markdownMakesNoLinkAndNotifiesNobody() {
        String md = MarkdownReport.render(ReportFixture.linkRun());
        GITHUB.forEach((what, p) -> assertFalse(p.matcher(md).find(), what + " in\n" + md));
        String shown = md.replace("\u2060", "").replace("\\_", "_");
        assertTrue(shown.contains(ReportFixture.LINKS), "the text reads as written:\n" + shown);
        String plain = MarkdownReport.render(ReportFixture.run());
        assertFalse(plain.contains("\u2060"), "text without links is unchanged");
    }

    @Test
    void markdownNeutralisesEachForm() {
        for (String s : List.of("https://a.example", "HTTP://A.EXAMPLE/x", "ftp://a.example", "www.a.example",
                "(www.a.example)", "WWW.A.EXAMPLE", "a@b.example", "mailto:a@b.example", "xmpp:a@b.example", "@user",
                "(@user)", "@org/team", "#1", "(#1)", "o/r#1", "GH-1", "x@y")) {
            String md = Escaping.markdown(s);
            GITHUB.forEach((what, p) -> assertFalse(p.matcher(md).find(), what + " in " + md));
        }
        assertEquals("judge\\_eval#1 and C#2 stay", Escaping.markdown("judge_eval#1 and C#2 stay"));
    }

    @Test
    void escapingHandlerPassesOnlyTrustedMarkup() {
        HtmlEscaping h = new HtmlEscaping();
        assertEquals("&lt;i&gt;", h.referenceInsert(null, "$x", "<i>"));
        assertEquals("<svg/>", h.referenceInsert(null, "$x", new HtmlModel.Markup("<svg/>")));
    }
}
