package dev.safecase.maven;

import dev.safecase.Options;
import dev.safecase.Verifier;
import dev.safecase.report.Reports;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes the reports; never fails the build except on broken input, so a failing check still leaves its report. */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AbstractSafecaseMojo {
    /** Where the reports go. */
    @Parameter(property = "safecase.outputDirectory", defaultValue = "${project.build.directory}/safecase")
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("safecase: skipped (safecase.skip)");
            return;
        }
        Options o = options();
        List<Path> paths = paths(o);
        Verifier.Outcome out = outcome(o, paths);
        try {
            Reports.writeAll(out.run(), outputDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("safecase: cannot write the report to " + outputDirectory + ": " + e.getMessage(), e);
        }
        getLog().info("safecase: report written to " + outputDirectory.toPath().resolve("index.html"));
        if (out.run().hasInputErrors()) {
            logDiagnostics(out);
            throw new MojoExecutionException("safecase: the cases have input errors:\n" + diagnosticsText(o, paths));
        }
    }
}
