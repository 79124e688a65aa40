package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A bug in any command never shows the user a stack trace and never exits 1 (which means only "the gate failed"):
 * one line, {@code safecase: internal error: …}, exit 2; the trace with {@code --debug}. The failure is injected by
 * a command added to the real command line, so the same handlers run as for {@code check} or {@code report}.
 */
class InternalErrorTest {
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Supplier<Throwable> failure;
        @CommandLine.Option(names = "--debug")
        boolean debug;

        Boom(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = failure.get();
            if (t instanceof Error e) throw e;
            throw (Exception) t;
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("stack overflow", (Supplier<Throwable>) StackOverflowError::new,
                        "safecase: internal error: stack overflow. This is a bug in safecase; run with --debug for the stack trace."),
                Arguments.of("out of memory", (Supplier<Throwable>) () -> new OutOfMemoryError("Java heap space"),
                        "safecase: internal error: out of memory (Java heap space; more with SAFECASE_JAVA_OPTS=-Xmx4g). "
                                + "This is a bug in safecase; run with --debug for the stack trace."),
                Arguments.of("a bug", (Supplier<Throwable>) () -> new IllegalStateException("no verdict for inference:top"),
                        "safecase: internal error: java.lang.IllegalStateException: no verdict for inference:top. "
                                + "This is a bug in safecase; run with --debug for the stack trace."),
                Arguments.of("a bug without a message", (Supplier<Throwable>) NullPointerException::new,
                        "safecase: internal error: java.lang.NullPointerException. "
                                + "This is a bug in safecase; run with --debug for the stack trace."),
                Arguments.of("an I/O failure", (Supplier<Throwable>) () -> new java.io.IOException("No space left on device"),
                        "safecase: error: No space left on device"),
                Arguments.of("hostile text in a message", (Supplier<Throwable>) () -> new IllegalStateException("x\u001b[2K\rgate: PASSED"),
                        "safecase: internal error: java.lang.IllegalStateException: x\\u{1B}[2K\\rgate: PASSED. "
                                + "This is a bug in safecase; run with --debug for the stack trace."));
    }

    private static CommandLineTest.Run run(Supplier<Throwable> failure, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
                cl -> cl.addSubcommand("boom", new Boom(failure)));
        return new CommandLineTest.Run(code, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void oneLineAndExitTwo(String name, Supplier<Throwable> failure, String message) {
        CommandLineTest.Run r = run(failure, "boom");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of(message), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void debugShowsTheStackTrace() {
        CommandLineTest.Run r = run(StackOverflowError::new, "boom", "--debug");
        assertEquals(2, r.code());
        assertTrue(r.errLines().get(0).startsWith("safecase: internal error: stack overflow"), r.err());
        assertTrue(r.err().contains("\tat dev.safecase.cli.InternalErrorTest"), r.err());
    }

    @Test
    void noStackTraceWithoutDebug() {
        CommandLineTest.Run r = run(() -> new RuntimeException("deep", new StackOverflowError()), "boom");
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
