package dev.safecase.cache;

import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.Block;
import dev.safecase.prove.SmtLib;
import dev.safecase.prove.Verdict;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored form of a block's verdicts: one text, self-verifying. Lines:
 *
 * <pre>
 * safecase-cache 1
 * key HEX
 * v proved NANOS core=0,3
 * v refuted NANOS cex=VALUE,VALUE,…
 * v vacuous NANOS core=1,2
 * v unknown NANOS reason=TEXT          (partial results only; the cache never stores one)
 * sha256 HEX-OF-THE-LINES-ABOVE
 * </pre>
 *
 * A core lists premise positions; a counterexample lists values in the obligation's symbol order
 * (an enum value as its member's position), URL-encoded. Names are never stored: they come from the
 * obligation that reads the entry, so the reason of a vacuous verdict is rebuilt from its core.
 * Anything that does not fit the block exactly (a wrong key, checksum, count or position) is no
 * entry: {@link #decode} is empty and the block is decided again.
 */
public final class Entry {
    private static final String MAGIC = "safecase-cache 1";

    private Entry() {
    }

    /** Whether the verdicts can be stored: unknown ones are not (they depend on time and budget). */
    public static boolean storable(List<Verdict> verdicts) {
        return verdicts.stream().noneMatch(v -> v.answer() == Verdict.Answer.UNKNOWN);
    }

    public static String encode(String key, Block block, List<Verdict> verdicts) {
        if (verdicts.size() != block.size()) throw new IllegalArgumentException("one verdict per obligation");
        StringBuilder sb = new StringBuilder(MAGIC).append('\n').append("key ").append(key).append('\n');
        for (int i = 0; i < verdicts.size(); i++) {
            Obligation o = block.obligations().get(i);
            Verdict v = verdicts.get(i);
            sb.append("v ").append(v.answer().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(v.nanos());
            if (v.answer() == Verdict.Answer.UNKNOWN) {
                sb.append(" reason=").append(URLEncoder.encode(v.reason().orElse(""), StandardCharsets.UTF_8));
            } else if (v.answer() == Verdict.Answer.REFUTED) {
                sb.append(" cex=");
                int k = 0;
                for (Map.Entry<String, Type> s : SmtLib.symbols(o).entrySet()) {
                    String value = v.counterexample().get(s.getKey());
                    if (value == null) throw new IllegalArgumentException("counterexample lacks " + s.getKey());
                    if (s.getValue() instanceof Type.EnumType e) {
                        int at = e.members().indexOf(value);
                        if (at < 0) throw new IllegalArgumentException("not a member of " + e.name() + ": " + value);
                        value = Integer.toString(at);
                    }
                    sb.append(k++ == 0 ? "" : ",").append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            } else {
                Map<Premise, Integer> at = new IdentityHashMap<>();
                for (int p = o.premises().size() - 1; p >= 0; p--) at.put(o.premises().get(p), p);
                sb.append(" core=");
                for (int c = 0; c < v.core().size(); c++) {
                    Integer p = at.get(v.core().get(c));
                    if (p == null) throw new IllegalArgumentException("core premise is not the obligation's");
                    sb.append(c == 0 ? "" : ",").append(p);
                }
            }
            sb.append('\n');
        }
        String body = sb.toString();
        return body + "sha256 " + sha(body) + "\n";
    }

    /** The verdicts stored in {@code text} for {@code block} under {@code key}; empty when the text is not such an entry. */
    public static Optional<List<Verdict>> decode(String text, String key, Block block) {
        return decode(text, key, block, false);
    }

    /** As {@link #decode(String, String, Block)}; {@code unknownToo} accepts unknown verdicts (partial results). */
    public static Optional<List<Verdict>> decode(String text, String key, Block block, boolean unknownToo) {
        try {
            int end = text.lastIndexOf("sha256 ");
            if (end < 0 || !text.endsWith("\n")) return Optional.empty();
            String body = text.substring(0, end);
            if (!text.substring(end + 7, text.length() - 1).equals(sha(body))) return Optional.empty();
            String[] lines = body.split("\n", -1);
            if (lines.length != block.size() + 3 || !lines[0].equals(MAGIC) || !lines[1].equals("key " + key)
                    || !lines[lines.length - 1].isEmpty()) {
                return Optional.empty();
            }
            List<Verdict> out = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                Optional<Verdict> v = verdict(lines[i + 2], block.obligations().get(i), unknownToo);
                if (v.isEmpty()) return Optional.empty();
                out.add(v.get());
            }
            return Optional.of(out);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Verdict> verdict(String line, Obligation o, boolean unknownToo) {
        String[] w = line.split(" ", -1);
        if (w.length != 4 || !w[0].equals("v")) return Optional.empty();
        long nanos = Long.parseLong(w[2]);
        if (nanos < 0) return Optional.empty();
        Verdict.Answer answer = switch (w[1]) {
            case "proved" -> Verdict.Answer.PROVED;
            case "refuted" -> Verdict.Answer.REFUTED;
            case "vacuous" -> Verdict.Answer.VACUOUS;
            case "unknown" -> unknownToo ? Verdict.Answer.UNKNOWN : null;
            default -> null;
        };
        if (answer == null) return Optional.empty();
        if (answer == Verdict.Answer.UNKNOWN) {
            if (!w[3].startsWith("reason=")) return Optional.empty();
            return Optional.of(Verdict.unknown(URLDecoder.decode(w[3].substring(7), StandardCharsets.UTF_8), nanos));
        }
        if (answer == Verdict.Answer.REFUTED) {
            if (!w[3].startsWith("cex=")) return Optional.empty();
            Map<String, Type> symbols = SmtLib.symbols(o);
            String list = w[3].substring(4);
            String[] values = list.isEmpty() ? new String[0] : list.split(",", -1);
            if (values.length != symbols.size()) return Optional.empty();
            Map<String, String> cex = new LinkedHashMap<>();
            int k = 0;
            for (Map.Entry<String, Type> s : symbols.entrySet()) {
                String value = URLDecoder.decode(values[k++], StandardCharsets.UTF_8);
                if (s.getValue() instanceof Type.EnumType e) {
                    int at = Integer.parseInt(value);
                    if (at < 0 || at >= e.members().size()) return Optional.empty();
                    value = e.members().get(at);
                }
                cex.put(s.getKey(), value);
            }
            return Optional.of(Verdict.decided(o, answer, List.of(), cex, nanos));
        }
        if (!w[3].startsWith("core=")) return Optional.empty();
        String list = w[3].substring(5);
        List<Premise> core = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int last = -1;
        for (String p : list.isEmpty() ? new String[0] : list.split(",", -1)) {
            int i = Integer.parseInt(p);
            if (i <= last || i >= o.premises().size()) return Optional.empty();
            last = i;
            Premise premise = o.premises().get(i);
            if (names.add(premise.name())) core.add(premise);
        }
        if (answer == Verdict.Answer.VACUOUS && o.premises().isEmpty()) return Optional.empty();
        return Optional.of(Verdict.decided(o, answer, core, Map.of(), nanos));
    }

    static String sha(String text) {
        return HexFormat.of().formatHex(BlockKey.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
