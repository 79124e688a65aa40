package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports bound during the first pass: module copies, their prefixes, cycles and failures. */
class ImportsTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String text) throws IOException {
        return TestFiles.write(tmp, rel, text);
    }

    private Scope.ModuleSym alias(Declarations.Declared d, String name) {
        return (Scope.ModuleSym) d.caseScope().local(name).orElseThrow();
    }

    @Test
    void everyImportOfAModuleBindsTheSameDeclarations() throws IOException {
        write("lib/d.case", "quantity x : real\nenum Level { low, high }\n");
        write("lib/b.case", "import lib.d\n");
        write("lib/c.case", "import lib.d as dd\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.b\nimport lib.c\nimport lib.b as again\n");
        Passes p = Passes.of(tmp, main);
        Declarations.Declared d = p.declare();
        assertEquals("", p.findings());
        Scope b = alias(d, "b").module();
        Scope c = alias(d, "c").module();
        assertEquals(Scope.Kind.MODULE, b.kind());
        assertEquals("b.", b.prefix());
        // a diamond is one module: b.d and c.dd are the same declarations, named by the first shortest alias path
        Scope bd = ((Scope.ModuleSym) b.local("d").orElseThrow()).module();
        Scope cd = ((Scope.ModuleSym) c.local("dd").orElseThrow()).module();
        assertSame(bd, cd);
        assertSame(bd.local("x").orElseThrow(), cd.local("x").orElseThrow());
        assertEquals("b.d.x", ((Scope.QuantitySym) bd.local("x").orElseThrow()).name());
        assertEquals(((Scope.EnumSym) bd.local("Level").orElseThrow()).type(), ((Scope.EnumSym) cd.local("Level").orElseThrow()).type());
        // a second alias of the same module is the same module too
        assertSame(b, alias(d, "again").module());
    }

    @Test
    void theShortestAliasPathNamesAModuleWhateverTheOrderOfImports() throws IOException {
        write("lib/m.case", "quantity risk : probability\n");
        write("lib/a.case", "import lib.m\nassumption bound \"b\": m.risk <= 1%\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.a\nimport lib.m\n");
        Passes p = Passes.of(tmp, main);
        Declarations.Declared d = p.declare();
        assertEquals("", p.findings());
        Scope m = alias(d, "m").module();
        assertEquals("m.", m.prefix());
        assertSame(m, ((Scope.ModuleSym) alias(d, "a").module().local("m").orElseThrow()).module());
        assertEquals("m.risk", ((Scope.QuantitySym) m.local("risk").orElseThrow()).name());
    }

    @Test
    void everyImportOfABrokenModuleFails() throws IOException {
        write("lib/m.case", "quantity risk : probability\ndefine bad = risk + true\n");
        write("lib/a.case", "import lib.m\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.a\nimport lib.m as again\n");
        Passes p = Passes.of(tmp, main);
        p.declare();
        String f = p.findings();
        assertTrue(f.contains("2:1 SC209 module lib.a has errors"), f);
        assertTrue(f.contains("3:1 SC209 module lib.m has errors"), f);
    }

    @Test
    void theSameFileUnderTheSameAliasPathIsOneCopy() throws IOException {
        write("lib/m.case", "quantity x : real\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.m\nimport lib.m\n");
        Passes p = Passes.of(tmp, main);
        p.declare();
        assertEquals("3:1 SC202 'm' is already declared at main.case:2:1 (one namespace holds nodes, quantities, defines, "
                + "enums, patterns, imports and use prefixes)", p.findings().replace(tmp.toString() + "/", ""));
    }

    @Test
    void aCycleNamesEveryFileOnIt() throws IOException {
        write("lib/a.case", "import lib.b\n");
        write("lib/b.case", "import lib.a\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.a\n");
        Passes p = Passes.of(tmp, main);
        p.declare();
        String shown = p.closure.caseFile().text().display().replace("main.case", "");
        // lib/b.case:1:1 closes the cycle; lib/a.case:1:1 imports the module it is in
        assertEquals("1:1 SC209 module lib.b has errors (reported at " + shown + "lib/b.case)\n"
                + "1:1 SC208 import cycle: " + shown + "lib/a.case -> " + shown + "lib/b.case -> " + shown + "lib/a.case\n"
                + "2:1 SC209 module lib.a has errors (reported at " + shown + "lib/a.case)", p.findings());
    }

    @Test
    void aModuleIsParsedOnceHoweverOftenItIsImported() throws IOException {
        write("lib/d.case", "quantity x : real\n");
        write("lib/b.case", "import lib.d\n");
        Path main = write("main.case", "case c \"c\"\nimport lib.b\nimport lib.d\n");
        Passes p = Passes.of(tmp, main);
        assertSame(found(p, "b.case", "d"), found(p, "main.case", "d"));
    }

    /** The module that the import of {@code path} in the file ending with {@code importer} finds. */
    private static Object found(Passes p, String importer, String path) {
        return p.closure.lookups().entrySet().stream()
                .filter(e -> e.getKey().importerKey().endsWith(importer) && e.getKey().path().contains(path))
                .map(e -> ((dev.safecase.source.ModuleLookup.Found) e.getValue()).module()).findFirst().orElseThrow();
    }

    @Test
    void aChainOfImportsIsAWorkListNotARecursion() throws IOException {
        int n = 3000;
        for (int i = 1; i <= n; i++) write("m" + i + ".case", (i < n ? "import m" + (i + 1) + "\n" : "") + "quantity x : real\n");
        Path main = write("main.case", "case c \"c\"\nimport m1\n");
        Passes p = Passes.of(tmp, main);
        Declarations.Declared d = p.declare();
        assertEquals("", p.findings());
        Scope s = alias(d, "m1").module();
        for (int i = 2; i <= n; i++) s = ((Scope.ModuleSym) s.local("m" + i).orElseThrow()).module();
        assertEquals("m" + n + ".x", ((Scope.QuantitySym) s.local("x").orElseThrow()).name()
                .substring(s.prefix().length() - ("m" + n + ".").length()));
    }
}
