package dev.safecase.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safecase.judge.Status;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of cases/ in a real browser (headless Chromium; skipped when none is installed): at 1440 px the root's
 * status and the first refuted or vacuous obligation are within the first 1,000 px; at 390 px no page is wider than
 * the screen; no page logs an error; and clicking an obligation link shows the obligation open and not under the
 * sticky navigation. With {@code -Dsafecase.screenshots=true} it also writes the screenshots of docs/img/.
 */
class BrowserReportTest {
    @TempDir
    static Path tmp;
    private static Chromium browser;
    private static Run run;
    private static Path report;
    private static Map<String, String> stems;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> exe = Chromium.find();
        Assumptions.assumeTrue(exe.isPresent(), "no Chromium installed (set SAFECASE_CHROMIUM to use one)");
        Path root = Path.of("").toAbsolutePath();
        Verifier v = new Verifier(Options.defaults(root).withToday(LocalDate.of(2026, 11, 22)).withJobs(2));
        run = v.run(List.of(root.resolve("cases"))).run();
        report = tmp.resolve("report");
        Reports.writeAll(run, f -> v.source(f).map(dev.safecase.diag.SourceText::text), report,
                OutputFolder.Protected.of(root, List.of(root.resolve("cases")), List.of()));
        stems = Reports.fileStems(run);
        browser = Chromium.start(exe.get());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
    }

    private static String url(String page) {
        return report.resolve(page).toUri().toString();
    }

    private static List<String> allPages() throws IOException {
        try (Stream<Path> files = Files.walk(report)) {
            return files.filter(p -> p.toString().endsWith(".html")).map(p -> report.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    /** How far down the page an element's top is, in CSS pixels (-1 when there is none). */
    private static double top(Chromium.Page page, String selector) throws IOException {
        JsonNode v = page.eval("(function(){var e=document.querySelector(" + js(selector) + ");"
                + "return e ? e.getBoundingClientRect().top + window.scrollY : -1;})()");
        return v.asDouble();
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Test
    void theVerdictAndTheFirstFailureAreOnTheFirstScreen() throws Exception {
        try (Chromium.Page page = browser.page()) {
            page.viewport(1440, 1000, false);
            for (CaseResult c : run.cases()) {
                page.navigate(url(stems.get(c.name()) + ".html"));
                for (ClaimResult root : c.claims().stream().filter(ClaimResult::root).toList()) {
                    JsonNode shown = page.eval("(function(){var r=[].slice.call(document.querySelectorAll('#verdict li.root'))"
                            + ".filter(function(li){return li.querySelector('strong').textContent.trim()==="
                            + js(root.id()) + ";})[0]; if(!r) return null; var b=r.querySelector('.badge');"
                            + "return {status: b.textContent.trim(), top: b.getBoundingClientRect().top + window.scrollY};})()");
                    assertTrue(!shown.isNull(), c.name() + ": root " + root.id() + " is not in the verdict");
                    assertEquals(root.status().label(), shown.get("status").asText(), c.name() + ": " + root.id());
                    assertTrue(shown.get("top").asDouble() < 1000, c.name() + ": root " + root.id() + " at "
                            + shown.get("top").asDouble() + " px");
                }
                boolean failing = c.obligations().stream()
                        .anyMatch(o -> o.status() == Status.REFUTED || o.status() == Status.VACUOUS);
                double first = top(page, "section.unproven .uitem.st-refuted, section.unproven .uitem.st-vacuous");
                if (failing) {
                    assertTrue(first >= 0 && first < 1000, c.name() + ": the first refuted or vacuous obligation at " + first + " px");
                } else {
                    assertEquals(-1, first, c.name() + ": nothing is refuted or vacuous");
                }
                assertEquals(List.of(), page.errors(), c.name() + ".html");
            }
        }
    }

    @Test
    void noPageIsWiderThanAPhone() throws Exception {
        try (Chromium.Page page = browser.page()) {
            page.viewport(390, 844, true);
            List<String> wide = new ArrayList<>();
            for (String p : allPages()) {
                page.navigate(url(p));
                double w = page.eval("document.documentElement.scrollWidth").asDouble();
                if (w > 390) {
                    JsonNode who = page.eval("(function(){var out=[];document.querySelectorAll('body *').forEach(function(e){"
                            + "var r=e.getBoundingClientRect(); if(r.right>391 && out.length<3 && !e.closest('.scroll,.dg-view'))"
                            + " out.push(e.tagName+'.'+e.className+' '+Math.round(r.right));}); return out;})()");
                    wide.add(p + ": " + w + " px " + who);
                }
                assertEquals(List.of(), page.errors(), p);
            }
            assertEquals(List.of(), wide, "pages wider than 390 px");
        }
    }

    @Test
    void noPageLogsAnError() throws Exception {
        try (Chromium.Page page = browser.page()) {
            page.viewport(1440, 1000, false);
            for (String p : allPages()) {
                page.navigate(url(p));
                // let the script run its deferred work and the diagram settle
                page.eval("new Promise(function(r){setTimeout(r, 50);})");
                assertEquals(List.of(), page.errors(), p);
            }
        }
    }

    @Test
    void clickingAnObligationLinkShowsItOpenAndUnobscured() throws Exception {
        for (int width : List.of(1440, 390)) {
            try (Chromium.Page page = browser.page()) {
                page.viewport(width, width == 390 ? 844 : 1000, width == 390);
                int clicked = 0;
                for (CaseResult c : run.cases()) {
                    page.navigate(url(stems.get(c.name()) + ".html"));
                    Optional<ObligationResult> target = c.obligations().stream().filter(o -> o.status() != Status.PROVED)
                            .reduce((a, b) -> b);
                    if (target.isEmpty()) continue;
                    // close every obligation first, so the click must open it
                    page.eval("document.querySelectorAll('details.ob').forEach(function(d){d.open=false;}); window.scrollTo(0,0);");
                    String selector = "a[href=\"#ob-" + target.get().id() + "\"]";
                    JsonNode at = page.eval("(function(){var a=[].slice.call(document.querySelectorAll(" + js(selector)
                            + ")).filter(function(x){return x.offsetParent!==null;})[0]; if(!a) return null;"
                            + "a.scrollIntoView({block:'center'}); var r=a.getBoundingClientRect();"
                            + "return {x:r.left+Math.min(r.width/2,20), y:r.top+r.height/2};})()");
                    assertTrue(!at.isNull(), c.name() + ": no visible link to " + target.get().id());
                    page.click(at.get("x").asDouble(), at.get("y").asDouble());
                    page.eval("new Promise(function(r){setTimeout(r, 150);})");
                    JsonNode state = page.eval("(function(){var d=document.getElementById(" + js("ob-" + target.get().id())
                            + "); var nav=document.querySelector('nav.toc').getBoundingClientRect();"
                            + "var s=d.querySelector('summary').getBoundingClientRect();"
                            + "var hit=document.elementFromPoint(Math.min(s.left+30, innerWidth-1), s.top+s.height/2);"
                            + "return {open:d.open, top:s.top, navBottom:nav.bottom, inView:s.top>=0 && s.bottom<=innerHeight,"
                            + " hitInside: !!hit && d.contains(hit), hash: location.hash};})()");
                    String where = c.name() + " at " + width + " px: " + state;
                    assertTrue(state.get("open").asBoolean(), "open: " + where);
                    assertTrue(state.get("inView").asBoolean(), "in view: " + where);
                    assertTrue(state.get("top").asDouble() >= state.get("navBottom").asDouble() - 1, "below the nav: " + where);
                    assertTrue(state.get("hitInside").asBoolean(), "nothing covers it: " + where);
                    clicked++;
                }
                assertTrue(clicked >= 5, "clicked " + clicked);
                assertEquals(List.of(), page.errors());
            }
        }
    }

    @Test
    void theDiagramOpensOnItsRoot() throws Exception {
        try (Chromium.Page page = browser.page()) {
            page.viewport(1440, 1000, false);
            for (CaseResult c : run.cases()) {
                if (c.claims().isEmpty()) continue;
                page.navigate(url(stems.get(c.name()) + ".html"));
                JsonNode r = page.eval("(function(){var svg=document.querySelector('.diagram svg'); var id=svg.getAttribute('data-root');"
                        + "var n=[].slice.call(svg.querySelectorAll('g.node')).filter(function(g){return g.getAttribute('data-id')===id;})[0];"
                        + "var v=document.querySelector('.dg-view').getBoundingClientRect(); var b=n.getBoundingClientRect();"
                        + "return {cx:(b.left+b.right)/2-v.left, w:v.width, top:b.top-v.top, h:v.height, size:b.width};})()");
                double cx = r.get("cx").asDouble();
                double w = r.get("w").asDouble();
                assertTrue(Math.abs(cx - w / 2) < 2, c.name() + ": the root is centred: " + r);
                assertTrue(r.get("top").asDouble() >= 0 && r.get("top").asDouble() < r.get("h").asDouble() / 2,
                        c.name() + ": the root is near the top of the frame: " + r);
                assertTrue(r.get("size").asDouble() >= 100, c.name() + ": drawn at a readable size: " + r);
            }
        }
    }

    @Test
    void screenshotsForTheDocs() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("safecase.screenshots"), "screenshots only with -Dsafecase.screenshots=true");
        Path img = Path.of("docs", "img");
        Files.createDirectories(img);
        try (Chromium.Page page = browser.page()) {
            page.viewport(1440, 1000, false);
            page.navigate(url(stems.get("debate") + ".html"));
            Files.write(img.resolve("case-page-1440.png"), page.screenshot());
            page.navigate(url(stems.get("control") + ".html#diagram"));
            page.eval("new Promise(function(r){setTimeout(r, 100);})");
            Files.write(img.resolve("diagram-1440.png"), page.screenshot());
            page.navigate(url(stems.get("budget") + "_files/source.html#L18"));
            Files.write(img.resolve("source-page-1440.png"), page.screenshot());
            page.viewport(390, 844, true);
            page.navigate(url(stems.get("budget") + ".html"));
            Files.write(img.resolve("case-page-390.png"), page.screenshot());
            page.navigate(url("index.html"));
            Files.write(img.resolve("index-390.png"), page.screenshot());
        }
    }
}
