package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first pass on its own: names declared in source order, duplicates, slots and completions. */
class DeclarationsTest {
    @Test
    void declaresEveryKindOfNameInTheCaseScope() {
        Passes p = Passes.of("case c \"c\"\nenum E { a, b }\nquantity q : E\ndefine d = q == a\n"
                + "claim top \"t\" undeveloped\npattern P() { }\nuse P() as u\nclaim u.x supported by top\n");
        Declarations.Declared d = p.declare();
        assertEquals("", p.findings());
        assertEquals(List.of("E", "q", "d", "top", "P", "u"), List.copyOf(d.caseScope().locals().keySet()));
        assertInstanceOf(Scope.EnumSym.class, d.caseScope().local("E").orElseThrow());
        assertInstanceOf(Scope.PrefixSym.class, d.caseScope().local("u").orElseThrow());
        assertEquals(Scope.Kind.CASE, d.caseScope().kind());
        // nodes and uses keep their order; the completion waits for its own pass
        assertEquals(2, d.slots().size());
        assertInstanceOf(Slot.OfNode.class, d.slots().get(0));
        assertTrue(((Slot.OfUse) d.slots().get(1)).prefix().isPresent());
        assertEquals(List.of("u.x"), d.completions().stream().map(e -> e.id().text()).toList());
        assertEquals(List.of("top"), List.copyOf(d.caseNodes().keySet()));
    }

    @Test
    void aDuplicateIsReportedAtTheLaterDeclarationAndKeepsTheFirst() {
        Passes p = Passes.of("case c \"c\"\nquantity x : real\nclaim x \"x\" undeveloped\nuse P() as x\n");
        Declarations.Declared d = p.declare();
        assertEquals("""
                3:7 SC202 'x' is already declared at t.case:2:1 (one namespace holds nodes, quantities, defines, enums, \
                patterns, imports and use prefixes)
                4:12 SC202 'x' is already declared at t.case:2:1 (one namespace holds nodes, quantities, defines, enums, \
                patterns, imports and use prefixes)""", p.findings());
        assertInstanceOf(Scope.QuantitySym.class, d.caseScope().local("x").orElseThrow());
        assertTrue(d.caseNodes().isEmpty());
        assertTrue(((Slot.OfUse) d.slots().get(0)).prefix().isEmpty(), "a use whose prefix is taken is not instantiated");
    }

    @Test
    void builtInNamesCannotBeDeclared() {
        Passes p = Passes.of("case c \"c\"\ndefine max = 1\n");
        p.declare();
        assertEquals("2:8 SC203 'max' is a built-in function and cannot be declared", p.findings());
    }

    @Test
    void enumMembersAreListedOnce() {
        Passes p = Passes.of("case c \"c\"\nenum E { a, b, a }\n");
        Declarations.Declared d = p.declare();
        assertEquals("2:16 SC202 enum E lists 'a' twice", p.findings());
        assertEquals(List.of("a", "b"), ((Scope.EnumSym) d.caseScope().local("E").orElseThrow()).type().members());
    }
}
