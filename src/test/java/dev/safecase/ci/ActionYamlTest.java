package dev.safecase.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.safecase.cli.CiFormatsTestCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The composite action at the repository root: its structure (what GitHub requires of a composite action and what
 * docs/ci.md promises), and its shell steps run for real with bash, as the runner runs them, against the real CLI.
 * Expressions are replaced by the inputs' defaults; {@code GITHUB_ACTION_PATH} holds a launcher for the classes
 * under test.
 */
class ActionYamlTest {
    static Map<String, Object> action;

    @TempDir
    Path tmp;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        action = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(Path.of("action.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps() {
        return (List<Map<String, Object>>) map(action.get("runs")).get("steps");
    }

    static Map<String, Object> step(String name) {
        return steps().stream().filter(s -> name.equals(s.get("name"))).findFirst().orElseThrow(() -> new AssertionError("no step " + name));
    }

    @Test
    void isACompositeActionWithPinnedActionsAndBashSteps() {
        assertTrue(action.get("name") instanceof String && action.get("description") instanceof String);
        assertEquals("composite", map(action.get("runs")).get("using"));
        Map<String, Object> inputs = map(action.get("inputs"));
        for (String i : List.of("cases", "root", "args", "java-version", "report-dir", "upload-sarif", "fail")) {
            assertTrue(inputs.containsKey(i), "input " + i);
            assertTrue(map(inputs.get(i)).containsKey("description"), "input " + i + " is described");
        }
        List<String> uses = new ArrayList<>();
        Pattern expr = Pattern.compile("\\$\\{\\{\\s*inputs\\.([a-z-]+)\\s*}}");
        for (Map<String, Object> s : steps()) {
            assertTrue(s.containsKey("name"), "every step is named: " + s);
            if (s.containsKey("uses")) {
                uses.add(String.valueOf(s.get("uses")));
                assertTrue(String.valueOf(s.get("uses")).matches("[\\w-]+/[\\w/-]+@v\\d+"), "pinned to a major version: " + s.get("uses"));
            } else {
                assertEquals("bash", s.get("shell"), "a composite run step names its shell: " + s.get("name"));
                assertTrue(s.get("run") instanceof String);
            }
            Matcher m = expr.matcher(s.toString());
            while (m.find()) assertTrue(inputs.containsKey(m.group(1)), "step " + s.get("name") + " uses an undeclared input " + m.group(1));
        }
        assertTrue(uses.contains("actions/setup-java@v4"));
        assertTrue(uses.contains("github/codeql-action/upload-sarif@v3"));
        assertTrue(uses.contains("actions/upload-artifact@v4"));
        assertEquals("github.event_name == 'pull_request'", step("Diff against the base branch").get("if"));
        assertTrue(String.valueOf(step("Upload the report").get("if")).contains("always()"), "the report is kept when the gate fails");
    }

    // running the shell steps for real

    private Path workspace;
    private Path actionPath;
    private Path summary;
    private Path output;

    private void prepare() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")), "bash is needed");
        workspace = Files.createDirectories(tmp.resolve("workspace"));
        actionPath = Files.createDirectories(tmp.resolve("action"));
        Path launcher = actionPath.resolve("safecase");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Xss8m -cp '" + System.getProperty("java.class.path") + "' dev.safecase.cli.Main \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        summary = Files.createFile(tmp.resolve("summary.md"));
        output = Files.createFile(tmp.resolve("output.txt"));
        Files.createDirectories(tmp.resolve("runner-temp"));
    }

    record Result(int code, String log) {}

    /** Runs a step's script with bash as the runner does, its env with the expressions replaced. */
    @SuppressWarnings("unchecked")
    private Result run(String name, Map<String, String> expressions) throws Exception {
        Map<String, Object> s = step(name);
        Path script = tmp.resolve("step.sh");
        Files.writeString(script, String.valueOf(s.get("run")));
        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString());
        pb.directory(workspace.toFile());
        Map<String, String> env = pb.environment();
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("RUNNER_TEMP", tmp.resolve("runner-temp").toString());
        Map<String, String> values = new HashMap<>(expressions);
        map(action.get("inputs")).forEach((k, v) -> values.putIfAbsent("inputs." + k, String.valueOf(map(v).get("default"))));
        Map<String, Object> stepEnv = s.containsKey("env") ? (Map<String, Object>) s.get("env") : Map.of();
        Pattern expr = Pattern.compile("\\$\\{\\{\\s*([\\w.-]+)\\s*}}");
        for (Map.Entry<String, Object> e : stepEnv.entrySet()) {
            Matcher m = expr.matcher(String.valueOf(e.getValue()));
            StringBuilder v = new StringBuilder();
            while (m.find()) m.appendReplacement(v, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
            m.appendTail(v);
            env.put(e.getKey(), v.toString());
        }
        pb.redirectErrorStream(true);
        Path log = tmp.resolve("step.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "step " + name + " finished");
        return new Result(p.exitValue(), Files.readString(log));
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
    }

    private static String head(Path dir) throws Exception {
        Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(dir.toFile()).start();
        String sha = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        return sha;
    }

    @Test
    void theStepsRunForReal() throws Exception {
        prepare();
        boolean hasGit = new ProcessBuilder("git", "--version").start().waitFor() == 0;
        assumeTrue(hasGit, "git is needed for the diff step");
        Path cases = Files.createDirectories(workspace.resolve("cases"));
        Files.writeString(cases.resolve("mon.case"), CiFormatsTestCases.REFUTED.replace("p_harm <= 1%", "p_harm <= 2%"));
        git(workspace, "init", "-q");
        git(workspace, "add", "-A");
        git(workspace, "commit", "-q", "-m", "base");
        String base = head(workspace);
        Files.writeString(cases.resolve("mon.case"), CiFormatsTestCases.REFUTED);

        Result check = run("Check the cases", Map.of());
        assertEquals(0, check.code(), check.log());
        assertTrue(check.log().contains("::error file=cases/mon.case,line=8,"), check.log());
        assertTrue(Files.readString(output).contains("exit-code=1"), Files.readString(output));
        assertTrue(Files.readString(summary).startsWith("## safecase: \u274c gate failed"), Files.readString(summary));
        for (String f : List.of("index.html", "safecase.json", "junit.xml", "safecase.sarif", "summary.md", "codequality.json")) {
            assertTrue(Files.isRegularFile(workspace.resolve("target/safecase").resolve(f)), f);
        }

        Result diff = run("Diff against the base branch", Map.of("github.event.pull_request.base.sha", base));
        assertEquals(0, diff.code(), diff.log());
        String md = Files.readString(summary);
        assertTrue(md.contains("## safecase diff"), md);
        assertTrue(md.contains("`mon:inference:top` at `cases/mon.case:8`: proved \u2192 refuted"), md);

        assertEquals(1, run("Apply the gate", Map.of("steps.check.outputs.exit-code", "1")).code());
        assertEquals(0, run("Apply the gate", Map.of("steps.check.outputs.exit-code", "0")).code());
    }
}
