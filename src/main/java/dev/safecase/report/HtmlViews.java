package dev.safecase.report;

import dev.safecase.result.AssumptionResult;
import dev.safecase.result.BoundResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.AlternativesResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import dev.safecase.result.Run;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.result.Clauses;
import dev.safecase.result.Provenance;
import dev.safecase.report.HtmlModel.AlternativesView;
import dev.safecase.report.HtmlModel.RouteView;
import dev.safecase.report.HtmlModel.Bar;
import dev.safecase.report.HtmlModel.BoundRow;
import dev.safecase.report.HtmlModel.BoundsView;
import dev.safecase.report.HtmlModel.CasePage;
import dev.safecase.report.HtmlModel.CaseRow;
import dev.safecase.report.HtmlModel.Count;
import dev.safecase.report.HtmlModel.Diag;
import dev.safecase.report.HtmlModel.DefeaterView;
import dev.safecase.report.HtmlModel.EvidenceView;
import dev.safecase.report.HtmlModel.AssumptionView;
import dev.safecase.report.HtmlModel.GateView;
import dev.safecase.report.HtmlModel.IndexPage;
import dev.safecase.report.HtmlModel.KeyValue;
import dev.safecase.report.HtmlModel.Legend;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.Markup;
import dev.safecase.report.HtmlModel.ObligationView;
import dev.safecase.report.HtmlModel.ProblemGroup;
import dev.safecase.report.HtmlModel.ProblemRow;
import dev.safecase.report.HtmlModel.Segment;
import dev.safecase.report.HtmlModel.TextView;
import dev.safecase.report.HtmlModel.TreeRow;
import dev.safecase.diag.Diagnostic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the view model of the HTML pages from the results: every label, share, width and class name. */
final class HtmlViews {
    private HtmlViews() {
    }

    private static final Link NO_LINK = new Link("", "", "");

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

    static CasePage casePage(Run run, CaseResult c, Map<String, String> stems, SvgReport.Drawing svg) {
        CaseGraph g = new CaseGraph(c);
        List<Diag> errors = c.diagnostics().stream().filter(Diagnostic::isError).map(HtmlViews::diag).toList();
        List<Diag> warnings = c.diagnostics().stream().filter(d -> !d.isError()).map(HtmlViews::diag).toList();
        GateView gate = gate(run.gate());
        return new CasePage(c.name(), Escaping.oneLine(c.text()), c.file() + (c.line() > 0 ? ":" + c.line() : ""),
                verdict(c), verdictCss(c), provedLine(c), bar(c.summary(), c.total()), errors, warnings, new Markup(svg.svg()),
                stems.get(c.name()) + ".svg", svgWidth(svg, 1), svgWidth(svg, 0.7), svg.width() * 0.7 > WIDE, tree(g), obligations(g), assumptions(g), texts(g),
                evidence(g, run.today()), defeaters(g), bounds(g), problems(g), c.openProblems().size(), alternatives(g), legend(),
                run.version(), run.solver(), run.today().toString(), gate.verdict(), gate.css());
    }

    /**
     * The inline diagram is shown at its natural size, shrinking to its frame (which spans the window) but never
     * below 70 %, so its 12 px text stays readable; wider diagrams scroll sideways inside their frame.
     */
    private static final double WIDE = 1200;

