package dev.safecase.report;

import dev.safecase.result.BoundResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * How the statistical bounds of the results read in the reports. The results carry each bound as evaluated (built-in,
 * arguments, value, confidence) and each claim's joint confidence by Bonferroni (m bounds hold together with
 * probability at least 1 − Σ(1 − confᵢ), 1 − 0.05·m at 95 %); nothing is computed here but the wording.
 */
final class StatisticalBounds {
    private StatisticalBounds() {
    }

    private static final BigDecimal NINETY_FIVE = new BigDecimal("0.95");

    /** {@code clopper_pearson_upper(3, 2000, 0.95) = 0.0041}. */
    static String call(BoundResult b) {
        return b.function() + "(" + String.join(", ", b.args()) + ") = " + b.value();
    }

    /** {@code "0.95"} → {@code "95 %"}; a number that is no finite decimal ({@code 2/3}) stays as it is. */
    static String percent(String ratio) {
        Optional<BigDecimal> d = Json.decimal(ratio);
        if (d.isEmpty()) return ratio;
        BigDecimal p = d.get().movePointRight(2).stripTrailingZeros();
        if (p.scale() < 0) p = p.setScale(0);
        return p.toPlainString() + " %";
    }

    /** The sentence shown under a claim's bounds, from the bounds it rests on and their joint confidence. */
    static String statement(List<BoundResult> bounds, String joint) {
        int m = bounds.size();
        if (m == 0) return "Rests on no statistical bound from valid evidence.";
        boolean zero = Json.decimal(joint).map(j -> j.signum() == 0).orElse(false);
        String prob = zero ? "0 (the joint guarantee is void: too many bounds)" : percent(joint);
        if (m == 1) {
            return "1 bound at " + percent(bounds.get(0).confidence()) + " holds with probability at least " + prob + ".";
        }
        boolean all95 = bounds.stream()
                .allMatch(b -> Json.decimal(b.confidence()).map(c -> c.compareTo(NINETY_FIVE) == 0).orElse(false));
        if (all95) {
            return m + " bounds at 95 % hold together with probability at least 1 \u2212 0.05\u00b7" + m + " = " + prob
                    + " (Bonferroni).";
        }
        return m + " bounds hold together with probability at least 1 \u2212 \u03a3(1 \u2212 conf) = " + prob
                + " (Bonferroni).";
    }
}
