package dev.safecase.judge;

import java.util.Locale;

/** The status of an obligation, ordered from best to worst (§6). */
public enum Status {
    PROVED, ASSERTED, OPEN, UNKNOWN, REFUTED, VACUOUS, INVALID;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status worst(Status a, Status b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    public static Status parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
