package dev.safecase.report;

import dev.safecase.diag.Diagnostic;
import dev.safecase.judge.Status;
import dev.safecase.report.HtmlModel.CasePage;
import dev.safecase.report.HtmlModel.Diag;
import dev.safecase.report.HtmlModel.DiagramView;
import dev.safecase.report.HtmlModel.Head;
import dev.safecase.report.HtmlModel.Link;
import dev.safecase.report.HtmlModel.Markup;
import dev.safecase.report.HtmlModel.NodesView;
import dev.safecase.report.HtmlModel.ObligationsView;
import dev.safecase.report.HtmlModel.ProblemGroup;
import dev.safecase.report.HtmlModel.TreeView;
import dev.safecase.report.HtmlModel.UnprovenItem;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The pages of one case, as the {@link PagePlan} splits them: the case page first (verdict, unproven obligations,
 * open problems, diagram, claim tree, obligations, nodes, bounds) and, for a large case, its other pages.
 */
final class CaseViews {
    private CaseViews() {
    }

    /** A file to write: its path in the report folder, and its template and view model, or ({@code template} empty) its text. */
    record Page(String path, String template, Object model) {}

    static List<Page> pages(Run run, CaseResult c, String stem, SourceViews.Sources sources) {
        CaseGraph g = new CaseGraph(c);
        Diagrams diagrams = new Diagrams(g);
        PagePlan plan = new PagePlan(stem, c, diagrams.drawn());
        List<Page> pages = new ArrayList<>();
        pages.add(new Page(plan.casePage(), "case.vm", casePage(run, c, g, plan, diagrams)));
        if (plan.large) {
            pages.add(new Page(plan.treePage(), "case.vm", treePage(run, c, g, plan)));
            List<List<ObligationResult>> chunks = plan.obligationChunks();
            for (int i = 0; i < chunks.size(); i++) {
                pages.add(new Page(plan.obligationPages().get(i), "case.vm", obligationsPage(run, c, g, plan, i)));
            }
            pages.add(new Page(plan.nodesPage(), "case.vm", nodesPage(run, c, g, plan)));
            pages.add(new Page(plan.diagramPage(), "case.vm", diagramPage(run, c, g, plan, diagrams)));
        }
        if (c.checked()) pages.add(new Page(plan.sourcePage(), "source.vm", SourceViews.page(run, c, g, plan, sources)));
        Links svgLinks = new Links(g, plan, plan.svg(), plan.large ? TreeViews.pruned(g) : Set.copyOf(g.allNodes()));
        pages.add(new Page(plan.svg(), "", SvgReport.standalone(diagrams.fullScene(), svgLinks)));
        return pages;
    }

    private static CasePage casePage(Run run, CaseResult c, CaseGraph g, PagePlan plan, Diagrams diagrams) {
        Set<String> treeNodes = plan.large ? TreeViews.pruned(g) : Set.copyOf(g.allNodes());
        Links l = new Links(g, plan, plan.casePage(), treeNodes);
        Head head = HtmlViews.head(run, c, l);
        List<ObligationResult> failing = ObligationViews.failing(g);
        List<UnprovenItem> unproven = ObligationViews.unproven(l, failing);
        String unprovenNote = failing.size() > unproven.size()
                ? "The first " + unproven.size() + " of " + failing.size() + " are shown here; the obligation table below lists them all."
                : "";
        List<ProblemGroup> problems = ProblemViews.problems(l, PagePlan.MAX_PROBLEMS);
        int problemCount = c.openProblems().size();
        String problemsNote = problemCount > PagePlan.MAX_PROBLEMS
                ? "The first " + PagePlan.MAX_PROBLEMS + " of " + problemCount + " open problems are shown; filter the "
                        + "obligation table by status open for all of them." : "";
        DiagramView diagram = plan.large ? diagrams.summary(l) : diagrams.full(l);
        TreeView tree = plan.large
                ? new TreeView(TreeViews.rows(l, treeNodes), "The roots and the paths down to every node that is neither "
                        + "proved nor asserted; branches that are all proved or asserted are left out.",
                        new Link(l.to(plan.treePage(), "claims"), "the full claim tree", ""))
                : new TreeView(TreeViews.rows(l, Set.of()), "", Links.NONE);
        List<ObligationResult> obs = plan.onCasePage();
        String obsNote = plan.large ? "The " + obs.size() + " obligations that are neither proved nor asserted"
                + (obs.size() == PagePlan.PAGE ? " (the first " + PagePlan.PAGE + ")" : "") + "; all "
                + c.obligations().size() + " are on the obligation pages in source order." : "";
        ObligationsView obligations = new ObligationsView(obsNote, ObligationViews.rows(l, obs),
                ObligationViews.details(l, obs), pageLinks(l, plan), HtmlViews.legend());
        NodesView nodes = plan.large ? new NodesView(List.of(), List.of(), List.of(), List.of())
                : NodeViews.nodes(l, run.today());
        return new CasePage(head, "", Links.NONE, toc(l, plan, c, failing.size(), !nodes.texts().isEmpty(), true),
                otherPages(l, plan, c), errors(c), warnings(c), true, ObligationViews.roots(l), unproven, failing.size(),
                unprovenNote,
                true, problems, problemCount, problemsNote, true, diagram, true, tree, true, obligations, !plan.large,
                nodes, true, NodeViews.bounds(l), HtmlViews.alternatives(g, l));
    }

