package dev.safecase.maven;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.DiagnosticPrinter;
import dev.safecase.diag.Vocabulary;
import dev.safecase.judge.Status;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Parameters shared by the goals, each with a {@code safecase.*} property, and the one call into {@link Verifier}. A
 * goal reads its parameters, gets the run, logs, and throws once. Every message names parameters, not command-line
 * options, and every path is shown relative to the module's {@code ${project.basedir}}, whatever the working
 * directory ({@code mvn -f other/pom.xml}).
 */
abstract class AbstractSafecaseMojo extends AbstractMojo {
    /** Case files or folders (searched recursively) to check. Default: {@code cases} under {@link #root}. */
    @Parameter(property = "safecase.cases")
    List<File> cases;

    /** The project root: evidence paths may not leave it, and {@code import} searches it. */
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

    /**
     * The largest doubt bound a root may have ({@code 1%}, {@code 0.01}, {@code 1/100}): the gate fails when a root's
     * upper bound on the probability that it is false exceeds it, or has none (docs/confidence.md). Default: no limit.
     */
    @Parameter(property = "safecase.maxDoubt")
    String maxDoubt;

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

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The projects of this build, for the aggregate goals. */
    @Parameter(defaultValue = "${reactorProjects}", readonly = true)
    List<MavenProject> reactorProjects;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    private static final String CONTEXT_KEY = "safecase.run:";

    /** A module to check: its name for messages, its root, and its case files or folders. */
    record Module(String name, Path basedir, Path root, List<Path> paths, boolean pom) {
        Module {
            paths = List.copyOf(paths);
        }

        /**
         * Why the module is skipped: none of its case paths exists (with the default {@code cases/} folder, or with
         * {@code <cases>} that name nothing there). Empty when there is something to check.
         */
        Optional<String> nothingToCheck() {
            if (paths.stream().anyMatch(Files::exists)) return Optional.empty();
            String where = paths.size() == 1 ? basedir.relativize(paths.get(0)).toString().replace('\\', '/') : "its <cases>";
            if (where.isEmpty()) where = ".";
            return Optional.of("module " + name + (pom ? " (pom packaging)" : "") + " has no cases (nothing at " + where + ")");
        }
    }

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

    /** This project as a module, from this goal's {@code cases} and {@code root}. */
    Module module() {
        Path base = basedir();
        Path r = root == null ? base : root.toPath().toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>();
        if (cases == null || cases.isEmpty()) paths.add(r.resolve("cases"));
        else for (File f : cases) paths.add(absolute(base, f.toPath()));
        return new Module(project == null ? base.getFileName().toString() : project.getArtifactId(), base, r, paths,
                project != null && "pom".equals(project.getPackaging()));
    }

    /**
     * Every project of the build at or below this one, as modules: each with the {@code <cases>} and {@code <root>}
     * its own POM gives this plugin (default: its {@code cases/} folder and its base directory).
     */
    List<Module> reactorModules() {
        Path base = basedir();
        List<Module> out = new ArrayList<>();
        List<MavenProject> all = reactorProjects == null || reactorProjects.isEmpty() ? List.of(project) : reactorProjects;
        for (MavenProject p : all) {
            if (p == null || p.getBasedir() == null) continue;
            Path pb = p.getBasedir().toPath().toAbsolutePath().normalize();
            if (!pb.startsWith(base)) continue;
            Path r = configured(p, "root").map(v -> absolute(pb, Path.of(v))).orElse(pb);
            List<Path> paths = configuredList(p, "cases").stream().map(v -> absolute(pb, Path.of(v))).toList();
            if (paths.isEmpty()) paths = List.of(r.resolve("cases"));
            out.add(new Module(p.getArtifactId(), pb, r, paths, "pom".equals(p.getPackaging())));
        }
        return out;
    }

    private Optional<Xpp3Dom> configuration(MavenProject p) {
        if (plugin == null) return Optional.empty();
        Plugin pl = p.getPlugin(plugin.getPluginLookupKey());
        return pl != null && pl.getConfiguration() instanceof Xpp3Dom dom ? Optional.of(dom) : Optional.empty();
    }

    private Optional<String> configured(MavenProject p, String name) {
        return configuration(p).map(d -> d.getChild(name)).map(Xpp3Dom::getValue).map(String::trim)
                .filter(v -> !v.isEmpty() && !v.contains("${"));
    }

