package dev.safecase.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safecase.TestFiles;
import dev.safecase.evidence.Pin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code safecase lsp} as an editor meets it: a separate process spoken to in JSON-RPC over its
 * standard streams. One session goes through what the issue asks of the server: a broken buffer's
 * diagnostics and their ranges, a change that fixes it, verdicts on save, hover, definition,
 * references, rename, completion, code actions, formatting, symbols, semantic tokens, an error
 * answered for bad input, and shutdown then exit.
 */
class LspProtocolTest {
    @TempDir
    Path tmp;

    static final String MODULE = """
            quantity load : probability "Share of capacity in use"
            assumption headroom "Load stays under 80%": load <= 80%
            """;

    static final String FIXED = """
            case service "The service stays up"

            import lib.premises as prem

            quantity err : probability "Share of requests that fail"
            quantity measured : probability "Upper bound from the load test"

            assumption representative "The load test is representative": err <= measured

            claim top "Errors stay under 1%": err <= 1%
                assuming representative, prem.headroom
                supported by bounded

            claim bounded "The load test bounds errors at 2%": measured <= 2%
                supported by run

            evidence run "The load-test run"
                file "evidence/run.json"
                gives measured <= rule_of_three(0, json("/n"))
            """;

    /** {line, character} of the n-th (0-based) occurrence of {@code what} in {@code text}, plus {@code shift} characters. */
    static Map<String, Integer> at(String text, String what, int n, int shift) {
        int off = -1;
        for (int i = 0; i <= n; i++) off = text.indexOf(what, off + 1);
        if (off < 0) throw new AssertionError("no " + what + " in the text");
        off += shift;
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < off; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return Map.of("line", line, "character", off - lineStart);
    }

    static Map<String, Object> doc(String uri) {
        return Map.of("uri", uri);
    }

    static Map<String, Object> pos(String uri, Map<String, Integer> p) {
        return Map.of("textDocument", doc(uri), "position", p);
    }

    static void assertRange(JsonNode range, Map<String, Integer> start, Map<String, Integer> end) {
        assertEquals(start.get("line"), range.path("start").path("line").asInt(), range.toString());
        assertEquals(start.get("character"), range.path("start").path("character").asInt(), range.toString());
        assertEquals(end.get("line"), range.path("end").path("line").asInt(), range.toString());
        assertEquals(end.get("character"), range.path("end").path("character").asInt(), range.toString());
    }

    static String text(JsonNode n) {
        return n.toString();
    }

