package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.confidence.Agenda;
import dev.safecase.confidence.Bound;
import dev.safecase.lower.ObligationId;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code safecase agenda}: each case's open problems grouped by owner, with their leverage, and each root's minimal
 * resolving sets with its doubt bound now and once a set is resolved (docs/confidence.md), as Markdown, CSV (one row
 * per problem and root it blocks: a funding or planning sheet) or JSON. The text form is the CLI's.
 */
public final class AgendaReport {
    private AgendaReport() {
    }

    /** The label of problems whose node names no owner; they are listed last. */
    public static final String NO_OWNER = "no owner given";

    /** The cases that have an agenda, in run order. */
    public static List<CaseResult> cases(Run run) {
        return run.cases().stream().filter(c -> c.checked() && c.confidence().agenda().isPresent()).toList();
    }

    /** Problems by owner, owners in order of first appearance, problems without an owner last. */
    public static Map<String, List<Agenda.Problem>> byOwner(Agenda a) {
        Map<String, List<Agenda.Problem>> out = new LinkedHashMap<>();
        for (Agenda.Problem p : a.problems()) {
            if (p.owner().isPresent()) out.computeIfAbsent(p.owner().get(), k -> new ArrayList<>()).add(p);
        }
        for (Agenda.Problem p : a.problems()) {
            if (p.owner().isEmpty()) out.computeIfAbsent(NO_OWNER, k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** {@code <= 3/200 (0.015)} or {@code unbounded}. */
    public static String bound(Bound b) {
        return b instanceof Bound.Finite f ? "<= " + f.value() + " (" + f.decimalUp() + ")" : "unbounded";
    }

    /** What resolving one problem does for one root, in words. */
    public static String leverage(Agenda.Leverage l) {
        String sets = l.sets() == 0 ? "the root has no resolving set" : "in " + l.inSets() + " of " + l.sets() + " minimal set"
                + (l.sets() == 1 ? "" : "s");
        return (l.alone() ? "discharges it alone" : "not alone") + "; " + sets + "; doubt if resolved alone: "
                + bound(l.ifAlone());
    }

    // ------------------------------------------------------------ markdown

    public static String markdown(Run run) {
        StringBuilder b = new StringBuilder("## safecase: research agenda\n\n");
        b.append("Open problems by owner, with what resolving them (assumed proved) would do for each root. "
                + "Computed by re-judging the case; see docs/confidence.md.\n");
        for (CaseResult c : cases(run)) markdownCase(b, c);
        return b.toString();
    }

    static void markdownCase(StringBuilder b, CaseResult c) {
        Agenda a = c.confidence().agenda().orElseThrow();
        b.append("\n### ").append(Escaping.code(c.name())).append(" \u2014 ").append(Escaping.markdown(c.text())).append("\n\n");
        b.append("| root | status | doubt now | minimal resolving sets |\n|---|---|---|---|\n");
        for (Agenda.Root r : a.roots()) {
            b.append("| ").append(Escaping.code(r.claim())).append(" | ").append(r.discharged() ? "discharged" : r.status().label())
                    .append(" | ").append(Escaping.markdown(bound(r.bound()))).append(" | ").append(setsMarkdown(r))
                    .append(" |\n");
        }
        for (Map.Entry<String, List<Agenda.Problem>> o : byOwner(a).entrySet()) {
            b.append("\n**").append(Escaping.markdown(o.getKey())).append("**\n\n");
            for (Agenda.Problem p : o.getValue()) {
                b.append("- ").append(Escaping.code(p.id().toString())).append(" (line ").append(p.line()).append(")");
                p.reason().ifPresent(r -> b.append(" \u2014 ").append(Escaping.markdown(r)));
                b.append('\n');
                if (!p.primary()) {
                    b.append("  - waits on its eliminators: ").append(codes(p.waitsOn())).append('\n');
                }
                for (Agenda.Leverage l : p.leverage()) {
                    b.append("  - blocks ").append(Escaping.code(l.root())).append(": ")
                            .append(Escaping.markdown(leverage(l))).append('\n');
                }
            }
        }
    }

    private static String setsMarkdown(Agenda.Root r) {
        if (r.discharged()) return "none needed";
        if (r.blocker().isPresent()) return "none: " + Escaping.markdown(r.blocker().get());
        List<String> parts = new ArrayList<>();
        for (Agenda.ResolvingSet s : r.sets()) {
            parts.add("{" + codes(s.problems().stream().map(ObligationId::toString).toList()) + "} \u2192 doubt "
                    + Escaping.markdown(bound(s.bound())));
        }
        if (r.truncated()) parts.add("\u2026 (stopped at the enumeration cap)");
        return String.join("<br>", parts);
    }

    private static String codes(List<String> ids) {
        return String.join(", ", ids.stream().map(Escaping::code).toList());
    }

    // ------------------------------------------------------------ csv

    static final List<String> CSV_COLUMNS = List.of("case", "owner", "problem", "node", "text", "file", "line", "reason",
            "root", "root_status", "alone", "in_sets", "sets", "doubt_if_alone", "doubt_if_alone_decimal",
            "root_doubt_now", "root_doubt_once_a_set_with_it_is_resolved", "waits_on");

    /** One row per open problem and root it blocks (one row with an empty root when it blocks none). */
    public static String csv(Run run) {
        StringBuilder b = new StringBuilder();
        row(b, CSV_COLUMNS);
        for (CaseResult c : cases(run)) {
            Agenda a = c.confidence().agenda().orElseThrow();
            for (Map.Entry<String, List<Agenda.Problem>> o : byOwner(a).entrySet()) {
                for (Agenda.Problem p : o.getValue()) {
                    List<String> base = List.of(c.name(), o.getKey(), p.id().toString(), p.node(), p.text(), c.file(),
                            Integer.toString(p.line()), p.reason().orElse(""));
                    String waits = String.join(" ", p.waitsOn());
                    if (p.leverage().isEmpty()) {
                        List<String> cells = new ArrayList<>(base);
                        cells.add(String.join(" ", p.blocks()));
                        for (int i = 0; i < 8; i++) cells.add("");
                        cells.add(waits);
                        row(b, cells);
                    }
                    for (Agenda.Leverage l : p.leverage()) {
                        Agenda.Root r = root(a, l.root());
                        List<String> cells = new ArrayList<>(base);
                        cells.add(l.root());
                        cells.add(r.discharged() ? "discharged" : r.status().label());
                        cells.add(l.alone() ? "yes" : "no");
                        cells.add(Integer.toString(l.inSets()));
                        cells.add(Integer.toString(l.sets()));
                        cells.add(l.ifAlone().exact());
                        cells.add(l.ifAlone().decimalUp());
                        cells.add(r.bound().exact());
                        cells.add(r.sets().stream().filter(s -> s.problems().contains(p.id())).findFirst()
                                .map(s -> s.bound().exact()).orElse(""));
                        cells.add(waits);
                        row(b, cells);
                    }
                }
            }
        }
        return b.toString();
    }

    private static Agenda.Root root(Agenda a, String claim) {
        return a.roots().stream().filter(r -> r.claim().equals(claim)).findFirst().orElseThrow();
    }

    private static void row(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(cell(cells.get(i)));
        }
        b.append("\r\n");
    }

    /**
     * RFC 4180, every cell quoted; a text that a spreadsheet would run as a formula (it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return, and is not a number) gets a leading apostrophe.
     */
    static String cell(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0 && !t.matches("-?[0-9][0-9./]*")) t = "'" + t;
        return "\"" + t.replace("\"", "\"\"") + "\"";
    }

    // ------------------------------------------------------------ json

    public static String json(Run run) {
        return Json.document(g -> {
            g.writeStartObject();
            g.writeStringField("tool", "safecase");
            g.writeStringField("version", run.version());
            g.writeArrayFieldStart("cases");
            for (CaseResult c : cases(run)) jsonCase(g, c);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void jsonCase(JsonGenerator g, CaseResult c) throws IOException {
        Agenda a = c.confidence().agenda().orElseThrow();
        g.writeStartObject();
        g.writeStringField("case", c.name());
        g.writeStringField("file", c.file());
        g.writeArrayFieldStart("roots");
        for (Agenda.Root r : a.roots()) {
            g.writeStartObject();
            g.writeStringField("claim", r.claim());
            g.writeStringField("status", r.status().label());
            g.writeBooleanField("discharged", r.discharged());
            bound(g, "doubt", r.bound());
            Json.strings(g, "problems", r.problems().stream().map(ObligationId::toString).toList());
            g.writeArrayFieldStart("minimalSets");
            for (Agenda.ResolvingSet s : r.sets()) {
                g.writeStartObject();
                Json.strings(g, "problems", s.problems().stream().map(ObligationId::toString).toList());
                bound(g, "doubt", s.bound());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("truncated", r.truncated());
            Json.optional(g, "blocker", r.blocker());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("owners");
        for (Map.Entry<String, List<Agenda.Problem>> o : byOwner(a).entrySet()) {
            g.writeStartObject();
            g.writeStringField("owner", o.getKey());
            g.writeArrayFieldStart("problems");
            for (Agenda.Problem p : o.getValue()) problem(g, p);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("limits");
        g.writeNumberField("maxSets", a.limits().maxSets());
        g.writeNumberField("maxJudgements", a.limits().maxJudgements());
        g.writeNumberField("judgements", a.limits().judgements());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void problem(JsonGenerator g, Agenda.Problem p) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.id().toString());
        g.writeStringField("node", p.node());
        g.writeStringField("text", p.text());
        g.writeNumberField("line", p.line());
        Json.optional(g, "reason", p.reason());
        Json.strings(g, "blocks", p.blocks());
        Json.strings(g, "waitsOn", p.waitsOn());
        g.writeArrayFieldStart("leverage");
        for (Agenda.Leverage l : p.leverage()) {
            g.writeStartObject();
            g.writeStringField("root", l.root());
            g.writeBooleanField("alone", l.alone());
            g.writeNumberField("inSets", l.inSets());
            g.writeNumberField("sets", l.sets());
            bound(g, "doubtIfAlone", l.ifAlone());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void bound(JsonGenerator g, String field, Bound b) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeBooleanField("bounded", b.isFinite());
        g.writeStringField("bound", b.exact());
        if (b instanceof Bound.Finite f) g.writeStringField("decimal", f.decimalUp());
        else g.writeStringField("reason", ((Bound.Unbounded) b).reason());
        g.writeEndObject();
    }
}
