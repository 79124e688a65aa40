package dev.safecase.maven;

import dev.safecase.Options;
import dev.safecase.Verifier;
import dev.safecase.ast.Rational;
import dev.safecase.prove.Status;
import dev.safecase.syntax.Diagnostic;
import dev.safecase.syntax.DiagnosticPrinter;
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

/** Parameters shared by the goals; each has a {@code safecase.*} property. The Mojos only call {@link Verifier}. */
abstract class AbstractSafecaseMojo extends AbstractMojo {
    /** Case files or folders to check. */
    @Parameter(property = "safecase.cases")
    List<File> cases;

    /** The project root: evidence paths may not leave it. */
    @Parameter(property = "safecase.root", defaultValue = "${project.basedir}")
    File root;

    /** Fail on asserted obligations too. */
    @Parameter(property = "safecase.strict", defaultValue = "false")
    boolean strict;

    /** Statuses that fail the gate, comma-separated (vacuous is always kept). */
    @Parameter(property = "safecase.failOn", defaultValue = "refuted,vacuous,unknown,open,invalid")
    String failOn;

    /** Share of obligations that must be proved, 0..1 (like a coverage minimum). */
    @Parameter(property = "safecase.minProved", defaultValue = "0")
    String minProved;

    /** The date evidence expiry is judged on, YYYY-MM-DD (default: today, UTC). */
    @Parameter(property = "safecase.today")
    String today;

    /** Solver time limit per obligation, in milliseconds. */
    @Parameter(property = "safecase.timeoutMs", defaultValue = "10000")
    long timeoutMs;

    /** Solver resource limit per obligation, so unknown reproduces across machines. */
    @Parameter(property = "safecase.rlimit", defaultValue = "5000000")
    long rlimit;

    /** Obligations proved in parallel (0: the number of cores). */
    @Parameter(property = "safecase.jobs", defaultValue = "0")
    int jobs;

    /** Skip the goal. */
    @Parameter(property = "safecase.skip", defaultValue = "false")
    boolean skip;

    Options options() throws MojoExecutionException {
        Path r = root.toPath().toAbsolutePath().normalize();
        LocalDate day;
        try {
            day = today == null || today.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("safecase.today: " + today + " is not a date (YYYY-MM-DD)");
        }
        Set<Status> fail = EnumSet.noneOf(Status.class);
        for (String s : failOn.split(",")) {
            if (s.isBlank()) continue;
            try {
                Status st = Status.parse(s);
                if (st == Status.PROVED) throw new MojoExecutionException("safecase.failOn: 'proved' cannot fail the gate");
                fail.add(st);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("safecase.failOn: unknown status '" + s.trim() + "'");
            }
        }
        Rational share;
        try {
            share = Rational.parse(minProved.trim());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("safecase.minProved: " + minProved + " is not a number between 0 and 1");
        }
        if (share.signum() < 0 || share.compareTo(Rational.ONE) > 0) {
            throw new MojoExecutionException("safecase.minProved: " + minProved + " must be between 0 and 1");
        }
        return Options.defaults(r).withToday(day).withStrict(strict).withFailOn(fail).withMinProved(share)
                .withTimeoutMs(Math.max(1, timeoutMs)).withRlimit(Math.max(1, rlimit))
                .withJobs(jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors());
    }

    List<Path> paths(Options o) {
        if (cases == null || cases.isEmpty()) return List.of(o.root().resolve("cases"));
        List<Path> out = new ArrayList<>();
        for (File f : cases) out.add(f.toPath());
        return out;
    }

    /** Runs the pipeline once per build and option set; report and check share the result. */
    @SuppressWarnings("unchecked")
    Verifier.Outcome outcome(Options o, List<Path> paths) {
        String key = "safecase.outcome:" + o + paths;
        Map<String, Object> ctx = getPluginContext();
        if (ctx != null && ctx.get(key) instanceof Verifier.Outcome cached) return cached;
        Verifier v = new Verifier(o);
        Verifier.Outcome out = v.run(paths);
        StringBuilder text = new StringBuilder();
        for (Diagnostic d : out.run().diagnostics()) text.append(DiagnosticPrinter.format(d, v::source));
        if (ctx != null) {
            ctx.put(key, out);
            ctx.put(key + ":diagnostics", text.toString());
        }
        lastDiagnostics = text.toString();
        return out;
    }

    private String lastDiagnostics = "";

    String diagnosticsText(Options o, List<Path> paths) {
        Map<String, Object> ctx = getPluginContext();
        Object t = ctx == null ? null : ctx.get("safecase.outcome:" + o + paths + ":diagnostics");
        return t instanceof String s ? s : lastDiagnostics;
    }

    void logDiagnostics(Verifier.Outcome out) {
        for (Diagnostic d : out.run().diagnostics()) {
            String line = d.headline();
            if (d.isError()) getLog().error(line);
            else getLog().warn(line);
        }
    }
}
