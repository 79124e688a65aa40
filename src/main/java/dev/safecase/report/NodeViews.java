package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.HtmlModel.AssumptionView;
import dev.safecase.report.HtmlModel.BoundRow;
import dev.safecase.report.HtmlModel.BoundsView;
import dev.safecase.report.HtmlModel.DefeaterView;
import dev.safecase.report.HtmlModel.EvidenceView;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.NodesView;
import dev.safecase.report.HtmlModel.TextView;
import dev.safecase.result.AssumptionResult;
import dev.safecase.result.BoundResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.TextResult;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sections about a case's nodes: assumptions, contexts and justifications, evidence, defeaters, bounds. */
final class NodeViews {
    private NodeViews() {
    }

    static NodesView nodes(Links l, LocalDate today) {
        return new NodesView(assumptions(l), texts(l), evidence(l, today), defeaters(l));
    }

    /** At most {@link PagePlan#MAX_LINKS} links, then one that says how many more there are. */
    static List<Link> capped(List<Link> links) {
        if (links.size() <= PagePlan.MAX_LINKS) return links;
        List<Link> out = new ArrayList<>(links.subList(0, PagePlan.MAX_LINKS));
        out.add(new Link("", "and " + (links.size() - PagePlan.MAX_LINKS) + " more", "muted"));
        return out;
    }

    private static List<Link> obligations(Links l, List<ObligationId> ids) {
        List<ObligationId> shown = ids.size() > PagePlan.MAX_LINKS ? ids.subList(0, PagePlan.MAX_LINKS + 1) : ids;
        List<Link> links = new ArrayList<>(shown.stream().map(l::obligation).toList());
        if (ids.size() > PagePlan.MAX_LINKS) {
            links = new ArrayList<>(links.subList(0, PagePlan.MAX_LINKS));
            links.add(new Link("", "and " + (ids.size() - PagePlan.MAX_LINKS) + " more", "muted"));
        }
        return links;
    }

    private static List<AssumptionView> assumptions(Links l) {
        CaseGraph g = l.g;
        Map<String, List<String>> resting = new HashMap<>();
        for (ClaimResult c : g.claims.values()) {
            for (String a : c.restsOn()) resting.computeIfAbsent(a, k -> new ArrayList<>()).add(c.id());
        }
        Map<String, List<String>> named = namedBy(g);
        List<AssumptionView> out = new ArrayList<>();
        for (AssumptionResult a : g.assumptions.values()) {
            String note = "";
            if (a.inScopeOf().isEmpty() && a.usedBy().isEmpty()) {
                note = "unused: in scope of no obligation";
            } else if (a.usedBy().isEmpty()) {
                note = "in scope, but no proof uses it";
            }
            out.add(new AssumptionView(a.id(), "as-" + a.id(), Escaping.oneLine(a.text()), a.formula().orElse(""),
                    a.line(), capped(named.getOrDefault(a.id(), List.of()).stream().map(l::node).toList()),
                    obligations(l, a.inScopeOf()), obligations(l, a.usedBy()),
                    capped(resting.getOrDefault(a.id(), List.of()).stream().map(l::node).toList()), note));
        }
        return out;
    }

    /** Side node to the claims and strategies that name it, in display order (one pass, not one per side node). */
    static Map<String, List<String>> namedBy(CaseGraph g) {
        Map<String, List<String>> out = new HashMap<>();
        for (String id : g.allNodes()) {
            Set<String> once = new LinkedHashSet<>(g.sideNodes(id));
            for (String s : once) out.computeIfAbsent(s, k -> new ArrayList<>()).add(id);
        }
        return out;
    }

    private static List<TextView> texts(Links l) {
        Map<String, List<String>> named = namedBy(l.g);
        List<TextView> out = new ArrayList<>();
        for (TextResult t : l.g.texts.values()) {
            List<Link> by = named.getOrDefault(t.id(), List.of()).stream().map(l::node).toList();
            out.add(new TextView(t.id(), "tx-" + t.id(), t.kind(), Escaping.oneLine(t.text()), t.line(), capped(by),
                    by.isEmpty() ? "named by no claim or strategy" : ""));
        }
        return out;
    }

    private static List<EvidenceView> evidence(Links l, LocalDate today) {
        CaseGraph g = l.g;
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
            List<Link> supports = g.parents(e.id()).stream().filter(g.claims::containsKey).map(l::node).toList();
            out.add(new EvidenceView(e.id(), "ev-" + e.id(), Escaping.oneLine(e.text()), e.file().orElse(""),
                    e.pin().sha256().orElse(""), e.status().label(), Palette.of(e.status()).css(),
                    e.pin().expires().map(LocalDate::toString).orElse(""), freshness, freshCss,
                    e.reason().map(Escaping::oneLine).orElse(""), e.facts(),
                    e.bounds().stream().map(b -> StatisticalBounds.call(b) + " at "
                            + StatisticalBounds.percent(b.confidence())).toList(), capped(supports), e.line()));
        }
        return out;
    }

    private static List<DefeaterView> defeaters(Links l) {
        List<DefeaterView> out = new ArrayList<>();
        for (DefeaterResult d : l.g.defeaters.values()) {
            out.add(new DefeaterView(d.id(), "df-" + d.id(), Escaping.oneLine(d.text()), d.attack(), l.node(d.target()),
                    d.status().label(), Palette.of(d.status()).css(), d.owner().orElse(""),
                    capped(d.eliminatedBy().stream().map(l::node).toList()),
                    d.accepted().map(Escaping::oneLine).orElse(""), d.line()));
        }
        return out;
    }

    /**
     * For each root, the bounds it rests on and their joint confidence, as the results give them; bounds of invalid
     * evidence in its closure are listed too, marked as not counted (their facts are dropped from every proof).
     */
    static List<BoundsView> bounds(Links l) {
        CaseGraph g = l.g;
        List<BoundsView> out = new ArrayList<>();
        for (String root : g.roots()) {
            ClaimResult claim = g.claims.get(root);
            List<BoundRow> rows = new ArrayList<>();
            for (BoundResult b : claim.confidence().bounds()) rows.add(boundRow(l, b, ""));
            for (String id : g.closure(root)) {
                EvidenceResult e = g.evidence.get(id);
                if (e == null || e.status() != Status.INVALID) continue;
                for (BoundResult b : e.bounds()) rows.add(boundRow(l, b, "not counted: the evidence is invalid"));
            }
            Optional<Status> st = g.status(root);
            out.add(new BoundsView(l.node(root), HtmlViews.text(g, root), st.map(Status::label).orElse("no obligations"),
                    Links.css(st), rows, StatisticalBounds.statement(claim.confidence().bounds(),
                    claim.confidence().joint())));
        }
        return out;
    }

    private static BoundRow boundRow(Links l, BoundResult b, String note) {
        return new BoundRow(l.node(b.evidence()), b.function() + "(" + String.join(", ", b.args()) + ")", b.value(),
                StatisticalBounds.percent(b.confidence()), note);
    }
}
