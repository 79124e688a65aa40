package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.result.AlternativesResult;
import dev.safecase.result.AssumptionResult;
import dev.safecase.result.BoundResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.NodeInfo;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import dev.safecase.result.Run;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.result.Clauses;
import dev.safecase.diag.Diagnostic;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code safecase.json} and {@code check --format json}: the schema of docs/interfaces.md, documented keys first and
 * in that order; extra keys (formulas, owners, premises, defeaters, per-case diagnostics, strategies, contexts and
 * justifications, clause lists, statistical bounds) after them. Exact numbers of bounds are strings, as the results
 * carry them (a decimal, or p/q where no finite decimal is exact).
 *
 * <p>Schema version {@value #SCHEMA_VERSION} (docs/reports.md): an obligation names its premises; each case has one
 * table of the premises' formulas and one of the defines they use, each an object from name to formula. Each item
 * of a case's lists (a claim, an obligation, …) and every list of strings is written on one line, without spaces.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /**
     * Order of the {@code summary} keys: the interface contract's schema order (docs/reports.md), kept as it is;
     * every other listing of statuses follows {@link Status}.
     */
    static final List<Status> SUMMARY_ORDER = List.of(Status.PROVED, Status.REFUTED, Status.VACUOUS, Status.UNKNOWN,
            Status.ASSERTED, Status.OPEN, Status.INVALID);

    /**
     * The version of this layout: 4 writes one-line items without spaces, the formula tables as objects from name
     * to formula, and an obligation's {@code goal} and {@code owner} only when it has one; 3 writes a premise list
     * as the difference from an earlier one and leaves extra keys at their defaults out; 2 named premises by ID (1
     * repeated their formulas in every obligation).
     */
    public static final int SCHEMA_VERSION = 4;

    public static String render(Run run) {
        return Json.document(g -> {
            g.writeStartObject();
            g.writeStringField("tool", "safecase");
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("version", run.version());
            g.writeStringField("solver", run.solver());
            g.writeStringField("today", run.today().toString());
            gate(g, run.gate());
            g.writeArrayFieldStart("diagnostics");
            for (Diagnostic d : run.diagnostics()) Json.oneLine(g, x -> diagnostic(x, d));
            g.writeEndArray();
            g.writeArrayFieldStart("cases");
            for (CaseResult c : run.cases()) caseResult(g, c);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void gate(JsonGenerator g, GateResult gate) throws IOException {
        g.writeObjectFieldStart("gate");
        g.writeBooleanField("passed", gate.passed());
        g.writeBooleanField("strict", gate.strict());
        Json.inlineStrings(g, "failOn", gate.failOn().stream().map(Status::label).toList());
        Json.ratio(g, "minProved", gate.minProved());
        g.writeNumberField("proved", gate.proved());
        g.writeNumberField("total", gate.total());
        Json.inlineStrings(g, "reasons", gate.reasons());
        if (gate.maxDoubt().isPresent()) g.writeStringField("maxDoubt", gate.maxDoubt().get());
        g.writeEndObject();
    }

    static void diagnostic(JsonGenerator g, Diagnostic d) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", d.pos().file());
        g.writeNumberField("line", d.pos().line());
        g.writeNumberField("col", d.pos().col());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("code", d.code().id());
        g.writeStringField("message", d.message());
        g.writeEndObject();
    }

    private static void caseResult(JsonGenerator g, CaseResult c) throws IOException {
        g.writeStartObject();
        g.writeStringField("case", c.name());
        g.writeStringField("file", c.file());
        g.writeBooleanField("checked", c.checked());
        g.writeBooleanField("discharged", c.discharged());
        g.writeFieldName("summary");
        Json.oneLine(g, x -> {
            x.writeStartObject();
            for (Status s : SUMMARY_ORDER) x.writeNumberField(s.label(), count(c.summary(), s));
            x.writeNumberField("total", c.total());
            x.writeEndObject();
        });
        g.writeArrayFieldStart("claims");
        for (ClaimResult cl : c.claims()) Json.oneLine(g, x -> claim(x, c, cl));
        g.writeEndArray();
        g.writeArrayFieldStart("obligations");
        PremiseLists lists = new PremiseLists();
        for (ObligationResult o : c.obligations()) Json.oneLine(g, x -> obligation(x, o, lists));
        g.writeEndArray();
        g.writeArrayFieldStart("assumptions");
        for (AssumptionResult a : c.assumptions()) Json.oneLine(g, x -> assumption(x, a));
        g.writeEndArray();
        g.writeArrayFieldStart("evidence");
        for (EvidenceResult e : c.evidence()) Json.oneLine(g, x -> evidence(x, e));
        g.writeEndArray();
        Json.inlineStrings(g, "openProblems", ids(c.openProblems()));
        Json.inlineStrings(g, "unproven", ids(c.unproven()));
        g.writeNumberField("line", c.line());
        g.writeStringField("text", c.text());
        g.writeArrayFieldStart("defeaters");
        for (DefeaterResult d : c.defeaters()) Json.oneLine(g, x -> defeater(x, d));
        g.writeEndArray();
        g.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : c.diagnostics()) Json.oneLine(g, x -> diagnostic(x, d));
        g.writeEndArray();
        g.writeArrayFieldStart("strategies");
        for (StrategyResult s : c.strategies()) Json.oneLine(g, x -> strategy(x, s));
        g.writeEndArray();
        g.writeArrayFieldStart("texts");
        for (TextResult t : c.texts()) Json.oneLine(g, x -> text(x, t));
        g.writeEndArray();
        g.writeArrayFieldStart("alternatives");
        for (AlternativesResult a : c.alternatives()) Json.oneLine(g, x -> alternatives(x, a));
        g.writeEndArray();
        table(g, "premises", c.obligations().stream().flatMap(o -> o.premises().stream()).toList());
        table(g, "definitions", c.obligations().stream().flatMap(o -> o.definitions().stream()).toList());
        if (c.checked()) ConfidenceJson.caseRoots(g, c);
        g.writeEndObject();
    }

    /** A node with choices: its routes as parallel lines of work, each with its status and open problems. */
    private static void alternatives(JsonGenerator g, AlternativesResult a) throws IOException {
        g.writeStartObject();
        g.writeStringField("node", a.node());
        Json.strings(g, "choices", a.choices());
        g.writeStringField("status", a.status().label());
        g.writeArrayFieldStart("routes");
        for (AlternativesResult.Route r : a.routes()) {
            g.writeStartObject();
            g.writeStringField("route", r.name());
            Json.strings(g, "picks", r.picks());
            g.writeStringField("status", r.status().label());
            g.writeBooleanField("chosen", r.chosen());
            Json.strings(g, "obligations", ids(r.obligations()));
            Json.strings(g, "openProblems", ids(r.openProblems()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A case's table of named formulas, in first-use order, each name once: {@code premises} for the premises its
     * obligations name, {@code definitions} for the defines they use. A name is one formula within a case.
     */
    private static void table(JsonGenerator g, String field, List<PremiseText> uses) throws IOException {
        Map<String, String> byName = new LinkedHashMap<>();
        for (PremiseText p : uses) {
            String old = byName.putIfAbsent(p.name(), p.formula());
            if (old != null && !old.equals(p.formula())) {
                throw new IllegalStateException("two formulas named " + p.name() + " in one case: " + old + " and " + p.formula());
            }
        }
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : byName.entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
    }

    private static List<String> ids(List<ObligationId> ids) {
        return ids.stream().map(ObligationId::toString).toList();
    }

    static int count(Map<Status, Integer> summary, Status s) {
        Integer n = summary.get(s);
        return n == null ? 0 : n;
    }

    private static void claim(JsonGenerator g, CaseResult c, ClaimResult cl) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", cl.id());
        g.writeStringField("text", cl.text());
        g.writeBooleanField("formal", cl.formal());
        g.writeBooleanField("root", cl.root());
        g.writeNumberField("line", cl.line());
        g.writeStringField("status", cl.status().label());
        g.writeBooleanField("discharged", cl.discharged());
        Json.strings(g, "restsOn", cl.restsOn());
        Json.ifPresent(g, "formula", cl.formula());
        g.writeStringField("support", cl.support().kind());
        Json.stringsIfAny(g, "supportedBy", cl.support().supportedBy());
        Json.ifPresent(g, "owner", cl.provenance().owner());
        Json.ifPresent(g, "origin", cl.provenance().origin());
        Json.ifPresent(g, "asserted", cl.support().asserted());
        clauses(g, cl.clauses());
        if (cl.support().undeveloped()) g.writeBooleanField("undeveloped", true);
        if (!cl.confidence().bounds().isEmpty()) {
            bounds(g, cl.confidence().bounds());
            g.writeStringField("jointConfidence", cl.confidence().joint());
        }
        module(g, cl.node());
        if (c.confidence().of(cl.id()).isFinite()) ConfidenceJson.claim(g, c, cl.id());
        g.writeEndObject();
    }

    private static void strategy(JsonGenerator g, StrategyResult s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id());
        g.writeStringField("text", s.text());
        g.writeNumberField("line", s.line());
        g.writeStringField("status", s.status().label());
        Json.strings(g, "subclaims", s.subclaims());
        clauses(g, s.clauses());
        if (s.undeveloped()) g.writeBooleanField("undeveloped", true);
        Json.ifPresent(g, "owner", s.provenance().owner());
        Json.ifPresent(g, "origin", s.provenance().origin());
        Json.ifPresent(g, "asserted", s.asserted());
        module(g, s.node());
        g.writeEndObject();
    }

    private static void clauses(JsonGenerator g, Clauses c) throws IOException {
        Json.stringsIfAny(g, "context", c.context());
        Json.stringsIfAny(g, "assuming", c.assuming());
        Json.stringsIfAny(g, "justifiedBy", c.justifiedBy());
    }

    private static void text(JsonGenerator g, TextResult t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeStringField("kind", t.kind());
        g.writeStringField("text", t.text());
        g.writeNumberField("line", t.line());
        module(g, t.node());
        g.writeEndObject();
    }

    /** For a node of an imported module: {@code "module": {"name", "file", "away"}}; nothing for the case's own. */
    private static void module(JsonGenerator g, NodeInfo n) throws IOException {
        if (n.module().isEmpty()) return;
        NodeInfo.ModuleRef m = n.module().get();
        g.writeObjectFieldStart("module");
        g.writeStringField("name", m.name());
        g.writeStringField("file", m.file());
        g.writeBooleanField("away", m.away());
        g.writeEndObject();
    }

    private static void bounds(JsonGenerator g, List<BoundResult> bounds) throws IOException {
        g.writeArrayFieldStart("bounds");
        for (BoundResult b : bounds) {
            g.writeStartObject();
            g.writeStringField("evidence", b.evidence());
            g.writeStringField("function", b.function());
            Json.strings(g, "args", b.args());
            g.writeStringField("value", b.value());
            g.writeStringField("confidence", b.confidence());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void obligation(JsonGenerator g, ObligationResult o, PremiseLists lists) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id().toString());
        g.writeStringField("kind", o.id().kind().label());
        g.writeStringField("node", o.node());
        g.writeStringField("file", o.file());
        g.writeNumberField("line", o.line());
        g.writeStringField("status", o.status().label());
        g.writeNumberField("millis", o.millis());
        Json.strings(g, "usedAssumptions", o.usedAssumptions());
        Json.strings(g, "core", o.core());
        g.writeObjectFieldStart("counterexample");
        for (Map.Entry<String, String> e : o.counterexample().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        Json.optional(g, "reason", o.reason());
        lists.write(g, o);
        Json.ifPresent(g, "goal", o.goal());
        Json.ifPresent(g, "owner", o.owner());
        if (o.route().isPresent()) g.writeStringField("route", o.route().get());
        if (!o.gated()) g.writeStringField("notGated", o.ungated().get());
        g.writeEndObject();
    }

    private static void assumption(JsonGenerator g, AssumptionResult a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        Json.strings(g, "usedBy", ids(a.usedBy()));
        g.writeStringField("text", a.text());
        Json.optional(g, "formula", a.formula());
        g.writeNumberField("line", a.line());
        module(g, a.node());
        if (!a.context().isEmpty()) Json.strings(g, "context", a.context());
        g.writeEndObject();
    }

    private static void evidence(JsonGenerator g, EvidenceResult e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        Json.optional(g, "file", e.file());
        g.writeStringField("status", e.status().label());
        Json.optional(g, "sha256", e.pin().sha256());
        Json.optional(g, "expires", e.pin().expires());
        Json.optional(g, "reason", e.reason());
        g.writeStringField("text", e.text());
        Json.strings(g, "facts", e.facts());
        g.writeNumberField("line", e.line());
        bounds(g, e.bounds());
        g.writeStringField("validity", e.validity().label());
        module(g, e.node());
        g.writeEndObject();
    }

    private static void defeater(JsonGenerator g, DefeaterResult d) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", d.id());
        g.writeStringField("text", d.text());
        g.writeStringField("attack", d.attack());
        g.writeStringField("target", d.target());
        g.writeStringField("status", d.status().label());
        Json.optional(g, "owner", d.owner());
        Json.strings(g, "eliminatedBy", d.eliminatedBy());
        Json.optional(g, "accepted", d.accepted());
        g.writeNumberField("line", d.line());
        module(g, d.node());
        g.writeStringField("role", d.role());
        Json.optional(g, "relation", d.relation());
        Json.strings(g, "supportedBy", d.supportedBy());
        g.writeEndObject();
    }
}
