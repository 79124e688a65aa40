package dev.safecase.maven;

import dev.safecase.confidence.Bound;
import dev.safecase.result.CaseResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** The gate of the check goals: the run's gate, the per-case {@code <rules>}, and {@code haltOnFailure}. */
abstract class AbstractCheckMojo extends AbstractSafecaseMojo {
    /**
     * Fail the build when the gate or a rule fails. With {@code false} the failures are logged as errors and the build
     * goes on, so a project can adopt the gate before its cases pass (broken input still fails the build).
     */
    @Parameter(property = "safecase.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    /**
     * Limits per case, on top of the gate: each {@code <rule>} selects cases by name or file ({@code <includes>},
     * {@code <excludes>}, globs) and sets {@code <minProved>}, {@code <maxOpen>} and {@code <maxRefuted>} for each.
     */
    @Parameter
    List<Rule> rules;

    /** The rules as read; a bad value fails the build before anything is proved. */
    List<CaseRule> caseRules() throws MojoExecutionException {
        List<CaseRule> out = new ArrayList<>();
        if (rules == null) return out;
        for (int i = 0; i < rules.size(); i++) {
            try {
                out.add(CaseRule.of(i + 1, rules.get(i)));
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("safecase: " + e.getMessage());
            }
        }
        return out;
    }

    /** Logs the run's cases and undischarged obligations, then fails the build (or warns) when the gate or a rule fails. */
    void gate(Run run, List<CaseRule> parsed) throws MojoFailureException {
        GateReport report = new GateReport(run, parsed);
        report.caseLines().forEach(getLog()::info);
        for (CaseResult c : run.cases()) {
            for (String root : c.confidence().roots()) {
                getLog().info("safecase: root " + c.name() + ":" + root + " doubt " + doubt(c.confidence().of(root)));
            }
        }
        for (GateReport.Line l : report.obligationLines()) {
            if (l.error()) getLog().error(l.text());
            else getLog().warn(l.text());
        }
        GateResult g = run.gate();
        getLog().info("safecase: " + g.proved() + " of " + g.total() + " obligations proved; gate "
                + (report.passed() ? "passed" : "FAILED"));
        if (report.passed()) return;
        if (haltOnFailure) throw new MojoFailureException(report.failureMessage());
        for (String line : report.failureMessage().split("\n")) getLog().error(line);
        getLog().warn("safecase: the gate failed, but <haltOnFailure> is false: the build goes on");
    }

    private static String doubt(Bound b) {
        return b instanceof Bound.Finite f ? "<= " + f.value() + " (" + f.decimalUp() + ")"
                : "unbounded (" + ((Bound.Unbounded) b).reason() + ")";
    }
}
