package dev.safecase.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Nesting measured on the tokens, before the parser recurses: where the limit is crossed, and what does not count. */
class NestingTest {
    private static String parse(String text) {
        return Findings.of(text);
    }

    private static final String HEAD = "case c \"c\"\nclaim top \"t\": ";
    private static final String MESSAGE = " SC101 nested too deeply: this opens level 251 of brackets and operators, and at most 250 "
            + "are allowed; split the formula into several claims, assumptions or defines";

    @Test
    void theTokenThatOpensLevel251IsReported() {
        assertEquals("2:" + (16 + 250 * 4) + MESSAGE, parse(HEAD + "not ".repeat(300) + "b\n"));
        assertEquals("2:" + (16 + 250) + MESSAGE, parse(HEAD + "-".repeat(300) + "p <= 1\n"));
        // brackets and prefix operators add up
        assertEquals("2:" + (16 + 125 * 5) + MESSAGE, parse(HEAD + "not (".repeat(200) + "b" + ")".repeat(200) + "\n"));
    }

    @Test
    void everyConstructTheParserEntersByRecursionCounts() {
        assertTrue(parse(HEAD + "if b then ".repeat(251) + "b" + " else b".repeat(251) + "\n").contains(MESSAGE));
        assertTrue(parse(HEAD + "b => ".repeat(251) + "b\n").contains(MESSAGE));
        assertTrue(parse(HEAD + "forall h in H: ".repeat(251) + "b\n").contains(MESSAGE));
        assertTrue(parse(HEAD + "f(".repeat(251) + "1" + ")".repeat(251) + " <= 1\n").contains(MESSAGE));
        assertTrue(parse("case c \"c\"\n" + "pattern P() {\n".repeat(251) + "}\n".repeat(251)).contains(MESSAGE));
    }

    @Test
    void levelsCloseWithTheirBracketOrTheirFormula() {
        // 250 levels is the limit, not a mistake
        assertEquals("", parse(HEAD + "not ".repeat(249) + "b\n"));
        assertEquals("", parse(HEAD + "(".repeat(250) + "b" + ")".repeat(250) + "\n"));
        // many formulas, each deep, and many flat operators: nothing adds up across them
        StringBuilder s = new StringBuilder("case c \"c\"\n");
        for (int i = 0; i < 100; i++) s.append("claim c").append(i).append(" \"c\": ").append("not ".repeat(200)).append("b undeveloped\n");
        s.append("claim g \"g\": f(").append("not b, ".repeat(300)).append("b)\n");
        s.append("claim m \"m\": p - 1 - 1 - 1 - 1 - 1 <= - 1\n");
        assertEquals("", parse(s.toString()));
    }
}
