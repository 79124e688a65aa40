package dev.safecase.diag;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that prints diagnostics: headline, then the source line and a caret. Both pass through
 * {@link TerminalText}, so a control character in a case (or in its file name) is shown, never obeyed.
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    public static String format(Diagnostic d, Function<String, Optional<SourceText>> sources) {
        StringBuilder sb = new StringBuilder(TerminalText.escape(d.headline())).append('\n');
        if (d.pos().line() >= 1) {
            Optional<String> line = sources.apply(d.pos().file()).flatMap(s -> s.line(d.pos().line()));
            if (line.isPresent()) {
                String raw = line.get().replace('\t', ' ');
                int col = Math.max(1, Math.min(d.pos().col(), raw.length() + 1));
                String text = TerminalText.escape(raw);
                // the caret stands under the escaped column: escapes before it are wider than the characters
                int caret = TerminalText.escape(raw.substring(0, col - 1)).length();
                sb.append("  ").append(text).append('\n');
                sb.append("  ").append(" ".repeat(caret)).append("^\n");
            }
        }
        return sb.toString();
    }
}
