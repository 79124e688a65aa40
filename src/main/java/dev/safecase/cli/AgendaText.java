package dev.safecase.cli;

import dev.safecase.confidence.Agenda;
import dev.safecase.diag.TerminalText;
import dev.safecase.lower.ObligationId;
import dev.safecase.report.AgendaReport;
import dev.safecase.result.CaseResult;
import dev.safecase.result.Run;
import java.util.List;
import java.util.Map;

/** {@code safecase agenda} as text: per case, the roots and their minimal resolving sets, then the problems by owner. */
final class AgendaText {
    private AgendaText() {
    }

    static String text(Run run) {
        StringBuilder sb = new StringBuilder();
        for (CaseResult c : AgendaReport.cases(run)) caseText(sb, c);
        return sb.toString();
    }

    private static void caseText(StringBuilder sb, CaseResult c) {
        Agenda a = c.confidence().agenda().orElseThrow();
        sb.append("agenda of case ").append(t(c.name())).append(" (").append(t(c.file())).append(")\n");
        sb.append("  roots:\n");
        for (Agenda.Root r : a.roots()) {
            sb.append("    ").append(t(r.claim())).append(": ").append(r.discharged() ? "discharged" : r.status().label())
                    .append(", doubt ").append(t(AgendaReport.bound(r.bound()))).append('\n');
            if (r.discharged()) continue;
            if (r.blocker().isPresent()) {
                sb.append("      no set of open problems discharges it: ").append(t(r.blocker().get())).append('\n');
                continue;
            }
            sb.append("      minimal resolving sets (").append(r.sets().size()).append(r.truncated() ? ", stopped at the cap" : "")
                    .append("):\n");
            for (Agenda.ResolvingSet s : r.sets()) {
                sb.append("        {").append(t(String.join(", ", s.problems().stream().map(ObligationId::toString).toList())))
                        .append("} -> doubt ").append(t(AgendaReport.bound(s.bound()))).append('\n');
            }
        }
        for (Map.Entry<String, List<Agenda.Problem>> o : AgendaReport.byOwner(a).entrySet()) {
            sb.append("  owner: ").append(t(o.getKey())).append('\n');
            for (Agenda.Problem p : o.getValue()) {
                sb.append("    ").append(t(c.file())).append(':').append(p.line()).append(": ").append(t(p.id().toString()))
                        .append(p.reason().map(r -> " - " + t(r)).orElse("")).append('\n');
                if (!p.primary()) {
                    sb.append("      waits on its eliminators: ").append(t(String.join(", ", p.waitsOn()))).append('\n');
                }
                for (Agenda.Leverage l : p.leverage()) {
                    sb.append("      blocks ").append(t(l.root())).append(": ").append(t(AgendaReport.leverage(l))).append('\n');
                }
            }
        }
        sb.append('\n');
    }

    private static String t(String s) {
        return TerminalText.escape(s);
    }
}
