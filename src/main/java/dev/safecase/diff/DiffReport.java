package dev.safecase.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.safecase.diag.TerminalText;
import dev.safecase.report.MarkdownText;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link ResultDiff} as text (for a terminal), Markdown (a pull-request comment or {@code $GITHUB_STEP_SUMMARY}) and
 * JSON (docs/cli.md gives its keys). Text and Markdown list the same sections in the same order: the gate, cases
 * added and removed, obligations that got worse, better, added and removed, open problems opened and closed, and
 * evidence that changed.
 */
public final class DiffReport {
    private DiffReport() {
    }

    /** One listed thing: an ID, where it is, and what happened, kept apart so each format can mark them up. */
    private record Entry(String id, String where, String what) {}

    private record Section(String title, List<Entry> entries) {}

    private static List<Section> sections(ResultDiff d) {
        List<Section> out = new ArrayList<>();
        out.add(new Section("Cases added", d.addedCases().stream().map(n -> new Entry(n, file(d.head(), n), "")).toList()));
        out.add(new Section("Cases removed", d.removedCases().stream().map(n -> new Entry(n, file(d.base(), n), "")).toList()));
        out.add(new Section("Worse", d.regressions().stream().map(DiffReport::change).toList()));
        out.add(new Section("Better", d.improvements().stream().map(DiffReport::change).toList()));
        out.add(new Section("New obligations", d.added().stream().map(i -> item(i, i.obligation().status().label()
                + i.obligation().reason().map(r -> " \u2014 " + r).orElse(""))).toList()));
        out.add(new Section("Obligations removed", d.removed().stream().map(i -> item(i, "was " + i.obligation().status().label())).toList()));
        out.add(new Section("New open problems", d.opened().stream().map(i -> item(i, i.obligation().reason().orElse("open")
                + i.obligation().owner().map(o -> " [owner: " + o + "]").orElse(""))).toList()));
        out.add(new Section("Open problems closed", d.closed().stream().map(i -> item(i, closedHow(d, i))).toList()));
        out.add(new Section("Evidence", d.evidence().stream().map(e -> new Entry(e.caseName() + ":" + e.after().id(),
                e.after().file().orElse(""), String.join("; ", e.what()))).toList()));
        return out.stream().filter(s -> !s.entries().isEmpty()).toList();
    }

    private static String file(Snapshot s, String caseName) {
        return Optional.ofNullable(s.cases().get(caseName)).map(Snapshot.Case::file).orElse("");
    }

    private static Entry change(ResultDiff.StatusChange c) {
        StringBuilder what = new StringBuilder(c.before().status().label() + " \u2192 " + c.after().status().label());
        c.after().reason().ifPresent(r -> what.append(" \u2014 ").append(r));
        if (!c.after().counterexample().isEmpty()) what.append("; counterexample: ").append(pairs(c.after().counterexample()));
        if (!c.after().core().isEmpty()) what.append("; clashing premises: ").append(String.join(", ", c.after().core()));
        return new Entry(c.caseName() + ":" + c.after().id(), c.after().where(), what.toString());
    }

    private static Entry item(ResultDiff.Item i, String what) {
        return new Entry(i.caseName() + ":" + i.obligation().id(), i.obligation().where(), what);
    }

    private static String closedHow(ResultDiff d, ResultDiff.Item i) {
        Snapshot.Case h = d.head().cases().get(i.caseName());
        Snapshot.Obligation now = h == null ? null : h.obligations().get(i.obligation().id());
        return now == null ? "removed" : "now " + now.status().label();
    }

    private static String pairs(Map<String, String> m) {
        List<String> kv = new ArrayList<>();
        m.forEach((k, v) -> kv.add(k + " = " + v));
        return String.join(", ", kv);
    }

    private static String gateLine(ResultDiff d, Function<String, String> esc) {
        Snapshot.Gate b = d.base().gate();
        Snapshot.Gate h = d.head().gate();
        return "gate " + (b.passed() ? "passed" : "FAILED") + " \u2192 " + (h.passed() ? "passed" : "FAILED") + "; proved "
                + b.proved() + "/" + b.total() + " \u2192 " + h.proved() + "/" + h.total()
                + (h.reasons().isEmpty() ? "" : " (" + esc.apply(String.join("; ", h.reasons())) + ")");
    }

