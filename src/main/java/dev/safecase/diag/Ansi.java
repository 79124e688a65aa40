package dev.safecase.diag;

/**
 * Colour for terminal output, or none. Off unless asked for: the CLI turns it on for a terminal when
 * {@code NO_COLOR} is not set (https://no-color.org) and {@code TERM} is not {@code dumb}, or with
 * {@code --color always}. Only text that has already passed {@link TerminalText#escape} is wrapped, so the codes
 * here are the only escape sequences in the output.
 */
public record Ansi(boolean on) {
    public static final Ansi OFF = new Ansi(false);
    public static final Ansi ON = new Ansi(true);

    /** The usual choice: on for a terminal, unless {@code NO_COLOR} is set or the terminal is dumb. */
    public static Ansi auto(boolean terminal, String noColor, String term) {
        boolean off = !terminal || noColor != null && !noColor.isEmpty() || "dumb".equals(term);
        return off ? OFF : ON;
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String blue(String s) {
        return wrap("34", s);
    }

    public String magenta(String s) {
        return wrap("35", s);
    }

    public String cyan(String s) {
        return wrap("36", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String boldRed(String s) {
        return wrap("1;31", s);
    }

    public String boldGreen(String s) {
        return wrap("1;32", s);
    }

    private String wrap(String code, String s) {
        return on && !s.isEmpty() ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
