package dev.safecase.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import dev.safecase.pipeline.Verifier;
import dev.safecase.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bundled pattern instantiated from the bundled library with good and with bad arguments. */
class StdlibPatternsTest {

    @ParameterizedTest(name = "{0}.{1}")
    @CsvSource(delimiter = '|', textBlock = """
            stats      | zero_failure        | event: "a completed intrusion", bound: 4%, shift: 0%                 | bound: 150%
            stats      | k_of_n              | event: "a solved task", bound: 5%, shift: 1%                         | shift: "none"
            inability  | proxy_inability     | capability: "cyber offence", threshold: 5%, gap: 1%                  | gap: 1e400
            hazards    | union_bound         | system: "the agent", budget: 2%                                      | budget: true
            control    | control_evaluation  | protocol: "trusted monitoring", proxy_tasks: 2000, deploy_tasks: 100000, max_risk: 2%, min_usefulness: 90% | proxy_tasks: 2.5
            oversight  | trusted_component   | component: "the monitor", role: "flags attacks", kind: "inability"  | colour: "red"
            oversight  | debate              | system: "the advisor", queries: 10000, max_err: 0.5%, max_drift: 0.2%, max_steer: 0.1%, budget: 100 | queries: -1.5
            automation | level2_collapse     | scheme: "an AI-written training algorithm"                          | scheme: 5
            automation | honeypot_inference  | model: "the model", finder: "an AI agent"                           | model: 3%
            """)
    void instantiates(String module, String pattern, String goodArgs, String badArg, @TempDir Path root) throws Exception {
        Run good = run(root, module, pattern, goodArgs);
        List<String> errors = good.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
        assertEquals(List.of(), errors, "good arguments");
        CaseResult c = good.cases().get(0);
        assertTrue(c.checked());
        assertFalse(c.claims().isEmpty(), "the instance has claims");
        assertTrue(c.claims().stream().allMatch(x -> x.id().startsWith("p.")), "instance IDs carry the prefix");
        assertTrue(c.claims().stream().noneMatch(x -> x.text().contains("{")), "texts are interpolated");

        String bad = replaceArg(goodArgs, badArg);
        Run broken = run(root, module, pattern, bad);
        assertTrue(broken.diagnostics().stream().anyMatch(d -> d.isError() && d.code().id().equals("SC315")),
                "bad argument " + badArg + " gives SC315: " + broken.diagnostics());
        assertFalse(broken.cases().get(0).checked());
    }

    private static String replaceArg(String args, String bad) {
        String name = bad.substring(0, bad.indexOf(':')).trim();
        if (!args.contains(name + ":")) return args + ", " + bad;
        return args.replaceAll(name + ":\\s*(\"[^\"]*\"|[^,]+)", java.util.regex.Matcher.quoteReplacement(bad));
    }

    private static Run run(Path root, String module, String pattern, String args) throws Exception {
        Path file = root.resolve("t.case");
        Files.writeString(file, "case t \"pattern test\"\nimport stdlib.ai." + module + " as m\nuse m." + pattern + "(" + args
                + ") as p\n", StandardCharsets.UTF_8);
        return new Verifier(Options.defaults(root).withJobs(1)).run(List.of(file)).run();
    }
}
