package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.HtmlModel.EvalRow;
import dev.safecase.report.HtmlModel.KeyValue;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.ObligationRow;
import dev.safecase.report.HtmlModel.ObligationView;
import dev.safecase.report.HtmlModel.RootView;
import dev.safecase.report.HtmlModel.UnprovenItem;
import dev.safecase.report.HtmlModel.ValueRow;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import dev.safecase.result.Witness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The obligations of a case for the HTML pages: the verdict header, the "Unproven" box, the table and the details. */
final class ObligationViews {
    private ObligationViews() {
    }

    /** Unproven items the case page's box shows in full; the rest are counted and in the obligation table. */
    static final int MAX_UNPROVEN = 50;

    // ---- the header: each root and why ----

    static List<RootView> roots(Links l) {
        CaseGraph g = l.g;
        List<RootView> out = new ArrayList<>();
        for (String root : g.roots()) {
            Optional<Status> st = g.status(root);
            List<ObligationResult> under = new ArrayList<>();
            for (String id : g.closure(root)) under.addAll(g.obligationsOf(id));
            Optional<ObligationResult> worst = under.stream()
                    .filter(o -> Severity.rank(o.status()) < Severity.rank(Status.ASSERTED))
                    .min(Comparator.comparingInt((ObligationResult o) -> Severity.rank(o.status())));
            String why;
            Link because = Links.NONE;
            if (worst.isPresent()) {
                ObligationResult o = worst.get();
                long same = under.stream().filter(x -> x.status() == o.status()).count();
                because = l.obligation(o.id());
                why = oneLine(o) + (same > 1 ? " (and " + (same - 1) + " more " + o.status().label() + " below it)" : "");
            } else if (under.stream().anyMatch(o -> o.status() == Status.ASSERTED)) {
                long n = under.stream().filter(o -> o.status() == Status.ASSERTED).count();
                ObligationResult first = under.stream().filter(o -> o.status() == Status.ASSERTED).findFirst().orElseThrow();
                because = l.obligation(first.id());
                why = n + " of the " + under.size() + " obligations below it are accepted by review, not proved; the"
                        + " others are proved";
            } else {
                why = under.isEmpty() ? "no obligations below it"
                        : "all " + under.size() + " obligations below it are proved";
            }
            out.add(new RootView(l.node(root), HtmlViews.text(g, root), st.map(Status::label).orElse("no obligations"),
                    Links.css(st), why, because));
        }
        return out;
    }

    /**
     * The one line of why for an unproven obligation: a refutation's failing comparison with both sides' values,
     * else its reason. Define names are kept (reasons print defines by name).
     */
    static String oneLine(ObligationResult o) {
        Witness w = o.witness();
        if (w.failed().isPresent()) {
            Witness.Comparison c = w.failed().get();
            return c.left() + " = " + Numbers.show(c.leftValue()).text() + " " + c.holds() + " " + c.right()
                    + (c.right().equals(Numbers.show(c.rightValue()).text()) ? ""
                    : " = " + Numbers.show(c.rightValue()).text())
                    + " in the counterexample";
        }
        if (!w.parts().isEmpty() && w.parts().size() > 1) {
            Witness.Part goal = w.parts().get(0);
            Witness.Part first = w.parts().get(1);
            return goal.expression() + " fails: " + first.expression() + " is "
                    + first.value().map(v -> Numbers.show(v).text()).orElse("not fixed") + " in the counterexample";
        }
        return o.reason().map(Escaping::oneLine).orElse(o.status().label());
    }

    // ---- the Unproven box ----

    /** Refuted, vacuous, unknown and invalid obligations, in that order, then source order. */
    static List<ObligationResult> failing(CaseGraph g) {
        return g.result.obligations().stream()
                .filter(o -> Severity.rank(o.status()) < Severity.rank(Status.OPEN))
                .sorted(Comparator.comparingInt(o -> Severity.rank(o.status())))
                .toList();
    }

    static List<UnprovenItem> unproven(Links l, List<ObligationResult> failing) {
        List<UnprovenItem> out = new ArrayList<>();
        for (ObligationResult o : failing.subList(0, Math.min(MAX_UNPROVEN, failing.size()))) {
            List<KeyValue> core = new ArrayList<>();
            Map<String, String> formulas = new HashMap<>();
            o.premises().forEach(p -> formulas.putIfAbsent(p.name(), p.formula()));
            for (String c : o.core()) core.add(new KeyValue(c, formulas.getOrDefault(c, "")));
            out.add(new UnprovenItem(l.obligation(o.id()), o.status().label(), Palette.of(o.status()).css(),
                    nodeKind(l.g, o), node(l, o), l.location(o.file(), o.line()), oneLine(o), shownCounterexample(o),
                    o.witness().hidden(), goalValues(o.witness()), core, l.g.owner(o).map(Escaping::oneLine).orElse("")));
        }
        return out;
    }

