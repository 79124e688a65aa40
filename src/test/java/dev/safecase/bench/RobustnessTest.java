package dev.safecase.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The robustness fuzzer: its inputs reproduce, it recognises each kind of finding, and a hang does not stop it. */
class RobustnessTest {
    @TempDir
    Path tmp;

    static final Path CORPUS = Path.of("").toAbsolutePath();

    @Test
    void inputsDependOnlyOnSeedAndNumber() {
        List<Mutants.Seed> seeds = Mutants.seeds(CORPUS);
        assertTrue(seeds.size() > 50, "corpus: " + seeds.size());
        for (long i = 0; i < 200; i++) {
            Mutants.Input a = Mutants.make(seeds, 7, i);
            Mutants.Input b = Mutants.make(seeds, 7, i);
            assertEquals(a.args(), b.args());
            assertEquals(a.how(), b.how());
            assertEquals(a.files().keySet(), b.files().keySet());
            for (String k : a.files().keySet()) assertTrue(Arrays.equals(a.files().get(k), b.files().get(k)), k);
        }
    }

    @Test
    void everyFamilyOfMutationOccurs() {
        List<Mutants.Seed> seeds = Mutants.seeds(CORPUS);
        StringBuilder all = new StringBuilder();
        for (long i = 0; i < 2000; i++) all.append(Mutants.make(seeds, 1, i).how()).append('\n');
        for (String what : List.of("bit flip", "bytes inserted", "token deleted", "token renamed", "spliced", "lines duplicated",
                "control or unicode", "chain of", "doubling defines", "nesting", "literal of", "imports", "evidence",
                "option --min-proved", "file name", "check", "smt", "report", "explain", "pin", "graph")) {
            assertTrue(all.indexOf(what) >= 0, "no input with " + what);
        }
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("check", 2, "", "safecase: internal error: stack overflow. This is a bug", "", Finding.INTERNAL_ERROR),
                Arguments.of("check", 2, "", "java.lang.IllegalStateException: x\n\tat dev.safecase.X.y(X.java:3)\n", "",
                        Finding.STACK_TRACE),
                Arguments.of("smt", 3, "", "", "", Finding.BAD_EXIT),
                Arguments.of("check", 1, "case c: NOT discharged\n", "", "", Finding.EXIT1_NOT_GATE),
                Arguments.of("check", 2, "", "safecase: error: BigInteger would overflow supported range\n", "", Finding.NO_POSITION),
                Arguments.of("check", 0, "gate: PASSED\n", "", "line 1:2 token recognition error\n", Finding.STRAY_OUTPUT),
                Arguments.of("check", 1, "gate: FAILED (1 obligation is open)\n", "", "", null),
                Arguments.of("check", 1, "{\n  \"gate\": {\n    \"passed\": false,\n", "", "", null),
                Arguments.of("explain", 1, "status: refuted\n", "", "", null),
                Arguments.of("check", 2, "", "/x/fuzz.case:3:7: error: SC201 unknown name 'q'\n", "", null),
                Arguments.of("check", 2, "", "safecase: error: --today 2026-13-01 is not a date (YYYY-MM-DD)\n", "", null),
                Arguments.of("report", 2, "", "safecase: error: will not replace /x: it is the project root\n", "", null),
                Arguments.of("check", 2, "", "safecase: error: Unknown option: '--bogus'\nTry 'safecase --help' for the commands\n",
                        "", null));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void recognisesEachKindOfFinding(String command, int code, String out, String err, String stray, Finding expected) {
        Optional<RobustnessWorker.Verdict> v = RobustnessWorker.classify(command,
                new RobustnessWorker.Outcome(code, out, err, stray, 5), Path.of("/x"));
        assertEquals(Optional.ofNullable(expected), v.map(RobustnessWorker.Verdict::kind), err + out);
    }

    @Test
    void aHangOrACrashDoesNotStopTheRun() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> worker = List.of(java, "-cp", System.getProperty("java.class.path"), FakeWorker.class.getName());
        Path out = tmp.resolve("robustness");
        StringWriter log = new StringWriter();
        // the hang limit is short so that the test is quick, yet long enough for a child JVM to start on a loaded
        // machine (at 1 s every input counted as a hang there); FakeWorker's input 0 blocks for ever, whatever the limit
        Robustness.Config c = new Robustness.Config(1, Duration.ofMinutes(5), 6, out, CORPUS, Duration.ofSeconds(8), 100);
        Robustness.Summary s = Robustness.run(c, worker, new PrintWriter(log));
        assertEquals(6, s.tried(), log.toString());
        assertEquals(Map.of(Finding.HANG, 1, Finding.CRASH, 1, Finding.INTERNAL_ERROR, 1), s.counts(), log.toString());
        assertEquals(3, s.children(), "a fresh JVM after the hang and after the crash");
        for (String f : List.of("hang-1/fuzz.case", "crash-1/fuzz.case", "internal-error-1/fuzz.case", "summary.txt")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " in " + log);
        }
        assertTrue(Files.readString(out.resolve("hang-1/fuzz.case")).contains("fake0"), "the hanging input is the one saved");
        assertTrue(Files.readString(out.resolve("crash-1/fuzz.case")).contains("fake2"));
        assertTrue(log.toString().contains("findings: crash 1, hang 1, internal-error 1, stack-trace 0"), log.toString());
        assertTrue(Files.notExists(out.resolve(".work")), "the work folder is removed");
    }

    @Test
    void theRealWorkerRunsInputsThroughTheCommandLine() throws Exception {
        // a quick input (a token edit, checked) rather than one at the limits, so that the test stays fast
        List<Mutants.Seed> seeds = Mutants.seeds(CORPUS);
        long i = 0;
        while (!Mutants.make(seeds, 3, i).how().matches("[^,]*, token \\w+, check")) i++;
        ByteArrayOutputStream protocol = new ByteArrayOutputStream();
        RobustnessWorker.run(Main::run, 3, i, 1, tmp, CORPUS, new PrintStream(protocol, true, StandardCharsets.UTF_8));
        List<String> lines = protocol.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("step ")).toList();
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("start " + i, lines.get(0));
        assertTrue(lines.get(1).matches("done " + i + " [a-z0-9-]+ \\d+ .*"), lines.toString());
        assertEquals("stop", lines.get(2));
        assertTrue(Files.isRegularFile(tmp.resolve("in-" + i + "/repro.sh")));
        assertTrue(Files.readString(tmp.resolve("in-" + i + "/repro.sh")).contains("'check' '--root' \"$d\""));
    }
}
