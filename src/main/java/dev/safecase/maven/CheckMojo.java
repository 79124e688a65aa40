package dev.safecase.maven;

import dev.safecase.confidence.Bound;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.judge.Gate;
import dev.safecase.judge.Status;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * The release gate: fails the build when the gate fails, the way a coverage check does. Logs
 * every undischarged obligation as {@code file:line: KIND:NODE status — reason} first.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractSafecaseMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("safecase: skipped (safecase.skip)");
            return;
        }
        SharedRun shared = run();
        if (shared.hasInputErrors()) throw shared.inputErrors();
        Run run = shared.outcome().run();
        boolean strictGate = run.gate().strict();
        int undischarged = 0;
        for (CaseResult c : run.cases()) {
            getLog().info("safecase: case " + c.name() + " (" + c.file() + "): " + (c.discharged() ? "discharged" : "NOT discharged")
                    + ", " + c.summary().getOrDefault(Status.PROVED, 0) + " of " + c.total() + " obligations proved");
            for (String root : c.confidence().roots()) {
                getLog().info("safecase: root " + c.name() + ":" + root + " doubt " + doubt(c.confidence().of(root)));
            }
            for (ObligationResult ob : c.obligations()) {
                if (Gate.discharges(ob.status(), strictGate)) continue;
                undischarged++;
                String line = ob.file() + ":" + ob.line() + ": " + ob.id() + " " + ob.status().label()
                        + ob.reason().map(r -> " \u2014 " + r).orElse("");
                if (run.gate().failOn().contains(ob.status())) getLog().error(line);
                else getLog().warn(line);
            }
        }
        GateResult g = run.gate();
        getLog().info("safecase: " + g.proved() + " of " + g.total() + " obligations proved; gate "
                + (g.passed() ? "passed" : "FAILED"));
        if (!g.passed()) {
            String listed = undischarged == 0 ? ""
                    : " (" + undischarged + " undischarged obligation" + (undischarged == 1 ? "" : "s") + ", listed above)";
            throw new MojoFailureException("safecase gate failed: " + String.join("; ", g.reasons()) + listed);
        }
    }

    private static String doubt(Bound b) {
        return b instanceof Bound.Finite f ? "<= " + f.value() + " (" + f.decimalUp() + ")"
                : "unbounded (" + ((Bound.Unbounded) b).reason() + ")";
    }
}
