package dev.safecase.report;

import dev.safecase.confidence.Agenda;
import dev.safecase.confidence.Bound;
import dev.safecase.confidence.Source;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.result.CaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the case page's "Doubt" section shows (template {@code confidence.vm}): each root's doubt bound with the premises
 * it sums over, and, when the run made it, the agenda. Public because Velocity reads the records by reflection. An
 * empty string or list means "absent".
 */
public final class DoubtViews {
    private DoubtViews() {
    }

    public record Contributor(Link premise, String kind, String doubt, String decimal, String derivation) {}

    public record RootDoubt(Link root, String bound, String decimal, String reason, List<Contributor> contributors,
                            String more) {}

    public record SetRow(List<Link> problems, String bound) {}

    public record RootAgenda(Link root, String status, String bound, List<SetRow> sets, String blocker, boolean truncated) {}

    public record ProblemRow(Link obligation, String text, String reason, List<Link> waitsOn, List<String> leverage) {}

    public record OwnerGroup(String owner, List<ProblemRow> problems) {}

    public record DoubtPage(List<RootDoubt> roots, boolean hasAgenda, List<RootAgenda> agendaRoots,
                            List<OwnerGroup> owners) {}

    /** Contributors shown per root; the rest are counted. */
    static final int SHOWN = 10;

    static DoubtPage of(CaseResult c) {
        List<RootDoubt> roots = new ArrayList<>();
        for (String r : c.confidence().roots()) roots.add(root(r, c.confidence().of(r)));
        List<RootAgenda> agendaRoots = new ArrayList<>();
        List<OwnerGroup> owners = new ArrayList<>();
        c.confidence().agenda().ifPresent(a -> {
            for (Agenda.Root r : a.roots()) agendaRoots.add(agendaRoot(r));
            for (Map.Entry<String, List<Agenda.Problem>> o : AgendaReport.byOwner(a).entrySet()) {
                List<ProblemRow> rows = new ArrayList<>();
                for (Agenda.Problem p : o.getValue()) {
                    rows.add(new ProblemRow(obligation(p.id()), Escaping.oneLine(p.text()), p.reason().orElse(""),
                            p.waitsOn().stream().map(DoubtViews::claim).toList(),
                            p.leverage().stream().map(l -> "blocks " + l.root() + ": " + AgendaReport.leverage(l)).toList()));
                }
                owners.add(new OwnerGroup(o.getKey(), rows));
            }
        });
        return new DoubtPage(roots, c.confidence().agenda().isPresent(), agendaRoots, owners);
    }

    private static RootDoubt root(String r, Bound b) {
        if (!(b instanceof Bound.Finite f)) {
            return new RootDoubt(claim(r), "unbounded", "", ((Bound.Unbounded) b).reason(), List.of(), "");
        }
        List<Contributor> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(SHOWN, f.contributors().size()); i++) {
            Bound.Contribution x = f.contributors().get(i);
            rows.add(new Contributor(premise(x.source()), x.source().kind().label(), x.doubt().toString(),
                    Bound.decimalUp(x.doubt()), x.source().derivation().orElse("")));
        }
        int more = f.contributors().size() - SHOWN;
        return new RootDoubt(claim(r), f.value().toString(), f.decimalUp(), "", rows,
                more > 0 ? "and " + more + " more (see safecase.json)" : "");
    }

    private static RootAgenda agendaRoot(Agenda.Root r) {
        List<SetRow> sets = new ArrayList<>();
        for (Agenda.ResolvingSet s : r.sets()) {
            sets.add(new SetRow(s.problems().stream().map(DoubtViews::obligation).toList(), AgendaReport.bound(s.bound())));
        }
        return new RootAgenda(claim(r.claim()), r.discharged() ? "discharged" : r.status().label(),
                AgendaReport.bound(r.bound()), sets, r.blocker().orElse(""), r.truncated());
    }

    private static Link claim(String id) {
        return new Link("#n-" + id, id, "");
    }

    private static Link obligation(ObligationId id) {
        return new Link("#ob-" + id, id.toString(), "");
    }

    private static Link premise(Source s) {
        String href = switch (s.kind()) {
            case ASSUMPTION -> "#as-" + s.id();
            case ASSERTED_CLAIM, ASSERTED_STRATEGY -> "#n-" + s.id();
            case EVIDENCE -> "#ev-" + s.id();
            case FACT -> "#ev-" + s.id().substring(0, Math.max(0, s.id().lastIndexOf('#')));
            case ACCEPTED_DEFEATER -> "#df-" + s.id();
        };
        return new Link(href, s.id(), "");
    }
}
