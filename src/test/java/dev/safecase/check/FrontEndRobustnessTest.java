package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.source.Sources;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.safecase.num.Rational;
import dev.safecase.lower.Lowering;
import dev.safecase.diag.Diagnostics;
import dev.safecase.syntax.Parser;
import dev.safecase.diag.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds mutated and truncated versions of the example cases to the front end (parser and
 * checker, not the prover). Whatever the input, the result is a model or diagnostics: never an
 * exception, never a hang. The seed is fixed, so a failure reproduces; the failing input is
 * printed and written to {@code target/robustness-failure.case}.
 */
class FrontEndRobustnessTest {
    /** Fixed so failures reproduce. CI runs a few seconds of samples; {@code -Dsafecase.fuzz.samples=10000} (and
     * {@code -Dsafecase.fuzz.seed=N}) hunts further, and {@code ./safecase bench --robustness} fuzzes the whole tool. */
    private static final long SEED = Long.getLong("safecase.fuzz.seed", 20261122L);
    private static final int SAMPLES = Integer.getInteger("safecase.fuzz.samples", 300);
    private static final int BATCH = 500;

    private static final String[] INSERTS = {
        "case", "import", "as", "quantity", "enum", "define", "context", "assumption", "claim", "strategy", "evidence",
        "defeater", "justification", "pattern", "use", "supported by", "justified by", "assuming", "asserted \"r\"",
        "undeveloped", "owner \"o\"", "rebuts", "undercuts", "undermines", "eliminated by", "accepted \"a\"",
        "file \"f.json\"", "sha256 \"00\"", "gives", "expires 2027-02-29", "and", "or", "not", "true", "false", "in",
        "sum(h in Hazard)", "forall x in E:", "exists", "if", "then", "else", "bool", "int", "real", "probability", "text",
        "min(", "max(1,", "abs(", "rule_of_three(", "clopper_pearson_upper(", "json(\"/n\")", "json(", "\"", "\"\"\"",
        "/*", "*/", "//", "{", "}", "{x}", "{{", "(", ")", "[", "]", ",", ":", ".", "=", "==", "!=", "<", "<=", ">", ">=",
        "=>", "<=>", "+", "-", "*", "/", "%", "5%", "0", "1/0", "1e9999", "0.000001", "2026-11-22", "-1",
        "\u00e9", "\u2264", "\u00a0", "\uFEFF", "\uD83D\uDE00", "\0", "\t", "\r\n", "\n", "\\", "\\q", "@", "#", ";",
    };

