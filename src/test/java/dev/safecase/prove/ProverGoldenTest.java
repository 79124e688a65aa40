package dev.safecase.prove;

import dev.safecase.judge.Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.pipeline.Verifier;
import dev.safecase.lower.Obligation;
import dev.safecase.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every case of the golden prover corpus and checks its `// expect:` lines; every refuted
 * obligation's counterexample is evaluated exactly (without Z3) to show it really satisfies the
 * premises and violates the goal.
 */
class ProverGoldenTest {

    static Stream<Path> cases() {
        return Corpus.files().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectations(Path file) throws IOException {
        Verifier.Outcome out = Corpus.run(file);
        Run run = out.run();
        List<String> errors = run.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
        assertEquals(List.of(), errors, "input errors");
        CaseResult c = run.cases().get(0);
        List<String> problems = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("// expect:")) continue;
            String[] w = line.substring("// expect:".length()).trim().split("\\s+", 3);
            String what = w[0];
            switch (what) {
                case "used", "core" -> {
                    ObligationResult o = find(c, w[1]);
                    List<String> want = Arrays.stream(w[2].split(",\\s*")).toList();
                    List<String> got = what.equals("used") ? o.usedAssumptions() : o.core();
                    if (!got.equals(want)) problems.add(line + "  -> got " + got);
                }
                case "rests" -> {
                    ClaimResult cl = c.claims().stream().filter(x -> x.id().equals(w[1])).findFirst().orElseThrow();
                    List<String> want = Arrays.stream(w[2].split(",\\s*")).toList();
                    if (!cl.restsOn().equals(want)) problems.add(line + "  -> got " + cl.restsOn());
                }
                case "warning" -> {
                    if (run.diagnostics().stream().noneMatch(d -> d.code().id().equals(w[1]))) problems.add(line + "  -> not reported");
                }
                case "node" -> {
                    String got = nodeStatus(c, w[1]);
                    if (!got.equals(w[2])) problems.add(line + "  -> got " + got);
                }
                case "absent" -> {
                    if (find(c, w[1]) != null) problems.add(line + "  -> it exists");
                }
                case "gated", "ungated" -> {
                    ObligationResult o = find(c, w[1]);
                    if (o == null) problems.add(line + "  -> no such obligation");
                    else if (o.gated() != what.equals("gated")) problems.add(line + "  -> " + o.ungated().orElse("gated"));
                }
                case "route" -> {
                    // route NODE ROUTE STATUS [chosen]
                    String[] r = line.substring("// expect:".length()).trim().split("\\s+");
                    String got = c.alternatives().stream().filter(a -> a.node().equals(r[1])).flatMap(a -> a.routes().stream())
                            .filter(x -> x.name().equals(r[2])).map(x -> x.status().label() + (x.chosen() ? " chosen" : ""))
                            .findFirst().orElse("no such route");
                    String want = r[3] + (r.length > 4 ? " " + r[4] : "");
                    if (!got.equals(want)) problems.add(line + "  -> got " + got);
                }
                case "discharged" -> {
                    if (c.discharged() != Boolean.parseBoolean(w[1])) problems.add(line + "  -> got " + c.discharged());
                }
                case "reason" -> {
                    ObligationResult o = find(c, w[1]);
                    if (o == null || o.reason().isEmpty() || !o.reason().get().contains(w[2])) {
                        problems.add(line + "  -> got " + (o == null ? "no such obligation" : o.reason().orElse("no reason")));
                    }
                }
                default -> {
                    ObligationResult o = find(c, w[1]);
                    if (o == null) problems.add(line + "  -> no such obligation");
                    else if (!o.status().label().equals(what)) {
                        problems.add(line + "  -> got " + o.status().label() + o.reason().map(r -> " (" + r + ")").orElse(""));
                    }
                }
            }
        }
        if (!problems.isEmpty()) fail("expectations not met in " + file.getFileName() + ":\n  " + String.join("\n  ", problems));
        checkCounterexamples(out, c);
    }

    /** The status of any node: a claim's over its closure, evidence's standing, a strategy's, a defeater's. */
    private static String nodeStatus(CaseResult c, String id) {
        for (var x : c.claims()) if (x.id().equals(id)) return x.status().label();
        for (var x : c.evidence()) if (x.id().equals(id)) return x.status().label();
        for (var x : c.strategies()) if (x.id().equals(id)) return x.status().label();
        for (var x : c.defeaters()) if (x.id().equals(id)) return x.status().label();
        return "no such node";
    }

    private static ObligationResult find(CaseResult c, String id) {
        return c.obligations().stream().filter(o -> o.id().toString().equals(id)).findFirst().orElse(null);
    }

    private static void checkCounterexamples(Verifier.Outcome out, CaseResult c) {
        Map<dev.safecase.lower.ObligationId, Obligation> byId = new java.util.HashMap<>();
        out.prepared().get(c.name()).lowered().obligations().forEach(o -> byId.put(o.id(), o));
        for (ObligationResult r : c.obligations()) {
            Obligation o = byId.get(r.id());
            if (r.status() == Status.VACUOUS) assertFalse(r.core().isEmpty(), r.id() + " is vacuous without a core");
            Verdict v = out.verdict(c.name(), r.id()).orElse(null);
            if (v == null || v.answer() != Verdict.Answer.REFUTED) continue;
            ExactEval eval = new ExactEval(v.counterexample());
            for (dev.safecase.lower.Premise p : o.premises()) {
                assertTrue(eval.truth(p.formula()), r.id() + ": premise " + p.name() + " is false in the counterexample " + v.counterexample());
            }
            if (o.goal().isPresent()) {
                assertFalse(eval.truth(o.goal().get()), r.id() + ": the goal holds in the counterexample " + v.counterexample());
            }
        }
    }
}
