package dev.safecase.bench;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Inputs at the limits, for the robustness fuzzer: deep nesting, huge literals, long chains of claims, defines and
 * imports, wide fan-outs, and hostile evidence files. Sizes are drawn from a few orders of magnitude, up to those
 * that broke the tool before (4,000-claim chains, 1,000 chained defines, 2,500 chained imports).
 */
final class Extremes {
    private Extremes() {
    }

    private static final String HEAD = "case extreme \"An input at the limits\"\nquantity x : real \"x\"\nquantity b : bool \"b\"\n";

    static String make(Random r, Map<String, byte[]> files, List<String> how) {
        int n = size(r);
        return switch (r.nextInt(11)) {
            case 0 -> {
                how.add("chain of " + n + " claims");
                StringBuilder s = new StringBuilder(HEAD);
                for (int i = 0; i < n; i++) s.append("claim c").append(i).append(" \"c\": x <= ").append(i).append(" supported by c").append(i + 1).append('\n');
                yield s.append("claim c").append(n).append(" \"last\": x <= 0 asserted \"r\"\n").toString();
            }
            case 1 -> {
                // exponential without shared sub-terms: beyond depth 25 or so a hang, so kept rarer than the rest
                int depth = r.nextBoolean() ? 5 + r.nextInt(15) : 20 + r.nextInt(26);
                how.add("doubling defines, depth " + depth);
                StringBuilder s = new StringBuilder(HEAD).append("define d0 = x\n");
                for (int i = 1; i <= depth; i++) s.append("define d").append(i).append(" = d").append(i - 1).append(" + d").append(i - 1).append('\n');
                yield s.append("claim top \"t\": d").append(depth).append(" >= 0 asserted \"r\"\n").toString();
            }
            case 2 -> {
                how.add("chain of " + n + " defines");
                StringBuilder s = new StringBuilder(HEAD).append("define d0 = x\n");
                for (int i = 1; i <= n; i++) s.append("define d").append(i).append(" = d").append(i - 1).append(" + 1\n");
                yield s.append("claim top \"t\": d").append(n).append(" >= x asserted \"r\"\n").toString();
            }
            case 3 -> {
                how.add("chain of " + n + " imports");
                for (int i = 0; i < n; i++) {
                    String next = i + 1 < n ? "import lib.m" + (i + 1) + " as m\n" : "";
                    files.put("lib/m" + i + ".case", Mutants.utf8("// module " + i + "\n" + next + "quantity q" + i + " : real\n"));
                }
                yield HEAD + "import lib.m0 as m\nclaim top \"t\": x <= 1 asserted \"r\"\n";
            }
            case 4 -> {
                String open = Mutants.pick(r, "(", "not ", "-", "abs(", "if b then ", "min(x, ", "(not ");
                String close = switch (open) {
                    case "(", "abs(", "min(x, " -> ")";
                    case "(not " -> ")";
                    case "if b then " -> " else x";
                    default -> "";
                };
                boolean bool = open.contains("not");
                how.add("nesting " + open.trim() + " " + n + " deep");
                yield HEAD + "claim top \"t\": " + (bool ? "" : "x <= ") + open.repeat(n) + (bool ? "b" : "x") + close.repeat(n)
                        + " asserted \"r\"\n";
            }
            case 5 -> {
                int digits = r.nextInt(4) == 0 ? 1_000_000 : 10 * n;
                String lit = switch (r.nextInt(4)) {
                    case 0 -> "1" + "0".repeat(digits);
                    case 1 -> "0." + "0".repeat(digits) + "1";
                    case 2 -> "1" + "0".repeat(digits) + "/3";
                    default -> "1e" + Mutants.pick(r, "999999999", "-999999999", "2147483648", "99999");
                };
                how.add("literal of " + lit.length() + " characters");
                yield HEAD + "claim top \"t\": x <= " + lit + " + x * " + lit + " asserted \"r\"\n";
            }
            case 6 -> {
                how.add(n + " sub-claims of one claim");
                StringBuilder s = new StringBuilder(HEAD).append("claim top \"t\": x <= 1 supported by ");
                for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ", ").append('c').append(i);
                s.append('\n');
                for (int i = 0; i < n; i++) s.append("claim c").append(i).append(" \"c\": x <= 1 asserted \"r\"\n");
                yield s.toString();
            }
            case 7 -> {
                how.add("enum of " + n + " members in a sum");
                StringBuilder s = new StringBuilder(HEAD).append("enum E { ");
                for (int i = 0; i < n; i++) s.append(i == 0 ? "" : ", ").append('e').append(i);
                yield s.append(" }\nquantity v[E] : probability\nclaim top \"t\": sum(h in E) v[h] <= 1 undeveloped\n").toString();
            }
            case 8 -> {
                String call = Mutants.pick(r, "clopper_pearson_upper(5000000, 10000000, 95%)", "clopper_pearson_upper(0, 100000000, 99.9999%)",
                        "rule_of_three(1" + "0".repeat(n) + ")", "clopper_pearson_upper(1, 2, 1e-300)", "rule_of_three(0)");
                how.add("statistic " + (call.length() > 60 ? call.substring(0, 60) + "…" : call));
                files.put("evidence/s.json", Mutants.utf8("{\"n\": 10000000, \"k\": 5000000}"));
                yield HEAD + "evidence s \"stats\" file \"evidence/s.json\" gives x <= " + call + "\nclaim top \"t\": x <= 1 supported by s\n";
            }
            case 9 -> {
                how.add("text of " + (100 * n) + " characters");
                yield HEAD + "claim top \"" + "long text ".repeat(10 * n) + "\" undeveloped owner \"\"\"" + "line\n".repeat(n) + "\"\"\"\n";
            }
            default -> {
                how.add(n + " comments and blank lines");
                yield "/*" + " *\n".repeat(n) + "*/" + "//\n".repeat(n) + HEAD + "claim top \"t\" undeveloped\n";
            }
        };
    }

    /** 10 to 10,000, log-uniform-ish, so that most inputs stay fast and some reach the old limits. */
    private static int size(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> 10 + r.nextInt(90);
            case 1 -> 100 + r.nextInt(900);
            case 2 -> 1000 + r.nextInt(2000);
            case 3 -> 3000 + r.nextInt(3000);
            default -> 6000 + r.nextInt(4000);
        };
    }

    // ------------------------------------------------------------ evidence files

    /** Written as a symbolic link to a file outside the input folder that does not exist (compared by identity). */
    static final byte[] LINK_OUTSIDE = new byte[0];
    /** Written as an empty folder (compared by identity). */
    static final byte[] FOLDER = new byte[0];

    /** Replaces one JSON companion by a hostile one, or adds one that the case names. */
    static void evidence(Map<String, byte[]> files, Random r, List<String> how) {
        List<String> json = files.keySet().stream().filter(k -> k.endsWith(".json")).toList();
        String name = json.isEmpty() ? "evidence/x.json" : json.get(r.nextInt(json.size()));
        int depth = 10 + r.nextInt(100_000);
        int kind = r.nextInt(14);
        if (kind >= 12) {
            how.add("evidence " + name + (kind == 12 ? " a dangling link out of the root" : " a folder"));
            files.put(name, kind == 12 ? LINK_OUTSIDE : FOLDER);
            return;
        }
        String content = switch (kind) {
            case 0 -> "{\"n\": 1" + "0".repeat(depth) + ", \"failures\": 0}";
            case 1 -> "{\"n\": 1e999999999, \"failures\": -0}";
            case 2 -> "[".repeat(depth) + "]".repeat(depth);
            case 3 -> "{\"n\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + "}";
            case 4 -> "{\"n\": NaN, \"failures\": Infinity}";
            case 5 -> "{\"n\": 1, \"n\": 2, \"failures\": \"\u001b[2J\u202e\"}";
            case 6 -> "{\"n\": \"\\u0000\\ud800\", \"failures\": true}";
            case 7 -> "{\"n\": 120, \"failures\": 2";
            case 8 -> "\ufeff{\"n\": 120, \"failures\": 2}";
            case 9 -> "{\"n\": 0.1e-99999, \"failures\": 2.5}";
            case 10 -> "{\"n\": 120, \"failures\": 2}" + " ".repeat(depth);
            default -> "";
        };
        how.add("evidence " + name + " made hostile");
        files.put(name, Mutants.utf8(content));
    }
}
