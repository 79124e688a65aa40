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

    @Test
    void renderingIsDeterministic() {
        Run again = ReportFixture.run();
        assertEquals(JsonReport.render(run), JsonReport.render(again));
        assertEquals(SvgReport.render(run.cases().get(0)), SvgReport.render(again.cases().get(0)));
        assertEquals(HtmlReport.casePage(run, run.cases().get(0), Reports.fileStems(run)),
                HtmlReport.casePage(again, again.cases().get(0), Reports.fileStems(again)));
    }
}
