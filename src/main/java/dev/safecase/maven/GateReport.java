package dev.safecase.maven;

import dev.safecase.judge.CaseLimits;
import dev.safecase.judge.Gate;
import dev.safecase.judge.Status;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the check goals say about a run, in Maven's terms and without the Maven API: a line per case, the
 * undischarged obligations with their reason and counterexample, every reason the gate or a rule fails, and the
 * failure message that names each failing obligation and each shortfall.
 */
final class GateReport {
    /** Obligations listed under a share shortfall before "and N more". */
    static final int MAX_LISTED = 20;

    /** A line for the log and whether it is an error (a status that fails the gate) or a warning. */
    record Line(boolean error, String text) {}

    /** A rule that a case breaks, and how. */
    record Breach(CaseRule rule, CaseResult c, List<String> shortfalls) {
        String text() {
            return rule.label() + ": case " + c.name() + " (" + c.file() + "): " + String.join("; ", shortfalls);
        }
    }

    private final Run run;
    private final List<CaseRule> rules;
    private final List<Breach> breaches = new ArrayList<>();

    GateReport(Run run, List<CaseRule> rules) {
        this.run = run;
        this.rules = List.copyOf(rules);
        for (CaseRule r : rules) {
            for (CaseResult c : run.cases()) {
                if (!c.checked() || !r.selects(c)) continue;
                List<String> s = r.limits().shortfalls(c.summary(), c.total(), CaseLimits.Names.MAVEN);
                if (!s.isEmpty()) breaches.add(new Breach(r, c, s));
            }
        }
    }

    /** Whether the gate and every rule pass. */
    boolean passed() {
        return run.gate().passed() && breaches.isEmpty();
    }

    List<Breach> breaches() {
        return List.copyOf(breaches);
    }

    /** {@code safecase: case monitor (cases/monitor.case): NOT discharged, 7 of 10 obligations proved}. */
    List<String> caseLines() {
        List<String> out = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            if (!c.checked()) {
                out.add("safecase: case " + c.name() + " (" + c.file() + "): NOT CHECKED, it has input errors");
                continue;
            }
            out.add("safecase: case " + c.name() + " (" + c.file() + "): " + (c.discharged() ? "discharged" : "NOT discharged")
                    + ", " + c.summary().getOrDefault(Status.PROVED, 0) + " of " + c.total() + " obligations proved");
        }
        return out;
    }

    /**
     * Every obligation that is not discharged: {@code file:line: KIND:NODE status — reason}, then its counterexample
     * or clashing premises on a line of its own; an error when its status fails the gate or it breaks a rule.
     */
    List<Line> obligationLines() {
        List<Line> out = new ArrayList<>();
        for (CaseResult c : run.cases()) {
            for (ObligationResult o : c.obligations()) {
                if (Gate.discharges(o.status(), run.gate().strict())) continue;
                boolean error = failing(c, o);
                for (String t : describe(o)) out.add(new Line(error, t));
            }
        }
        return out;
    }

    /** Whether the obligation's status fails the gate, or is one a breached rule of its case limits. */
    private boolean failing(CaseResult c, ObligationResult o) {
        if (run.gate().failOn().contains(o.status())) return true;
        for (Breach b : breaches) {
            if (b.c() != c) continue;
            if (o.status() == Status.OPEN && b.rule().limits().maxOpen().isPresent()) return true;
            if (o.status() == Status.REFUTED && b.rule().limits().maxRefuted().isPresent()) return true;
        }
        return false;
    }

    /** The obligation's line, and its counterexample or core on the next. */
    static List<String> describe(ObligationResult o) {
        List<String> out = new ArrayList<>();
        out.add(o.file() + ":" + o.line() + ": " + o.id() + " " + o.status().label() + o.reason().map(r -> " \u2014 " + r).orElse(""));
        if (!o.counterexample().isEmpty()) out.add("    counterexample: " + pairs(o.counterexample()));
        if (!o.core().isEmpty()) out.add("    clashing premises: " + String.join(", ", o.core()));
        return out;
    }

    private static String pairs(Map<String, String> m) {
        List<String> kv = new ArrayList<>();
        m.forEach((k, v) -> kv.add(k + " = " + v));
        return String.join(", ", kv);
    }

    /** Every reason the gate and the rules fail, in short: the gate's own, then how many rule limits are broken. */
    List<String> reasons() {
        List<String> out = new ArrayList<>(run.gate().reasons());
        long n = breaches.stream().map(Breach::c).distinct().count();
        if (n > 0) out.add(n + (n == 1 ? " case breaks its <rules> limits" : " cases break their <rules> limits"));
        return out;
    }

    /**
     * The failure message: the reasons on the first line, then each failing obligation with file:line, reason and
     * counterexample, then, for a share that falls short, the obligations that are not proved.
     */
    String failureMessage() {
        StringBuilder b = new StringBuilder("safecase gate failed: ").append(String.join("; ", reasons()));
        List<String> failing = new ArrayList<>();
        List<String> unproved = new ArrayList<>();
        int unprovedCount = 0;
        boolean shortShare = run.gate().reasons().stream().anyMatch(r -> r.startsWith("proved "))
                || breaches.stream().anyMatch(x -> x.shortfalls().stream().anyMatch(s -> s.startsWith("proved ")));
        for (CaseResult c : run.cases()) {
            for (ObligationResult o : c.obligations()) {
                if (o.status() == Status.PROVED) continue;
                boolean undischarged = !Gate.discharges(o.status(), run.gate().strict());
                if (undischarged && failing(c, o)) {
                    List<String> lines = describe(o);
                    for (int i = 0; i < lines.size(); i++) {
                        failing.add(i == 0 ? "  " + c.name() + ": " + lines.get(i) : "      " + lines.get(i).strip());
                    }
                } else if (shortShare) {
                    unprovedCount++;
                    if (unproved.size() < MAX_LISTED) {
                        unproved.add("  " + c.name() + ": " + o.file() + ":" + o.line() + ": " + o.id() + " " + o.status().label());
                    }
                }
            }
        }
        if (!failing.isEmpty()) b.append("\nfailing obligations:\n").append(String.join("\n", failing));
        if (!unproved.isEmpty()) {
            b.append("\nnot proved (the proved share falls short):\n").append(String.join("\n", unproved));
            if (unprovedCount > unproved.size()) b.append("\n  \u2026 and ").append(unprovedCount - unproved.size()).append(" more");
        }
        if (!breaches.isEmpty()) b.append("\nrules:");
        for (Breach x : breaches) b.append("\n  ").append(x.text());
        return b.toString();
    }
}
