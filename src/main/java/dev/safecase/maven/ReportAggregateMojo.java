package dev.safecase.maven;

import dev.safecase.model.Model;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * One report over every module of the build at or below this project (like JaCoCo's {@code report-aggregate}): each
 * module's cases are checked against its own root, and the report lists them all, paths relative to this project's
 * folder. It re-reads the modules' sources, so it may run before or after them. Writes
 * {@code target/site/safecase-aggregate/}; bind it in the parent with {@code <inherited>false</inherited>}.
 */
@Mojo(name = "report-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ReportAggregateMojo extends AbstractReportMojo {
    /** Where the report goes. Under {@code mvn site}: the site's {@code safecase-aggregate/} folder. */
    @Parameter(property = "safecase.aggregateOutputDirectory",
            defaultValue = "${project.reporting.outputDirectory}/safecase-aggregate")
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
        return "safecase-aggregate";
    }

    @Override
    boolean hasCases() {
        return reactorModules().stream().anyMatch(m -> m.nothingToCheck().isEmpty());
    }

    @Override
    boolean nothingToReport() {
        if (skip) {
            getLog().info("safecase: report-aggregate skipped (<skip> is true)");
            return true;
        }
        if (!hasCases()) {
            getLog().info("safecase: report-aggregate skipped: no module at or below " + project.getArtifactId() + " has cases");
            return true;
        }
        return false;
    }

    @Override
    Produced produce() throws MojoExecutionException {
        Aggregate a = aggregate("report-aggregate");
        getLog().info("safecase: report-aggregate over " + a.modules().size() + " module" + (a.modules().size() == 1 ? "" : "s")
                + ": " + String.join(", ", a.modules().stream().map(Module::name).toList()));
        List<Model.Case> models = new ArrayList<>();
        a.parts().forEach(p -> models.addAll(models(p.outcome())));
        List<Path> inputs = new ArrayList<>();
        for (Module m : a.modules()) {
            inputs.add(m.root());
            inputs.addAll(m.paths());
        }
        return new Produced(a.run(), models, basedir(), inputs,
                a.hasInputErrors() ? Optional.of(a.inputErrors()) : Optional.empty());
    }

    @Override
    public String getName(Locale locale) {
        return "safecase (all modules)";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The safety cases of every module of the build: which obligations Z3 proved, refuted or could not decide, "
                + "and the open problems.";
    }
}
