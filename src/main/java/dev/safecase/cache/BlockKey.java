package dev.safecase.cache;

import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.Block;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key of a block's verdicts: SHA-256 of the {@link KeyParams}, the block's kind, its canonical
 * text (what Z3 is given, with canonical names) and, per obligation, the SHA-256 of every evidence
 * file it rests on or takes facts from, as read in this run (so a changed file changes the key
 * even where the facts read from it do not change).
 */
public final class BlockKey {
    private BlockKey() {
    }

    /** {@code evidenceSha} gives, per case, each evidence ID's file hash as read in this run (absent: no file read). */
    public static String of(Block b, KeyParams params, Map<String, Map<String, Optional<String>>> evidenceSha) {
        MessageDigest md = sha256();
        md.update(params.header().getBytes(StandardCharsets.UTF_8));
        md.update((b.divisors() ? "divisor-checks\n" : "obligations\n").getBytes(StandardCharsets.UTF_8));
        md.update(b.canonical().digest());
        Map<String, Optional<String>> files = evidenceSha.getOrDefault(b.caseName(), Map.of());
        StringBuilder ev = new StringBuilder("\nevidence\n");
        for (Obligation o : b.obligations()) {
            Set<String> ids = new LinkedHashSet<>(o.evidence());
            for (Premise p : o.premises()) if (p instanceof Premise.Fact f) ids.add(f.evidence());
            for (String id : ids) ev.append(files.getOrDefault(id, Optional.empty()).orElse("-")).append(' ');
            ev.append('\n');
        }
        md.update(ev.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }
}
