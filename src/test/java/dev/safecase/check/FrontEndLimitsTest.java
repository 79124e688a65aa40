package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.diag.Diagnostic;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legal input that crashed or hung the front end (a stack overflow, an endless computation, an
 * error at 1:1): through the pipeline, each now ends in a verdict or in a diagnostic at the
 * place of the problem, with exit 2. The pipeline runs on a thread with the JVM's default
 * stack of 1 MB, as under the CLI (the tests' own threads have 8 MB). The timeout only keeps
 * a regression from hanging the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FrontEndLimitsTest {
    private static final long CLI_STACK = 1 << 20;

    @TempDir
    Path tmp;

    /** The exit code and every error as {@code file:line:col CODE}, in source order. */
    record Ran(int exit, String errors) {}

    private Ran check(String text) throws IOException {
        return run(write("c.case", text));
    }

    private Ran run(Path file) {
        Verifier v = new Verifier(Options.defaults(tmp).withToday(LocalDate.of(2026, 11, 22)).withJobs(1));
        Verifier.Outcome out = onCliStack(() -> v.run(List.of(file)));
        String errors = out.run().diagnostics().stream().filter(Diagnostic::isError)
                .map(d -> tmp.relativize(Path.of(d.pos().file()).toAbsolutePath()) + ":" + d.pos().line() + ":" + d.pos().col()
                        + " " + d.code().id())
                .collect(Collectors.joining("\n"));
        return new Ran(out.exitCode(), errors);
    }

    private static <T> T onCliStack(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "pipeline", CLI_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (failure.get() != null) throw new AssertionError("the pipeline threw " + failure.get(), failure.get());
        return result.get();
    }

    private Path write(String rel, String text) throws IOException {
        return TestFiles.write(tmp, rel, text);
    }

    private static final String HEAD = "case c \"c\"\nquantity p : probability\nquantity b : bool\n";

    // ------------------------------------------------------------ stack depth

    @Test
    void aChainOfAThousandDefinesResolves() throws IOException {
        StringBuilder s = new StringBuilder(HEAD).append("define d0 = p <= 1\n");
        for (int i = 1; i <= 1000; i++) s.append("define d").append(i).append(" = d").append(i - 1).append('\n');
        s.append("claim top \"t\": d1000 undeveloped\n");
        assertEquals(new Ran(1, ""), check(s.toString()), "a verdict (the claim is open), not a stack overflow");
    }

    @Test
    void aChainOfDefinesTooDeepOnceInlinedIsReportedAtTheDefineThatCrossesTheLimit() throws IOException {
        StringBuilder s = new StringBuilder(HEAD).append("define d0 = p\n");
        for (int i = 1; i <= 1000; i++) s.append("define d").append(i).append(" = d").append(i - 1).append(" + 1\n");
        s.append("claim top \"t\": d1000 <= 2000 undeveloped\n");
        // d0 is line 4, so d250 (the first whose term is 251 levels deep) is line 254; its body starts at column 15
        assertEquals(new Ran(2, "c.case:254:15 SC101"), check(s.toString()));
    }

    @Test
    void aChainOf2500ImportsLoads() throws IOException {
        int n = 2500;
        for (int i = 1; i <= n; i++) {
            write("m" + i + ".case", (i < n ? "import m" + (i + 1) + "\n" : "") + "assumption a" + i + " \"A" + i + "\"\n");
        }
        Path main = write("main.case", "case c \"c\"\nimport m1\nclaim top \"t\" undeveloped\n");
        assertEquals(new Ran(1, ""), run(main), "a verdict (the claim is open), not a stack overflow");
    }

    @Test
    void tenThousandNestedNotsAreReportedWhereTheyGetTooDeep() throws IOException {
        Ran r = check(HEAD + "claim top \"t\": " + "not ".repeat(10_000) + "b undeveloped\n");
        // the 251st `not` opens level 251: "claim top "t": " is 15 columns, each `not ` 4 more
        assertEquals(new Ran(2, "c.case:4:" + (16 + 250 * 4) + " SC101"), r);
    }

    @Test
    void deepParenthesesAreReportedWhereTheyGetTooDeep() throws IOException {
        Ran r = check(HEAD + "claim top \"t\":\n  " + "(".repeat(100_000) + "p <= 1" + ")".repeat(100_000) + " undeveloped\n");
        assertEquals(new Ran(2, "c.case:5:253 SC101"), r);
    }

    // ------------------------------------------------------------ exponential work and huge numbers

    @Test
    void definesThatDoubleAtEachLevelAreCheckedInLinearTime() throws IOException {
        StringBuilder s = new StringBuilder(HEAD).append("define d0 = p\n");
        for (int i = 1; i <= 40; i++) s.append("define d").append(i).append(" = d").append(i - 1).append(" + d").append(i - 1).append('\n');
        // a type error after the define keeps the prover out: this is the checker's own work
        s.append("claim top \"t\": d40 + true <= 1 undeveloped\n");
        assertEquals(new Ran(2, "c.case:45:20 SC401"), check(s.toString()));
    }

    @Test
    void constantArithmeticTooLargeToComputeIsReportedAtItsOperator() throws IOException {
        StringBuilder s = new StringBuilder(HEAD).append("define a0 = 1e9000\n");
        for (int i = 1; i <= 20; i++) s.append("define a").append(i).append(" = a").append(i - 1).append(" * a").append(i - 1).append('\n');
        s.append("claim top \"t\": p <= a20 undeveloped\n");
        // a1 = 10^18000 still fits; a2 = 10^36000 would need more than 65536 bits
        assertEquals(new Ran(2, "c.case:6:16 SC412"), check(s.toString()));
    }

    @Test
    void aHugeExponentIsRefusedBeforeItIsExpanded() throws IOException {
        assertEquals(new Ran(2, "c.case:4:21 SC102"), check(HEAD + "claim top \"t\": p <= 1e99999999 undeveloped\n"));
    }

    @Test
    void numbersWithMoreThanAThousandSignificantDigitsAreRefused() throws IOException {
        String ok = "0.000" + "1".repeat(1000);
        String tooMany = "1".repeat(1001);
        assertEquals(new Ran(2, "c.case:5:19 SC102"), check(HEAD + "claim x \"x\": p <= " + ok + " undeveloped\n"
                + "claim y \"y\": p <= " + tooMany + " undeveloped\n"));
    }

    // ------------------------------------------------------------ hostile text

    @Test
    void controlCharactersInStringsAreRefusedAtTheCharacter() throws IOException {
        String text = HEAD + "claim top \"Owner: \u001b[2Kgate: PASSED\" undeveloped\n"
                + "claim u \"\"\"two\n  lines\u0007\"\"\" undeveloped\n"
                + "claim v \"Budget \u202e01\" undeveloped\n";
        assertEquals(new Ran(2, "c.case:4:19 SC102\nc.case:6:8 SC102\nc.case:7:17 SC102"), check(text));
    }

    @Test
    void crlfLineEndingsGiveTheSameResultsAsLf() throws IOException {
        String lf = HEAD + "claim top \"\"\"A text\n  on two lines\"\"\": p <= 1 supported by sub\nclaim sub \"s\": p <= q undeveloped\n";
        Ran unix = check(lf);
        Ran windows = run(write("w/c.case", lf.replace("\n", "\r\n")));
        assertEquals(new Ran(2, "c.case:6:21 SC201"), unix);
        assertEquals(new Ran(2, "w/c.case:6:21 SC201"), windows);
    }

    // ------------------------------------------------------------ long arguments

    @Test
    void aSupportChainOf8000ClaimsIsCheckedWithoutRecursion() throws IOException {
        StringBuilder s = new StringBuilder("case c \"c\"\n");
        for (int i = 0; i < 8000; i++) s.append("claim c").append(i).append(" \"c\" supported by c").append((i + 1) % 8000).append('\n');
        assertEquals(new Ran(2, "c.case:2:1 SC304"), check(s.toString()));
    }
}
