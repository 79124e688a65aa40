package dev.safecase.report;

import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * The HTML pages, rendered by Velocity templates under {@code dev/safecase/report/}: strict reference mode, every
 * inserted value HTML-escaped by {@link HtmlEscaping}, and all display data computed beforehand ({@link HtmlViews},
 * {@link CaseViews}). Pages are self-contained (inline CSS, SVG and a small script that reads only the page), so they
 * work from {@code file://}, and work without the script too.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    private static final String BASE = "dev/safecase/report/";

    private static final class Engine {
        static final VelocityEngine INSTANCE = create();

        private static VelocityEngine create() {
            Properties p = new Properties();
            p.setProperty("resource.loaders", "class");
            p.setProperty("resource.loader.class.class",
                    "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
            p.setProperty("resource.default_encoding", "UTF-8");
            p.setProperty("runtime.strict_mode.enable", "true");
            p.setProperty("event_handler.reference_insertion.class", HtmlEscaping.class.getName());
            p.setProperty("velocimacro.library.path", BASE + "macros.vm");
            p.setProperty("parser.space_gobbling", "lines");
            VelocityEngine engine = new VelocityEngine(p);
            engine.init();
            return engine;
        }
    }

    /** {@code index.html}: every case with its status bar, the gate and the totals. */
    public static String index(Run run, Map<String, String> stems) {
        return render("index.vm", HtmlViews.index(run, stems));
    }

    /** {@code CASE.html}: the case page, with its GSN diagram inline. */
    public static String casePage(Run run, CaseResult c, Map<String, String> stems) {
        CaseViews.Page p = CaseViews.pages(run, c, stems.get(c.name()), SourceViews.Sources.NONE).get(0);
        return render(p.template(), p.model(), Optional.of(DoubtViews.of(c)));
    }

    /** Every page of a case: path in the report folder to content, the case page first. */
    static Map<String, String> casePages(Run run, CaseResult c, Map<String, String> stems, SourceViews.Sources sources) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        boolean first = true;
        for (CaseViews.Page p : CaseViews.pages(run, c, stems.get(c.name()), sources)) {
            // the doubt section (and agenda) is on the case page only
            Optional<DoubtViews.DoubtPage> doubt = first ? Optional.of(DoubtViews.of(c)) : Optional.empty();
            first = false;
            out.put(p.path(), p.template().isEmpty() ? (String) p.model() : render(p.template(), p.model(), doubt));
        }
        return out;
    }

    private static String render(String template, Object page) {
        return render(template, page, Optional.empty());
    }

    /** {@code doubt} is the case page's doubt section (its own template, confidence.vm). */
    private static String render(String template, Object page, Optional<DoubtViews.DoubtPage> doubt) {
        Template t = Engine.INSTANCE.getTemplate(BASE + template, "UTF-8");
        VelocityContext context = new VelocityContext();
        context.put("page", page);
        doubt.ifPresent(d -> context.put("doubt", d));
        StringWriter out = new StringWriter();
        t.merge(context, out);
        return out.toString();
    }
}
