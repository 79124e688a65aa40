package dev.safecase.pipeline;

import dev.safecase.formula.Rational;
import dev.safecase.judge.GatePolicy;
import dev.safecase.judge.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Everything that steers one run; the CLI and the Maven plugin both build one of these. */
public record Options(Path root, LocalDate today, boolean strict, Set<Status> failOn, Rational minProved,
                      long timeoutMs, long rlimit, int jobs, boolean cache) {

    public static final Set<Status> DEFAULT_FAIL_ON = GatePolicy.DEFAULT_FAIL_ON;

    public Options {
        failOn = GatePolicy.normalised(failOn, strict);
    }

    /** The gate's part of the options. */
    public GatePolicy policy() {
        return new GatePolicy(strict, failOn, minProved);
    }

    public static Options defaults(Path root) {
        return new Options(root, LocalDate.now(ZoneOffset.UTC), false, DEFAULT_FAIL_ON, Rational.ZERO, 10_000, 5_000_000,
                Runtime.getRuntime().availableProcessors(), true);
    }

    public Options withRoot(Path r) { return new Options(r, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache); }
    public Options withToday(LocalDate d) { return new Options(root, d, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache); }
    public Options withStrict(boolean s) { return new Options(root, today, s, failOn, minProved, timeoutMs, rlimit, jobs, cache); }
    public Options withFailOn(Set<Status> f) { return new Options(root, today, strict, f, minProved, timeoutMs, rlimit, jobs, cache); }
    public Options withMinProved(Rational m) { return new Options(root, today, strict, failOn, m, timeoutMs, rlimit, jobs, cache); }
    public Options withTimeoutMs(long t) { return new Options(root, today, strict, failOn, minProved, t, rlimit, jobs, cache); }
    public Options withRlimit(long r) { return new Options(root, today, strict, failOn, minProved, timeoutMs, r, jobs, cache); }
    public Options withJobs(int j) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, j, cache); }
    public Options withCache(boolean c) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, c); }

    /** Parses a fail-on list such as {@code refuted,invalid}; the message says what is wrong. */
    public static Set<Status> parseFailOn(String s) {
        return GatePolicy.parseFailOn(s);
    }

    /** Parses a share of obligations, 0..1, or a percentage such as {@code 90%}. */
    public static Rational parseShare(String s) {
        Rational r;
        String t = s.trim();
        try {
            r = t.endsWith("%") ? Rational.parse(t.substring(0, t.length() - 1).trim()).divide(Rational.of(100)) : Rational.parse(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(s + " is not a number between 0 and 1");
        }
        if (r.signum() < 0 || r.compareTo(Rational.ONE) > 0) throw new IllegalArgumentException(s + " must be between 0 and 1");
        return r;
    }

    /** The fail-on set in {@link Status#FAILING_ORDER}, for printing. */
    public List<Status> failOnOrdered() {
        return Status.inFailingOrder(failOn);
    }
}
