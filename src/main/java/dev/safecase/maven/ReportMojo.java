package dev.safecase.maven;

import dev.safecase.pipeline.Verifier;
import dev.safecase.result.Run;
import java.io.File;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the reports of this module (by default HTML with its SVG diagrams, JSON, JUnit XML, SARIF and Markdown) into
 * {@code target/site/safecase/}, as a goal of the build or as a report of {@code mvn site}. Bind it before
 * {@code check}: a build that {@code check} fails still leaves its report.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportMojo extends AbstractReportMojo {
    /** Where the report goes. Under {@code mvn site}: the site's {@code safecase/} folder. */
    @Parameter(property = "safecase.outputDirectory", defaultValue = "${project.reporting.outputDirectory}/safecase")
    File outputDirectory;

    @Override
    File outputFolder() {
        return outputDirectory;
    }

    @Override
    void outputFolder(File dir) {
        outputDirectory = dir;
    }

    @Override
    String folderName() {
        return "safecase";
    }

    @Override
    boolean hasCases() {
        return module().nothingToCheck().isEmpty();
    }

    @Override
    boolean nothingToReport() {
        return skipped("report", module());
    }

    @Override
    Produced produce() throws MojoExecutionException {
        Module m = module();
        SharedRun shared = run(m, m.basedir());
        // the agenda re-judges the case (never re-proves): cheap next to the proofs, and the report shows it
        Run run = new Verifier(options(m.root(), m.basedir())).withAgendas(shared.outcome()).run();
        return new Produced(run, models(shared.outcome()), m.root(), m.paths(),
                shared.hasInputErrors() ? Optional.of(shared.inputErrors()) : Optional.empty());
    }

    @Override
    public String getName(Locale locale) {
        return "safecase";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The safety cases of this module: which obligations Z3 proved, refuted or could not decide, and the open problems.";
    }
}
