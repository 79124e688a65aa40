package dev.safecase.maven;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.OutputFolder;
import dev.safecase.report.Reports;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes every report (HTML, SVG, JSON, JUnit XML, SARIF, Markdown). Never fails the build
 * except on broken input, so a build that {@code check} fails still leaves its report; bind it
 * before {@code check}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AbstractSafecaseMojo {
    /** Where the reports go. */
    @Parameter(property = "safecase.outputDirectory", defaultValue = "${project.build.directory}/safecase")
    File outputDirectory;

    /** Where the project's files are on the web ({@code https://github.com/OWNER/REPO/blob/SHA}): summary.md links to them. */
    @Parameter(property = "safecase.linkBase")
    String linkBase;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("safecase: skipped (safecase.skip)");
            return;
        }
        SharedRun shared = run();
        try {
            Options o = options();
            java.util.Optional<String> base = linkBase == null || linkBase.isBlank() ? java.util.Optional.empty()
                    : java.util.Optional.of(dev.safecase.report.MarkdownReport.checkLinkBase(linkBase));
            // the agenda re-judges the case (never re-proves): cheap next to the proofs, and the report shows it
            Reports.writeAll(new Verifier(o).withAgendas(shared.outcome()).run(), file -> sourceText(o, file), base, outputDirectory.toPath(), OutputFolder.Protected.of(o.root(), paths(o),
                    shared.outcome().prepared().values().stream().map(Verifier.Prepared::model).toList()));
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("safecase: cannot write the report to " + outputDirectory + ": " + e.getMessage(), e);
        }
        getLog().info("safecase: report written to " + outputDirectory.toPath().resolve("index.html"));
        if (shared.hasInputErrors()) throw shared.inputErrors();
    }

    /** A case file's text for its source page, read from the project (the run shows files relative to the root). */
    private static java.util.Optional<String> sourceText(Options o, String file) {
        try {
            return java.util.Optional.of(java.nio.file.Files.readString(o.root().resolve(file)));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
