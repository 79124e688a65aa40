package dev.safecase.report;

import dev.safecase.diag.Diagnostic;
import dev.safecase.judge.Status;
import dev.safecase.result.AlternativesResult;
import dev.safecase.report.HtmlModel.Bar;
import dev.safecase.report.HtmlModel.CaseRow;
import dev.safecase.report.HtmlModel.Count;
import dev.safecase.report.HtmlModel.Diag;
import dev.safecase.report.HtmlModel.GateView;
import dev.safecase.report.HtmlModel.Head;
import dev.safecase.report.HtmlModel.IndexPage;
import dev.safecase.report.HtmlModel.Legend;
import dev.safecase.report.HtmlModel.Segment;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.Run;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The front page's view model, and the pieces every page shares: status bars, the legend, the gate, diagnostics. */
final class HtmlViews {
    private HtmlViews() {
    }

    static IndexPage index(Run run, Map<String, String> stems) {
        List<CaseRow> rows = new ArrayList<>();
        Map<Status, Integer> totals = new EnumMap<>(Status.class);
        int total = 0;
        int problems = 0;
        for (CaseResult c : run.cases()) {
            problems += c.openProblems().size();
            long errors = c.diagnostics().stream().filter(Diagnostic::isError).count();
            rows.add(new CaseRow(c.name(), stems.get(c.name()) + ".html", Escaping.oneLine(c.text()), c.file(),
                    verdict(c), verdictCss(c), bar(c.summary(), c.total()), c.openProblems().size(), (int) errors));
            for (Status s : Status.values()) totals.merge(s, JsonReport.count(c.summary(), s), Integer::sum);
            total += c.total();
        }
        List<Diag> diags = SarifReport.allDiagnostics(run).stream().map(HtmlViews::diag).toList();
        return new IndexPage("safecase report", run.version(), run.solver(), run.today().toString(), gate(run.gate()),
                rows, bar(totals, total), problems, legend(), diags);
    }

    // ---- shared pieces ----

    static List<Legend> legend() {
        return Palette.all().stream()
                .map(s -> new Legend(s.label(), s.css(), s.meaning(), s.fill(), s.stroke(), s.bar(), s.ink()))
                .toList();
    }

    static Bar bar(Map<Status, Integer> summary, int total) {
        List<Segment> segments = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        for (Palette.Style s : Palette.all()) {
            int n = JsonReport.count(summary, s.status());
            counts.add(new Count(s.label(), n == 0 ? "zero" : "", n));
            if (n > 0 && total > 0) {
                String width = BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(total), 3, RoundingMode.DOWN)
                        .stripTrailingZeros().toPlainString() + "%";
                segments.add(new Segment(s.label(), s.css(), n, width, n + " " + s.label()));
            }
        }
        return new Bar(segments, counts, total, Reports.percent(JsonReport.count(summary, Status.PROVED), total));
    }

    static String provedLine(CaseResult c) {
        if (c.total() == 0) return c.checked() ? "no obligations" : "no obligations: the case has input errors";
        int proved = JsonReport.count(c.summary(), Status.PROVED);
        return proved + " of " + c.total() + " obligations proved (" + Reports.percent(proved, c.total()) + ")";
    }

    static String verdict(CaseResult c) {
        if (!c.checked()) return "input errors: not checked";
        return c.discharged() ? "discharged" : "not discharged";
    }

    static String verdictCss(CaseResult c) {
        if (!c.checked()) return "v-error";
        return c.discharged() ? "v-pass" : "v-fail";
    }

    static GateView gate(GateResult gate) {
        String proved = gate.proved() + " of " + gate.total() + " obligations proved (" + Reports.percent(gate.proved(),
                gate.total()) + ")";
        String rule = "fails on " + String.join(", ", gate.failOn().stream().map(Status::label).toList())
                + "; minimum proved share " + gate.minProved() + (gate.strict() ? "; strict (asserted fails)" : "");
        return new GateView(gate.passed() ? "gate passed" : "gate failed", gate.passed() ? "v-pass" : "v-fail",
                gate.reasons(), proved, rule);
    }

    static Diag diag(Diagnostic d) {
        return new Diag(Escaping.where(d.pos()), d.severity().label(), "d-" + d.severity().label(), d.code().id(), d.message());
    }

    /** A node's text on one line ("" for a node without one). */
    static String text(CaseGraph g, String id) {
        return Escaping.oneLine(g.text(id));
    }

    static Head head(Run run, CaseResult c, Links l) {
        GateView gate = gate(run.gate());
        return new Head(c.name(), Escaping.oneLine(c.text()), l.location(c.file(), c.line()), verdict(c), verdictCss(c),
                provedLine(c), bar(c.summary(), c.total()), legend(), run.version(), run.solver(), run.today().toString(),
                gate.verdict(), gate.css(), l.to("index.html", ""));
    }

    /** The nodes with choices, each route beside the others with its own open problems: parallel lines of work. */
    static List<HtmlModel.AlternativesView> alternatives(CaseGraph g, Links l) {
        List<HtmlModel.AlternativesView> out = new ArrayList<>();
        for (AlternativesResult a : g.result.alternatives()) {
            List<HtmlModel.RouteView> routes = new ArrayList<>();
            for (AlternativesResult.Route r : a.routes()) {
                routes.add(new HtmlModel.RouteView(r.name(), r.status().label(), Palette.of(r.status()).css(), r.chosen(),
                        r.picks().stream().map(l::node).toList(), r.openProblems().stream().map(l::obligation).toList()));
            }
            out.add(new HtmlModel.AlternativesView(l.node(a.node()), text(g, a.node()), String.join(", ", a.choices()),
                    a.status().label(), Palette.of(a.status()).css(), routes));
        }
        return out;
    }
}
