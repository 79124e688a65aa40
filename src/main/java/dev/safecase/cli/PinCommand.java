package dev.safecase.cli;

import dev.safecase.diag.TerminalText;
import dev.safecase.diag.Diagnostics;
import dev.safecase.evidence.Pin;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code safecase pin}: writes the pins {@link Pin} computes, and says what changed. Exit 1 with --check when a pin is stale. */
@Command(name = "pin", mixinStandardHelpOptions = true, description = "Write or update the sha256 pin of every evidence file in the cases.")
final class PinCommand extends Main.Run {
    @Option(names = "--check", description = "Only report pins that are missing or stale; exit 1 if any.")
    boolean check;

    @Override
    public Integer call() {
        Options o = common.options();
        Verifier v = new Verifier(o);
        Diagnostics diags = new Diagnostics();
        Map<String, Verifier.Prepared> prepared = v.prepare(common.paths(o), diags, new LinkedHashMap<>());
        int changed = 0;
        for (Verifier.Prepared p : prepared.values()) {
            for (Pin.Change c : Pin.pin(p.model().path(), o.root(), diags, !check)) {
                if (c.oldSha().isPresent() && c.oldSha().get().equals(c.newSha())) continue;
                changed++;
                out().println(TerminalText.escape(p.model().file() + ": " + c.evidenceId() + " (" + c.file() + ") "
                        + c.oldSha().map(s -> s.substring(0, Math.min(12, s.length())) + "… -> ").orElse("pinned ")
                        + c.newSha().substring(0, 12) + "…" + (check ? " (not written: --check)" : "")));
            }
        }
        printDiagnostics(v, diags.sorted());
        if (diags.hasErrors()) return 2;
        if (changed == 0) out().println("all evidence pins are current");
        return check && changed > 0 ? 1 : 0;
    }
}
