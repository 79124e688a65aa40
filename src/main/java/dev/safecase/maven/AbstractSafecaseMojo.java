package dev.safecase.maven;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.num.Rational;
import dev.safecase.judge.Status;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.DiagnosticPrinter;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Parameters shared by the goals, each with a {@code safecase.*} property, and the one call
 * into {@link Verifier}. A Mojo reads its parameters, gets the run, logs, and throws once.
 */
abstract class AbstractSafecaseMojo extends AbstractMojo {
    /** Case files or folders (searched recursively) to check. Default: {@code cases} under {@link #root}. */
    @Parameter(property = "safecase.cases")
    List<File> cases;

    /** The project root: evidence paths may not leave it, and paths are shown relative to it. */
    @Parameter(property = "safecase.root", defaultValue = "${project.basedir}")
    File root;

    /** Fail on asserted obligations too (adds {@code asserted} to {@link #failOn}). */
    @Parameter(property = "safecase.strict", defaultValue = "false")
    boolean strict;

    /** Statuses that fail the gate, comma-separated; {@code vacuous} is always kept, {@code proved} is refused. */
    @Parameter(property = "safecase.failOn", defaultValue = "refuted,vacuous,unknown,open,invalid")
    String failOn;

    /** Share of obligations that must be proved, 0..1, like a coverage minimum ({@code 0.9}, {@code 9/10} or {@code 90%}). */
    @Parameter(property = "safecase.minProved", defaultValue = "0")
    String minProved;

    /** The date evidence expiry is judged on, YYYY-MM-DD. Default: today in UTC. */
    @Parameter(property = "safecase.today")
    String today;

    /** Solver time limit per obligation, in milliseconds. */
    @Parameter(property = "safecase.timeoutMs", defaultValue = "10000")
    long timeoutMs;

    /** Solver resource limit per obligation, so that {@code unknown} reproduces across machines. */
    @Parameter(property = "safecase.rlimit", defaultValue = "5000000")
    long rlimit;

    /** Obligations proved in parallel; 0 means the number of cores. */
    @Parameter(property = "safecase.jobs", defaultValue = "0")
    int jobs;

    /** The verdict cache's folder (docs/cli.md, "The verdict cache"). */
    @Parameter(property = "safecase.cacheDir", defaultValue = "${project.build.directory}/safecase-cache")
    File cacheDir;

    /** Neither read nor write the verdict cache. */
    @Parameter(property = "safecase.noCache", defaultValue = "false")
    boolean noCache;

    /** Skip the goal. */
    @Parameter(property = "safecase.skip", defaultValue = "false")
    boolean skip;

    private static final String CONTEXT_KEY = "safecase.run:";

    /** One run of the verifier, shared by the goals of a build that ask with the same options and paths. */
    record SharedRun(Verifier.Outcome outcome, List<String> errors) {
        boolean hasInputErrors() {
            return outcome.run().hasInputErrors();
        }

        /** Broken input: the exception a goal throws, naming every error as {@code file:line:col}. */
        MojoExecutionException inputErrors() {
            return new MojoExecutionException("safecase: the cases have " + errors.size() + " input error"
                    + (errors.size() == 1 ? "" : "s") + ":\n" + String.join("\n", errors));
        }
    }

    /**
     * The run for this goal's parameters. The first goal of the build proves and logs every
     * diagnostic; a later goal with the same options and paths (report, then check) reuses it.
     */
    SharedRun run() throws MojoExecutionException {
        Options o = options();
        List<Path> paths = paths(o);
        String key = CONTEXT_KEY + o + paths;
        @SuppressWarnings("unchecked")
        Map<String, Object> ctx = getPluginContext();
        if (ctx != null && ctx.get(key) instanceof SharedRun shared) {
            getLog().info("safecase: using this build's earlier run (same cases and options)");
            return shared;
        }
        Verifier v = new Verifier(o);
        Verifier.Outcome out;
        try {
            out = v.run(paths);
        } catch (RuntimeException | LinkageError e) {
            throw new MojoExecutionException("safecase: the verifier failed: " + e, e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic d : out.run().diagnostics()) {
            String text = DiagnosticPrinter.format(d, v::source).stripTrailing();
            if (d.isError()) {
                getLog().error(text);
                errors.add(d.headline());
            } else {
                getLog().warn(text);
            }
        }
        SharedRun shared = new SharedRun(out, List.copyOf(errors));
        if (ctx != null) ctx.put(key, shared);
        return shared;
    }

    Options options() throws MojoExecutionException {
        Path r = root.toPath().toAbsolutePath().normalize();
        LocalDate day;
        try {
            day = today == null || today.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("safecase.today: " + today + " is not a date (YYYY-MM-DD)");
        }
        Set<Status> fail;
        Rational share;
        try {
            fail = Options.parseFailOn(failOn == null ? "" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase.failOn: " + e.getMessage());
        }
        try {
            share = Options.parseShare(minProved == null ? "0" : minProved);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase.minProved: " + e.getMessage());
        }
        if (timeoutMs < 1) throw new MojoExecutionException("safecase.timeoutMs: " + timeoutMs + " must be at least 1");
        if (rlimit < 1) throw new MojoExecutionException("safecase.rlimit: " + rlimit + " must be at least 1");
        if (jobs < 0) throw new MojoExecutionException("safecase.jobs: " + jobs + " must be 0 (all cores) or more");
        Options o = Options.defaults(r).withToday(day).withStrict(strict).withFailOn(fail).withMinProved(share)
                .withTimeoutMs(timeoutMs).withRlimit(rlimit)
                .withJobs(jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors());
        return noCache || cacheDir == null ? o : o.withCache(cacheDir.toPath().toAbsolutePath().normalize());
    }

    List<Path> paths(Options o) {
        if (cases == null || cases.isEmpty()) return List.of(o.root().resolve("cases"));
        List<Path> out = new ArrayList<>();
        for (File f : cases) out.add(f.toPath().toAbsolutePath().normalize());
        return out;
    }
}
