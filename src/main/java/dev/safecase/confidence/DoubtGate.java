package dev.safecase.confidence;

import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.List;

/** {@code --max-doubt}: every root of every checked case must have a bound, and at most the limit. */
public final class DoubtGate {
    private DoubtGate() {
    }

    /** Why the roots of one case fail the limit, in root order; empty when they all pass. */
    public static List<String> reasons(Rational max, String caseName, Confidence.CaseConfidence bounds) {
        List<String> out = new ArrayList<>();
        for (String root : bounds.roots()) {
            Bound b = bounds.of(root);
            if (b instanceof Bound.Finite f) {
                if (f.value().compareTo(max) > 0) {
                    out.add("root " + caseName + ":" + root + " has doubt bound " + f.value() + " (" + f.decimalUp()
                            + ") > max-doubt " + max);
                }
            } else {
                out.add("root " + caseName + ":" + root + " has no doubt bound (" + ((Bound.Unbounded) b).reason() + ")");
            }
        }
        return out;
    }
}
