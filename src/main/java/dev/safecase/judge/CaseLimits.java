package dev.safecase.judge;

import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Limits one case must keep, on top of the run's gate: the least share of its obligations that is proved, and the
 * most open and refuted obligations it may have. A limit that is not set does not apply.
 */
public record CaseLimits(Rational minProved, OptionalInt maxOpen, OptionalInt maxRefuted) {
    public CaseLimits {
        if (minProved.signum() < 0 || minProved.compareTo(Rational.ONE) > 0) {
            throw new IllegalArgumentException("minProved must be between 0 and 1 (got " + minProved + ")");
        }
        if (maxOpen.isPresent() && maxOpen.getAsInt() < 0) throw new IllegalArgumentException("maxOpen must be 0 or more");
        if (maxRefuted.isPresent() && maxRefuted.getAsInt() < 0) {
            throw new IllegalArgumentException("maxRefuted must be 0 or more");
        }
    }

    /**
     * Every limit the case breaks, in words ({@code proved 2/7 = 0.28 < minProved 0.9}, {@code 3 open > maxOpen 2});
     * empty when it keeps them all. {@code names} gives each limit's name as the reader knows it.
     */
    public List<String> shortfalls(Map<Status, Integer> summary, int total, Names names) {
        List<String> out = new ArrayList<>();
        int proved = summary.getOrDefault(Status.PROVED, 0);
        Rational share = total == 0 ? Rational.ONE : Rational.of(proved, total);
        if (share.compareTo(minProved) < 0) {
            int needed = minProved.multiply(Rational.of(total)).ceil().intValueExact() - proved;
            out.add("proved " + proved + "/" + total + " = " + share.approx() + " < " + names.minProved() + " "
                    + minProved.approx() + " (" + needed + " more to prove)");
        }
        limit(out, summary.getOrDefault(Status.OPEN, 0), maxOpen, "open", names.maxOpen());
        limit(out, summary.getOrDefault(Status.REFUTED, 0), maxRefuted, "refuted", names.maxRefuted());
        return out;
    }

    private static void limit(List<String> out, int n, OptionalInt max, String what, String name) {
        if (max.isPresent() && n > max.getAsInt()) out.add(n + " " + what + " > " + name + " " + max.getAsInt());
    }

    /** How the reader names the three limits. */
    public record Names(String minProved, String maxOpen, String maxRefuted) {
        public static final Names MAVEN = new Names("minProved", "maxOpen", "maxRefuted");
    }
}
