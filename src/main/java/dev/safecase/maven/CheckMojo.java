package dev.safecase.maven;

import dev.safecase.Options;
import dev.safecase.Results;
import dev.safecase.Verifier;
import dev.safecase.prove.Status;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Fails the build when the safety case is not discharged, the way a coverage check does. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractSafecaseMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("safecase: skipped (safecase.skip)");
            return;
        }
        Options o = options();
        List<Path> paths = paths(o);
        Verifier.Outcome out = outcome(o, paths);
        Results.Run run = out.run();
        logDiagnostics(out);
        if (run.hasInputErrors()) {
            throw new MojoExecutionException("safecase: the cases have input errors:\n" + diagnosticsText(o, paths));
        }
        int undischarged = 0;
        for (Results.CaseResult c : run.cases()) {
            getLog().info("safecase: case " + c.name() + " (" + c.file() + "): " + (c.discharged() ? "discharged" : "NOT discharged")
                    + ", " + c.summary().getOrDefault(Status.PROVED, 0) + " of " + c.total() + " obligations proved");
            for (Results.ObligationResult ob : c.obligations()) {
                if (ob.status() == Status.PROVED || (ob.status() == Status.ASSERTED && !o.strict())) continue;
                undischarged++;
                String line = ob.file() + ":" + ob.line() + ": " + ob.id() + " " + ob.status().label()
                        + ob.reason().map(r -> " \u2014 " + r).orElse("");
                if (o.failOn().contains(ob.status())) getLog().error(line);
                else getLog().warn(line);
            }
        }
        Results.Gate g = run.gate();
        getLog().info("safecase: " + g.proved() + " of " + g.total() + " obligations proved; gate "
                + (g.passed() ? "passed" : "failed"));
        if (!g.passed()) {
            throw new MojoFailureException("safecase gate failed: " + String.join("; ", g.reasons())
                    + " (" + undischarged + " undischarged obligation" + (undischarged == 1 ? "" : "s") + ", see above)");
        }
    }
}
