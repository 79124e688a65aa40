package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The third pass on its own: completions attached to instance nodes, or refused. */
class CompletionsTest {
    private static Map<String, dev.safecase.ast.Decl.Element> complete(Passes p) {
        Declarations.Declared d = p.declare();
        Patterns.Instantiated i = p.instantiate(d);
        return new Completions(d.caseScope(), i.byId(), p.formulas.indexed(), p.diags).run(d.completions());
    }

    private static final String HEAD = "case c \"c\"\npattern P() {\n    claim top \"t\" undeveloped\n"
            + "    strategy s \"s\" supported by top\n}\nuse P() as m\nclaim e \"e\" undeveloped\n";

    @Test
    void aCompletionIsAttachedToTheNodeItNames() {
        Passes p = Passes.of(HEAD + "claim m.top supported by e\n");
        Map<String, dev.safecase.ast.Decl.Element> done = complete(p);
        assertEquals("", p.findings());
        assertEquals(List.of("m.top"), List.copyOf(done.keySet()));
        assertEquals(8, done.get("m.top").pos().line());
    }

    @Test
    void mistakesInCompletionsAreReportedAtTheCompletion() {
        Passes p = Passes.of(HEAD + "claim m.top supported by e\nclaim m.top owner \"o\"\nstrategy m.top supported by e\n"
                + "claim m.nope owner \"o\"\nclaim x.top owner \"o\"\nstrategy m.s supported by e\n");
        complete(p);
        assertEquals("""
                9:1 SC313 m.top is already completed at t.case:8:1
                10:1 SC313 m.top is a claim, not a strategy
                11:7 SC201 instance m has no node 'nope' (did you mean 'm.top'?)
                12:7 SC201 unknown use prefix 'x' (did you mean 'm.top'?)
                13:14 SC313 m.s already has `supported by` in its pattern; a completion cannot replace it""", p.findings());
    }
}
