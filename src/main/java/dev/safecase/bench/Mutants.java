package dev.safecase.bench;

import dev.safecase.diag.SourceText;
import dev.safecase.syntax.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * The inputs of the robustness fuzzer: seeded mutants of the corpus. Input {@code i} of seed {@code s} depends on
 * nothing else, so a finding reproduces from its number alone, whichever child JVM ran it.
 */
final class Mutants {
    private Mutants() {
    }

    /** A corpus file and the files it needs next to it (evidence, local modules), by relative path. */
    record Seed(String name, String text, Map<String, byte[]> companions) {}

    /**
     * One input: files by path relative to the input folder, the command line with {@code $DIR} standing for that
     * folder, and what was done, for the report.
     */
    record Input(Map<String, byte[]> files, List<String> args, String how) {}

    static final String DIR = "$DIR";

    // ------------------------------------------------------------ the corpus

    /** Every .case file under cases/, stdlib/ and src/test/resources of {@code corpus}, sorted, with companions. */
    static List<Seed> seeds(Path corpus) {
        List<Seed> out = new ArrayList<>();
        for (String dir : List.of("cases", "stdlib", "src/test/resources")) {
            Path d = corpus.resolve(dir);
            if (!Files.isDirectory(d)) continue;
            try (Stream<Path> s = Files.walk(d)) {
                for (Path p : s.filter(f -> f.toString().endsWith(".case") && Files.isRegularFile(f)).sorted().toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    out.add(new Seed(corpus.relativize(p).toString(), text, companions(p, text)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static final Pattern FILE = Pattern.compile("file\\s+\"([^\"\\\\]+)\"");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+([A-Za-z_][\\w.]*)");

    private static Map<String, byte[]> companions(Path file, String text) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path dir = file.getParent();
        for (Matcher m = FILE.matcher(text); m.find();) {
            String rel = m.group(1);
            Path p = dir.resolve(rel).normalize();
            if (p.startsWith(dir) && Files.isRegularFile(p) && Files.size(p) < 1_000_000) out.put(rel, Files.readAllBytes(p));
        }
        for (Matcher m = IMPORT.matcher(text); m.find();) {
            if (m.group(1).startsWith("stdlib.")) continue;
            String rel = m.group(1).replace('.', '/') + ".case";
            Path p = dir.resolve(rel);
            if (Files.isRegularFile(p)) out.put(rel, Files.readAllBytes(p));
        }
        return out;
    }

    // ------------------------------------------------------------ one input

    static Input make(List<Seed> seeds, long seed, long index) {
        Random r = new Random(seed * 1_000_003L + index);
        Seed base = seeds.get(r.nextInt(seeds.size()));
        Map<String, byte[]> files = new LinkedHashMap<>(base.companions());
        List<String> how = new ArrayList<>(List.of(base.name()));
        byte[] text;
        int family = r.nextInt(100);
        if (family < 30) {
            text = bytes(base.text(), r, how);
        } else if (family < 65) {
            text = utf8(grammar(base.text(), seeds, r, how));
        } else if (family < 75) {
            text = utf8(hostile(base.text(), r, how));
        } else if (family < 88) {
            text = utf8(Extremes.make(r, files, how));
        } else {
            text = utf8(base.text());
            Extremes.evidence(files, r, how);
        }
        String name = r.nextInt(20) == 0 ? pick(r, "fu\u001bzz.case", "\u00fcn\u202eicode.case", "a b.case",
                "line\nbreak.case", "\u65e5\u672c.case") : "fuzz.case";
        if (!name.equals("fuzz.case")) how.add("file name");
        files.put(name, text);
        return new Input(files, Commands.make(r, name, base.text(), how), String.join(", ", how));
    }

    static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------ byte level

    private static final byte[] ODD_BYTES = {0, 0x1b, 0x07, '\r', '\n', '\t', (byte) 0xc3, (byte) 0xff, (byte) 0xfe,
        (byte) 0xe2, (byte) 0x80, (byte) 0xae, '"', '\\', '/', '*', '{', '}'};

    private static byte[] bytes(String text, Random r, List<String> how) {
        byte[] b = utf8(text);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            int len = Math.min(b.length - at, 1 + r.nextInt(16));
            switch (r.nextInt(6)) {
                case 0 -> {
                    b[at] ^= (byte) (1 << r.nextInt(8));
                    how.add("bit flip");
                }
                case 1 -> {
                    b[at] = ODD_BYTES[r.nextInt(ODD_BYTES.length)];
                    how.add("byte set");
                }
                case 2 -> {
                    b = concat(slice(b, 0, at), slice(b, at + len, b.length));
                    how.add("bytes deleted");
                }
                case 3 -> {
                    byte[] ins = new byte[1 + r.nextInt(4)];
                    for (int i = 0; i < ins.length; i++) ins[i] = r.nextBoolean() ? ODD_BYTES[r.nextInt(ODD_BYTES.length)] : (byte) r.nextInt(256);
                    b = concat(slice(b, 0, at), ins, slice(b, at, b.length));
                    how.add("bytes inserted");
                }
                case 4 -> {
                    b = concat(slice(b, 0, at + len), slice(b, at, b.length));
                    how.add("bytes duplicated");
                }
                default -> {
                    b = slice(b, 0, at);
                    how.add("truncated");
                }
            }
        }
        return b;
    }

    private static byte[] slice(byte[] b, int from, int to) {
        return java.util.Arrays.copyOfRange(b, from, Math.max(from, to));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    // ------------------------------------------------------------ grammar aware

    private static final String[] SNIPPETS = {
        "case", "import", "as", "quantity", "enum", "define", "context", "assumption", "claim", "strategy", "evidence",
        "defeater", "justification", "pattern", "use", "supported by", "justified by", "assuming", "asserted \"r\"",
        "undeveloped", "owner \"o\"", "rebuts", "undercuts", "undermines", "eliminated by", "accepted \"a\"",
        "file \"evidence/x.json\"", "sha256 \"00\"", "gives", "expires 2027-02-29", "and", "or", "not", "true", "false",
        "in", "sum(h in Hazard)", "forall x in E:", "exists", "if", "then", "else", "bool", "int", "real", "probability",
        "text", "min(", "max(1,", "abs(", "rule_of_three(", "clopper_pearson_upper(", "json(\"/n\")", "json(", "\"",
        "\"\"\"", "/*", "*/", "//", "{", "}", "{x}", "(", ")", "[", "]", ",", ":", ".", "=", "==", "!=", "<", "<=", ">=",
        "=>", "<=>", "+", "-", "*", "/", "%", "5%", "0", "1/0", "1e9999", "0.000001", "-1", "\\", "@", "#", ";",
        "claim c \"c\" undeveloped\n", "define d = d\n", "import stdlib.ai.stats as stats\n", "use stats.zero_failure(",
    };

    private static String grammar(String text, List<Seed> seeds, Random r, List<String> how) {
        String s = text;
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !s.isEmpty(); e++) {
            s = switch (r.nextInt(8)) {
                case 0, 1, 2 -> token(s, r, how);
                case 3 -> {
                    how.add("spliced");
                    yield splice(s, seeds.get(r.nextInt(seeds.size())).text(), r);
                }
                case 4 -> {
                    how.add("lines duplicated");
                    yield lines(s, r, true);
                }
                case 5 -> {
                    how.add("lines deleted");
                    yield lines(s, r, false);
                }
                default -> {
                    how.add("snippet inserted");
                    int at = r.nextInt(s.length() + 1);
                    yield s.substring(0, at) + " " + SNIPPETS[r.nextInt(SNIPPETS.length)] + " " + s.substring(at);
                }
            };
        }
        return s;
    }

    /** Deletes, duplicates, swaps or renames whole tokens as the lexer sees them. */
    private static String token(String s, Random r, List<String> how) {
        List<int[]> spans = new ArrayList<>();
        Lexer lexer = Parser.lexer(new SourceText(null, "fuzz.case", s));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF && spans.size() < 100_000; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getStopIndex() >= t.getStartIndex()) {
                spans.add(new int[] {t.getStartIndex(), t.getStopIndex() + 1, t.getType()});
            }
        }
        if (spans.size() < 2) return s;
        int[] a = spans.get(r.nextInt(spans.size()));
        int[] b = spans.get(r.nextInt(spans.size()));
        switch (r.nextInt(4)) {
            case 0 -> {
                how.add("token deleted");
                return s.substring(0, a[0]) + s.substring(a[1]);
            }
            case 1 -> {
                how.add("token duplicated");
                return s.substring(0, a[1]) + " " + s.substring(a[0], a[1]) + s.substring(a[1]);
            }
            case 2 -> {
                // same token type: keeps the syntax, tests the checker (names, kinds, types)
                how.add("token renamed");
                List<int[]> same = spans.stream().filter(x -> x[2] == a[2]).toList();
                int[] c = same.get(r.nextInt(same.size()));
                return s.substring(0, a[0]) + s.substring(c[0], c[1]) + s.substring(a[1]);
            }
            default -> {
                how.add("token replaced");
                return s.substring(0, a[0]) + s.substring(b[0], b[1]) + s.substring(a[1]);
            }
        }
    }

    private static String splice(String s, String other, Random r) {
        List<String> mine = new ArrayList<>(s.lines().toList());
        List<String> theirs = other.lines().toList();
        if (theirs.isEmpty()) return s;
        int from = r.nextInt(theirs.size());
        int to = Math.min(theirs.size(), from + 1 + r.nextInt(12));
        mine.addAll(r.nextInt(mine.size() + 1), theirs.subList(from, to));
        return String.join("\n", mine) + "\n";
    }

    private static String lines(String s, Random r, boolean duplicate) {
        List<String> l = new ArrayList<>(s.lines().toList());
        if (l.isEmpty()) return s;
        int from = r.nextInt(l.size());
        int to = Math.min(l.size(), from + 1 + r.nextInt(8));
        List<String> part = new ArrayList<>(l.subList(from, to));
        if (duplicate) {
            l.addAll(to, part);
        } else {
            l.subList(from, to).clear();
        }
        return String.join("\n", l) + "\n";
    }

    // ------------------------------------------------------------ hostile characters

    private static final String[] HOSTILE = {"\u001b[2J", "\u001b[1A\u001b[2K", "\u0007", "\r", "\u0000", "\u007f",
        "\u0085", "\u009b", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
        "\u200b", "\u200d", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u0301", "\ud83d\ude00", "\ud800", "\uffff",
        "\u00e9", "\u2264", "\u65e5", "\t", "\\n", "\\\"", "\\u202e"};

    private static String hostile(String text, Random r, List<String> how) {
        StringBuilder s = new StringBuilder(text);
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            String what = HOSTILE[r.nextInt(HOSTILE.length)];
            // inside a string literal half of the time, where the text reaches every output
            int quote = s.indexOf("\"", r.nextInt(s.length() + 1));
            int at = quote >= 0 && r.nextBoolean() ? quote + 1 : r.nextInt(s.length() + 1);
            s.insert(at, what);
        }
        how.add("control or unicode characters");
        return s.toString();
    }
}
