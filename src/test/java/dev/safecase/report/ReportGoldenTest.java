package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.result.Run;
import dev.safecase.testing.Golden;
import org.junit.jupiter.api.Test;

/** The machine-readable reports of a fixed run, byte for byte. */
class ReportGoldenTest {
    private final Run run = ReportFixture.run();

    @Test
    void json() throws Exception {
        Golden.check("safecase.json", JsonReport.render(run));
    }

    @Test
    void junit() throws Exception {
        Golden.check("junit.xml", JunitReport.render(run));
    }

    @Test
    void sarif() throws Exception {
        Golden.check("safecase.sarif", SarifReport.render(run));
    }

    @Test
    void markdown() throws Exception {
        Golden.check("summary.md", MarkdownReport.render(run));
    }

    /** Links and mentions in case text, with the invisible word joiners that keep GitHub from acting on them. */
    @Test
    void markdownWithLinksAndMentions() throws Exception {
        Golden.check("summary-links.md", MarkdownReport.render(ReportFixture.linkRun()));
    }

    /** The summary with its locations linked to the source. */
    @Test
    void markdownWithALinkBase() throws Exception {
        Golden.check("summary-linked.md", MarkdownReport.render(run,
                java.util.Optional.of("https://github.com/example/project/blob/0123456789abcdef")));
    }

    /** Every page of a case: the case page, its source page and its diagram. */
    @Test
    void casePages() throws Exception {
        java.util.Map<String, String> pages = HtmlReport.casePages(run, run.cases().get(0), Reports.fileStems(run),
                f -> ReportFixture.SOURCES.getOrDefault(f, java.util.Optional.empty()));
        assertEquals(java.util.List.of("debate.html", "debate_files/source.html", "debate.svg"), java.util.List.copyOf(pages.keySet()));
        Golden.check("debate.html", pages.get("debate.html"));
        Golden.check("debate-source.html", pages.get("debate_files/source.html"));
        Golden.check("debate.svg", pages.get("debate.svg"));
    }

    @Test
    void renderingIsDeterministic() {
        Run again = ReportFixture.run();
        assertEquals(JsonReport.render(run), JsonReport.render(again));
        assertEquals(SvgReport.render(run.cases().get(0)), SvgReport.render(again.cases().get(0)));
        assertEquals(HtmlReport.casePage(run, run.cases().get(0), Reports.fileStems(run)),
                HtmlReport.casePage(again, again.cases().get(0), Reports.fileStems(again)));
    }
}
