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

    static void error(String message, Throwable t) {
        ERR.println("safecase lsp: error: " + message + ": " + t);
        if (Boolean.getBoolean("safecase.lsp.debug")) t.printStackTrace(ERR);
    }
}
