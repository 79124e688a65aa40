package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's SARIF validator, with the rules GitHub code scanning applies ({@code --rule-kind "Sarif;Gh"}), finds no
 * error in safecase's SARIF: obligations of every failing kind and diagnostics. Runs when the validator is installed
 * ({@code npm install -g @microsoft/sarif-multitool}; {@code .ci/run} does) and skips otherwise. The validator is found
 * through {@code SARIF_MULTITOOL} (the executable), else beside the {@code sarif-multitool} on the PATH.
 */
class SarifMultitoolTest {
    @TempDir
    Path tmp;

    static Optional<Path> validator() {
        String env = System.getenv("SARIF_MULTITOOL");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) return Optional.of(Path.of(env));
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path wrapper = Path.of(dir, "sarif-multitool");
            if (!Files.exists(wrapper)) continue;
            try {
                Path real = wrapper.toRealPath();
                // the npm package's launcher sits in …/@microsoft/sarif-multitool/; the binary in a platform package
                for (Path d = real.getParent(); d != null; d = d.getParent()) {
                    for (Path c : List.of(d.resolve("node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"),
                            d.resolve("../sarif-multitool-linux/Sarif.Multitool").normalize())) {
                        if (Files.isExecutable(c)) return Optional.of(c);
                    }
                    if (d.getFileName() != null && d.getFileName().toString().equals("node_modules")) break;
                }
            } catch (java.io.IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Test
    void githubRulesFindNoError() throws Exception {
        Optional<Path> tool = validator();
        assumeTrue(tool.isPresent(), "sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool)");
        Path cases = Files.createDirectories(tmp.resolve("cases"));
        Files.writeString(cases.resolve("mon.case"), dev.safecase.cli.CiFormatsTestCases.REFUTED);
        Files.writeString(cases.resolve("open.case"), dev.safecase.cli.CiFormatsTestCases.OPEN);
        Files.writeString(cases.resolve("broken.case"), "case broken \"x\"\nclaim c \"y\": q <= 1\n");
        Path sarif = tmp.resolve("safecase.sarif");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"check", "--root", tmp.toString(), "--format", "sarif", "--output-file",
                sarif.toString(), cases.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, code, err.toString());
        Path log = tmp.resolve("validation.sarif");
        Process p = new ProcessBuilder(tool.get().toString(), "validate", "--rule-kind", "Sarif;Gh", sarif.toString(),
                "-o", log.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("validate.txt").toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the validator finished");
        String console = Files.readString(tmp.resolve("validate.txt"));
        assertTrue(Files.exists(log), console);
        JsonNode results = new ObjectMapper().readTree(log.toFile()).get("runs").get(0).get("results");
        List<String> errors = new ArrayList<>();
        for (JsonNode r : results) {
            if ("error".equals(r.path("level").asText("warning"))) errors.add(r.path("ruleId").asText() + ": " + r.path("message"));
        }
        assertEquals(List.of(), errors, console);
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        assertTrue(doc.get("runs").get(0).get("results").size() >= 3, "the SARIF has obligations and diagnostics to check");
    }
}
