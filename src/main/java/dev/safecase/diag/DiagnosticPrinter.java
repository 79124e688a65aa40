package dev.safecase.diag;

import java.util.Optional;
import java.util.function.Function;

/** The one place that prints diagnostics: headline, then the source line and a caret. */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    public static String format(Diagnostic d, Function<String, Optional<SourceText>> sources) {
        StringBuilder sb = new StringBuilder(d.headline()).append('\n');
        if (d.pos().line() >= 1) {
            Optional<String> line = sources.apply(d.pos().file()).flatMap(s -> s.line(d.pos().line()));
            if (line.isPresent()) {
                String text = line.get().replace('\t', ' ');
                sb.append("  ").append(text).append('\n');
                int col = Math.max(1, Math.min(d.pos().col(), text.length() + 1));
                sb.append("  ").append(" ".repeat(col - 1)).append("^\n");
            }
        }
        return sb.toString();
    }
}
