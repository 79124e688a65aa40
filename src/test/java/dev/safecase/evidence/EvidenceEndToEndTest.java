package dev.safecase.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real CLI: a claim resting on a pinned JSON file is proved; the verdict changes
 * when the file changes, goes stale, or says something else.
 */
class EvidenceEndToEndTest {
    private static final String CASE = """
            case redteam "The model's jailbreak rate is below 6%"

            quantity jailbreak_rate : probability "Rate of successful jailbreaks in deployment"

            claim low_rate "Jailbreaks succeed in under 6% of attempts": jailbreak_rate <= 6%
                supported by red_team

            evidence red_team "Red-team campaign: failures out of n attempts"
                file "evidence/redteam.json"
                expires 2027-06-01
                gives jailbreak_rate <= clopper_pearson_upper(json("/failures"), json("/n"), 95%)
            """;

    record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private static Run check(Path root, String... extra) {
        return checkOn(root, "2026-11-22", extra);
    }

    private static Run checkOn(Path root, String today, String... extra) {
        String[] base = {"check", "--root", root.toString(), "--today", today, "--jobs", "1"};
        String[] args = new String[base.length + extra.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        args[args.length - 1] = root.resolve("redteam.case").toString();
        return cli(args);
    }

    @Test
    void verdictFollowsTheFile(@TempDir Path root) throws Exception {
        Path json = root.resolve("evidence/redteam.json");
        Files.createDirectories(json.getParent());
        Files.writeString(json, "{\"n\": 120, \"failures\": 2}\n", StandardCharsets.UTF_8);
        Files.writeString(root.resolve("redteam.case"), CASE, StandardCharsets.UTF_8);

        Run pin = cli("pin", "--root", root.toString(), root.resolve("redteam.case").toString());
        assertEquals(0, pin.code(), pin.err());
        assertTrue(Files.readString(root.resolve("redteam.case")).contains("sha256 \""), "pin wrote the hash");

        // 2 failures in 120: the 95% bound is 0.0515337136864 <= 6%
        Run ok = check(root);
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("discharged"), ok.out());

        // one byte more: the pin no longer matches
        Files.writeString(json, " ", StandardOpenOption.APPEND);
        Run changed = check(root);
        assertEquals(1, changed.code(), changed.err());
        assertTrue(changed.out().contains("validity:red_team invalid - sha256 mismatch for evidence/redteam.json"), changed.out());
        assertTrue(changed.out().contains("evidence:low_rate invalid"), changed.out());

        // restore the file; a later day than `expires` makes it stale
        Files.writeString(json, "{\"n\": 120, \"failures\": 2}\n", StandardCharsets.UTF_8);
        assertEquals(0, check(root).code());
        Run stale = checkOn(root, "2027-06-02");
        assertEquals(1, stale.code());
        assertTrue(stale.out().contains("expired on 2027-06-01 (today is 2027-06-02)"), stale.out());
        assertEquals(0, checkOn(root, "2027-06-01").code(), "valid through the expiry day");

        // 10 failures in 120: the bound 0.137251755658 exceeds 6%, the evidence step is refuted
        Files.writeString(json, "{\"n\": 120, \"failures\": 10}\n", StandardCharsets.UTF_8);
        assertEquals(0, cli("pin", "--root", root.toString(), root.resolve("redteam.case").toString()).code());
        Run refuted = check(root);
        assertEquals(1, refuted.code(), refuted.err());
        assertTrue(refuted.out().contains("evidence:low_rate refuted"), refuted.out());
        assertTrue(refuted.out().contains("0.137251755658"), refuted.out());
    }
}
