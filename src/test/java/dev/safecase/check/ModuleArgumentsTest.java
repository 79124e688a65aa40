package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import dev.safecase.model.Model;
import dev.safecase.source.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which nodes of a module that holds an argument join a case, and what a module may not do. */
class ModuleArgumentsTest {
    @TempDir
    Path tmp;

    private FrontEnd.Result check(String body) {
        return FrontEnd.check(new Sources(tmp), "main.case", "case c \"c\"\n" + body);
    }

    private List<String> ids(FrontEnd.Result r) {
        assertEquals("", r.render(), "no diagnostics expected");
        return r.model().orElseThrow().nodes().stream().map(Model.Node::id).toList();
    }

    @Test
    void aPublicClaimBringsItsArgumentAndTheDefeatersAgainstItButNothingElse() throws IOException {
        TestFiles.write(tmp, "lib/m.case", """
                quantity x : probability
                public claim safe "x is small": x <= 1% supported by sub
                claim sub "x is smaller": x <= 0.5% supported by log
                evidence log "Log" gives x <= 0.1%
                defeater stale "The log is stale" undermines log
                claim spare "Unused" undeveloped
                public claim other "Also public, but unused" undeveloped
                """);
        List<String> ids = ids(check("import lib.m\nclaim top \"t\" supported by m.safe\n"));
        assertEquals(List.of("top", "m.safe", "m.sub", "m.log", "m.stale"), ids);
        Model.Case model = check("import lib.m\nclaim top \"t\" supported by m.safe\n").model().orElseThrow();
        assertEquals("m", model.module("m.stale").orElseThrow());
        assertTrue(model.module("top").isEmpty());
    }

    @Test
    void anotherModulesDefeaterJoinsOnlyWithThatModulesArgument() throws IOException {
        TestFiles.write(tmp, "lib/m.case", "quantity x : probability\npublic claim safe \"s\": x <= 1% undeveloped\n");
        TestFiles.write(tmp, "lib/a.case", """
                import lib.m
                quantity y : probability
                public claim uses "a rests on m.safe" supported by m.safe
                defeater qualm "a doubts m.safe" rebuts m.safe
                """);
        // the case uses m.safe and a quantity of a, not a's argument: a's defeater stays out
        List<String> without = ids(check("import lib.m\nimport lib.a\nclaim top \"t\": a.y <= 1 supported by m.safe\n"));
        assertFalse(without.contains("a.qualm"), without.toString());
        // once a's argument is in the case, its defeater against m.safe is too
        List<String> with = ids(check("import lib.m\nimport lib.a\nclaim top \"t\" supported by a.uses\n"));
        assertTrue(with.contains("a.qualm"), with.toString());
    }

    @Test
    void aModulesArgumentMustHaveASoundShapeEvenWhereNoCaseUsesIt() throws IOException {
        TestFiles.write(tmp, "lib/m.case", "strategy orphan \"No parent\" supported by c\nclaim c \"C\" undeveloped\n");
        String r = check("import lib.m\nclaim top \"t\" undeveloped\n").render();
        assertTrue(r.contains("SC303 strategy m.orphan is named by no claim's `supported by`"), r);
        assertTrue(r.contains("SC209 module lib.m has errors"), r);
    }

    @Test
    void aContractCompletesOnlyAnUndevelopedPublicClaim() throws IOException {
        TestFiles.write(tmp, "lib/m.case", """
                public claim gap "A gap" undeveloped
                public claim done "Developed" supported by e
                claim hidden "Private" undeveloped
                evidence e "E"
                """);
        List<String> ids = ids(check("import lib.m\nclaim m.gap supported by mine\nevidence mine \"Mine\"\n"));
        assertEquals(List.of("mine", "m.gap"), ids);
        String developed = check("import lib.m\nclaim m.done supported by mine\nevidence mine \"Mine\"\n").render();
        assertTrue(developed.contains("SC313 a contract completes an undeveloped public claim of a module, and m.done is "
                + "developed in its module"), developed);
        String hidden = check("import lib.m\nclaim m.hidden supported by mine\nevidence mine \"Mine\"\n").render();
        assertTrue(hidden.contains("SC213 claim hidden is private to module lib.m"), hidden);
        String extra = check("import lib.m\nclaim m.gap assuming a supported by mine\nevidence mine \"Mine\"\n"
                + "assumption a \"A\"\n").render();
        assertTrue(extra.contains("SC313 a contract for a module's claim may add `supported by` and `owner`, not `assuming`"),
                extra);
    }

    @Test
    void aModuleMayNotNameTheNodesOfTheCaseThatImportsIt() throws IOException {
        TestFiles.write(tmp, "lib/m.case", "public claim up \"Up\" supported by top\n");
        String r = check("import lib.m\nclaim top \"t\" supported by m.up\n").render();
        assertTrue(r.contains("SC201 unknown name 'top'"), r);
    }
}