    private static String svgWidth(SvgReport.Drawing d, double scale) {
        return Math.round(d.width() * scale) + "px";
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

    private static String provedLine(CaseResult c) {
        if (c.total() == 0) return c.checked() ? "no obligations" : "no obligations: the case has input errors";
        int proved = JsonReport.count(c.summary(), Status.PROVED);
        return proved + " of " + c.total() + " obligations proved (" + Reports.percent(proved, c.total()) + ")";
    }

    private static String verdict(CaseResult c) {
        if (!c.checked()) return "input errors: not checked";
        return c.discharged() ? "discharged" : "not discharged";
    }

    private static String verdictCss(CaseResult c) {
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

    private static String css(Optional<Status> s) {
        return s.map(x -> Palette.of(x).css()).orElse("st-none");
    }

    private static String label(Optional<Status> s) {
        return s.map(Status::label).orElse("no obligations");
    }

    /** Where a node is described on the case page. */
    private static Link nodeLink(CaseGraph g, String id) {
        String href = switch (g.kind(id)) {
            case CLAIM, STRATEGY -> "#n-" + id;
            case EVIDENCE -> "#ev-" + id;
            case DEFEATER -> "#df-" + id;
            case ASSUMPTION -> "#as-" + id;
            case CONTEXT, JUSTIFICATION -> "#tx-" + id;
            default -> "";
        };
        return new Link(href, id, css(g.status(id)));
    }

    private static Link obligationLink(CaseGraph g, ObligationId id) {
        Optional<ObligationResult> o = g.result.obligations().stream().filter(x -> x.id().equals(id)).findFirst();
        return new Link(o.isPresent() ? "#ob-" + id : "", id.toString(), css(o.map(ObligationResult::status)));
    }

    // ---- the claim tree ----

    private static List<TreeRow> tree(CaseGraph g) {
        List<TreeRow> rows = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (String root : g.roots()) treeRows(g, root, 0, new HashSet<>(), shown, rows);
        for (String id : g.allNodes()) {
            if (!shown.contains(id) && g.parents(id).isEmpty()) treeRows(g, id, 0, new HashSet<>(), shown, rows);
        }
        for (String id : g.allNodes()) {
            if (!shown.contains(id)) treeRows(g, id, 0, new HashSet<>(), shown, rows);
        }
        return rows;
    }

    private static void treeRows(CaseGraph g, String id, int depth, Set<String> path, Set<String> shown,
                                 List<TreeRow> rows) {
        Optional<Status> status = g.status(id);
        List<Link> obs = g.obligationsOf(id).stream()
                .map(o -> new Link("#ob-" + o.id(), o.id().kind().label() + " " + o.status().label(),
                        Palette.of(o.status()).css()))
                .toList();
        String kind = g.kind(id).name().toLowerCase(Locale.ROOT);
        if (shown.contains(id) || path.contains(id)) {
            rows.add(TreeRow.shownAbove(kind, id, text(g, id), label(status), css(status),
                    new Link(nodeLink(g, id).href(), "shown above", "")));
            return;
        }
        shown.add(id);
        List<String> children = g.children(id);
        String anchor = g.kind(id) == CaseGraph.Kind.CLAIM || g.kind(id) == CaseGraph.Kind.STRATEGY ? "n-" + id : "";
        String formula = g.kind(id) == CaseGraph.Kind.CLAIM ? g.claims.get(id).formula().orElse("") : "";
        boolean expanded = depth == 0 || g.closure(id).stream().map(g::status)
                .anyMatch(s -> s.map(x -> x != Status.PROVED).orElse(true));
        TreeRow row = TreeRow.node(!children.isEmpty(), expanded, kind, id, anchor, text(g, id), label(status),
                css(status), formula, notes(g, id), obs, detailsLink(g, id));
        rows.add(row);
        if (children.isEmpty()) return;
        path.add(id);
        for (String child : children) treeRows(g, child, depth + 1, path, shown, rows);
        path.remove(id);
        rows.add(TreeRow.close());
    }

    private static Link detailsLink(CaseGraph g, String id) {
        return switch (g.kind(id)) {
            case EVIDENCE -> new Link("#ev-" + id, "evidence details", "");
            case DEFEATER -> new Link("#df-" + id, "defeater details", "");
            default -> NO_LINK;
        };
    }

    private static String text(CaseGraph g, String id) {
        return Escaping.oneLine(g.text(id));
    }

    private static List<String> notes(CaseGraph g, String id) {
        List<String> notes = new ArrayList<>();
        g.module(id).ifPresent(m -> notes.add((g.away(id) && g.kind(id) == CaseGraph.Kind.CLAIM
                ? ModuleShapes.awayGoalLabel(m.name()) : ModuleShapes.awayLabel(m.name())) + " (" + m.file() + ")"));
        switch (g.kind(id)) {
            case CLAIM -> {
                ClaimResult c = g.claims.get(id);
                if (c.root()) notes.add("root");
                notes.add(c.discharged() ? "discharged" : "not discharged");
                if (c.support().undeveloped()) notes.add("undeveloped");
                c.support().asserted().ifPresent(r -> notes.add("asserted: " + Escaping.oneLine(r)));
                clauses(notes, c.clauses());
                if (!c.restsOn().isEmpty()) notes.add("rests on " + String.join(", ", c.restsOn()));
                provenance(notes, c.provenance());
            }
            case STRATEGY -> {
                StrategyResult s = g.strategies.get(id);
                if (s.undeveloped()) notes.add("undeveloped");
                s.asserted().ifPresent(r -> notes.add("asserted: " + Escaping.oneLine(r)));
                clauses(notes, s.clauses());
                provenance(notes, s.provenance());
            }
            case EVIDENCE -> {
                EvidenceResult e = g.evidence.get(id);
                notes.add(e.file().map(f -> "file " + f).orElse("reference (no file)"));
                e.reason().ifPresent(r -> notes.add(Escaping.oneLine(r)));
            }
            case DEFEATER -> {
                DefeaterResult d = g.defeaters.get(id);
                notes.add(d.attack() + " " + d.target());
                d.accepted().ifPresent(r -> notes.add("accepted: " + Escaping.oneLine(r)));
                d.owner().ifPresent(o -> notes.add("owner: " + o));
            }
            default -> { }
        }
        return notes;
    }

    private static void clauses(List<String> notes, Clauses c) {
        if (!c.context().isEmpty()) notes.add("in context of " + String.join(", ", c.context()));
        if (!c.justifiedBy().isEmpty()) notes.add("justified by " + String.join(", ", c.justifiedBy()));
        if (!c.assuming().isEmpty()) notes.add("assuming " + String.join(", ", c.assuming()));
    }

    private static void provenance(List<String> notes, Provenance p) {
        p.owner().ifPresent(o -> notes.add("owner: " + o));
        p.origin().ifPresent(o -> notes.add("from pattern node " + o));
    }

    // ---- sections ----

    private static List<ObligationView> obligations(CaseGraph g) {
        List<ObligationView> out = new ArrayList<>();
        for (ObligationResult o : g.result.obligations()) {
            List<KeyValue> cex = new ArrayList<>();
            o.counterexample().forEach((k, v) -> cex.add(new KeyValue(k, v)));
            List<KeyValue> premises = new ArrayList<>();
            for (PremiseText p : o.premises()) premises.add(new KeyValue(p.name(), p.formula()));
            List<KeyValue> definitions = new ArrayList<>();
            for (PremiseText d : o.definitions()) definitions.add(new KeyValue(d.name(), d.formula()));
            List<Link> used = o.usedAssumptions().stream().map(a -> new Link("#as-" + a, a, "")).toList();
            Link blocks = g.blockedClaim(o).map(c -> nodeLink(g, c)).orElse(NO_LINK);
            Link node = nodeLink(g, o.node());
            CaseGraph.Kind nodeKind = g.kind(o.node());
            String nodeKindText = nodeKind == CaseGraph.Kind.UNKNOWN ? "case" : nodeKind.name().toLowerCase(Locale.ROOT);
            out.add(new ObligationView(o.id().toString(), "ob-" + o.id(), o.id().kind().label(), checks(o.id().kind()),
                    nodeKindText, node,
                    o.file().isEmpty() ? "" : o.file() + ":" + o.line(), o.status().label(),
                    Palette.of(o.status()).css(), o.millis() + " ms", o.status() != Status.PROVED,
                    o.reason().map(Escaping::oneLine).orElse(""), cex, o.core(), used, premises, o.goal().orElse(""),
                    definitions, g.owner(o).orElse(""), blocks));
        }
        return out;
    }

    /** What an obligation of each kind checks, in a few words (docs/language.md, "Obligations and statuses"). */
    private static String checks(Obligation.Kind kind) {
        return switch (kind) {
            case SUPPORT -> "the node has a supported by (or is accepted by review)";
            case INFERENCE -> "the premises and subclaims entail the claim";
            case EVIDENCE -> "the facts of the listed evidence entail the claim";
            case VALIDITY -> "the evidence file is there, matches its hash, is fresh and reads";
            case DEFEATER -> "the defeater is eliminated, or accepted";
            case CONSISTENCY -> "the case's premises can hold together";
        };
    }

    private static List<AssumptionView> assumptions(CaseGraph g) {
        List<AssumptionView> out = new ArrayList<>();
        for (AssumptionResult a : g.assumptions.values()) {
            List<Link> scope = a.inScopeOf().stream().map(o -> obligationLink(g, o)).toList();
            List<Link> used = a.usedBy().stream().map(o -> obligationLink(g, o)).toList();
            List<Link> resting = g.claims.values().stream().filter(c -> c.restsOn().contains(a.id()))
                    .map(c -> nodeLink(g, c.id())).toList();
            List<Link> named = g.namedBy(a.id()).stream().map(n -> nodeLink(g, n)).toList();
            String note = "";
            if (a.inScopeOf().isEmpty() && a.usedBy().isEmpty()) {
                note = "unused: in scope of no obligation";
            } else if (a.usedBy().isEmpty()) {
                note = "in scope, but no proof uses it";
            }
            out.add(new AssumptionView(a.id(), "as-" + a.id(), Escaping.oneLine(a.text()),
                    a.formula().orElse(""), a.line(), named, scope, used, resting, note));
        }
        return out;
    }

    private static List<TextView> texts(CaseGraph g) {
        List<TextView> out = new ArrayList<>();
        for (TextResult t : g.texts.values()) {
            List<Link> named = g.namedBy(t.id()).stream().map(n -> nodeLink(g, n)).toList();
            out.add(new TextView(t.id(), "tx-" + t.id(), t.kind(), Escaping.oneLine(t.text()), t.line(), named,
                    named.isEmpty() ? "named by no claim or strategy" : ""));
        }
        return out;
    }

    private static List<EvidenceView> evidence(CaseGraph g, LocalDate today) {
        List<EvidenceView> out = new ArrayList<>();
        for (EvidenceResult e : g.evidence.values()) {
            String freshness;
            String freshCss;
            if (e.pin().expires().isPresent()) {
                long days = ChronoUnit.DAYS.between(today, e.pin().expires().get());
                if (days < 0) {
                    freshness = "expired " + (-days) + (days == -1 ? " day" : " days") + " ago";
                    freshCss = "fresh-bad";
                } else if (days == 0) {
                    freshness = "valid through today";
                    freshCss = "fresh-warn";
                } else {
                    freshness = "valid for " + days + (days == 1 ? " more day" : " more days");
                    freshCss = days <= 30 ? "fresh-warn" : "fresh-ok";
                }
            } else {
                freshness = e.file().isPresent() ? "no expiry date" : "reference: accepted by review, no file";
                freshCss = "fresh-none";
            }
            List<Link> supports = g.parents(e.id()).stream().filter(g.claims::containsKey).map(c -> nodeLink(g, c))
                    .toList();
            out.add(new EvidenceView(e.id(), "ev-" + e.id(), Escaping.oneLine(e.text()), e.file().orElse(""),
                    e.pin().sha256().orElse(""), e.status().label(), Palette.of(e.status()).css(),
                    e.pin().expires().map(LocalDate::toString).orElse(""), freshness, freshCss,
                    e.reason().map(Escaping::oneLine).orElse(""), e.facts(),
                    e.bounds().stream().map(b -> StatisticalBounds.call(b) + " at "
                            + StatisticalBounds.percent(b.confidence())).toList(), supports, e.line()));
        }
        return out;
    }

    private static List<DefeaterView> defeaters(CaseGraph g) {
        List<DefeaterView> out = new ArrayList<>();
        for (DefeaterResult d : g.defeaters.values()) {
            out.add(new DefeaterView(d.id(), "df-" + d.id(), Escaping.oneLine(d.text()), d.attack(),
                    nodeLink(g, d.target()), d.status().label(), Palette.of(d.status()).css(), d.owner().orElse(""),
                    d.eliminatedBy().stream().map(c -> nodeLink(g, c)).toList(),
                    d.accepted().map(Escaping::oneLine).orElse(""), d.line()));
        }
        return out;
    }

    /**
     * For each root, the bounds it rests on and their joint confidence, as the results give them; bounds of invalid
     * evidence in its closure are listed too, marked as not counted (their facts are dropped from every proof).
     */
    private static List<BoundsView> bounds(CaseGraph g) {
        List<BoundsView> out = new ArrayList<>();
        for (String root : g.roots()) {
            ClaimResult claim = g.claims.get(root);
            List<BoundRow> rows = new ArrayList<>();
            for (BoundResult b : claim.confidence().bounds()) rows.add(boundRow(g, b, ""));
            for (String id : g.closure(root)) {
                EvidenceResult e = g.evidence.get(id);
                if (e == null || e.status() != Status.INVALID) continue;
                for (BoundResult b : e.bounds()) rows.add(boundRow(g, b, "not counted: the evidence is invalid"));
            }
            Optional<Status> st = g.status(root);
            out.add(new BoundsView(nodeLink(g, root), text(g, root), label(st), css(st), rows,
                    StatisticalBounds.statement(claim.confidence().bounds(), claim.confidence().joint())));
        }
        return out;
    }

    private static BoundRow boundRow(CaseGraph g, BoundResult b, String note) {
        return new BoundRow(nodeLink(g, b.evidence()), b.function() + "(" + String.join(", ", b.args()) + ")",
                b.value(), StatisticalBounds.percent(b.confidence()), note);
    }

    /**
     * The research agenda: every open obligation, grouped by the claim it blocks ({@link CaseGraph#problemClaim}),
     * each with the node that is open, its text and its owner. Problems follow the claim tree top-down (so a case
     * built from a pattern reads in the pattern's order), and groups the order of their first problem.
     */
    private static List<ProblemGroup> problems(CaseGraph g) {
        Map<String, Integer> order = g.treeOrder();
        List<ObligationResult> open = g.result.obligations().stream()
                .filter(o -> g.result.openProblems().contains(o.id()))
                .sorted(Comparator.comparingInt(o -> order.getOrDefault(o.node(), Integer.MAX_VALUE)))
                .toList();
        Map<String, List<ProblemRow>> groups = new LinkedHashMap<>();
        for (ObligationResult o : open) {
            String claim = g.problemClaim(o).orElse("");
            CaseGraph.Kind kind = g.kind(o.node());
            String what = switch (kind) {
                case CLAIM -> g.undeveloped(o.node()) ? "undeveloped claim" : "claim";
                case UNKNOWN -> "";
                default -> kind.name().toLowerCase(Locale.ROOT);
            };
            Link node = kind == CaseGraph.Kind.UNKNOWN ? NO_LINK : nodeLink(g, o.node());
            String text = text(g, o.node());
            String reason = o.reason().map(Escaping::oneLine).orElse("");
            // the reason only when it adds something: not "undeveloped: nothing supports X yet" nor the text again
            if ((g.undeveloped(o.node()) && reason.startsWith("undeveloped")) || (!text.isEmpty() && reason.contains(text))) {
                reason = "";
            }
            groups.computeIfAbsent(claim, k -> new ArrayList<>()).add(new ProblemRow(obligationLink(g, o.id()),
                    what, node, text, reason, g.owner(o).map(Escaping::oneLine).orElse(""),
                    o.file().isEmpty() ? "" : o.file() + ":" + o.line()));
        }
        for (ObligationId id : g.result.openProblems()) {
            if (g.result.obligations().stream().noneMatch(o -> o.id().equals(id))) {
                groups.computeIfAbsent("", k -> new ArrayList<>())
                        .add(new ProblemRow(new Link("", id.toString(), ""), "", NO_LINK, "", "", "", ""));
            }
        }
        List<ProblemGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<ProblemRow>> e : groups.entrySet()) {
            if (e.getKey().isEmpty()) {
                out.add(new ProblemGroup(new Link("#obligations", "the case as a whole", ""), "", "",
                        "st-none", List.of(), e.getValue()));
            } else {
                Optional<Status> st = g.status(e.getKey());
                List<Link> above = g.claimsAbove(e.getKey()).stream().map(c -> nodeLink(g, c)).toList();
                out.add(new ProblemGroup(nodeLink(g, e.getKey()), text(g, e.getKey()), label(st), css(st), above,
                        e.getValue()));
            }
        }
        return out;
    }

    /** The nodes with choices, each route beside the others with its own open problems: parallel lines of work. */
    private static List<AlternativesView> alternatives(CaseGraph g) {
        List<AlternativesView> out = new ArrayList<>();
        for (AlternativesResult a : g.result.alternatives()) {
            List<RouteView> routes = new ArrayList<>();
            for (AlternativesResult.Route r : a.routes()) {
                Optional<Status> st = Optional.of(r.status());
                routes.add(new RouteView(r.name(), label(st), css(st), r.chosen(), r.picks().stream().map(x -> nodeLink(g, x)).toList(),
                        r.openProblems().stream().map(id -> obligationLink(g, id)).toList()));
            }
            Optional<Status> st = Optional.of(a.status());
            out.add(new AlternativesView(nodeLink(g, a.node()), text(g, a.node()), String.join(", ", a.choices()), label(st),
                    css(st), routes));
        }
        return out;
    }
}
