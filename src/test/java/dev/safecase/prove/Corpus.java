package dev.safecase.prove;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/** The golden prover corpus: cases with `// expect:` lines, run with fixed options. */
final class Corpus {
    static final Path DIR = Path.of("src/test/resources/golden/prover").toAbsolutePath();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Corpus() {
    }

    static List<Path> files() {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".case")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Options options(Path file) {
        Options o = Options.defaults(DIR).withToday(TODAY).withJobs(1);
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("// options:")) continue;
                String[] parts = line.substring("// options:".length()).trim().split("\\s+");
                for (int i = 0; i + 1 < parts.length; i += 2) {
                    if (parts[i].equals("--rlimit")) o = o.withRlimit(Long.parseLong(parts[i + 1]));
                    if (parts[i].equals("--timeout-ms")) o = o.withTimeoutMs(Long.parseLong(parts[i + 1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return o;
    }

    static Verifier.Outcome run(Path file) {
        return new Verifier(options(file)).run(List.of(file));
    }
}
