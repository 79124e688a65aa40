package dev.safecase.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the arrows of {@code docs/architecture.md} true: the packages form one pipeline, and each
 * may use only the packages before it. The libraries stay behind the one package that wraps each.
 */
class ArchitectureTest {

    /** The pipeline order of docs/architecture.md: a package may depend only on earlier ones. */
    static final List<String> ORDER = List.of(
            "diag", "num", "stats", "syntax", "ast", "format", "source", "formula", "model", "graph", "check",
            "evidence", "lower", "prove", "cache", "judge", "confidence", "result", "report", "diff", "pipeline", "interop",
            "lsp", "bench", "cli",
            "maven");

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.safecase");
    }

    @Test
    void everyPackageIsPlacedInThePipeline() {
        for (var c : classes) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith("dev.safecase.")) {
                continue;
            }
            String top = pkg.substring("dev.safecase.".length()).split("\\.")[0];
            if (!ORDER.contains(top)) {
                throw new AssertionError("package dev.safecase." + top
                        + " is not in ArchitectureTest.ORDER; place it in docs/architecture.md and here");
            }
        }
    }

    @Test
    void packagesDependOnlyOnEarlierOnes() {
        for (int i = 0; i < ORDER.size(); i++) {
            String[] later = ORDER.subList(i + 1, ORDER.size()).stream()
                    .map(p -> "dev.safecase." + p + "..")
                    .toArray(String[]::new);
            if (later.length == 0) {
                continue;
            }
            noClasses().that().resideInAPackage("dev.safecase." + ORDER.get(i) + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(later)
                    .because(ORDER.get(i) + " comes before " + String.join(", ", ORDER.subList(i + 1, ORDER.size()))
                            + " in the pipeline")
                    .check(classes);
        }
    }

    @Test
    void z3StaysInProve() {
        noClasses().that().resideOutsideOfPackage("dev.safecase.prove..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft.z3..")
                .because("the solver is swappable behind prove/")
                .check(classes);
    }

    @Test
    void librariesStayBehindTheirPackage() {
        only("picocli..", "dev.safecase.cli..");
        only("org.apache.velocity..", "dev.safecase.report..");
        only("org.eclipse.lsp4j..", "dev.safecase.lsp..");
        only("org.snakeyaml..", "dev.safecase.interop..");
        only("org.apache.maven..", "dev.safecase.maven..");
        only("org.antlr..", "dev.safecase.syntax..", "dev.safecase.ast..", "dev.safecase.format..", "dev.safecase.bench..");
    }

    private static void only(String library, String... owners) {
        noClasses().that().resideOutsideOfPackages(owners)
                .should().dependOnClassesThat().resideInAPackage(library)
                .because(library + " is wrapped by " + String.join(", ", owners))
                .check(classes);
    }
}
