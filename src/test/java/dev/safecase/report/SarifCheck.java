package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A hand-written check of the parts of the SARIF 2.1.0 schema that safecase uses (no schema file is available
 * offline): required properties, their types, the level enum, rule references, regions and relative URIs, and no
 * properties the schema does not define (the schema forbids additional properties on these objects).
 */
final class SarifCheck {
    private SarifCheck() {
    }

    static void validate(JsonNode root) {
        allowed(root, "$schema", "version", "runs", "inlineExternalProperties", "properties");
        assertEquals("2.1.0", text(root, "version"));
        assertTrue(text(root, "$schema").startsWith("https://"));
        JsonNode runs = array(root, "runs");
        assertFalse(runs.isEmpty(), "runs must not be empty");
        for (JsonNode run : runs) validateRun(run);
    }

    private static void validateRun(JsonNode run) {
        allowed(run, "tool", "invocations", "results", "artifacts", "originalUriBaseIds", "properties");
        JsonNode tool = object(run, "tool");
        allowed(tool, "driver", "extensions", "properties");
        JsonNode driver = object(tool, "driver");
        allowed(driver, "name", "version", "semanticVersion", "informationUri", "rules", "fullName", "properties");
        assertFalse(text(driver, "name").isEmpty());
        JsonNode rules = array(driver, "rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            allowed(rule, "id", "name", "shortDescription", "fullDescription", "defaultConfiguration", "help",
                    "helpUri", "properties");
            assertTrue(ids.add(text(rule, "id")), "duplicate rule id " + rule.get("id"));
            if (rule.has("shortDescription")) {
                allowed(rule.get("shortDescription"), "text", "markdown");
                assertFalse(text(rule.get("shortDescription"), "text").isEmpty());
            }
            if (rule.has("defaultConfiguration")) {
                allowed(rule.get("defaultConfiguration"), "level", "enabled", "rank", "parameters", "properties");
                level(text(rule.get("defaultConfiguration"), "level"));
            }
        }
        if (run.has("invocations")) {
            for (JsonNode inv : array(run, "invocations")) {
                assertTrue(inv.get("executionSuccessful").isBoolean(), "executionSuccessful is required");
            }
        }
        for (JsonNode result : array(run, "results")) {
            allowed(result, "ruleId", "ruleIndex", "level", "message", "locations", "partialFingerprints",
                    "properties");
            JsonNode message = object(result, "message");
            allowed(message, "text", "markdown", "id", "arguments");
            assertFalse(text(message, "text").isEmpty(), "message.text is required");
            String ruleId = text(result, "ruleId");
            assertTrue(ids.contains(ruleId), "ruleId " + ruleId + " is not a rule");
            int index = result.get("ruleIndex").asInt(-1);
            assertTrue(result.get("ruleIndex").isInt() && index >= 0 && index < rules.size());
            assertEquals(ruleId, rules.get(index).get("id").asText(), "ruleIndex points at another rule");
            level(text(result, "level"));
            if (result.has("locations")) {
                for (JsonNode loc : array(result, "locations")) location(loc);
            }
            if (result.has("partialFingerprints")) {
                result.get("partialFingerprints").forEach(v -> assertTrue(v.isTextual()));
            }
        }
    }

    private static void location(JsonNode loc) {
        allowed(loc, "physicalLocation", "logicalLocations", "message", "properties");
        JsonNode phys = object(loc, "physicalLocation");
        allowed(phys, "artifactLocation", "region", "contextRegion", "properties");
        JsonNode art = object(phys, "artifactLocation");
        allowed(art, "uri", "uriBaseId", "index", "properties");
        String uri = text(art, "uri");
        URI parsed = URI.create(uri);
        assertFalse(parsed.isAbsolute(), "artifact URIs are relative: " + uri);
        assertFalse(uri.startsWith("/"), "artifact URIs are relative: " + uri);
        if (phys.has("region")) {
            JsonNode region = phys.get("region");
            allowed(region, "startLine", "startColumn", "endLine", "endColumn", "snippet", "properties");
            assertTrue(region.get("startLine").isInt() && region.get("startLine").asInt() >= 1, "startLine >= 1");
            if (region.has("startColumn")) {
                assertTrue(region.get("startColumn").isInt() && region.get("startColumn").asInt() >= 1);
            }
        }
    }

    private static void level(String level) {
        assertTrue(List.of("none", "note", "warning", "error").contains(level), "bad level " + level);
    }

    private static void allowed(JsonNode node, String... names) {
        assertTrue(node.isObject(), "expected an object: " + node);
        Set<String> ok = Set.of(names);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) fail("property '" + f + "' is not allowed here: " + node);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertTrue(v != null && v.isTextual(), field + " must be a string in " + node);
        return v.asText();
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertTrue(v != null && v.isArray(), field + " must be an array");
        return v;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertTrue(v != null && v.isObject(), field + " must be an object");
        return v;
    }
}
