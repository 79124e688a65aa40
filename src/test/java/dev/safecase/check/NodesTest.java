package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.safecase.model.Model;
import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fourth pass on its own: clauses, support lists and node kinds. */
class NodesTest {
    private static List<Model.Node> resolve(Passes p) {
        Declarations.Declared d = p.declare();
        Patterns.Instantiated i = p.instantiate(d);
        Map<String, dev.safecase.ast.Decl.Element> completions = new Completions(d.caseScope(), i.byId(), p.formulas.indexed(), p.diags)
                .run(d.completions());
        p.formulas.quantities().registerDeclared(d.caseScope());
        Nodes nodes = new Nodes(p.formulas, p.texts, (w, f) -> w.startsWith("/") ? Optional.of("\"" + w + "\" is absolute")
                : Optional.empty(), Optional.empty(), p.diags, new Nodes.Index(d.caseScope(), i.byId(), d.moduleNodes(), completions,
                i.excluded()));
        return nodes.resolveAll(i.order());
    }

    @Test
    void supportListsAreSortedIntoClaimsAndEvidence() {
        Passes p = Passes.of("case c \"c\"\nclaim top \"t\" supported by a, e\nclaim a \"a\" undeveloped\nevidence e \"e\"\n");
        List<Model.Node> nodes = resolve(p);
        assertEquals("", p.findings());
        assertEquals(new Model.Direct(List.of("a"), List.of("e")), ((Model.Claim) nodes.get(0)).support());
    }

    @Test
    void clauseMistakesAreReportedAtTheClause() {
        Passes p = Passes.of("case c \"c\"\nclaim top \"t\" supported by s, a, a undeveloped\nstrategy s \"s\" supported by a\n"
                + "claim a \"a\" undeveloped undeveloped\ncontext k \"k\" owner \"o\"\nclaim b \"b\" assuming k undeveloped\n"
                + "evidence e \"e\" file \"/etc/passwd\"\n");
        resolve(p);
        assertEquals("""
                2:34 SC302 a is listed twice in the support of top
                2:36 SC308 `undeveloped` marks a gap, so it excludes `supported by`
                4:25 SC307 `undeveloped` is given twice on claim a; list everything in one clause
                5:15 SC306 `owner` is not allowed on a context (it takes no clauses)
                6:22 SC206 `assuming` names assumptions, but k is a context
                7:21 SC501 evidence path "/etc/passwd" is absolute""", p.findings());
    }

    @Test
    void namesACompletionAddsToAPatternsListResolveInTheCase(@TempDir Path tmp) throws IOException {
        TestFiles.write(tmp, "lib.case", "pattern P() {\n    assumption pa \"pa\"\n"
                + "    claim top \"t\" assuming pa undeveloped\n}\n");
        Path main = TestFiles.write(tmp, "main.case", "case c \"c\"\nimport lib\nuse lib.P() as u\n"
                + "assumption ca \"ca\"\nclaim u.top assuming ca owner \"o\"\n");
        Passes p = Passes.of(tmp, main);
        List<Model.Node> nodes = resolve(p);
        assertEquals("", p.findings());
        assertEquals(List.of("u.pa", "ca"), ((Model.Claim) nodes.stream().filter(n -> n.id().equals("u.top")).findFirst()
                .orElseThrow()).assuming());
    }

    @Test
    void aModuleNodeJoinsTheCaseWhenTheCaseNamesIt() {
        Passes p = Passes.of("case c \"c\"\nimport stdlib.ai.hazards as hz\nclaim top \"t\" undeveloped\n");
        List<Model.Node> nodes = resolve(p);
        assertEquals("", p.findings());
        assertEquals(List.of("top"), nodes.stream().map(Model.Node::id).toList(), "unnamed module nodes stay out");
    }
}
