package dev.safecase.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safecase.syntax.Lexemes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The TextMate grammar (editors/textmate), run by a small interpreter of the grammar's rules
 * (match, begin/end, captures, includes) on real case text: each kind of token gets its scope,
 * and every keyword the lexer knows is highlighted as one, so that a keyword added to the
 * grammar of the language without the editors' grammar fails here.
 */
class TextMateGrammarTest {
    static final Path GRAMMAR = Path.of("editors/textmate/safecase.tmLanguage.json");

    record Tok(String text, String scope) {}

    static final class Grammar {
        final JsonNode root;

        Grammar(JsonNode root) {
            this.root = root;
        }

        /** The rules a list stands for, includes and rule groups expanded. */
        List<JsonNode> flatten(Iterable<JsonNode> patterns) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode p : patterns) {
                JsonNode r = p.has("include") ? root.path("repository").path(p.get("include").asText().substring(1)) : p;
                if (r.has("patterns") && !r.has("begin") && !r.has("match")) out.addAll(flatten(r.get("patterns")));
                else out.add(r);
            }
            return out;
        }

        /** Tokens of a text, each with its innermost scope ("" for what no rule matches). */
        List<Tok> tokenize(String text) {
            List<Tok> out = new ArrayList<>();
            List<JsonNode> stack = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                int i = 0;
                while (i <= line.length()) {
                    JsonNode in = stack.isEmpty() ? null : stack.get(stack.size() - 1);
                    List<JsonNode> rules = flatten(in == null ? root.get("patterns") : in.path("patterns"));
                    Matcher best = null;
                    JsonNode bestRule = null;
                    boolean bestIsEnd = false;
                    if (in != null) {
                        Matcher m = Pattern.compile(in.get("end").asText()).matcher(line);
                        if (m.find(i)) {
                            best = m;
                            bestIsEnd = true;
                        }
                    }
                    for (JsonNode r : rules) {
                        String re = r.has("match") ? r.get("match").asText() : r.get("begin").asText();
                        Matcher m = Pattern.compile(re).matcher(line);
                        if (m.find(i) && (best == null || m.start() < best.start())) {
                            best = m;
                            bestRule = r;
                            bestIsEnd = false;
                        }
                    }
                    if (best == null) {
                        if (i < line.length()) out.add(new Tok(line.substring(i), in == null ? "" : in.path("name").asText()));
                        break;
                    }
                    if (best.start() > i) out.add(new Tok(line.substring(i, best.start()), in == null ? "" : in.path("name").asText()));
                    if (bestIsEnd) {
                        out.add(new Tok(best.group(), in.path("name").asText()));
                        stack.remove(stack.size() - 1);
                    } else if (bestRule.has("begin")) {
                        out.add(new Tok(best.group(), bestRule.path("name").asText()));
                        stack.add(bestRule);
                    } else if (bestRule.has("captures")) {
                        int at = best.start();
                        for (int g = 1; g <= best.groupCount(); g++) {
                            if (best.start(g) < 0) continue;
                            if (best.start(g) > at) out.add(new Tok(line.substring(at, best.start(g)), ""));
                            out.add(new Tok(best.group(g), bestRule.path("captures").path(String.valueOf(g)).path("name").asText()));
                            at = best.end(g);
                        }
                        if (at < best.end()) out.add(new Tok(line.substring(at, best.end()), ""));
                    } else {
                        out.add(new Tok(best.group(), bestRule.path("name").asText()));
                    }
                    if (best.end() == best.start() && best.end() == i) i++;
                    else i = best.end();
                    if (i >= line.length() && (stack.isEmpty() || !bestIsEnd)) break;
                }
            }
            return out;
        }
    }

    static Grammar grammar() throws IOException {
        return new Grammar(new ObjectMapper().readTree(Files.readString(GRAMMAR)));
    }

    static Optional<String> scopeOf(List<Tok> toks, String text) {
        return toks.stream().filter(t -> t.text().equals(text)).map(Tok::scope).findFirst();
    }

    @Test
    void eachKindOfTokenGetsItsScope() throws IOException {
        String text = """
                // a comment
                case hello "A text with {param} and \\"escapes\\""
                import stdlib.ai.stats as st
                quantity err_rate : probability "Share"
                claim top "Top": err_rate <= 1% and not false
                    supported by bounded
                evidence e "E" expires 2027-06-01
                    gives err_rate <= rule_of_three(300)
                /* a block
                   comment */ define d = 2 * 3
                """;
        List<Tok> toks = grammar().tokenize(text);
        Map<String, String> expected = Map.ofEntries(
                Map.entry("// a comment", "comment.line.double-slash.safecase"),
                Map.entry("case", "keyword.other.case.safecase"),
                Map.entry("hello", "entity.name.section.case.safecase"),
                Map.entry("{param}", "variable.parameter.interpolation.safecase"),
                Map.entry("\\\"", "constant.character.escape.safecase"),
                Map.entry("import", "keyword.control.import.safecase"),
                Map.entry("stdlib.ai.stats", "entity.name.namespace.safecase"),
                Map.entry("quantity", "keyword.declaration.quantity.safecase"),
                Map.entry("probability", "storage.type.safecase"),
                Map.entry("claim", "keyword.declaration.node.safecase"),
                Map.entry("top", "entity.name.type.node.safecase"),
                Map.entry("<=", "keyword.operator.comparison.safecase"),
                Map.entry("1%", "constant.numeric.safecase"),
                Map.entry("and", "keyword.operator.logical.safecase"),
                Map.entry("false", "constant.language.boolean.safecase"),
                Map.entry("supported by", "keyword.other.clause.safecase"),
                Map.entry("2027-06-01", "constant.other.date.safecase"),
                Map.entry("rule_of_three", "support.function.builtin.safecase"),
                Map.entry("*/", "comment.block.safecase"),
                Map.entry("d", "entity.name.constant.safecase"));
        for (var e : expected.entrySet()) {
            assertEquals(Optional.of(e.getValue()), scopeOf(toks, e.getKey()), e.getKey() + " in " + toks);
        }
    }

    @Test
    void everyKeywordOfTheLanguageIsHighlightedAsOne() throws IOException {
        Grammar g = grammar();
        List<String> missing = new ArrayList<>();
        for (String kw : Lexemes.keywords()) {
            String line = switch (kw) {
                case "supported", "justified", "eliminated" -> kw + " by x";
                case "by" -> "supported by x";
                default -> kw + " x";
            };
            List<Tok> toks = g.tokenize(line);
            String scope = toks.stream().filter(t -> t.text().contains(kw)).map(Tok::scope).findFirst().orElse("");
            boolean ok = scope.startsWith("keyword.") || scope.startsWith("storage.type") || scope.startsWith("constant.language");
            if (!ok) missing.add(kw + " (" + scope + ")");
        }
        assertTrue(missing.isEmpty(), "keywords the TextMate grammar does not highlight: " + missing);
    }

    @Test
    void theVsCodeExtensionDeclaresTheLanguageAndTheGrammar() throws IOException {
        JsonNode pkg = new ObjectMapper().readTree(Files.readString(Path.of("editors/vscode/package.json")));
        assertEquals("safecase", pkg.path("contributes").path("languages").get(0).path("id").asText());
        assertEquals(".case", pkg.path("contributes").path("languages").get(0).path("extensions").get(0).asText());
        assertEquals("source.safecase", pkg.path("contributes").path("grammars").get(0).path("scopeName").asText());
        assertEquals(grammar().root.path("scopeName").asText(), "source.safecase");
        pkg.path("dependencies").fields().forEachRemaining(d -> assertTrue(d.getValue().asText().matches("\\d+\\.\\d+\\.\\d+"),
                "pinned: " + d));
        pkg.path("devDependencies").fields().forEachRemaining(d -> assertTrue(d.getValue().asText().matches("\\d+\\.\\d+\\.\\d+"),
                "pinned: " + d));
        String client = Files.readString(Path.of("editors/vscode/src/extension.ts"));
        assertTrue(client.contains("'lsp'"), "the client starts `safecase lsp`");
    }
}
