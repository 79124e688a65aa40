package dev.safecase.cache;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.safecase.bench.Generator;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project for the cache, shard and start-up tests: a generated case with many blocks and a small
 * one with every kind of verdict (proved with a core, refuted with an enum counterexample, vacuous
 * in an inference and in the consistency check, an SC405 divisor check) and an evidence file.
 */
public final class CacheFixture {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    public static final String MIXED = """
            case mixed "A little of everything the verdict cache must keep"

            enum Level { low, high }
            quantity level : Level
            quantity err : probability
            quantity n_runs : int in [0, 1000000]
            quantity a : real in [0, 10]
            quantity b : real in [0, 10]

            assumption stakes "Low stakes": level == low
            assumption runs "Enough runs": n_runs >= 2000
            assumption clash "Two bounds that cannot both hold": a >= 5 and a <= 4
            assumption spread "b is no smaller than a tenth of a": a <= 10 * b

            claim top "The error is small": err <= 1% and n_runs >= 2000
                assuming runs
                supported by eval_claim
            claim eval_claim "The evaluation bounds the error": err <= 1%
                supported by eval
            evidence eval "The run log"
                file "evidence/runs.json"
                gives n_runs == json("/n"), err <= 1%

            claim wrong "The stakes are high": level == high
                assuming stakes
                supported by base
            claim base "A base fact" asserted "reviewed"

            claim ratio "a over b is at most 100": a / b <= 100
                assuming spread
                supported by base
            claim void "a is at most 1": a <= 1
                assuming clash
                supported by base
            """;

    private CacheFixture() {
    }

    /** Writes the project into {@code root}: cases/mixed.case, cases/bench.case (about {@code claims} claims), cases/evidence/runs.json. */
    public static void write(Path root, int claims) throws IOException {
        Path cases = Files.createDirectories(root.resolve("cases"));
        Files.createDirectories(cases.resolve("evidence"));
        Files.writeString(cases.resolve("mixed.case"), MIXED, StandardCharsets.UTF_8);
        Files.writeString(cases.resolve("bench.case"), Generator.generate(claims), StandardCharsets.UTF_8);
        Files.writeString(cases.resolve("evidence/runs.json"), "{\"n\": 2500, \"note\": \"first\"}\n", StandardCharsets.UTF_8);
    }

    public static Options options(Path root) {
        return Options.defaults(root).withToday(TODAY).withJobs(1).withCache(root.resolve(".safecase/cache"));
    }

    public static Verifier.Outcome run(Options o) {
        Verifier.Outcome out = new Verifier(o).run(List.of(o.root().resolve("cases")));
        assertFalse(out.run().hasInputErrors(), () -> out.run().diagnostics().toString());
        return out;
    }

    public static String json(Verifier.Outcome out) {
        return JsonReport.render(out.run());
    }

    public static String withoutMillis(String json) {
        return json.replaceAll("\"millis\" ?: ?\\d+", "\"millis\": 0");
    }

    public static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.contains(from)) throw new AssertionError(file + " does not contain " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    /** The cache's entry files. */
    public static List<Path> entries(Path root) throws IOException {
        Path dir = root.resolve(".safecase/cache");
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> out = new ArrayList<>(s.filter(p -> p.toString().endsWith(".entry")).sorted().toList());
            return out;
        }
    }
}
