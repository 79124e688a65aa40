package dev.safecase.report;

import dev.safecase.diag.Diagnostic;
import dev.safecase.judge.Status;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code check --format github}: GitHub Actions workflow commands, one per line, that GitHub shows as annotations at
 * the file and line: {@code ::error} for an obligation whose status fails the gate and for an input error,
 * {@code ::warning} for any other undischarged obligation and for a warning, then a {@code ::notice} with the gate.
 * Values are escaped as the runner expects (%, CR and LF in a message; also {@code :} and {@code ,} in a property).
 */
public final class GithubAnnotations {
    private GithubAnnotations() {
    }

    public static String render(Run run) {
        StringBuilder b = new StringBuilder();
        boolean strict = run.gate().strict();
        for (CaseResult c : run.cases()) {
            for (ObligationResult o : c.obligations()) {
                if (o.status() == Status.PROVED || (o.status() == Status.ASSERTED && !strict)) continue;
                String level = run.gate().failOn().contains(o.status()) ? "error" : "warning";
                command(b, level, o.file(), o.line(), 0, "safecase: " + c.name() + " " + o.id() + " " + o.status().label(),
                        message(o));
            }
        }
        for (Diagnostic d : SarifReport.allDiagnostics(run)) {
            String level = d.isError() ? "error" : "warning";
            command(b, level, d.pos().file(), d.pos().line(), d.pos().col(), "safecase: " + d.code().id() + " " + d.code().title(),
                    d.message());
        }
        String gate = "gate " + (run.gate().passed() ? "passed" : "FAILED") + ": " + run.gate().proved() + " of "
                + run.gate().total() + " obligations proved"
                + (run.gate().reasons().isEmpty() ? "" : " (" + String.join("; ", run.gate().reasons()) + ")");
        command(b, run.gate().passed() ? "notice" : "error", "", 0, 0, "safecase", gate);
        return b.toString();
    }

    /** The reason, then the counterexample or the clashing premises. */
    static String message(ObligationResult o) {
        StringBuilder m = new StringBuilder(o.reason().orElse(o.status().label()));
        if (!o.counterexample().isEmpty()) {
            List<String> kv = new ArrayList<>();
            for (Map.Entry<String, String> e : o.counterexample().entrySet()) kv.add(e.getKey() + " = " + e.getValue());
            m.append("\ncounterexample: ").append(String.join(", ", kv));
        }
        if (!o.core().isEmpty()) m.append("\nclashing premises: ").append(String.join(", ", o.core()));
        o.owner().ifPresent(w -> m.append("\nowner: ").append(w));
        return m.toString();
    }

    private static void command(StringBuilder b, String level, String file, int line, int col, String title, String message) {
        b.append("::").append(level).append(' ');
        List<String> props = new ArrayList<>();
        if (file != null && !file.isEmpty()) {
            props.add("file=" + property(file.replace('\\', '/')));
            if (line >= 1) props.add("line=" + line);
            if (line >= 1 && col >= 1) props.add("col=" + col);
        }
        props.add("title=" + property(title));
        b.append(String.join(",", props)).append("::").append(data(message)).append('\n');
    }

    /** A message: %, CR and LF escaped. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as a message, and {@code :} and {@code ,} too. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