    /** For a terminal: everything escaped, one entry a line. */
    public static String text(ResultDiff d) {
        StringBuilder b = new StringBuilder();
        b.append("safecase diff ").append(t(d.base().source())).append(" \u2192 ").append(t(d.head().source())).append('\n');
        b.append(gateLine(d, DiffReport::t)).append('\n');
        List<Section> sections = sections(d);
        if (sections.isEmpty()) b.append("no obligation, open problem or evidence changed\n");
        for (Section s : sections) {
            b.append('\n').append(s.title()).append(" (").append(s.entries().size()).append("):\n");
            for (Entry e : s.entries()) {
                b.append("  ").append(e.where().isEmpty() ? "" : t(e.where()) + ": ").append(t(e.id()));
                if (!e.what().isEmpty()) b.append(' ').append(t(e.what()));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** For a pull-request comment or a job summary: text escaped, IDs and places in code spans. */
    public static String markdown(ResultDiff d) {
        StringBuilder b = new StringBuilder("## safecase diff\n\n");
        List<ResultDiff.StatusChange> worse = d.regressions();
        b.append(worse.isEmpty() ? "\u2705 nothing got worse; " : "\u274c ").append(MarkdownText.inline(gateLine(d, s -> s))).append("\n\n");
        List<Section> sections = sections(d);
        if (sections.isEmpty()) b.append("No obligation, open problem or evidence changed.\n");
        for (Section s : sections) {
            b.append("### ").append(s.title()).append(" (").append(s.entries().size()).append(")\n\n");
            for (Entry e : s.entries()) {
                b.append("- ").append(MarkdownText.code(e.id()));
                if (!e.where().isEmpty()) b.append(" at ").append(MarkdownText.code(e.where()));
                if (!e.what().isEmpty()) b.append(": ").append(MarkdownText.inline(e.what()));
                b.append('\n');
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** Machine-readable: the gates, then one array per section (docs/cli.md, "diff"). */
    public static String json(ResultDiff d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.setHighestNonEscapedChar(126);
            g.writeStartObject();
            g.writeStringField("tool", "safecase");
            g.writeStringField("base", d.base().source());
            g.writeStringField("head", d.head().source());
            gate(g, "baseGate", d.base().gate());
            gate(g, "headGate", d.head().gate());
            g.writeBooleanField("empty", d.empty());
            names(g, "addedCases", d.addedCases());
            names(g, "removedCases", d.removedCases());
            g.writeArrayFieldStart("changed");
            for (ResultDiff.StatusChange c : d.changed()) {
                g.writeStartObject();
                g.writeStringField("case", c.caseName());
                g.writeStringField("id", c.after().id());
                g.writeStringField("file", c.after().file());
                g.writeNumberField("line", c.after().line());
                g.writeStringField("before", c.before().status().label());
                g.writeStringField("after", c.after().status().label());
                g.writeBooleanField("worse", c.worse());
                if (c.after().reason().isPresent()) g.writeStringField("reason", c.after().reason().get());
                g.writeObjectFieldStart("counterexample");
                for (Map.Entry<String, String> e : c.after().counterexample().entrySet()) g.writeStringField(e.getKey(), e.getValue());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            items(g, "added", d.added());
            items(g, "removed", d.removed());
            items(g, "openedProblems", d.opened());
            items(g, "closedProblems", d.closed());
            g.writeArrayFieldStart("evidence");
            for (ResultDiff.EvidenceChange e : d.evidence()) {
                g.writeStartObject();
                g.writeStringField("case", e.caseName());
                g.writeStringField("id", e.after().id());
                g.writeStringField("status", e.after().status().label());
                g.writeBooleanField("expired", e.after().expired());
                names(g, "changes", e.what());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void gate(JsonGenerator g, String field, Snapshot.Gate gate) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeBooleanField("passed", gate.passed());
        g.writeNumberField("proved", gate.proved());
        g.writeNumberField("total", gate.total());
        g.writeEndObject();
    }

    private static void names(JsonGenerator g, String field, List<String> names) throws IOException {
        g.writeArrayFieldStart(field);
        for (String n : names) g.writeString(n);
        g.writeEndArray();
    }

    private static void items(JsonGenerator g, String field, List<ResultDiff.Item> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (ResultDiff.Item i : items) {
            g.writeStartObject();
            g.writeStringField("case", i.caseName());
            g.writeStringField("id", i.obligation().id());
            g.writeStringField("file", i.obligation().file());
            g.writeNumberField("line", i.obligation().line());
            g.writeStringField("status", i.obligation().status().label());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String t(String s) {
        return TerminalText.escape(s);
    }
}
