package dev.safecase.report;

import java.util.List;

/**
 * What the HTML templates show, computed beforehand (labels, percentages, widths, CSS classes), so the templates
 * hold layout only. Public because Velocity reads them by reflection; not an API. An empty string or list means
 * "absent" (Velocity's {@code #if} treats both as false).
 */
public final class HtmlModel {
    private HtmlModel() {
    }

    /** Trusted markup made by this package (the inline SVG); the only value the escaping handler passes through. */
    public record Markup(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    public record Link(String href, String text, String css) {}

    public record KeyValue(String key, String value) {}

    public record Legend(String label, String css, String meaning, String fill, String stroke, String bar, String ink) {}

    public record Segment(String label, String css, int count, String width, String title) {}

    public record Count(String label, String css, int count) {}

    public record Diag(String location, String severity, String css, String code, String message) {}

    public record GateView(String verdict, String css, List<String> reasons, String proved, String rule) {}

    public record Bar(List<Segment> segments, List<Count> counts, int total, String provedShare) {}

    public record CaseRow(String name, String href, String text, String file, String verdict, String verdictCss,
                         Bar bar, int problems, int errors) {}

    public record IndexPage(String title, String version, String solver, String today, GateView gate,
                            List<CaseRow> cases, Bar totals, int problems, List<Legend> legend, List<Diag> diagnostics) {}

    /**
     * One row of the claim tree: a node (which {@code opens} a level when it has children), a node already shown
     * above, or the marker that {@code closes} a level. Made by the factories below.
     */
    public record TreeRow(boolean opens, boolean closes, boolean expanded, String kind, String id, String anchor,
                          String text, String status, String css, String formula, List<String> notes,
                          List<Link> obligations, Link seeAlso) {
        private static final Link NONE = new Link("", "", "");

        static TreeRow node(boolean opens, boolean expanded, String kind, String id, String anchor, String text,
                            String status, String css, String formula, List<String> notes, List<Link> obligations,
                            Link seeAlso) {
            return new TreeRow(opens, false, expanded, kind, id, anchor, text, status, css, formula, notes, obligations,
                    seeAlso);
        }

        /** A node reached a second time: its head only, linking to where it is shown in full. */
        static TreeRow shownAbove(String kind, String id, String text, String status, String css, Link shown) {
            return new TreeRow(false, false, false, kind, id, "", text, status, css, "", List.of(), List.of(), shown);
        }

        static TreeRow close() {
            return new TreeRow(false, true, false, "", "", "", "", "", "", "", List.of(), List.of(), NONE);
        }
    }

    public record ObligationView(String id, String anchor, String kind, String checks, String nodeKind, Link node,
                                 Link location, String status, String css, String millis, boolean expanded,
                                 String reason, List<ValueRow> counterexample, int hidden, List<EvalRow> goalValues,
                                 List<String> core, List<Link> usedAssumptions, List<KeyValue> premises, String goal,
                                 List<KeyValue> definitions, String owner, Link blocks) {}

    /** One row of the sortable obligation table; {@code rank} sorts by severity, {@code failing} marks unproven rows. */
    public record ObligationRow(Link obligation, String status, String css, int rank, boolean failing, String kind,
                                Link node, Link location, int line, long millis, String reason) {}

    /** The obligations part of a page: the table, the details, and the other pages that hold the rest. */
    public record ObligationsView(String note, List<ObligationRow> rows, List<ObligationView> details,
                                  List<Link> pages, List<Legend> statuses) {}

    /** A value of a counterexample or of a part of the goal: as shown, and exact (the fraction) when that differs. */
    public record ValueRow(String name, String shown, String exact, boolean rounded) {}

    /** A part of the goal evaluated in the counterexample, indented by {@code depth}. */
    public record EvalRow(int depth, String expression, String shown, String exact, String css) {}

    /** A root claim in the case page's header: its status and one line of why. */
    public record RootView(Link claim, String text, String status, String css, String why, Link because) {}

    /**
     * One unproven obligation in the case page's "Unproven" box: why in one line, the counterexample restricted to
     * the symbols that matter, the goal evaluated, the clashing premises.
     */
    public record UnprovenItem(Link obligation, String status, String css, String nodeKind, Link node, Link location,
                               String why, List<ValueRow> counterexample, int hidden, List<EvalRow> goalValues,
                               List<KeyValue> core, String owner) {}

    public record AssumptionView(String id, String anchor, String text, String formula, int line, List<Link> namedBy,
                                 List<Link> inScopeOf, List<Link> usedBy, List<Link> restingClaims, String note) {}

    public record TextView(String id, String anchor, String kind, String text, int line, List<Link> namedBy,
                           String note) {}

    public record EvidenceView(String id, String anchor, String text, String file, String sha256, String status,
                               String css, String expires, String freshness, String freshnessCss, String reason,
                               List<String> facts, List<String> bounds, List<Link> supports, int line) {}

    public record DefeaterView(String id, String anchor, String text, String attack, Link target, String status,
                               String css, String owner, List<Link> eliminatedBy, String accepted, int line) {}

    public record BoundRow(Link evidence, String call, String value, String confidence, String note) {}

    public record BoundsView(Link root, String rootText, String status, String css, List<BoundRow> rows,
                             String statement) {}

    /** One open obligation: the node that is open (its kind, link and text), why, who owns it, where. */
    public record ProblemRow(Link obligation, String kind, Link node, String text, String reason, String owner,
                             Link location) {}

    /** The claim a group of problems blocks, with the claims above it up to a root. */
    public record ProblemGroup(Link claim, String claimText, String status, String css, List<Link> above,
                               List<ProblemRow> problems) {}

    /** The diagram part of a page: the inline SVG, what it shows, and where the full diagram is. */
    public record DiagramView(Markup svg, String root, String note, Link full, Link svgFile) {}

    /** The claim tree part of a page; {@code note} says what a pruned tree leaves out. */
    public record TreeView(List<TreeRow> rows, String note, Link full) {}

    /** The nodes' sections: assumptions, contexts and justifications, evidence, defeaters. */
    public record NodesView(List<AssumptionView> assumptions, List<TextView> texts, List<EvidenceView> evidence,
                            List<DefeaterView> defeaters) {}

    /** What every page of a case starts with. */
    public record Head(String name, String text, Link file, String verdict, String verdictCss, String provedLine,
                       Bar bar, List<Legend> legend, String version, String solver, String today, String gateVerdict,
                       String gateCss, String home) {}

    /**
     * A page of a case: the case page ({@code part} empty) or one of its other pages ({@code part} says which). A
     * section is shown when its flag is set; its lists may be empty ("none").
     */
    public record CasePage(Head head, String part, Link back, List<Link> toc, List<Link> pages, List<Diag> errors,
                           List<Diag> warnings, boolean showVerdict, List<RootView> roots, List<UnprovenItem> unproven,
                           int unprovenCount, String unprovenNote, boolean showProblems, List<ProblemGroup> problems, int problemCount,
                           String problemsNote, boolean showDiagram, DiagramView diagram, boolean showTree,
                           TreeView tree, boolean showObligations, ObligationsView obligations, boolean showNodes,
                           NodesView nodes, boolean showBounds, List<BoundsView> bounds, List<AlternativesView> alternatives) {}

    /** One route of a node with choices: its name, status, whether the node stands by it, its picks and open problems. */
    public record RouteView(String name, String status, String css, boolean chosen, List<Link> picks, List<Link> problems) {}

    /** A node whose support has choices: the choices as written, its status by its best route, and the routes. */
    public record AlternativesView(Link node, String text, String choices, String status, String css, List<RouteView> routes) {}

    /** One line of a source page: its number, its text, its status (worst of its obligations) and their links. */
    public record SourceLine(int number, String anchor, String text, String css, List<Link> obligations) {}

    public record SourcePage(Head head, Link back, String file, List<SourceLine> lines, String note) {}
}
