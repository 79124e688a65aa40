package dev.safecase.pipeline;

import dev.safecase.diag.Vocabulary;
import dev.safecase.num.Rational;
import dev.safecase.judge.GatePolicy;
import dev.safecase.judge.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that steers one run; the CLI and the Maven plugin both build one of these. {@code cache}
 * is the verdict cache's folder; none by default (the CLI uses {@code .safecase/cache} under the
 * root, the Maven plugin {@code target/safecase-cache}).
 */
public record Options(Path root, LocalDate today, boolean strict, Set<Status> failOn, Rational minProved,
                      long timeoutMs, long rlimit, int jobs, Optional<Path> cache, Optional<Rational> maxDoubt,
                      Audience audience) {

    /**
     * Who reads the run's messages: paths are shown relative to {@code base} (the working directory on the command
     * line, {@code ${project.basedir}} in Maven), and settings are named in {@code vocabulary}'s words.
     */
    public record Audience(Path base, Vocabulary vocabulary) {
        public Audience {
            base = base.toAbsolutePath().normalize();
        }

        /** The command line's: the working directory, option names. */
        public static Audience cli() {
            return new Audience(Path.of("").toAbsolutePath(), Vocabulary.CLI);
        }
    }

    public static final Set<Status> DEFAULT_FAIL_ON = GatePolicy.DEFAULT_FAIL_ON;

    public Options {
        failOn = GatePolicy.normalised(failOn, strict);
    }

    /** Without a doubt gate. */
    public Options(Path root, LocalDate today, boolean strict, Set<Status> failOn, Rational minProved, long timeoutMs,
                   long rlimit, int jobs, Optional<Path> cache) {
        this(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache, Optional.empty(), Audience.cli());
    }

    /** The gate's part of the options. */
    public GatePolicy policy() {
        return new GatePolicy(strict, failOn, minProved);
    }

    public static Options defaults(Path root) {
        return new Options(root, LocalDate.now(ZoneOffset.UTC), false, DEFAULT_FAIL_ON, Rational.ZERO, 10_000, 5_000_000,
                Runtime.getRuntime().availableProcessors(), Optional.empty(), Optional.empty(), Audience.cli());
    }

    public Options withRoot(Path r) { return new Options(r, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withToday(LocalDate d) { return new Options(root, d, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withStrict(boolean s) { return new Options(root, today, s, failOn, minProved, timeoutMs, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withFailOn(Set<Status> f) { return new Options(root, today, strict, f, minProved, timeoutMs, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withMinProved(Rational m) { return new Options(root, today, strict, failOn, m, timeoutMs, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withTimeoutMs(long t) { return new Options(root, today, strict, failOn, minProved, t, rlimit, jobs, cache, maxDoubt, audience); }
    public Options withRlimit(long r) { return new Options(root, today, strict, failOn, minProved, timeoutMs, r, jobs, cache, maxDoubt, audience); }
    public Options withJobs(int j) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, j, cache, maxDoubt, audience); }
    public Options withAudience(Audience a) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache, maxDoubt, a); }
    public Options withCache(Path dir) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, Optional.of(dir), maxDoubt, audience); }
    public Options withoutCache() { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, Optional.empty(), maxDoubt, audience); }

    /** Where the CLI keeps the verdict cache unless told otherwise: {@code .safecase/cache} under the root. */
    public Path defaultCacheDir() {
        return root.resolve(".safecase").resolve("cache");
    }

    /** The gate's doubt limit: every root's bound must be at most this (docs/confidence.md). */
    public Options withMaxDoubt(Optional<Rational> m) { return new Options(root, today, strict, failOn, minProved, timeoutMs, rlimit, jobs, cache, m, audience); }

    /** Parses a fail-on list such as {@code refuted,invalid}; the message says what is wrong. */
    public static Set<Status> parseFailOn(String s) {
        return GatePolicy.parseFailOn(s);
    }

    /** Z3 takes the timeout and the rlimit as 32-bit numbers; a larger value would be cut without a word. */
    public static final long MAX_TIMEOUT_MS = Integer.MAX_VALUE;
    public static final long MAX_RLIMIT = Integer.MAX_VALUE;

    /** Checks a solver budget ({@code --timeout-ms}, {@code --rlimit}); the message names the option. */
    public static long checkBudget(String option, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(option + " must be between 1 and " + max + " (got " + value + ")");
        }
        return value;
    }

    /**
     * Parses a share of obligations, 0..1, or a percentage such as {@code 90%}. An exponent
     * beyond {@link Rational#MAX_EXPONENT} is refused (it would stand for that many digits).
     */
    public static Rational parseShare(String s) {
        Rational r;
        String t = s.trim();
        try {
            r = t.endsWith("%") ? Rational.parse(t.substring(0, t.length() - 1).trim()).divide(Rational.of(100)) : Rational.parse(t);
        } catch (NumberFormatException e) {
            String why = e.getMessage() != null && e.getMessage().contains("out of range") ? ": " + e.getMessage() : "";
            throw new IllegalArgumentException(s + " is not a number between 0 and 1" + why);
        }
        if (r.signum() < 0 || r.compareTo(Rational.ONE) > 0) throw new IllegalArgumentException(s + " must be between 0 and 1");
        return r;
    }

    /** The fail-on set in {@link Status#FAILING_ORDER}, for printing. */
    public List<Status> failOnOrdered() {
        return Status.inFailingOrder(failOn);
    }
}
