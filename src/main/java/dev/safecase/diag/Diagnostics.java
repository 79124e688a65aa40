package dev.safecase.diag;

import java.util.ArrayList;
import java.util.List;

/** A sink that passes write findings into; they never throw for a user's mistake. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void error(Code code, Position pos, String message) {
        items.add(new Diagnostic(Severity.ERROR, code, pos, message));
    }

    public void warning(Code code, Position pos, String message) {
        items.add(new Diagnostic(Severity.WARNING, code, pos, message));
    }

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** How many different errors have been reported (a repeated one counts once). */
    public int distinctErrors() {
        return (int) items.stream().filter(Diagnostic::isError).distinct().count();
    }

    public int size() {
        return items.size();
    }

    /** All findings, de-duplicated, in source order. */
    public List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.SOURCE_ORDER).toList();
    }
}
