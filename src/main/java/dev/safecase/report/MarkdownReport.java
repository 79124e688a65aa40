package dev.safecase.report;

import dev.safecase.result.AlternativesResult;
import dev.safecase.diag.Diagnostic;
import dev.safecase.judge.Status;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.result.Witness;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code summary.md}, for a pull-request comment, short at any size: the gate, a case × status table (at most
 * {@link #MAX_CASES} rows, failing cases first), the unproven obligations by severity (refuted, vacuous, unknown,
 * invalid) with their one line of why and the counterexample's symbols that matter, then the open problems once,
 * with owners, then input errors; each list cut at {@link #MAX_ITEMS} with what was left out counted. Locations
 * link to the source when a link base is given. Case text is escaped so it never becomes markup or a link.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    static final int MAX_ITEMS = 20;
    static final int MAX_CASES = 20;
    /** Counterexample values shown per obligation. */
    static final int MAX_VALUES = 6;

    public static String render(Run run) {
        return render(run, Optional.empty());
    }

    /**
     * {@code linkBase}, when given, is where the run's files are on the web (a GitHub {@code …/blob/SHA} URL):
     * {@code cases/x.case:18} becomes a link to {@code BASE/cases/x.case#L18}. See {@link #checkLinkBase}.
     */
    public static String render(Run run, Optional<String> linkBase) {
        StringBuilder b = new StringBuilder();
        GateResult gate = run.gate();
        b.append("## safecase: ").append(gate.passed() ? "\u2705 gate passed" : "\u274c gate failed").append("\n\n");
        b.append(gate.proved()).append(" of ").append(gate.total()).append(" obligations proved (")
                .append(Reports.percent(gate.proved(), gate.total())).append("); minimum ")
                .append(Escaping.markdown(gate.minProved())).append(gate.strict() ? "; strict" : "")
                .append("; fails on ").append(String.join(", ", gate.failOn().stream().map(Status::label).toList()))
                .append(".  \n");
        b.append(Escaping.markdown("safecase " + run.version() + ", " + run.solver() + ", " + run.today())).append("\n\n");
        for (String r : gate.reasons()) b.append("- ").append(Escaping.markdown(r)).append('\n');
        if (!gate.reasons().isEmpty()) b.append('\n');
        table(b, run);

        Links links = new Links(linkBase);
        List<Item> unproven = new ArrayList<>();
        Map<String, List<Item>> problems = new LinkedHashMap<>();
        int open = 0;
        for (CaseResult c : run.cases()) {
            CaseGraph g = new CaseGraph(c);
            for (ObligationResult o : c.obligations()) {
                if (!o.gated()) continue; // superseded by a discharged route, or part of a counter-argument
                if (Severity.rank(o.status()) < Severity.rank(Status.OPEN)) {
                    unproven.add(new Item(o.status(), unprovenItem(c, o, links)));
                } else if (c.openProblems().contains(o.id())) {
                    problems.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(new Item(o.status(),
                            problemItem(c, g, o, links)));
                    open++;
                }
            }
        }
        unproven.sort(Comparator.comparingInt(i -> Severity.rank(i.status())));
        section(b, "Unproven obligations", unproven, true);
        problems(b, problems, open);
        List<Item> routes = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            for (AlternativesResult a : c.alternatives()) {
                for (AlternativesResult.Route r : a.routes()) routes.add(new Item(r.status(), routeItem(c, a, r)));
            }
        }
        section(b, "Alternative routes", routes, false);
        ConfidenceMarkdown.append(b, run);
        List<Item> errors = new ArrayList<>();
        for (Diagnostic d : SarifReport.allDiagnostics(run)) {
            if (!d.isError()) continue;
            String where = Escaping.where(d.pos());
            String loc = where.isEmpty() ? "" : links.location(d.pos().file(), d.pos().line(), where) + " ";
            errors.add(new Item(Status.INVALID, loc + d.code().id() + " " + Escaping.markdown(d.message())));
        }
        section(b, "Input errors", errors, false);
        return b.toString();
    }

    private record Item(Status status, String text) {}

    /** The table of cases: all of them up to {@link #MAX_CASES}, else the ones not discharged first, then a count. */
    private static void table(StringBuilder b, Run run) {
        b.append("| case | verdict |");
        for (Palette.Style s : Palette.all()) b.append(' ').append(s.label()).append(" |");
        b.append(" total |\n|---|---|");
        for (int i = 0; i < Palette.all().size(); i++) b.append("--:|");
        b.append("--:|\n");
        List<CaseResult> cases = run.cases();
        if (cases.size() > MAX_CASES) {
            cases = new ArrayList<>(cases);
            cases.sort(Comparator.comparing(CaseResult::discharged));
        }
        for (CaseResult c : cases.subList(0, Math.min(MAX_CASES, cases.size()))) {
            b.append("| ").append(Escaping.code(c.name())).append(" | ").append(verdict(c)).append(" |");
            for (Palette.Style s : Palette.all()) b.append(' ').append(JsonReport.count(c.summary(), s.status())).append(" |");
            b.append(' ').append(c.total()).append(" |\n");
        }
        if (cases.size() > MAX_CASES) {
            List<CaseResult> rest = cases.subList(MAX_CASES, cases.size());
            long discharged = rest.stream().filter(CaseResult::discharged).count();
            b.append("\n\u2026 and ").append(rest.size()).append(" more cases (").append(discharged)
                    .append(" discharged, ").append(rest.size() - discharged).append(" not; see the HTML report)\n");
        }
    }

    private static String verdict(CaseResult c) {
        if (!c.checked()) return "\u26d4 input errors";
        return c.discharged() ? "\u2705 discharged" : "\u274c not discharged";
    }

    private static String unprovenItem(CaseResult c, ObligationResult o, Links links) {
        StringBuilder b = new StringBuilder();
        b.append("**").append(o.status().label()).append("** ").append(Escaping.code(c.name() + ":" + o.id()));
        if (!o.file().isEmpty()) b.append(" at ").append(links.location(o.file(), o.line(), o.file() + ":" + o.line()));
        b.append(" \u2014 ").append(Escaping.markdown(ObligationViews.oneLine(o)));
        Witness w = o.witness();
        List<String> names = w.parts().isEmpty() ? List.copyOf(o.counterexample().keySet()) : w.symbols();
        if (!names.isEmpty()) {
            List<String> shown = new ArrayList<>();
            for (String n : names.subList(0, Math.min(MAX_VALUES, names.size()))) {
                shown.add(Escaping.markdown(n + " = " + Numbers.show(o.counterexample().getOrDefault(n, "")).text()));
            }
            int more = o.counterexample().size() - shown.size();
            b.append("\n  - counterexample: ").append(String.join(", ", shown))
                    .append(more > 0 ? " (" + more + " more in the report)" : "");
        }
        if (!o.core().isEmpty()) {
            b.append("\n  - clashing premises: ").append(Escaping.markdown(String.join(", ", o.core())));
        }
        return b.toString();
    }

    private static String problemItem(CaseResult c, CaseGraph g, ObligationResult o, Links links) {
        StringBuilder b = new StringBuilder(Escaping.code(c.name() + ":" + o.id()));
        Optional<String> blocked = g.problemClaim(o);
        blocked.ifPresent(cl -> b.append(" blocks ").append(Escaping.code(cl)));
        Optional<String> owner = g.owner(o);
        b.append(" \u2014 owner: ").append(owner.map(Escaping::markdown).orElse("none given"));
        if (!o.file().isEmpty() && links.base.isPresent()) {
            b.append(" (").append(links.location(o.file(), o.line(), o.file() + ":" + o.line())).append(')');
        }
        return b.toString();
    }

    /** One route of a claim with choices, with its status and the open problems on it. */
    private static String routeItem(CaseResult c, AlternativesResult a, AlternativesResult.Route r) {
        StringBuilder b = new StringBuilder(Escaping.code(c.name() + ":" + a.node())).append(" by route ")
                .append(Escaping.code(r.name())).append(": **").append(r.status().label()).append("**");
        if (r.chosen()) b.append(" (the claim stands by it)");
        if (!r.openProblems().isEmpty()) {
            b.append(" \u2014 open: ").append(String.join(", ", r.openProblems().stream().map(id -> Escaping.code(id.toString()))
                    .toList()));
        }
        return b.toString();
    }

    /**
     * The open problems, at most {@link #MAX_ITEMS} in all, shared fairly between the cases that have them (each
     * gets an equal part, at least 3), each case's rest counted.
     */
    private static void problems(StringBuilder b, Map<String, List<Item>> byCase, int total) {
        if (total == 0) return;
        b.append("\n### Open problems (").append(total).append(")\n\n");
        int quota = total <= MAX_ITEMS ? MAX_ITEMS : Math.max(3, MAX_ITEMS / byCase.size());
        for (Map.Entry<String, List<Item>> e : byCase.entrySet()) {
            List<Item> items = e.getValue();
            for (int i = 0; i < Math.min(quota, items.size()); i++) b.append("- ").append(items.get(i).text()).append('\n');
            if (items.size() > quota) {
                b.append("- \u2026 and ").append(items.size() - quota).append(" more in ").append(Escaping.code(e.getKey()))
                        .append(" (see the HTML report)\n");
            }
        }
    }

    /** At most {@link #MAX_ITEMS} items, then what was left out, counted by status when {@code byStatus}. */
    private static void section(StringBuilder b, String title, List<Item> items, boolean byStatus) {
        if (items.isEmpty()) return;
        b.append("\n### ").append(title).append(" (").append(items.size());
        if (byStatus) b.append(": ").append(counts(items));
        b.append(")\n\n");
        for (int i = 0; i < Math.min(MAX_ITEMS, items.size()); i++) b.append("- ").append(items.get(i).text()).append('\n');
        if (items.size() > MAX_ITEMS) {
            List<Item> rest = items.subList(MAX_ITEMS, items.size());
            b.append("- \u2026 and ").append(rest.size()).append(" more").append(byStatus ? " (" + counts(rest) + ")" : "")
                    .append(" (see the HTML report)\n");
        }
    }

    private static String counts(List<Item> items) {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Item i : items) n.merge(i.status(), 1, Integer::sum);
        Map<Status, Integer> ordered = new LinkedHashMap<>();
        n.keySet().stream().sorted(Comparator.comparingInt(Severity::rank)).forEach(s -> ordered.put(s, n.get(s)));
        List<String> parts = new ArrayList<>();
        ordered.forEach((s, k) -> parts.add(k + " " + s.label()));
        return String.join(", ", parts);
    }

    /**
     * Checks a link base: an absolute {@code http} or {@code https} URL without spaces, quotes, angle brackets or
     * parentheses (which would end a Markdown link). Returns it without a trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String checkLinkBase(String base) {
        if (base.isEmpty() || !base.matches("(?i)https?://[^\\s\"'<>()\\\\`]+")) {
            throw new IllegalArgumentException("--link-base must be an http or https URL without spaces, quotes, "
                    + "brackets or parentheses (got " + base + ")");
        }
        URI.create(base);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Locations, as links to the source when there is a base. */
    private record Links(Optional<String> base) {
        String location(String file, int line, String text) {
            if (base.isEmpty() || file.isEmpty()) return Escaping.code(text);
            String url = base.get() + "/" + path(file) + (line > 0 ? "#L" + line : "");
            return "[" + Escaping.markdown(text) + "](" + url + ")";
        }

        /** Each segment of a relative path percent-encoded, so no character of it can end the link. */
        private static String path(String file) {
            StringBuilder b = new StringBuilder();
            for (String seg : file.replace('\\', '/').split("/")) {
                if (seg.isEmpty() || seg.equals(".")) continue;
                if (b.length() > 0) b.append('/');
                for (byte x : seg.getBytes(StandardCharsets.UTF_8)) {
                    int c = x & 0xff;
                    if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                        b.append((char) c);
                    } else {
                        b.append('%').append(String.format("%02X", c));
                    }
                }
            }
            return b.toString();
        }
    }
}
