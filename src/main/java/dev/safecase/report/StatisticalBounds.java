package dev.safecase.report;

import dev.safecase.Results.EvidenceResult;
import dev.safecase.prove.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistical bounds a root rests on, read from the facts of the evidence in its closure: every call of a
 * statistics built-in in a fact is one bound, at its stated confidence ({@code rule_of_three} is 95 %). By
 * Bonferroni, m bounds hold together with probability at least 1 − Σ(1 − confᵢ) (1 − 0.05·m at 95 %). The results
 * do not carry bounds as data, so this reads the printed facts; facts of invalid evidence are dropped, as in proofs.
 */
final class StatisticalBounds {
    private StatisticalBounds() {
    }

    static final BigDecimal DEFAULT_CONFIDENCE = new BigDecimal("0.95");
    private static final Pattern CALL =
            Pattern.compile("\\b(rule_of_three|clopper_pearson_upper|clopper_pearson_lower|wilson_upper)\\s*\\(");

    /** One bound: where it comes from and at what confidence; {@code assumed} when the confidence was not readable. */
    record Bound(String evidence, String fact, String builtin, BigDecimal confidence, boolean assumed, boolean counted) {}

    static List<Bound> of(EvidenceResult e) {
        List<Bound> out = new ArrayList<>();
        boolean valid = e.status() == Status.PROVED || e.status() == Status.ASSERTED;
        for (String fact : e.facts()) {
            Matcher m = CALL.matcher(fact);
            while (m.find()) {
                String fn = m.group(1);
                Optional<BigDecimal> conf = fn.equals("rule_of_three")
                        ? Optional.of(DEFAULT_CONFIDENCE)
                        : thirdArgument(fact, m.end()).flatMap(Json::decimal)
                                .filter(c -> c.signum() > 0 && c.compareTo(BigDecimal.ONE) < 0);
                out.add(new Bound(e.id(), fact, fn, conf.orElse(DEFAULT_CONFIDENCE), conf.isEmpty(), valid));
            }
        }
        return out;
    }

    /** The third top-level argument of the call whose argument list starts at {@code from}. */
    private static Optional<String> thirdArgument(String text, int from) {
        int depth = 0;
        int arg = 0;
        int start = from;
        for (int i = from; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')' && depth > 0) {
                depth--;
            } else if ((ch == ',' && depth == 0) || (ch == ')' && depth == 0)) {
                if (arg == 2) return Optional.of(text.substring(start, i).strip());
                if (ch == ')') return Optional.empty();
                arg++;
                start = i + 1;
            }
        }
        return Optional.empty();
    }

    /** Bonferroni: at least 1 − Σ(1 − confᵢ) over the counted bounds, never below 0. */
    static BigDecimal joint(List<Bound> bounds) {
        BigDecimal miss = BigDecimal.ZERO;
        for (Bound b : bounds) {
            if (b.counted()) miss = miss.add(BigDecimal.ONE.subtract(b.confidence()));
        }
        BigDecimal j = BigDecimal.ONE.subtract(miss);
        return j.signum() < 0 ? BigDecimal.ZERO : j;
    }

    /** {@code 0.95} → {@code "95 %"}. */
    static String percent(BigDecimal ratio) {
        BigDecimal p = ratio.movePointRight(2).stripTrailingZeros();
        if (p.scale() < 0) p = p.setScale(0);
        return p.toPlainString() + " %";
    }

    /** The sentence shown under a root's bounds. */
    static String statement(List<Bound> bounds) {
        List<Bound> counted = bounds.stream().filter(Bound::counted).toList();
        int m = counted.size();
        if (m == 0) return "Rests on no statistical bound from valid evidence.";
        boolean all95 = counted.stream().allMatch(b -> b.confidence().compareTo(DEFAULT_CONFIDENCE) == 0);
        BigDecimal joint = joint(counted);
        String prob = joint.signum() == 0 ? "0 (the joint guarantee is void: too many bounds)" : percent(joint);
        if (m == 1) return "1 bound at " + percent(counted.get(0).confidence()) + " holds with probability at least " + prob + ".";
        if (all95) {
            return m + " bounds at 95 % hold together with probability at least 1 \u2212 0.05\u00b7" + m + " = " + prob
                    + " (Bonferroni).";
        }
        return m + " bounds hold together with probability at least 1 \u2212 \u03a3(1 \u2212 conf) = " + prob
                + " (Bonferroni).";
    }
}
