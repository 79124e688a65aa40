package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The second pass on its own: instances, their IDs and origins, and argument binding. */
class PatternsTest {
    private static final String PATTERN = "pattern P(limit: probability, what: text) {\n"
            + "    quantity rate : probability \"Rate of {what}\"\n"
            + "    claim top \"{what} stays below the limit\": rate <= limit undeveloped\n"
            + "}\n";

    @Test
    void instanceNodesStandWhereTheirUseIsWithPrefixedIds() {
        Passes p = Passes.of("case c \"c\"\n" + PATTERN + "claim first \"f\" undeveloped\n"
                + "use P(limit: 5%, what: \"misuse\") as m\nclaim last \"l\" undeveloped\n");
        Patterns.Instantiated i = p.instantiate(p.declare());
        assertEquals("", p.findings());
        assertEquals(List.of("first", "m.top", "last"), i.order().stream().map(DeclaredNode::id).toList());
        DeclaredNode top = i.byId().get("m.top");
        assertEquals("P.top (t.case:4:5)", top.origin().orElseThrow());
        assertEquals("t.case:7:1", top.pos().toString());
        assertEquals(Scope.Kind.INSTANCE, top.scope().kind());
        assertEquals("\"misuse\"".replace("\"", ""), top.arguments().get("what"));
        // the instance's quantity is registered with its text interpolated
        assertEquals("Rate of misuse", p.formulas.quantities().all().get(0).description());
    }

    @Test
    void argumentsAreCheckedAgainstTheParameters() {
        Passes p = Passes.of("case c \"c\"\n" + PATTERN + "use P(limit: 2, other: 1) as m\n");
        Patterns.Instantiated i = p.instantiate(p.declare());
        assertEquals("""
                6:1 SC315 missing argument 'what' (text) for pattern P
                6:7 SC315 argument 'limit' must be a probability in [0, 1], not 2
                6:17 SC315 pattern P has no parameter 'other'""", p.findings());
        assertEquals(List.of(), i.order());
    }

    @Test
    void aUseOfSomethingElseThanAPatternIsRefused() {
        Passes p = Passes.of("case c \"c\"\nquantity q : real\nuse q() as m\nuse Nope() as n\n");
        p.instantiate(p.declare());
        assertEquals("3:5 SC206 'q' is not a pattern\n4:5 SC201 unknown name 'Nope'", p.findings());
    }
}
