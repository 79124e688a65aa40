package dev.safecase.confidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.safecase.diag.Diagnostics;
import dev.safecase.judge.Judge;
import dev.safecase.judge.Judgement;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Verifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alternatives: the bound of a claim with several routes is the least over them. Tested on the rule itself and through
 * the {@link Routes} interface that the alternatives of the language plug into (one route per way to establish a claim).
 */
class MinRuleTest {
    @TempDir
    Path dir;

    private static Bound finite(long n, long d) {
        return new Bound.Finite(Rational.of(n, d), List.of());
    }

    @Test
    void theLeastFiniteBoundWinsAndTheFirstBreaksTies() {
        Bound none = new Bound.Unbounded("support:x is open");
        assertEquals(OptionalInt.of(1), MinRule.best(List.of(finite(3, 100), finite(1, 100), none, finite(1, 100))));
        assertEquals(finite(1, 100), MinRule.min(List.of(none, finite(1, 100), finite(2, 100))));
        assertEquals(OptionalInt.of(0), MinRule.best(List.of(finite(0, 1), finite(0, 1))));
    }

    @Test
    void unboundedOnlyWhenEveryRouteIs() {
        Bound a = new Bound.Unbounded("support:x is open");
        Bound b = new Bound.Unbounded("inference:y is refuted");
        assertEquals(OptionalInt.empty(), MinRule.best(List.of(a, b)));
        assertEquals(new Bound.Unbounded("every route is unbounded: support:x is open; inference:y is refuted"),
                MinRule.min(List.of(a, b)));
        assertEquals(a, MinRule.min(List.of(a)));
        assertInstanceOf(Bound.Unbounded.class, MinRule.min(List.of()));
    }

    /** The routes of today's language, and extra routes for chosen claims (as `supported by any of (…)` would give). */
    private record WithAlternatives(Routes base, Map<String, List<String>> alternatives) implements Routes {
        @Override
        public List<Route> routes(String claim) {
            List<String> via = alternatives.get(claim);
            if (via == null) return base.routes(claim);
            return via.stream().flatMap(c -> base.routes(c).stream()).toList();
        }
    }

    private Confidence.CaseConfidence bounds(String text, Map<String, List<String>> alternatives) {
        Verifier.Outcome o = Cases.run(dir, Map.of("c.case", text), "c.case");
        Verifier.Prepared p = o.prepared().values().iterator().next();
        Judge.Input in = Verifier.judgeInput(p, o.verdicts());
        Judgement j = Judge.judge(in, false, new Diagnostics());
        return Confidence.of(in, j, new WithAlternatives(new SupportRoutes(p.model()), alternatives));
    }

    // `top` stands for a claim with alternatives; each `via_*` claim carries one of its routes (the same step a route of
    // `top` would have). Its own review (90%) is what it would rest on with no route.
    private static final String CASE = """
            case alt "Alternatives"
            quantity p : probability
            quantity q : probability
            claim top "T": p <= 1% asserted "Placeholder for the alternatives" doubt 90%
            claim via_a "By a": p <= 1% assuming wa supported by a
            claim via_b "By b": p <= 1% assuming wb supported by b
            claim via_c "By c": p <= 1% assuming wc supported by c
            claim via_ab "By a and b": p <= 1% assuming wab supported by a, b
            assumption wa "WA": p <= q doubt 3%
            assumption wb "WB": p <= q / 2 doubt 1%
            assumption wc "WC": p <= q doubt 1/1000
            assumption wab "WAB": p <= q doubt 1/10000
            claim a "A": q <= 1% asserted "r" doubt 1%
            claim b "B": q <= 2% asserted "r" doubt 2%
            claim c "C": q <= 1% undeveloped
            """;

    @Test
    void aClaimWithAlternativesHasTheLeastRouteBound() {
        Confidence.CaseConfidence b = bounds(CASE, Map.of("top", List.of("via_a", "via_b")));
        // route a: wa 3% + a 1% = 4%; route b: wb 1% + b 2% = 3%
        assertEquals(Rational.of(3, 100), ((Bound.Finite) b.of("top")).value());
        assertEquals(Rational.of(4, 100), ((Bound.Finite) b.of("via_a")).value());
    }

    @Test
    void anOpenRouteCountsAsInfinity() {
        Confidence.CaseConfidence b = bounds(CASE, Map.of("top", List.of("via_c", "via_a")));
        assertEquals(Rational.of(4, 100), ((Bound.Finite) b.of("top")).value());
        Confidence.CaseConfidence none = bounds(CASE, Map.of("top", List.of("via_c", "via_c")));
        assertEquals(new Bound.Unbounded("every route is unbounded: support:c is open; support:c is open"), none.of("top"));
    }

    @Test
    void twoOfThreeIsTheLeastOverThePairs() {
        // `supported by 2 of (a, b, c)`: the routes {a, b}, {a, c}, {b, c}; only {a, b} is established here
        Confidence.CaseConfidence b = bounds(CASE, Map.of("top", List.of("via_c", "via_ab", "via_c")));
        // wab 0.01% + a 1%: the proof of via_ab lists a and b but needs only a, so b adds nothing
        assertEquals(Rational.of(101, 10000), ((Bound.Finite) b.of("top")).value());
    }

    @Test
    void withoutAlternativesTheClaimRestsOnItsOwnReview() {
        assertEquals(Rational.of(9, 10), ((Bound.Finite) bounds(CASE, Map.of()).of("top")).value());
    }
}
