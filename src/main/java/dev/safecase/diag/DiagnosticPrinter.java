package dev.safecase.diag;

import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that prints diagnostics: headline, then the source line and an underline under the whole token the
 * diagnostic points at ({@code ^^^^^^^}). Both pass through {@link TerminalText}, so a control character in a case
 * (or in its file name) is shown, never obeyed; colour, when on, is added only after that.
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    public static String format(Diagnostic d, Function<String, Optional<SourceText>> sources) {
        return format(d, sources, Ansi.OFF);
    }

    public static String format(Diagnostic d, Function<String, Optional<SourceText>> sources, Ansi ansi) {
        String head = TerminalText.escape(d.headline());
        String label = d.severity().label() + ":";
        int at = head.indexOf(": " + label);
        if (ansi.on() && at >= 0) {
            String coloured = d.isError() ? ansi.boldRed(label) : ansi.yellow(label);
            head = ansi.bold(head.substring(0, at)) + ": " + coloured + head.substring(at + 2 + label.length());
        }
        StringBuilder sb = new StringBuilder(head).append('\n');
        if (d.pos().line() >= 1) {
            Optional<String> line = sources.apply(d.pos().file()).flatMap(s -> s.line(d.pos().line()));
            if (line.isPresent()) {
                String raw = line.get().replace('\t', ' ');
                int col = Math.max(1, Math.min(d.pos().col(), raw.length() + 1));
                int end = Math.max(col, Spans.end(raw, col - 1) + 1);
                String text = TerminalText.escape(raw);
                // the underline stands under the escaped text: escapes before and inside it are wider than the characters
                int from = TerminalText.escape(raw.substring(0, col - 1)).length();
                int width = Math.max(1, TerminalText.escape(raw.substring(col - 1, Math.min(raw.length(), end - 1))).length());
                String mark = "^".repeat(width);
                sb.append("  ").append(text).append('\n');
                sb.append("  ").append(" ".repeat(from)).append(d.isError() ? ansi.red(mark) : ansi.yellow(mark)).append('\n');
            }
        }
        return sb.toString();
    }
}
