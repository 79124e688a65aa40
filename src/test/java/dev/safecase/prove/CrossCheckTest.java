package dev.safecase.prove;

import dev.safecase.judge.Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.lower.Obligation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports every solver obligation of the test corpus and the example cases as standalone
 * SMT-LIB, runs the z3 and cvc5 binaries on it, and checks that both agree with safecase.
 */
class CrossCheckTest {

    @Test
    void z3AndCvc5AgreeWithEveryVerdict(@TempDir Path tmp) throws Exception {
        assumeTrue(Solvers.available("z3") && Solvers.available("cvc5"), "z3 and cvc5 binaries are not installed");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Verifier.Outcome out : outcomes()) {
            for (Map.Entry<String, Verifier.Prepared> e : out.prepared().entrySet()) {
                for (Obligation o : e.getValue().lowered().obligations()) {
                    Verdict v = out.verdict(e.getKey(), o.id()).orElse(null);
                    if (v == null || v.answer() == Verdict.Answer.UNKNOWN) continue;
                    Status status = Status.of(v.answer());
                    List<String> expected = expected(o, status);
                    Path f = tmp.resolve(e.getKey() + "." + o.id().toString().replace(':', '.').replace('/', '~') + ".smt2");
                    Files.writeString(f, Verifier.standalone(o, e.getKey()), StandardCharsets.UTF_8);
                    for (String solver : List.of("z3", "cvc5")) {
                        List<String> got = Solvers.answers(solver, f);
                        if (!got.equals(expected)) {
                            mismatches.add(e.getKey() + ":" + o.id() + " is " + status.label() + " but " + solver + " says " + got);
                        }
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 40, "too few obligations cross-checked: " + checked);
        assertEquals(List.of(), mismatches);
    }

    static List<Verifier.Outcome> outcomes() {
        List<Verifier.Outcome> out = new ArrayList<>();
        for (Path f : Corpus.files()) out.add(Corpus.run(f));
        Path examples = Path.of("cases").toAbsolutePath();
        out.add(new Verifier(Options.defaults(Path.of("").toAbsolutePath()).withToday(Corpus.TODAY).withJobs(1))
                .run(List.of(examples)));
        return out;
    }

    static List<String> expected(Obligation o, Status s) {
        boolean entailment = o.goal().isPresent();
        return switch (s) {
            case PROVED -> entailment ? List.of("sat", "unsat") : List.of("sat");
            case REFUTED -> List.of("sat", "sat");
            case VACUOUS -> entailment ? List.of("unsat", "unsat") : List.of("unsat");
            default -> throw new IllegalStateException("not a solver verdict: " + s);
        };
    }
}