    @Test
    void aSessionOverStdio() throws Exception {
        Path module = TestFiles.write(tmp, "cases/lib/premises.case", MODULE);
        TestFiles.write(tmp, "cases/evidence/run.json", "{\"n\": 300, \"failures\": 0}\n");
        Path caseFile = TestFiles.write(tmp, "cases/service.case", FIXED);
        String uri = caseFile.toUri().toString();
        String moduleUri = module.toUri().toString();
        // the buffer as opened: a syntax error (a formula missing after <=) and a misspelt name
        String broken = FIXED.replace("claim top \"Errors stay under 1%\": err <= 1%", "claim top \"Errors stay under 1%\": err <=")
                .replace("supported by bounded", "supported by bonded");

        try (LspClient lsp = new LspClient(tmp, tmp.resolve("lsp.err"))) {
            JsonNode init = lsp.request("initialize", Map.of("processId", ProcessHandle.current().pid(),
                    "rootUri", tmp.toUri().toString(), "capabilities", Map.of()));
            JsonNode caps = init.path("capabilities");
            for (String c : List.of("hoverProvider", "definitionProvider", "referencesProvider", "renameProvider", "completionProvider",
                    "codeActionProvider", "documentFormattingProvider", "documentSymbolProvider", "workspaceSymbolProvider",
                    "foldingRangeProvider", "semanticTokensProvider")) {
                assertFalse(caps.path(c).isMissingNode(), "capability " + c + " in " + caps);
            }
            lsp.notify("initialized", Map.of());

            // didOpen of a broken case: the syntax error, at the token where the formula should be
            lsp.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", "safecase", "version", 1,
                    "text", broken)));
            JsonNode syntax = lsp.diagnostics(uri, d -> d.size() > 0);
            assertTrue(syntax.size() >= 1, text(syntax));
            assertTrue(syntax.get(0).path("message").asText().contains("expected a formula"), text(syntax));
            assertEquals("SC101", syntax.get(0).path("code").asText(), text(syntax));
            assertEquals(1, syntax.get(0).path("severity").asInt());
            assertRange(syntax.get(0).path("range"), at(broken, "assuming", 0, 0), at(broken, "assuming", 0, "assuming".length()));

            // didChange (incremental) restores the formula: now the misspelt name, exactly its range, with a suggestion
            Map<String, Integer> hole = at(broken, "err <=\n", 0, "err <=".length());
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 2),
                    "contentChanges", List.of(Map.of("range", Map.of("start", hole, "end", hole), "text", " 1%"))));
            String named = broken.replace("err <=\n", "err <= 1%\n");
            JsonNode names = lsp.diagnostics(uri, d -> d.size() > 0 && d.get(0).path("code").asText().equals("SC201"));
            assertEquals(1, names.size(), text(names));
            assertTrue(names.get(0).path("message").asText().contains("did you mean 'bounded'"), text(names));
            assertRange(names.get(0).path("range"), at(named, "bonded", 0, 0), at(named, "bonded", 0, 6));

            // the quick fix for it, applied as the client would: the diagnostics are cleared
            JsonNode actions = lsp.request("textDocument/codeAction", Map.of("textDocument", doc(uri),
                    "range", names.get(0).path("range"), "context", Map.of("diagnostics", List.of(names.get(0)))));
            JsonNode fix = find(actions, a -> a.path("title").asText().equals("Change to 'bounded'"));
            JsonNode edit = fix.path("edit").path("changes").path(uri).get(0);
            assertEquals("bounded", edit.path("newText").asText());
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 3),
                    "contentChanges", List.of(Map.of("range", edit.path("range"), "text", "bounded"))));
            JsonNode clean = lsp.diagnostics(uri, d -> d.size() == 0);
            assertEquals(0, clean.size());

            // didSave: the verdicts, a refutation with its counterexample at the claim it is about
            lsp.notify("textDocument/didSave", Map.of("textDocument", doc(uri)));
            JsonNode verdicts = lsp.diagnostics(uri, d -> d.toString().contains("safecase verify"));
            JsonNode refuted = find(verdicts, d -> d.path("code").asText().equals("inference:top"));
            assertEquals(1, refuted.path("severity").asInt(), "a refutation fails the default gate: an error");
            assertTrue(refuted.path("message").asText().contains("refuted"), text(refuted));
            assertTrue(refuted.path("message").asText().contains("counterexample: err = 1/50"), text(refuted));
            assertRange(refuted.path("range"), at(FIXED, "top", 0, 0), at(FIXED, "top", 0, 3));

            // a save of the same buffer after its evidence file changed on disk: the save proves the front end of the
            // last check only while everything it read is unchanged, so the new file is read (3/100 > 2%)
            TestFiles.write(tmp, "cases/evidence/run.json", "{\"n\": 100, \"failures\": 0}\n");
            lsp.notify("textDocument/didSave", Map.of("textDocument", doc(uri)));
            JsonNode again = lsp.diagnostics(uri, d -> d.toString().contains("safecase verify") && d.toString().contains(":bounded"));
            JsonNode weaker = find(again, d -> d.path("code").asText().endsWith(":bounded"));
            assertTrue(weaker.path("message").asText().contains("refuted"), text(weaker));

            // hover: a quantity's type, range and description; a claim's status; a built-in's meaning
            JsonNode qh = lsp.request("textDocument/hover", pos(uri, at(FIXED, "err <= 1%", 0, 1)));
            String q = qh.path("contents").path("value").asText();
            assertTrue(q.contains("quantity err : probability") && q.contains("Share of requests that fail") && q.contains("[0, 1]"), q);
            String c = lsp.request("textDocument/hover", pos(uri, at(FIXED, "claim top", 0, 7))).path("contents").path("value").asText();
            assertTrue(c.contains("Status: **refuted**") && c.contains("inference:top") && c.contains("counterexample"), c);
            String b = lsp.request("textDocument/hover", pos(uri, at(FIXED, "rule_of_three", 0, 2))).path("contents").path("value").asText();
            assertTrue(b.contains("rule_of_three(failures, n)") && b.contains("95 %"), b);

            // definition across an import
            JsonNode def = lsp.request("textDocument/definition", pos(uri, at(FIXED, "prem.headroom", 0, 6)));
            assertEquals(moduleUri, def.get(0).path("uri").asText(), text(def));
            assertRange(def.get(0).path("range"), at(MODULE, "headroom", 0, 0), at(MODULE, "headroom", 0, 8));

            // references: the declaration and both uses of err
            JsonNode refs = lsp.request("textDocument/references", Map.of("textDocument", doc(uri),
                    "position", at(FIXED, "err", 0, 0), "context", Map.of("includeDeclaration", true)));
            assertEquals(3, refs.size(), text(refs));

            // rename across the import: the module's declaration and the case's use
            JsonNode rename = lsp.request("textDocument/rename", Map.of("textDocument", doc(uri),
                    "position", at(FIXED, "prem.headroom", 0, 6), "newName", "spare_capacity"));
            JsonNode changes = rename.path("changes");
            assertEquals(1, changes.path(uri).size(), text(rename));
            assertEquals(1, changes.path(moduleUri).size(), text(rename));
            assertRange(changes.path(moduleUri).get(0).path("range"), at(MODULE, "headroom", 0, 0), at(MODULE, "headroom", 0, 8));
            JsonNode refused = lsp.call("textDocument/rename", Map.of("textDocument", doc(uri),
                    "position", at(FIXED, "err", 0, 0), "newName", "claim"));
            assertTrue(refused.path("error").path("message").asText().contains("keyword"), text(refused));

            // completion after `supported by `: the nodes that can support, not the quantities
            Map<String, Integer> after = at(FIXED, "supported by bounded", 0, "supported by ".length());
            JsonNode items = lsp.request("textDocument/completion", pos(uri, after)).path("items");
            List<String> labels = new ArrayList<>();
            items.forEach(i -> labels.add(i.path("label").asText()));
            assertTrue(labels.contains("bounded") && labels.contains("run"), labels.toString());
            assertFalse(labels.contains("err"), labels.toString());

            // the pin action: the same edit as `safecase pin`
            JsonNode pinActions = lsp.request("textDocument/codeAction", Map.of("textDocument", doc(uri),
                    "range", Map.of("start", at(FIXED, "evidence run", 0, 1), "end", at(FIXED, "evidence run", 0, 1)),
                    "context", Map.of("diagnostics", List.of())));
            JsonNode pin = find(pinActions, a -> a.path("title").asText().startsWith("Pin run"));
            String sha = Pin.sha256(tmp.resolve("cases/evidence/run.json"));
            assertTrue(pin.path("edit").toString().contains("sha256 \\\"" + sha + "\\\""), text(pin));

            // formatting: one edit with the canonical layout
            String messy = FIXED.replace("quantity err : probability", "quantity   err:probability");
            lsp.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", uri, "version", 4),
                    "contentChanges", List.of(Map.of("text", messy))));
            JsonNode formatted = lsp.request("textDocument/formatting", Map.of("textDocument", doc(uri),
                    "options", Map.of("tabSize", 4, "insertSpaces", true)));
            assertEquals(1, formatted.size(), text(formatted));
            assertTrue(formatted.get(0).path("newText").asText().contains("quantity err : probability \"Share"), text(formatted));

            // the outline is the claim tree; semantic tokens and folding answer too
            JsonNode symbols = lsp.request("textDocument/documentSymbol", Map.of("textDocument", doc(uri)));
            JsonNode top = find(symbols, s -> s.path("name").asText().equals("top"));
            assertEquals("bounded", top.path("children").get(0).path("name").asText(), text(top));
            assertEquals("run", top.path("children").get(0).path("children").get(0).path("name").asText(), text(top));
            JsonNode tokens = lsp.request("textDocument/semanticTokens/full", Map.of("textDocument", doc(uri)));
            assertTrue(tokens.path("data").size() > 50 && tokens.path("data").size() % 5 == 0, text(tokens));
            assertTrue(lsp.request("textDocument/foldingRange", Map.of("textDocument", doc(uri))).size() > 0);
            JsonNode ws = lsp.request("workspace/symbol", Map.of("query", "headroom"));
            assertTrue(ws.toString().contains(moduleUri), text(ws));

            // bad input is answered, never fatal: a document that is not open, then a frame that is not JSON
            JsonNode notOpen = lsp.call("textDocument/hover", pos("file:///nowhere/x.case", Map.of("line", 0, "character", 0)));
            assertTrue(notOpen.has("error"), text(notOpen));
            lsp.sendRaw("{this is not json");
            JsonNode still = lsp.request("textDocument/hover", pos(uri, at(messy, "measured", 0, 1)));
            assertTrue(still.path("contents").path("value").asText().contains("quantity measured"), text(still));

            // shutdown, then exit: status 0
            JsonNode down = lsp.call("shutdown", null);
            assertTrue(down.has("result") && down.get("result").isNull(), text(down));
            lsp.notify("exit", null);
            assertEquals(0, lsp.waitForExit());
        }
        String log = Files.readString(tmp.resolve("lsp.err"));
        assertTrue(log.contains("verified"), log);
        assertFalse(log.contains("\tat "), "no stack trace in the log:\n" + log);
    }

    static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : array) if (p.test(n)) return n;
        throw new AssertionError("nothing matching in " + array);
    }
}
