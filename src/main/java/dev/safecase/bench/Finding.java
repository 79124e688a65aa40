package dev.safecase.bench;

/** What the robustness fuzzer reports: everything a user must never see. */
public enum Finding {
    /** The JVM running the input died (a native crash, or killed by the system). */
    CRASH("crash"),
    /** The input ran longer than the hang limit (20 s by default). */
    HANG("hang"),
    /** {@code safecase: internal error: …}: an exception or Error reached the CLI's last resort. */
    INTERNAL_ERROR("internal-error"),
    /** A Java stack trace in any output. */
    STACK_TRACE("stack-trace"),
    /** An exit status other than 0, 1 and 2. */
    BAD_EXIT("bad-exit"),
    /** Exit 1 from check or report without a failed gate: 1 means only that. */
    EXIT1_NOT_GATE("exit1-not-gate"),
    /** Exit 2 without any {@code file:line:col} diagnostic, and no bad option or refused folder to explain it. */
    NO_POSITION("no-position"),
    /** Text printed around the CLI's own writers (straight to System.out or System.err). */
    STRAY_OUTPUT("stray-output");

    private final String label;

    Finding(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Finding of(String label) {
        for (Finding f : values()) {
            if (f.label.equals(label)) return f;
        }
        throw new IllegalArgumentException("no finding kind " + label);
    }
}
