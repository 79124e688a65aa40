package dev.safecase.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The release gate: fails the build when the gate or a {@code <rule>} fails, the way a coverage check does. Logs every
 * undischarged obligation as {@code file:line: KIND:NODE status — reason} with its counterexample first. A module with
 * no cases (a pom-packaged parent, say) is skipped with an info line.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractCheckMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Module m = module();
        if (skipped("check", m)) return;
        List<CaseRule> parsed = caseRules();
        SharedRun shared = run(m, m.basedir());
        if (shared.hasInputErrors()) throw shared.inputErrors();
        gate(shared.outcome().run(), parsed);
    }
}
