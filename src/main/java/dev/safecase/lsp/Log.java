package dev.safecase.lsp;

import java.io.PrintStream;

/** The server's log: standard error only, since standard output carries the protocol. */
final class Log {
    private static final PrintStream ERR = System.err;

    private Log() {
    }

    static void info(String message) {
        ERR.println("safecase lsp: " + message);
    }

    static void warn(String message) {
        ERR.println("safecase lsp: warning: " + message);
    }

    /**
     * Sends LSP4J's own log (a malformed message, a closed stream) here too, one line per
     * record without a stack trace. Returns the logger, which the caller keeps: the logging
     * system holds its loggers weakly.
     */
    static java.util.logging.Logger capture() {
        java.util.logging.Logger lsp4j = java.util.logging.Logger.getLogger("org.eclipse.lsp4j");
        lsp4j.setUseParentHandlers(false);
        for (java.util.logging.Handler h : lsp4j.getHandlers()) lsp4j.removeHandler(h);
        lsp4j.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                String thrown = r.getThrown() == null ? "" : ": " + r.getThrown();
                ERR.println("safecase lsp: " + r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                        + r.getMessage() + thrown);
            }

            @Override
            public void flush() {
                ERR.flush();
            }

            @Override
            public void close() {
                flush();
            }
        });
        return lsp4j;
    }

    static void error(String message, Throwable t) {
        ERR.println("safecase lsp: error: " + message + ": " + t);
        if (Boolean.getBoolean("safecase.lsp.debug")) t.printStackTrace(ERR);
    }
}
