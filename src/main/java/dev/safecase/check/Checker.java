package dev.safecase.check;

import dev.safecase.stats.Deadline;
import java.util.function.Supplier;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.model.Model;
import dev.safecase.source.ImportClosure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one case, pass by pass: {@link Declarations} (with {@link Imports}), {@link Patterns},
 * {@link Completions}, {@link Nodes}, {@link Structure}. Each takes what the one before gave;
 * all report into one sink. Gives the checked model when there is no error.
 */
public final class Checker {
    private Checker() {
    }

    /** Checks the case of {@code input}, whose imports are already loaded; the model only if no error. */
    public static Optional<Model.Case> check(ImportClosure input, EvidencePathRule evidencePaths, Diagnostics diags) {
        return check(input, evidencePaths, diags, () -> Deadline.NONE);
    }

    /** As above; each built-in evaluated from constants may take {@code evaluationTimeoutMs} (--timeout-ms). */
    public static Optional<Model.Case> check(ImportClosure input, EvidencePathRule evidencePaths, Diagnostics diags,
                                             long evaluationTimeoutMs) {
        return check(input, evidencePaths, diags, () -> Deadline.after(evaluationTimeoutMs));
    }

    /** As above, with the deadline of each built-in evaluated from constants made by {@code deadlines}. */
    public static Optional<Model.Case> check(ImportClosure input, EvidencePathRule evidencePaths, Diagnostics diags,
                                              Supplier<Deadline> deadlines) {
        Diagnostics local = new Diagnostics();
        Optional<Model.Case> model = run(input, evidencePaths, local, deadlines);
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : model;
    }

    private static Optional<Model.Case> run(ImportClosure input, EvidencePathRule evidencePaths, Diagnostics diags,
                                            Supplier<Deadline> deadlines) {
        SourceUnit unit = input.caseFile().unit().orElseThrow();
        SourceUnit.CaseHeader header = unit.header().orElseThrow();
        Declarations.notBuiltin(header.name(), header.namePos(), diags);
        Texts texts = new Texts(diags);
        Formulas formulas = new Formulas(diags, texts, deadlines);
        Nodes moduleNodes = new Nodes(formulas, texts, evidencePaths, Optional.empty(), diags, Nodes.Index.none());
        Imports imports = new Imports(input, formulas, moduleNodes, diags);

        Declarations.Declared declared = new Declarations(input, imports, diags).run();
        Patterns.Instantiated instances = new Patterns(declared, formulas, formulas.indexed(), diags).run();
        formulas.excluded(instances.excluded());
        var completions = new Completions(declared.caseScope(), instances.byId(), declared.moduleNodes(), formulas.indexed(), diags)
                .run(declared.completions());
        formulas.quantities().registerDeclared(declared.caseScope());
        Nodes nodes = new Nodes(formulas, texts, evidencePaths, Optional.ofNullable(unit.path()), diags,
                new Nodes.Index(declared.caseScope(), instances.byId(), declared.moduleNodes(), completions,
                        instances.excluded()));
        List<Model.Node> resolved = nodes.resolveAll(instances.order());

        // Cycles and strategy parents are checked even after other errors, so one run reports them all.
        boolean partial = diags.hasErrors();
        Map<String, String> modules = new LinkedHashMap<>();
        for (Model.Node n : resolved) {
            DeclaredNode d = declared.moduleNodes().get(n.id());
            if (d != null) modules.put(n.id(), d.scope().prefix().substring(0, d.scope().prefix().length() - 1));
        }
        Model.Case model = new Model.Case(header.name(), unit.displayPath(), unit.path(), header.pos(),
                header.text().value(), formulas.quantities().all(), resolved, modules);
        new Structure(model, diags, formulas.claimsNamed(), partial).check();
        return partial ? Optional.empty() : Optional.of(model);
    }
}
