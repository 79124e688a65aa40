package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.ModuleLookup;
import dev.safecase.source.Sources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds each {@code import} to its module: finds it in the import closure, refuses what cannot
 * be imported (missing, a case, broken, a cycle), and, once the module's own declarations are
 * made, checks the whole module so that a mistake anywhere in it fails the import. A module is
 * declared once per case: every import of it, under any alias and through any path, binds the
 * same declarations, named by {@link ModulePrefixes}.
 */
final class Imports {
    /** The files on the chain of imports that led to an import, outermost (the case) first. */
    interface Chain {
        boolean contains(String key);

        /** How the files from {@code key} on are shown, for the message of an import cycle. */
        List<String> shownFrom(String key);
    }

    /** A module to declare: its file (and how it is shown), its scope, and the import it answers. */
    record Opened(SourceUnit module, String key, String shown, Scope scope, Pending pending) {}

    /** What to do once a module is declared: check it, and bind its alias where it was imported. */
    record Pending(Decl.Import site, String key, String dotted, String shown, Scope importer, Scope module,
                   int errorsBefore) {}

    private final ImportClosure closure;
    private final Diagnostics diags;
    private final Formulas formulas;
    private final Nodes moduleNodes;
    private final ModulePrefixes prefixes;
    /** Each module's scope by file: importing the same file again, under any alias, binds the same declarations. */
    private final Map<String, Scope> modules = new HashMap<>();
    /** Modules whose check failed: every import of one fails (SC209). */
    private final Set<String> failed = new HashSet<>();

    Imports(ImportClosure closure, Formulas formulas, Nodes moduleNodes, Diagnostics diags) {
        this.closure = closure;
        this.formulas = formulas;
        this.moduleNodes = moduleNodes;
        this.diags = diags;
        this.prefixes = new ModulePrefixes(closure);
    }

    /** A module to declare next, or empty when the import failed or names a module already declared. */
    Optional<Opened> open(Decl.Import imp, String importerKey, Scope scope, Chain chain) {
        String dotted = imp.path().text();
        ModuleLookup lookup = closure.lookup(importerKey, imp);
        if (!(lookup instanceof ModuleLookup.Found found)) {
            diags.error(Code.SC207, imp.path().pos(), "cannot find module " + dotted + " (looked for "
                    + String.join("/", imp.path().parts()) + ".case next to this file, under the project root "
                    + closure.rootShown() + " and in the bundled library)");
            return Optional.empty();
        }
        Sources.Loaded loaded = found.module();
        String shown = loaded.text().display();
        if (found.shadowsBundled()) {
            diags.warning(Code.SC211, imp.path().pos(), "module " + dotted + " is found at " + shown
                    + " and hides the bundled module of the same name");
        }
        if (chain.contains(loaded.key())) {
            List<String> cycle = new ArrayList<>(chain.shownFrom(loaded.key()));
            cycle.add(shown);
            diags.error(Code.SC208, imp.pos(), "import cycle: " + String.join(" -> ", cycle));
            return Optional.empty();
        }
        diags.addAll(loaded.diagnostics());
        if (loaded.unit().isEmpty() || loaded.hasErrors()) {
            diags.error(Code.SC209, imp.pos(), "module " + dotted + " has errors (reported at " + shown + ")");
            return Optional.empty();
        }
        SourceUnit module = loaded.unit().get();
        if (module.isCase()) {
            diags.error(Code.SC210, imp.pos(), dotted + " is a case, not a module; only modules can be imported");
            return Optional.empty();
        }
        Scope known = modules.get(loaded.key());
        if (known != null) {
            if (failed.contains(loaded.key())) {
                diags.error(Code.SC209, imp.pos(), "module " + dotted + " has errors (reported at " + shown + ")");
            }
            Declarations.declare(scope, imp.boundName(), imp.pos(), new Scope.ModuleSym(imp.pos(), known), diags);
            return Optional.empty();
        }
        Scope moduleScope = Scope.ofModule(prefixes.of(loaded.key(), scope.prefix() + imp.boundName() + "."),
                Optional.ofNullable(module.path()), dotted + " (" + shown + ")");
        modules.put(loaded.key(), moduleScope);
        Pending pending = new Pending(imp, loaded.key(), dotted, shown, scope, moduleScope, diags.distinctErrors());
        return Optional.of(new Opened(module, loaded.key(), shown, moduleScope, pending));
    }

    /** After a module's declarations: checks it whole, then binds the alias. */
    void finish(Pending p, Map<String, DeclaredNode> declaredModuleNodes) {
        validate(p.module(), declaredModuleNodes);
        if (diags.distinctErrors() > p.errorsBefore()) {
            failed.add(p.key());
            diags.error(Code.SC209, p.site().pos(), "module " + p.dotted() + " has errors (reported at " + p.shown() + ")");
        }
        Declarations.declare(p.importer(), p.site().boundName(), p.site().pos(),
                new Scope.ModuleSym(p.site().pos(), p.module()), diags);
    }

    /**
     * Checks every quantity, define and node of a module, used or not. What it registers is
     * dropped again: only what the case uses joins it.
     */
    private void validate(Scope scope, Map<String, DeclaredNode> declaredModuleNodes) {
        Quantities.Snapshot kept = formulas.quantities().snapshot();
        List<dev.safecase.model.Model.Node> argument = new ArrayList<>();
        int errorsBefore = diags.distinctErrors();
        for (Scope.Symbol sym : List.copyOf(scope.locals().values())) {
            if (sym instanceof Scope.QuantitySym q) {
                formulas.quantities().registerAll(q);
            } else if (sym instanceof Scope.DefineSym d) {
                formulas.checkDefine(d);
            } else if (sym instanceof Scope.NodeSym n && declaredModuleNodes.containsKey(n.id())) {
                moduleNodes.resolve(declaredModuleNodes.get(n.id())).ifPresent(argument::add);
            }
        }
        // the module's own argument must have a sound shape, whether or not a case uses all of it
        Structure.checkModule(argument, diags, formulas.claimsNamed(), diags.distinctErrors() > errorsBefore);
        formulas.quantities().restore(kept);
    }
}
