package dev.safecase.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of a fuzz input: which command, on which path, with which options. Option values are mutated
 * too (limits, garbage, huge numbers), since they are input as much as the case is. The solver limits default to
 * 2 s and one job, so that a slow input is the tool's fault and not many legitimate solver timeouts.
 */
final class Commands {
    private Commands() {
    }

    /** The commands fuzzed, with their weights; smt runs the front end, lowering and evidence without proving. */
    static final List<String> COMMANDS = List.of("check", "check", "check", "check", "smt", "smt", "smt", "report",
            "report", "explain", "explain", "pin", "graph");

    private static final Pattern CLAIM = Pattern.compile("(?m)^\\s*claim\\s+([A-Za-z_]\\w*)");

    static List<String> make(Random r, String caseName, String seedText, List<String> how) {
        String command = COMMANDS.get(r.nextInt(COMMANDS.size()));
        String dir = Mutants.DIR;
        List<String> args = new ArrayList<>(List.of(command));
        if (command.equals("explain")) args.add(explainId(r, seedText));
        args.addAll(List.of("--root", dir, "--today", "2026-11-22"));
        List<String> options = new ArrayList<>(List.of("--jobs", "1", "--timeout-ms", "2000"));
        if (r.nextInt(5) == 0) {
            mutateOption(r, options, how);
        }
        args.addAll(options);
        switch (command) {
            case "check" -> {
                if (r.nextInt(4) == 0) args.addAll(List.of("--format", "json"));
            }
            case "report" -> args.addAll(List.of("-o", r.nextInt(10) == 0 ? dir : dir + "/out"));
            case "smt" -> args.addAll(List.of("-o", dir + "/smt"));
            case "graph" -> args.addAll(List.of("-o", dir + "/graph"));
            case "pin" -> args.add("--check");
            default -> {
                // explain: the ID came first
            }
        }
        args.add(r.nextInt(5) == 0 ? dir : dir + "/" + caseName);
        how.add(command);
        return List.copyOf(args);
    }

    private static String explainId(Random r, String seedText) {
        List<String> claims = new ArrayList<>();
        for (Matcher m = CLAIM.matcher(seedText); m.find();) claims.add(m.group(1));
        String node = claims.isEmpty() ? "top" : claims.get(r.nextInt(claims.size()));
        return Mutants.pick(r, "inference:", "support:", "evidence:", "consistency:", "nosuch:", "") + node;
    }

    private static final String[][] VALUES = {
        {"--min-proved", "1e-100000000", "1e100000000", "2", "-1", "1/0", "0/0", "50%", "150%", "0.99999999999999999999", "x",
            "1" + "0".repeat(10_000), ""},
        {"--today", "9999-12-31", "0000-01-01", "2026-02-29", "2024-02-29", "+1000000-01-01", "2026-11-22T00:00", "today", ""},
        {"--timeout-ms", "1", "0", "-5", "9223372036854775807", "9223372036854775808", "1e3"},
        {"--rlimit", "1", "0", "9223372036854775807", "99999999999999999999"},
        {"--jobs", "1", "2", "64", "0", "2147483647", "2147483648"},
        {"--fail-on", "", "proved", "asserted", "refuted", "open,open", "nonsense", ",,,", "vacuous"},
    };

    private static void mutateOption(Random r, List<String> options, List<String> how) {
        if (r.nextInt(6) == 0) {
            options.add(Mutants.pick(r, "--strict", "--no-cache", "--debug", "--bogus", "-o"));
            how.add("option " + options.get(options.size() - 1));
            return;
        }
        String[] v = VALUES[r.nextInt(VALUES.length)];
        String value = v[1 + r.nextInt(v.length - 1)];
        int at = options.indexOf(v[0]);
        if (at >= 0) {
            options.set(at + 1, value);
        } else {
            options.addAll(List.of(v[0], value));
        }
        how.add("option " + v[0] + " " + (value.length() > 30 ? value.substring(0, 30) + "…" : value));
    }
}