    private static CasePage treePage(Run run, CaseResult c, CaseGraph g, PagePlan plan) {
        Links l = new Links(g, plan, plan.treePage(), Set.copyOf(g.allNodes()));
        return part(run, c, l, plan, "claim tree").tree(new TreeView(TreeViews.rows(l, Set.of()), "", Links.NONE));
    }

    private static CasePage obligationsPage(Run run, CaseResult c, CaseGraph g, PagePlan plan, int i) {
        String page = plan.obligationPages().get(i);
        Links l = new Links(g, plan, page, Set.of());
        List<ObligationResult> chunk = plan.obligationChunks().get(i);
        String note = "Obligations " + (i * PagePlan.PAGE + 1) + " to " + (i * PagePlan.PAGE + chunk.size()) + " of "
                + c.obligations().size() + ", in source order.";
        return part(run, c, l, plan, "obligations, page " + (i + 1) + " of " + plan.obligationPages().size())
                .obligations(new ObligationsView(note, ObligationViews.rows(l, chunk), ObligationViews.details(l, chunk),
                        pageLinks(l, plan), HtmlViews.legend()));
    }

    private static CasePage nodesPage(Run run, CaseResult c, CaseGraph g, PagePlan plan) {
        Links l = new Links(g, plan, plan.nodesPage(), Set.of());
        return part(run, c, l, plan, "assumptions, evidence, defeaters").nodes(NodeViews.nodes(l, run.today()));
    }

    private static CasePage diagramPage(Run run, CaseResult c, CaseGraph g, PagePlan plan, Diagrams diagrams) {
        Links l = new Links(g, plan, plan.diagramPage(), Set.of());
        return part(run, c, l, plan, "diagram").diagram(diagrams.full(l));
    }

    /** A page other than the case page: the head, the way back, the other pages, and no section yet. */
    private static PartBuilder part(Run run, CaseResult c, Links l, PagePlan plan, String what) {
        return new PartBuilder(HtmlViews.head(run, c, l), what, new Link(l.to(plan.casePage(), ""), "case " + c.name(), ""),
                otherPages(l, plan, c));
    }

    /** Fills in the one section a page other than the case page shows. */
    private record PartBuilder(Head head, String what, Link back, List<Link> pages) {
        private CasePage page(TreeView tree, ObligationsView obs, NodesView nodes, DiagramView diagram) {
            return new CasePage(head, what, back, List.of(), pages, List.of(), List.of(), false, List.of(), List.of(), 0, "",
                    false, List.of(), 0, "", diagram != null, diagram == null ? EMPTY_DIAGRAM : diagram, tree != null,
                    tree == null ? EMPTY_TREE : tree, obs != null, obs == null ? EMPTY_OBLIGATIONS : obs, nodes != null,
                    nodes == null ? EMPTY_NODES : nodes, false, List.of(), List.of());
        }

