package dev.safecase.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safecase.TestFiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client: headless Neovim, with its built-in LSP client configured by a small Lua file
 * (src/test/resources/nvim/init.lua), opens a case, waits for its diagnostics, asks for a hover
 * and a definition, and writes what it received for this test to check. Skipped when
 * {@code nvim} is not installed ({@code .ci/run} installs Debian's {@code neovim}).
 */
class NeovimClientTest {
    @TempDir
    Path tmp;

    static final String CASE = """
            case hello "Errors stay rare"

            quantity err_rate : probability "Share of requests answered with an error"
            quantity measured : probability "Upper bound on the error rate from the load test"

            assumption representative "The load test matches production": err_rate <= measured

            claim top "The error rate stays under 1%": err_rate <= 1%
                assuming representative
                supported by bounded

            claim bounded "The load test bounds the error rate": measured <= 0.8%
                asserted "Load-test report LT-12"

            claim orphan "Nobody supports this" supported by bunded
            """;

    static Path nvim() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "nvim");
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    @Test
    void neovimGetsDiagnosticsHoverAndDefinition() throws Exception {
        Path nvim = nvim();
        assumeTrue(nvim != null, "nvim is not installed");
        Path file = TestFiles.write(tmp, "cases/hello.case", CASE);
        Path out = tmp.resolve("nvim-out.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cmd = LspClient.JSON.writeValueAsString(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.safecase.cli.Main", "lsp"));
        Map<String, Integer> hover = LspProtocolTest.at(CASE, "err_rate <= 1%", 0, 2);
        Map<String, Integer> definition = LspProtocolTest.at(CASE, "supported by bounded", 0, "supported by ".length() + 2);
        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-n", "-i", "NONE", "-u",
                Path.of("src/test/resources/nvim/init.lua").toAbsolutePath().toString())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("nvim.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SAFECASE_LSP_CMD", cmd);
        env.put("SAFECASE_ROOT", tmp.toString());
        env.put("SAFECASE_FILE", file.toString());
        env.put("SAFECASE_OUT", out.toString());
        env.put("SAFECASE_HOVER", hover.get("line") + "," + hover.get("character"));
        env.put("SAFECASE_DEFINITION", definition.get("line") + "," + definition.get("character"));
        for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
            env.put(xdg, tmp.resolve("xdg").toString());
        }
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("nvim did not finish; its log:\n" + Files.readString(tmp.resolve("nvim.log")));
        }
        assertTrue(Files.exists(out), "nvim wrote nothing; its log:\n" + Files.readString(tmp.resolve("nvim.log")));
        JsonNode r = LspClient.JSON.readTree(out.toFile());
        assertEquals(0, r.path("errors").size(), r.toString());
        assertEquals("safecase", r.path("filetype").asText());

        // the diagnostic as Neovim stored it: the misspelt name, its exact columns, the suggestion
        JsonNode d = r.path("diagnostics").get(0);
        Map<String, Integer> bunded = LspProtocolTest.at(CASE, "bunded", 0, 0);
        assertEquals(bunded.get("line"), d.path("lnum").asInt(), r.toString());
        assertEquals(bunded.get("character"), d.path("col").asInt(), r.toString());
        assertEquals(bunded.get("character") + 6, d.path("end_col").asInt(), r.toString());
        assertTrue(d.path("message").asText().contains("did you mean 'bounded'"), r.toString());
        assertEquals("SC201", d.path("code").asText(), r.toString());

        String h = r.path("hover").path("contents").path("value").asText();
        assertTrue(h.contains("quantity err_rate : probability") && h.contains("Share of requests answered with an error"), h);

        JsonNode def = r.path("definition").get(0);
        assertEquals(file.toRealPath(), Path.of(URI.create(def.path("uri").asText())).toRealPath(), def.toString());
        Map<String, Integer> decl = LspProtocolTest.at(CASE, "claim bounded", 0, "claim ".length());
        assertEquals(decl.get("line"), def.path("range").path("start").path("line").asInt(), def.toString());
        assertEquals(decl.get("character"), def.path("range").path("start").path("character").asInt(), def.toString());
    }
}
