package dev.safecase.syntax;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import java.util.stream.Collectors;

/** What the parser reports for a text, as {@code line:col CODE message} lines. */
final class Findings {
    private Findings() {
    }

    static String of(String text) {
        Diagnostics d = new Diagnostics();
        Parser.parse(new SourceText(null, "t.case", text), d);
        return d.sorted().stream().map(x -> x.pos().line() + ":" + x.pos().col() + " " + x.code().id() + " " + x.message())
                .collect(Collectors.joining("\n"));
    }
}
