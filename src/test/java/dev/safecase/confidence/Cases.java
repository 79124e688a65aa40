package dev.safecase.confidence;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Runs small cases through the whole pipeline (real Z3) in a folder of their own. */
final class Cases {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private Cases() {
    }

    static Options options(Path root) {
        return Options.defaults(root).withToday(TODAY).withJobs(1);
    }

    /** Writes {@code files} (name to text) under {@code dir} and runs the first, a case. */
    static Verifier.Outcome run(Path dir, Map<String, String> files, String caseFile) {
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Verifier(options(dir)).run(List.of(dir.resolve(caseFile)));
    }

    /** The one case of a text, checked and judged: it must have no input errors. */
    static CaseResult judged(Path dir, String text) {
        Verifier.Outcome o = run(dir, Map.of("c.case", text), "c.case");
        if (o.run().hasInputErrors()) throw new AssertionError("input errors: " + o.run().diagnostics());
        return o.run().cases().get(0);
    }
}
