package dev.safecase.report;

import dev.safecase.judge.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How each status looks in every report: one source of colours, CSS class names and plain-words meaning. */
final class Palette {
    private Palette() {
    }

    /** {@code fill} and {@code stroke} for shapes and badges, {@code bar} for the stacked status bars. */
    record Style(Status status, String label, String css, String fill, String stroke, String bar, String ink,
                 String meaning) {}

    private static final Map<Status, Style> STYLES = byStatus(
        new Style(Status.PROVED, "proved", "st-proved", "#dcf2e1", "#2e7d32", "#2e9d4a", "#ffffff",
                "Z3 proved it: the premises are consistent and entail the goal"),
        new Style(Status.ASSERTED, "asserted", "st-asserted", "#d5ebf5", "#1c6e8c", "#2a8cb5", "#ffffff",
                "accepted by review, not by proof"),
        new Style(Status.OPEN, "open", "st-open", "#ececec", "#666666", "#8a8a8a", "#1a1a1a",
                "nothing supports it yet: undeveloped, unsupported or not eliminated"),
        new Style(Status.UNKNOWN, "unknown", "st-unknown", "#fff1c9", "#a8700a", "#b8860b", "#1a1a1a",
                "Z3 gave up (timeout, resource limit or incomplete theory)"),
        new Style(Status.REFUTED, "refuted", "st-refuted", "#fbdcdc", "#c62828", "#d93636", "#ffffff",
                "Z3 found a counterexample"),
        new Style(Status.VACUOUS, "vacuous", "st-vacuous", "#ecdff6", "#6a1b9a", "#8e44ad", "#ffffff",
                "the premises contradict each other, so a proof would mean nothing"),
        new Style(Status.INVALID, "invalid", "st-invalid", "#ecc9c9", "#7f0000", "#7f1010", "#ffffff",
                "it rests on evidence that failed its validity check"));

    private static Map<Status, Style> byStatus(Style... styles) {
        Map<Status, Style> out = new EnumMap<>(Status.class);
        for (Style s : styles) out.put(s.status(), s);
        if (out.size() != Status.values().length) throw new IllegalStateException("a status has no style");
        return out;
    }

    static Style of(Status status) {
        return STYLES.get(status);
    }

    /** Every status, best first (the order of {@link Status}). */
    static List<Style> all() {
        return new ArrayList<>(STYLES.values());
    }

    /** Neutral look for nodes that carry no status of their own (assumptions). */
    static final String NEUTRAL_FILL = "#ffffff";
    static final String NEUTRAL_STROKE = "#555555";
    static final String ATTACK = "#c62828";
}
