package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.diag.Diagnostic;
import dev.safecase.judge.Status;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code codequality.json}: GitLab's Code Quality report, the subset of the Code Climate issue format that GitLab
 * reads (an array of {@code description}, {@code check_name}, {@code fingerprint}, {@code severity},
 * {@code location.path} and {@code location.lines.begin}). One issue per undischarged obligation and per
 * diagnostic. Severity: {@code critical} for a status that fails the gate or an input error, {@code minor} for any
 * other undischarged obligation or a warning. The fingerprint is stable across runs: the case, the obligation and
 * its status (or the diagnostic's code, file and message).
 */
public final class CodeQualityReport {
    private CodeQualityReport() {
    }

    public static String render(Run run) {
        boolean strict = run.gate().strict();
        return Json.document(g -> {
            g.writeStartArray();
            for (CaseResult c : run.cases()) {
                for (ObligationResult o : c.obligations()) {
                    if (o.status() == Status.PROVED || (o.status() == Status.ASSERTED && !strict)) continue;
                    issue(g, c.name() + " " + o.id() + " is " + o.status().label() + ": "
                                    + Escaping.oneLine(GithubAnnotations.message(o)),
                            SarifReport.ruleId(o.status()), fingerprint(c.name(), o.id().toString(), o.status().label()),
                            run.gate().failOn().contains(o.status()) ? "critical" : "minor", o.file(), o.line());
                }
            }
            for (Diagnostic d : SarifReport.allDiagnostics(run)) {
                issue(g, d.code().id() + " " + d.message(), d.code().id(),
                        fingerprint(d.code().id(), d.pos().file(), d.message()), d.isError() ? "critical" : "minor",
                        d.pos().file(), d.pos().line());
            }
            g.writeEndArray();
        });
    }

    private static void issue(JsonGenerator g, String description, String check, String fingerprint, String severity,
                              String file, int line) throws IOException {
        g.writeStartObject();
        g.writeStringField("description", description);
        g.writeStringField("check_name", check);
        g.writeStringField("fingerprint", fingerprint);
        g.writeStringField("severity", severity);
        g.writeObjectFieldStart("location");
        g.writeStringField("path", file == null || file.isEmpty() ? "." : file.replace('\\', '/'));
        g.writeObjectFieldStart("lines");
        g.writeNumberField("begin", Math.max(1, line));
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    static String fingerprint(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