    @Test
    void mutatedCasesGiveAModelOrDiagnosticsAndNeverThrow() throws IOException {
        List<String> seeds = seedTexts();
        assertTrue(seeds.size() >= 10, "too few example cases to mutate: " + seeds.size());
        List<String> valid = seeds.stream().filter(t -> FrontEnd.check(t).model().isPresent()).toList();
        assertTrue(valid.size() >= 4, "too few error-free example cases to mutate: " + valid.size());
        Random random = new Random(SEED);
        Sources sources = new Sources(Path.of("target/robustness-root").toAbsolutePath());
        int[] outcomes = new int[3]; // checked model, checker errors, no AST
        for (int start = 0; start < SAMPLES; start += BATCH) {
            final int from = start;
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = from; i < Math.min(SAMPLES, from + BATCH); i++) {
                    // mostly error-free cases, so that many mutants get past the parser into the checker
                    String base = random.nextInt(4) == 0 ? seeds.get(random.nextInt(seeds.size()))
                            : valid.get(random.nextInt(valid.size()));
                    String input = mutate(base, random);
                    FrontEnd.Result r = runOnce(sources, i, input, random.nextInt(8) == 0);
                    outcomes[r.model().isPresent() ? 0 : r.unit().isPresent() ? 1 : 2]++;
                }
            }, "batch from sample " + from + " did not finish in time (a hang?)");
        }
        // The mutations must exercise the checker, not only the parser's error path.
        assertTrue(outcomes[0] > SAMPLES / 10, "only " + outcomes[0] + " mutated inputs gave a checked model");
        assertTrue(outcomes[1] > SAMPLES / 10, "only " + outcomes[1] + " mutated inputs gave checker errors");
        assertTrue(outcomes[2] > SAMPLES / 10, "only " + outcomes[2] + " mutated inputs gave syntax errors");
    }

    /**
     * Inputs that broke the front end (the first three) and inputs at its limits. Each must give
     * the named diagnostic and no model.
     */
    static Stream<Arguments> hardInputs() {
        String p = "case c \"c\"\nquantity p : real\nquantity b : bool\n";
        return Stream.of(
                // found by the random test: a malformed number was reported, yet the case got a model
                Arguments.of("huge exponent", p + "claim top \"t\": p <= 1e99999 undeveloped\n", "SC102"),
                // a define resolved once for another claim hid a claim-formula cycle; lowering overflowed
                Arguments.of("cycle through a define", p + "claim z \"z\": d undeveloped\ndefine d = y\n"
                        + "claim x \"x\": d undeveloped\nclaim y \"y\": x undeveloped\n"
                        + "assumption a \"a\": x\nclaim w \"w\" assuming a undeveloped\n", "SC305"),
                // a long flat chain is parsed without recursion, but its tree overflowed the type checker
                Arguments.of("long flat sum", p + "claim top \"t\": p" + " + p".repeat(20_000) + " <= 1 undeveloped\n", "SC101"),
                Arguments.of("long flat conjunction", p + "claim top \"t\": b" + " and b".repeat(20_000) + " undeveloped\n", "SC101"),
                Arguments.of("deep parentheses", p + "claim top \"t\": " + "(".repeat(100_000) + "p <= 1" + ")".repeat(100_000)
                        + " undeveloped\n", "SC101"),
                Arguments.of("deep not", p + "claim top \"t\": " + "not ".repeat(5_000) + "b undeveloped\n", "SC101"),
                Arguments.of("deep negation", p + "claim top \"t\": " + "-".repeat(5_000) + "p <= 1 undeveloped\n", "SC101"),
                Arguments.of("defines that stack up", p + "define d0 = p" + " + p".repeat(200) + "\ndefine d1 = d0" + " + p".repeat(200)
                        + "\nclaim top \"t\": d1 <= 1 undeveloped\n", "SC101"),
                Arguments.of("NUL reaching the lexer", "case c \"c\"\nclaim top \"t\0\" undeveloped\n\0", "SC102"),
                Arguments.of("string cut off after a backslash", "case c \"c\"\nclaim top \"t\\", "SC102"),
                Arguments.of("long string cut off", "case c \"c\"\nclaim top \"\"\"abc", "SC102"),
                Arguments.of("comment cut off", "case c \"c\"\nclaim top \"t\" undeveloped /* open", "SC102"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardInputs")
    void hardInputsGiveDiagnostics(String name, String input, String code) {
        FrontEnd.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> runOnce(new Sources(Path.of("target/robustness-root").toAbsolutePath()), -1, input, false));
        assertTrue(r.model().isEmpty(), name + ": a model despite the mistake");
        assertTrue(r.errors().stream().anyMatch(d -> d.code().id().equals(code)), name + ": expected " + code + " in\n" + r.render());
    }

    // ------------------------------------------------------------ running

    private static FrontEnd.Result runOnce(Sources sources, int index, String input, boolean viaBytes) {
        try {
            if (viaBytes) {
                Diagnostics d = new Diagnostics();
                byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
                if (index % 3 == 0 && bytes.length > 0) bytes[Math.abs(input.hashCode() % bytes.length)] = (byte) 0xC3;
                var text = SourceText.decode(null, "fuzz.case", bytes, d);
                if (text.isEmpty()) {
                    assertTrue(d.hasErrors(), "undecodable input without a diagnostic");
                    return new FrontEnd.Result(java.util.Optional.empty(), java.util.Optional.empty(), d.sorted());
                }
                return checked(FrontEnd.check(sources, text.get()), input);
            }
            return checked(FrontEnd.check(sources, "fuzz.case", input), input);
        } catch (Throwable t) {
            save(input);
            fail("sample " + index + " threw " + t + "\n--- input ---\n" + input + "\n--- end ---", t);
            return null;
        }
    }

    /** The front end's contract: a model exactly when there is no error, with positions inside the file. */
    private static FrontEnd.Result checked(FrontEnd.Result r, String input) {
        // Lowering expands claim formulas: a cycle the checker missed would overflow the stack here.
        r.model().ifPresent(m -> {
            java.util.Map<String, dev.safecase.lower.EvidenceState> ev = new java.util.HashMap<>();
            for (Model.Evidence e : m.all(Model.Evidence.class)) {
                ev.put(e.id(), new dev.safecase.lower.EvidenceState(dev.safecase.lower.EvidenceState.Standing.CHECKED,
                        java.util.Optional.empty(), e.facts()));
            }
            Lowering.lower(m, dev.safecase.graph.ArgumentGraph.of(m), ev, new Diagnostics());
        });
        if (r.model().isPresent()) assertTrue(r.errors().isEmpty(), "model despite errors");
        if (r.unit().isPresent() && r.unit().get().isCase() && r.model().isEmpty()) {
            assertFalse(r.errors().isEmpty(), "a case without a model must say why");
        }
        if (r.unit().isEmpty()) assertFalse(r.errors().isEmpty(), "a file that does not parse must say why");
        long lines = input.chars().filter(c -> c == '\n').count() + 1;
        for (var d : r.diagnostics()) {
            assertTrue(d.pos().line() >= 1 && d.pos().line() <= lines + 1 && d.pos().col() >= 1,
                    "diagnostic outside the file: " + d.headline());
            assertFalse(d.message().isBlank(), "empty message: " + d.headline());
        }
        return r;
    }

    private static void save(String input) {
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/robustness-failure.case"), input, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ignored) {
            // best effort: the input is in the failure message too
        }
    }

    // ------------------------------------------------------------ inputs

    private static List<String> seedTexts() throws IOException {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("src/test/resources/spec", "src/test/resources/golden/frontend", "cases", "stdlib")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".case")).sorted().toList()) {
                    out.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /** One to three random edits: truncation, token and character edits, insertions. */
    static String mutate(String text, Random random) {
        String s = text;
        int edits = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 1;
        for (int e = 0; e < edits; e++) {
            if (s.isEmpty()) return s;
            s = switch (random.nextInt(9)) {
                case 0 -> s.substring(0, random.nextInt(s.length() + 1));
                case 1 -> deleteChars(s, random);
                case 2 -> swapChars(s, random);
                case 3, 4 -> insert(s, random, INSERTS[random.nextInt(INSERTS.length)]);
                default -> tokenEdit(s, random);
            };
        }
        return s;
    }

    private static String deleteChars(String s, Random random) {
        int a = random.nextInt(s.length());
        int b = Math.min(s.length(), a + 1 + random.nextInt(12));
        return s.substring(0, a) + s.substring(b);
    }

    private static String swapChars(String s, Random random) {
        char[] c = s.toCharArray();
        int a = random.nextInt(c.length);
        int b = random.nextInt(c.length);
        char t = c[a];
        c[a] = c[b];
        c[b] = t;
        return new String(c);
    }

    private static String insert(String s, Random random, String what) {
        int at = random.nextInt(s.length() + 1);
        String pad = random.nextBoolean() ? " " : "";
        return s.substring(0, at) + pad + what + pad + s.substring(at);
    }

    /** Deletes, duplicates, swaps or renames whole tokens as the lexer sees them. */
    private static String tokenEdit(String s, Random random) {
        List<int[]> spans = new ArrayList<>();
        Lexer lexer = Parser.lexer(new SourceText(null, "fuzz.case", s));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getStopIndex() >= t.getStartIndex()) {
                spans.add(new int[] {t.getStartIndex(), t.getStopIndex() + 1, t.getType()});
            }
        }
        if (spans.size() < 2) return s;
        int[] a = spans.get(random.nextInt(spans.size()));
        int[] b = spans.get(random.nextInt(spans.size()));
        if (random.nextBoolean()) {
            // rename: one name becomes another name of the same text, which keeps the syntax and tests the checker
            List<int[]> names = spans.stream().filter(x -> x[2] == a[2]).toList();
            int[] c = names.get(random.nextInt(names.size()));
            return s.substring(0, a[0]) + s.substring(c[0], c[1]) + s.substring(a[1]);
        }
        String ta = s.substring(a[0], a[1]);
        String tb = s.substring(b[0], b[1]);
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, a[0]) + s.substring(a[1]);
            case 1 -> s.substring(0, a[1]) + " " + ta + s.substring(a[1]);
            case 2 -> a[0] == b[0] ? s : swap(s, a[0] < b[0] ? a : b, a[0] < b[0] ? b : a);
            default -> s.substring(0, a[0]) + tb + s.substring(a[1]);
        };
    }

    private static String swap(String s, int[] first, int[] second) {
        if (first[1] > second[0]) return s;
        return s.substring(0, first[0]) + s.substring(second[0], second[1]) + s.substring(first[1], second[0])
                + s.substring(first[0], first[1]) + s.substring(second[1]);
    }

    @Test
    void mutationIsDeterministic() {
        String base = "case c \"c\"\nquantity p : probability\nclaim top \"t\": p <= " + Rational.of(1, 20) + " undeveloped\n";
        assertTrue(mutate(base, new Random(7)).equals(mutate(base, new Random(7))));
    }
}