    /** The symbols that matter, or every symbol when the obligation has no witness. */
    static List<ValueRow> shownCounterexample(ObligationResult o) {
        List<ValueRow> rows = new ArrayList<>();
        List<String> names = o.witness().parts().isEmpty() ? List.copyOf(o.counterexample().keySet()) : o.witness().symbols();
        for (String n : names) rows.add(value(n, o.counterexample().getOrDefault(n, "")));
        return rows;
    }

    static ValueRow value(String name, String value) {
        Numbers.Shown s = Numbers.show(value);
        return new ValueRow(name, s.text(), s.hasExact() ? s.exact() : "", s.rounded());
    }

    static List<EvalRow> goalValues(Witness w) {
        List<EvalRow> rows = new ArrayList<>();
        for (Witness.Part p : w.parts()) {
            Numbers.Shown s = p.value().map(Numbers::show).orElse(new Numbers.Shown("not fixed", "not fixed", false));
            String css = p.value().map(v -> v.equals("false") ? "ev-false" : v.equals("true") ? "ev-true" : "").orElse("");
            rows.add(new EvalRow(p.depth(), p.expression(), s.text(), s.hasExact() ? s.exact() : "", css));
        }
        return rows;
    }

    private static String nodeKind(CaseGraph g, ObligationResult o) {
        CaseGraph.Kind k = g.kind(o.node());
        return k == CaseGraph.Kind.UNKNOWN ? "case" : k.name().toLowerCase(Locale.ROOT);
    }

    private static Link node(Links l, ObligationResult o) {
        return l.g.kind(o.node()) == CaseGraph.Kind.UNKNOWN ? new Link("", o.node(), "") : l.node(o.node());
    }

    // ---- the table and the details ----

    static List<ObligationRow> rows(Links l, List<ObligationResult> obs) {
        List<ObligationRow> out = new ArrayList<>();
        for (ObligationResult o : obs) {
            out.add(new ObligationRow(l.obligation(o.id()), o.status().label(), Palette.of(o.status()).css(),
                    Severity.rank(o.status()), o.status() != Status.PROVED && o.status() != Status.ASSERTED,
                    o.id().kind().label(), node(l, o), l.location(o.file(), o.line()), o.line(), o.millis(),
                    o.reason().map(Escaping::oneLine).map(r -> TextWrap.cut(r, 160)).orElse("")));
        }
        return out;
    }

    static List<ObligationView> details(Links l, List<ObligationResult> obs) {
        CaseGraph g = l.g;
        List<ObligationView> out = new ArrayList<>();
        for (ObligationResult o : obs) {
            List<ValueRow> all = new ArrayList<>();
            o.counterexample().forEach((k, v) -> all.add(value(k, v)));
            List<ValueRow> cex = all;
            if (!o.witness().parts().isEmpty()) {
                // the symbols that matter first, then the others
                List<ValueRow> first = new ArrayList<>();
                List<ValueRow> rest = new ArrayList<>();
                for (ValueRow r : all) (o.witness().symbols().contains(r.name()) ? first : rest).add(r);
                cex = new ArrayList<>(first);
                cex.addAll(rest);
            }
            List<KeyValue> premises = new ArrayList<>();
            for (PremiseText p : o.premises()) premises.add(new KeyValue(p.name(), p.formula()));
            List<KeyValue> definitions = new ArrayList<>();
            for (PremiseText d : o.definitions()) definitions.add(new KeyValue(d.name(), d.formula()));
            List<Link> used = o.usedAssumptions().stream().map(a -> new Link(l.nodeHref(a), a, "")).toList();
            Link blocks = g.blockedClaim(o).map(l::node).orElse(Links.NONE);
            out.add(new ObligationView(o.id().toString(), "ob-" + o.id(), o.id().kind().label(), checks(o.id().kind()),
                    nodeKind(g, o), node(l, o), l.location(o.file(), o.line()), o.status().label(),
                    Palette.of(o.status()).css(), o.millis() + " ms", o.status() != Status.PROVED,
                    o.reason().map(Escaping::oneLine).orElse(""), cex, o.witness().parts().isEmpty() ? 0
                    : o.witness().symbols().size(), goalValues(o.witness()), o.core(), used, premises,
                    o.goal().orElse(""), definitions, g.owner(o).orElse(""), blocks));
        }
        return out;
    }

    /** What an obligation of each kind checks, in a few words (docs/language.md, "Obligations and statuses"). */
    static String checks(Obligation.Kind kind) {
        return switch (kind) {
            case SUPPORT -> "the node has a supported by (or is accepted by review)";
            case INFERENCE -> "the premises and subclaims entail the claim";
            case EVIDENCE -> "the facts of the listed evidence entail the claim";
            case VALIDITY -> "the evidence file is there, matches its hash, is fresh and reads";
            case DEFEATER -> "the defeater is eliminated, or accepted";
            case CONSISTENCY -> "the case's premises can hold together";
        };
    }

    static boolean contains(List<ObligationResult> obs, ObligationId id) {
        return obs.stream().anyMatch(o -> o.id().equals(id));
    }
}