        CasePage tree(TreeView t) {
            return page(t, null, null, null);
        }

        CasePage obligations(ObligationsView o) {
            return page(null, o, null, null);
        }

        CasePage nodes(NodesView n) {
            return page(null, null, n, null);
        }

        CasePage diagram(DiagramView d) {
            return page(null, null, null, d);
        }
    }

    private static final DiagramView EMPTY_DIAGRAM = new DiagramView(new Markup(""), "", "", Links.NONE, Links.NONE);
    private static final TreeView EMPTY_TREE = new TreeView(List.of(), "", Links.NONE);
    private static final ObligationsView EMPTY_OBLIGATIONS = new ObligationsView("", List.of(), List.of(), List.of(),
            List.of());
    private static final NodesView EMPTY_NODES = new NodesView(List.of(), List.of(), List.of(), List.of());

    private static List<Link> pageLinks(Links l, PagePlan plan) {
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < plan.obligationPages().size(); i++) {
            String p = plan.obligationPages().get(i);
            out.add(new Link(p.equals(l.page) ? "" : l.to(p, "obligations"), String.valueOf(i + 1), p.equals(l.page) ? "current" : ""));
        }
        return out;
    }

    /** The links to a large case's other pages, and to the source page. */
    private static List<Link> otherPages(Links l, PagePlan plan, CaseResult c) {
        List<Link> out = new ArrayList<>();
        if (plan.large) {
            out.add(new Link(l.to(plan.treePage(), "claims"), "full claim tree", ""));
            if (!plan.obligationPages().isEmpty()) {
                out.add(new Link(l.to(plan.obligationPages().get(0), "obligations"), "all obligations ("
                        + plan.obligationPages().size() + " pages)", ""));
            }
            out.add(new Link(l.to(plan.nodesPage(), "assumptions"), "assumptions, evidence, defeaters", ""));
            out.add(new Link(l.to(plan.diagramPage(), "diagram"), "full diagram", ""));
        }
        if (c.checked()) out.add(new Link(l.to(plan.sourcePage(), ""), "source", ""));
        out.add(new Link(l.to(plan.svg(), ""), plan.svg(), ""));
        return out.stream().filter(x -> !x.href().startsWith("#") || !x.href().equals("#")).toList();
    }

    private static List<Link> toc(Links l, PagePlan plan, CaseResult c, int failing, boolean texts, boolean casePage) {
        List<Link> out = new ArrayList<>();
        out.add(new Link("#verdict", "Verdict", ""));
        out.add(new Link("#unproven", "Unproven (" + failing + ")", failing > 0 ? "toc-bad" : ""));
        out.add(new Link("#open-problems", "Open problems (" + c.openProblems().size() + ")", ""));
        if (!c.alternatives().isEmpty()) out.add(new Link("#alternatives", "Alternative routes", ""));
        out.add(new Link("#doubt", "Doubt", ""));
        out.add(new Link("#diagram", "Diagram", ""));
        out.add(new Link("#claims", "Claim tree", ""));
        out.add(new Link("#obligations", "Obligations", ""));
        if (!plan.large) {
            out.add(new Link("#assumptions", "Assumptions", ""));
            if (texts) out.add(new Link("#context", "Context", ""));
            out.add(new Link("#evidence", "Evidence", ""));
            out.add(new Link("#defeaters", "Defeaters", ""));
        }
        out.add(new Link("#bounds", "Statistical bounds", ""));
        if (c.diagnostics().stream().anyMatch(d -> !d.isError())) out.add(new Link("#warnings", "Warnings", ""));
        return out;
    }

    private static List<Diag> errors(CaseResult c) {
        return c.diagnostics().stream().filter(Diagnostic::isError).map(HtmlViews::diag).toList();
    }

    private static List<Diag> warnings(CaseResult c) {
        return c.diagnostics().stream().filter(d -> !d.isError()).map(HtmlViews::diag).toList();
    }

    static boolean failingStatus(Status s) {
        return Severity.rank(s) < Severity.rank(Status.OPEN);
    }
}