    private List<String> configuredList(MavenProject p, String name) {
        Optional<Xpp3Dom> list = configuration(p).map(d -> d.getChild(name));
        if (list.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (Xpp3Dom c : list.get().getChildren()) {
            String v = c.getValue() == null ? "" : c.getValue().trim();
            if (!v.isEmpty() && !v.contains("${")) out.add(v);
        }
        return out;
    }

    /** The modules of an aggregate run, the part each ran, and the whole, its paths shown from this project's folder. */
    record Aggregate(List<Module> modules, List<SharedRun> parts, dev.safecase.result.Run run) {
        boolean hasInputErrors() {
            return parts.stream().anyMatch(SharedRun::hasInputErrors);
        }

        MojoExecutionException inputErrors() {
            List<String> errors = new ArrayList<>();
            parts.forEach(p -> errors.addAll(p.errors()));
            return new SharedRun(parts.get(0).outcome(), errors).inputErrors();
        }
    }

    /** Checks every module at or below this project that has cases, each against its own root, and merges the runs. */
    Aggregate aggregate(String goal) throws MojoExecutionException {
        Path base = basedir();
        List<Module> modules = new ArrayList<>();
        List<SharedRun> parts = new ArrayList<>();
        for (Module m : reactorModules()) {
            Optional<String> none = m.nothingToCheck();
            if (none.isPresent()) {
                getLog().info("safecase: " + goal + ": " + none.get() + "; left out");
                continue;
            }
            modules.add(m);
            parts.add(run(m, base));
        }
        Options o = options(base, base);
        return new Aggregate(modules, parts, Verifier.merge(parts.stream().map(p -> p.outcome().run()).toList(), o));
    }

    /** The module's base directory, {@code ${project.basedir}}. */
    Path basedir() {
        if (project != null && project.getBasedir() != null) return project.getBasedir().toPath().toAbsolutePath().normalize();
        return Path.of("").toAbsolutePath();
    }

    /** A configured path: absolute as given, or relative to the module's base directory (never to the working directory). */
    static Path absolute(Path base, Path p) {
        return (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
    }

    /** Logs why the goal does nothing and says so; false when it has work to do. */
    boolean skipped(String goal, Module m) {
        if (skip) {
            getLog().info("safecase: " + goal + " skipped (<skip> is true)");
            return true;
        }
        Optional<String> why = m.nothingToCheck();
        why.ifPresent(w -> getLog().info("safecase: " + goal + " skipped: " + w));
        return why.isPresent();
    }

    /**
     * The run for a module, its paths shown relative to {@code shownFrom}. The first goal of the build proves and
     * logs every diagnostic; a later goal with the same options and paths (report, then check) reuses it.
     */
    SharedRun run(Module m, Path shownFrom) throws MojoExecutionException {
        Options o = options(m.root(), shownFrom);
        String key = CONTEXT_KEY + o + m.paths();
        @SuppressWarnings("unchecked")
        Map<String, Object> ctx = getPluginContext();
        if (ctx != null && ctx.get(key) instanceof SharedRun shared) {
            getLog().info("safecase: using this build's earlier run (same cases and options)");
            return shared;
        }
        if (!Files.isDirectory(m.root())) {
            throw new MojoExecutionException("safecase: <root> " + m.root() + " is not a directory");
        }
        Verifier v = new Verifier(o);
        Verifier.Outcome out;
        try {
            out = v.run(m.paths());
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

    /** The options of a run with this goal's parameters: {@code root} as given, paths shown from {@code shownFrom}. */
    Options options(Path runRoot, Path shownFrom) throws MojoExecutionException {
        LocalDate day;
        try {
            day = today == null || today.isBlank() ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(today.trim());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("safecase: <today> " + today + " is not a date (YYYY-MM-DD)");
        }
        Set<Status> fail;
        Rational share;
        try {
            fail = Options.parseFailOn(failOn == null ? "" : failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: <failOn>: " + e.getMessage());
        }
        try {
            share = Options.parseShare(minProved == null ? "0" : minProved);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: <minProved> " + e.getMessage());
        }
        Optional<Rational> doubt;
        try {
            doubt = maxDoubt == null || maxDoubt.isBlank() ? Optional.empty() : Optional.of(Options.parseShare(maxDoubt));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: <maxDoubt> " + e.getMessage());
        }
        try {
            Options.checkBudget("<timeoutMs>", timeoutMs, Options.MAX_TIMEOUT_MS);
            Options.checkBudget("<rlimit>", rlimit, Options.MAX_RLIMIT);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("safecase: " + e.getMessage());
        }
        if (jobs < 0) throw new MojoExecutionException("safecase: <jobs> " + jobs + " must be 0 (all cores) or more");
        Options o = Options.defaults(runRoot).withToday(day).withStrict(strict).withFailOn(fail).withMinProved(share)
                .withTimeoutMs(timeoutMs).withRlimit(rlimit)
                .withJobs(jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors()).withMaxDoubt(doubt)
                .withAudience(new Options.Audience(shownFrom, Vocabulary.MAVEN));
        return noCache || cacheDir == null ? o : o.withCache(cacheDir.toPath().toAbsolutePath().normalize());
    }
}
