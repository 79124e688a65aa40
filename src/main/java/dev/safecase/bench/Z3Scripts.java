package dev.safecase.bench;

import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.SmtLib;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The same checks for the z3 command line, in one script: every declaration once, then per
 * solver obligation {@code (push 1)}, its premises, {@code (check-sat)}, the negated goal,
 * {@code (check-sat)}, {@code (pop 1)}: the two checks safecase makes for a proved obligation,
 * on every premise. With cores, the premises are named and {@code (get-unsat-core)} follows each
 * unsatisfiable answer.
 */
final class Z3Scripts {
    private Z3Scripts() {
    }

    static String script(List<Obligation> obligations, boolean cores) {
        StringBuilder sb = new StringBuilder();
        if (cores) sb.append("(set-option :produce-unsat-cores true)\n");
        sb.append("(set-logic ALL)\n");
        Set<String> declared = new LinkedHashSet<>();
        for (Obligation o : obligations) {
            for (String line : SmtLib.declarations(o).split("\n")) {
                if (!line.isBlank() && declared.add(line)) sb.append(line).append('\n');
            }
        }
        for (Obligation o : obligations) {
            sb.append("(push 1)\n");
            int k = 0;
            for (Premise p : o.premises()) {
                if (cores) sb.append("(assert (! ").append(SmtLib.bool(p.formula())).append(" :named p").append(k++).append("))\n");
                else sb.append("(assert ").append(SmtLib.bool(p.formula())).append(")\n");
            }
            sb.append("(check-sat)\n");
            o.goal().ifPresent(g -> {
                sb.append("(assert (not ").append(SmtLib.bool(g)).append("))\n(check-sat)\n");
                if (cores) sb.append("(get-unsat-core)\n");
            });
            sb.append("(pop 1)\n");
        }
        return sb.toString();
    }
}
