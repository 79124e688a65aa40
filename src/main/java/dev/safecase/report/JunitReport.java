package dev.safecase.report;

import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.Run;
import dev.safecase.judge.Status;
import dev.safecase.diag.Diagnostic;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code junit.xml} in the Surefire/Ant layout: one {@code testsuite} per case, one {@code testcase} per obligation.
 * Refuted, vacuous, unknown, open and invalid obligations are failures; asserted ones pass with a
 * {@code system-out} note, unless the gate fails on {@code asserted} (strict), then they are failures too. A case
 * with input errors is one {@code input} test case with an {@code error}.
 */
public final class JunitReport {
    private JunitReport() {
    }

    private record Suite(String name, List<String> testcases, int tests, int failures, int errors, int skipped, long millis,
                         List<String[]> properties) {}

    public static String render(Run run) {
        List<Suite> suites = new ArrayList<>();
        for (CaseResult c : run.cases()) suites.add(suite(run, c));
        List<Diagnostic> stray = strayErrors(run);
        if (!stray.isEmpty()) suites.add(inputSuite("safecase", stray, List.of()));
        int tests = 0;
        int failures = 0;
        int errors = 0;
        int skipped = 0;
        long millis = 0;
        for (Suite s : suites) {
            skipped += s.skipped();
            tests += s.tests();
            failures += s.failures();
            errors += s.errors();
            millis += s.millis();
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<testsuites name=\"safecase\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(millis))
                .append("\">\n");
        for (Suite s : suites) {
            b.append("  <testsuite name=\"").append(attr(s.name())).append("\" tests=\"").append(s.tests())
                    .append("\" failures=\"").append(s.failures()).append("\" errors=\"").append(s.errors())
                    .append("\" skipped=\"").append(s.skipped()).append("\" time=\"").append(seconds(s.millis()))
                    .append("\">\n");
            if (!s.properties().isEmpty()) {
                b.append("    <properties>\n");
                for (String[] p : s.properties()) {
                    b.append("      <property name=\"").append(attr(p[0])).append("\" value=\"").append(attr(p[1]))
                            .append("\"/>\n");
                }
                b.append("    </properties>\n");
            }
            s.testcases().forEach(b::append);
            b.append("  </testsuite>\n");
        }
        b.append("</testsuites>\n");
        return b.toString();
    }

    private static Suite suite(Run run, CaseResult c) {
        List<String[]> props = List.of(new String[] {"file", c.file()},
                new String[] {"checked", Boolean.toString(c.checked())},
                new String[] {"discharged", Boolean.toString(c.discharged())});
        List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
        if (!c.checked() || !errors.isEmpty()) {
            Suite input = inputSuite(c.name(), errors, props);
            if (c.obligations().isEmpty()) return input;
        }
        List<String> cases = new ArrayList<>();
        int failures = 0;
        long millis = 0;
        for (ObligationResult o : c.obligations()) {
            millis += o.millis();
            boolean fails = o.gated() && fails(run, o.status());
            if (fails) failures++;
            cases.add(testcase(c.name(), o, fails));
        }
        int errorCount = 0;
        if (!errors.isEmpty()) {
            cases.add(0, inputCase(c.name(), errors));
            errorCount = 1;
        }
        int skipped = (int) c.obligations().stream().filter(o -> !o.gated()).count();
        return new Suite(c.name(), cases, cases.size(), failures, errorCount, skipped, millis, props);
    }

    /** Whether an obligation is a failing test: every status that is not discharged, and asserted under a strict gate. */
    static boolean fails(Run run, Status s) {
        return switch (s) {
            case PROVED -> false;
            case ASSERTED -> run.gate().failOn().contains(Status.ASSERTED);
            default -> true;
        };
    }

    private static String testcase(String suite, ObligationResult o, boolean fails) {
        StringBuilder b = new StringBuilder("    <testcase classname=\"").append(attr(suite)).append("\" name=\"")
                .append(attr(o.id().toString())).append("\" time=\"").append(seconds(o.millis())).append('"');
        if (!o.file().isEmpty()) {
            b.append(" file=\"").append(attr(o.file().replace('\\', '/'))).append("\" line=\"").append(o.line()).append('"');
        }
        if (fails) {
            String message = o.status().label() + o.reason().map(r -> ": " + Escaping.oneLine(r)).orElse("");
            b.append(">\n      <failure type=\"").append(o.status().label()).append("\" message=\"").append(attr(message))
                    .append("\">").append(Escaping.xml(details(o))).append("</failure>\n    </testcase>\n");
        } else if (!o.gated()) {
            b.append(">\n      <skipped message=\"").append(attr(o.status().label() + "; not gated: " + o.ungated().get()))
                    .append("\"/>\n    </testcase>\n");
        } else if (o.status() == Status.ASSERTED) {
            b.append(">\n      <system-out>").append(Escaping.xml(details(o))).append("</system-out>\n    </testcase>\n");
        } else {
            b.append("/>\n");
        }
        return b.toString();
    }

    /** The body of a failure: where, why, and the counterexample or core. */
    static String details(ObligationResult o) {
        StringBuilder b = new StringBuilder();
        b.append(o.id()).append(" is ").append(o.status().label());
        if (o.status() == Status.ASSERTED) b.append(" (accepted by review, not by proof)");
        if (!o.file().isEmpty()) b.append(" at ").append(o.file()).append(':').append(o.line());
        b.append('\n');
        o.reason().ifPresent(r -> b.append("reason: ").append(r).append('\n'));
        if (!o.counterexample().isEmpty()) {
            b.append("counterexample:\n");
            for (Map.Entry<String, String> e : o.counterexample().entrySet()) {
                b.append("  ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
            }
        }
        if (!o.core().isEmpty()) b.append("core: ").append(String.join(", ", o.core())).append('\n');
        if (!o.usedAssumptions().isEmpty()) {
            b.append("used assumptions: ").append(String.join(", ", o.usedAssumptions())).append('\n');
        }
        return b.toString();
    }

    private static Suite inputSuite(String name, List<Diagnostic> errors, List<String[]> props) {
        return new Suite(name, List.of(inputCase(name, errors)), 1, 0, 1, 0, 0, props);
    }

    private static String inputCase(String suite, List<Diagnostic> errors) {
        StringBuilder body = new StringBuilder();
        for (Diagnostic d : errors) body.append(d.headline()).append('\n');
        String message = errors.size() == 1 ? "1 input error" : errors.size() + " input errors";
        if (errors.isEmpty()) message = "input errors: the case was not checked";
        return "    <testcase classname=\"" + attr(suite) + "\" name=\"input\" time=\"0.000\">\n"
                + "      <error type=\"input\" message=\"" + attr(message) + "\">" + Escaping.xml(body.toString())
                + "</error>\n    </testcase>\n";
    }

    /** Errors of the run that belong to no case (a missing PATH, a duplicate case name). */
    static List<Diagnostic> strayErrors(Run run) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : run.diagnostics()) {
            if (d.isError() && run.cases().stream().noneMatch(c -> c.diagnostics().contains(d))) out.add(d);
        }
        return out;
    }

    private static String attr(String s) {
        return Escaping.xml(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).toPlainString();
    }
}
