package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.judge.GatePolicy;
import dev.safecase.judge.Status;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code safecase.sarif}: SARIF 2.1.0 for code-scanning tools. One rule per undischarged status
 * ({@code safecase.refuted}, …) and one per diagnostic code that occurs; one result per unproven obligation at its
 * source line (error for refuted, vacuous and invalid; warning for unknown and open), and one per diagnostic.
 * Artifact URIs are the run's relative file strings, against {@code %SRCROOT%}.
 */
public final class SarifReport {
    private SarifReport() {
    }

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The statuses that fail the gate by default, in listing order: each is a rule. */
    static final List<Status> RULE_STATUSES = Status.inFailingOrder(GatePolicy.DEFAULT_FAIL_ON);

    public static String render(Run run) {
        List<Diagnostic> diagnostics = allDiagnostics(run);
        Set<Code> codes = EnumSet.noneOf(Code.class);
        diagnostics.forEach(d -> codes.add(d.code()));
        List<String> ruleIds = new ArrayList<>();
        RULE_STATUSES.forEach(s -> ruleIds.add(ruleId(s)));
        codes.forEach(c -> ruleIds.add(c.id()));
        return Json.document(g -> {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "safecase");
            g.writeStringField("version", run.version());
            g.writeStringField("semanticVersion", run.version());
            g.writeStringField("informationUri", RuleHelp.HOME);
            g.writeArrayFieldStart("rules");
            for (Status s : RULE_STATUSES) statusRule(g, s);
            for (Code c : codes) codeRule(g, c);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            g.writeBooleanField("executionSuccessful", true);
            g.writeObjectFieldStart("properties");
            g.writeStringField("solver", run.solver());
            g.writeStringField("today", run.today().toString());
            g.writeBooleanField("gatePassed", run.gate().passed());
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            for (CaseResult c : run.cases()) {
                for (ObligationResult o : c.obligations()) {
                    if (RULE_STATUSES.contains(o.status()) && o.gated()) obligationResult(g, c, o, ruleIds);
                }
            }
            for (Diagnostic d : diagnostics) diagnosticResult(g, d, ruleIds);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    static String ruleId(Status s) {
        return "safecase." + s.label();
    }

    static String level(Status s) {
        return switch (s) {
            case REFUTED, VACUOUS, INVALID -> "error";
            case UNKNOWN, OPEN -> "warning";
            default -> "note";
        };
    }

    private static void statusRule(JsonGenerator g, Status s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", ruleId(s));
        g.writeStringField("name", pascal("obligation " + s.label()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", "Obligation " + s.label() + ": " + Palette.of(s).meaning());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", RuleHelp.full(s));
        g.writeEndObject();
        g.writeStringField("helpUri", RuleHelp.HOME + "docs/language.md#7-obligations-and-statuses");
        g.writeObjectFieldStart("help");
        g.writeStringField("text", RuleHelp.full(s) + " " + RuleHelp.fix(s));
        g.writeStringField("markdown", "**" + s.label() + "**: " + RuleHelp.full(s) + "\n\n" + RuleHelp.fix(s)
                + "\n\nSee the language guide, section 7, \"Obligations and statuses\".");
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(s));
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void codeRule(JsonGenerator g, Code c) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("name", pascal(c.title()));
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", c.title());
        g.writeEndObject();
        String section = RuleHelp.section(c).orElse("See docs/diagnostics.md, section " + c.id() + ".");
        String first = section.split("\n\n")[0];
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", c.id() + " " + c.title() + ". " + RuleHelp.plain(first).replace('\n', ' '));
        g.writeEndObject();
        g.writeStringField("helpUri", RuleHelp.HOME + "docs/diagnostics.md#" + RuleHelp.anchor(c));
        g.writeObjectFieldStart("help");
        g.writeStringField("text", RuleHelp.plain(section));
        g.writeStringField("markdown", section);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void obligationResult(JsonGenerator g, CaseResult c, ObligationResult o, List<String> ruleIds)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", ruleId(o.status()));
        g.writeNumberField("ruleIndex", ruleIds.indexOf(ruleId(o.status())));
        g.writeStringField("level", level(o.status()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", message(c, o));
        g.writeEndObject();
        location(g, o.file(), o.line(), 0);
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("safecaseObligation/v1", c.name() + "/" + o.id());
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("case", c.name());
        g.writeStringField("obligation", o.id().toString());
        g.writeStringField("status", o.status().label());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String message(CaseResult c, ObligationResult o) {
        StringBuilder b = new StringBuilder();
        b.append(o.id()).append(" in case ").append(c.name()).append(" is ").append(o.status().label());
        o.reason().ifPresent(r -> b.append(": ").append(Escaping.oneLine(r).replaceAll("\\.+$", "")));
        if (!o.counterexample().isEmpty()) {
            b.append(". Counterexample: ");
            List<String> kv = new ArrayList<>();
            for (Map.Entry<String, String> e : o.counterexample().entrySet()) {
                kv.add(e.getKey() + " = " + e.getValue());
            }
            b.append(String.join(", ", kv));
        }
        if (!o.core().isEmpty()) b.append(". Unsat core: ").append(String.join(", ", o.core()));
        return b.append('.').toString();
    }

    private static void diagnosticResult(JsonGenerator g, Diagnostic d, List<String> ruleIds) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", d.code().id());
        g.writeNumberField("ruleIndex", ruleIds.indexOf(d.code().id()));
        g.writeStringField("level", d.severity().label());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", d.message());
        g.writeEndObject();
        Position p = d.pos();
        location(g, p.file(), p.line(), p.col());
        g.writeEndObject();
    }

    /** A physical location, or none when the file is unknown; lines and columns only when they are real (≥ 1). */
    private static void location(JsonGenerator g, String file, int line, int col) throws IOException {
        if (file == null || file.isEmpty()) return;
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        if (absolute(file)) {
            // a file outside the working directory is shown by its absolute path: an absolute file: URI, no base
            g.writeStringField("uri", java.nio.file.Path.of(file).toUri().toString());
        } else {
            g.writeStringField("uri", uri(file));
            g.writeStringField("uriBaseId", "%SRCROOT%");
        }
        g.writeEndObject();
        if (line >= 1) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", line);
            if (col >= 1) g.writeNumberField("startColumn", col);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private static boolean absolute(String file) {
        if (file.startsWith("<")) return false;
        try {
            return java.nio.file.Path.of(file).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** A relative URI reference: forward slashes, and characters outside RFC 3986's unreserved set percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        StringBuilder b = new StringBuilder();
        for (byte by : path.getBytes(StandardCharsets.UTF_8)) {
            int ch = by & 0xff;
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                    || "-._~/".indexOf(ch) >= 0) {
                b.append((char) ch);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", ch));
            }
        }
        return b.toString();
    }

    /** The run's diagnostics, then any case diagnostics the run does not list, without repeats. */
    static List<Diagnostic> allDiagnostics(Run run) {
        Set<Diagnostic> all = new LinkedHashSet<>(run.diagnostics());
        for (CaseResult c : run.cases()) all.addAll(c.diagnostics());
        return List.copyOf(all);
    }

    private static String pascal(String words) {
        StringBuilder b = new StringBuilder();
        for (String w : words.split("[^A-Za-z0-9]+")) {
            if (w.isEmpty()) continue;
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }
}
