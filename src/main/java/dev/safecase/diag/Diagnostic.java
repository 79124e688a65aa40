package dev.safecase.diag;

import java.util.Comparator;

/** One finding about the input, with a stable code from {@link Code}. */
public record Diagnostic(Severity severity, Code code, Position pos, String message) {
    public static final Comparator<Diagnostic> SOURCE_ORDER =
            Comparator.comparing(Diagnostic::pos).thenComparing(d -> d.code().id()).thenComparing(Diagnostic::message);

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: error: SC101 message}, without the source excerpt. */
    public String headline() {
        return pos + ": " + severity.label() + ": " + code.id() + " " + message;
    }
}
