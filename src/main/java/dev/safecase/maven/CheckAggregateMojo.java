package dev.safecase.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The gate over every module of the build at or below this project: each module's cases are checked against its own
 * root, and the gate and the {@code <rules>} apply to all of them together. Paths are shown relative to this
 * project's folder. Bind it in the parent with {@code <inherited>false</inherited>}.
 */
@Mojo(name = "check-aggregate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckAggregateMojo extends AbstractCheckMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("safecase: check-aggregate skipped (<skip> is true)");
            return;
        }
        List<CaseRule> parsed = caseRules();
        Aggregate a = aggregate("check-aggregate");
        if (a.modules().isEmpty()) {
            getLog().info("safecase: check-aggregate skipped: no module at or below " + project.getArtifactId() + " has cases");
            return;
        }
        getLog().info("safecase: check-aggregate over " + a.modules().size() + " module" + (a.modules().size() == 1 ? "" : "s")
                + ": " + String.join(", ", a.modules().stream().map(Module::name).toList()));
        if (a.hasInputErrors()) throw a.inputErrors();
        gate(a.run(), parsed);
    }
}
