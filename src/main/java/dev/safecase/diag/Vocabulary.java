package dev.safecase.diag;

/**
 * How a message names a setting to its reader: the command line's options ({@code --root}) or
 * the Maven plugin's parameters ({@code <root>}). A message that tells the user to change a
 * setting asks the run's vocabulary for the words, so the same finding reads right in a
 * terminal and in a Maven log.
 */
public enum Vocabulary {
    /** The command line: {@code --root}, "pass --root". */
    CLI,
    /** The Maven plugin: {@code <root>}, "set <root>". */
    MAVEN;

    /** The settings a message may point to. */
    public enum Setting {
        ROOT("--root", "root"),
        TIMEOUT_MS("--timeout-ms", "timeoutMs"),
        RLIMIT("--rlimit", "rlimit"),
        TODAY("--today", "today"),
        FAIL_ON("--fail-on", "failOn"),
        MIN_PROVED("--min-proved", "minProved"),
        JOBS("--jobs", "jobs");

        private final String option;
        private final String parameter;

        Setting(String option, String parameter) {
            this.option = option;
            this.parameter = parameter;
        }
    }

    /** The setting's name: {@code --root} or {@code <root>}. */
    public String name(Setting s) {
        return this == CLI ? s.option : "<" + s.parameter + ">";
    }

    /** The setting's bare word, as the gate's reasons say it: {@code min-proved} or {@code minProved}. */
    public String word(Setting s) {
        return this == CLI ? s.option.substring(2) : s.parameter;
    }

    /** The advice to change it: {@code pass --root} or {@code set <root>}. */
    public String change(Setting s) {
        return (this == CLI ? "pass " : "set ") + name(s);
    }
}
