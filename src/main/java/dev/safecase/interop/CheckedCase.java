package dev.safecase.interop;

import dev.safecase.ast.Decl;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.judge.Status;
import dev.safecase.model.Model;
import dev.safecase.pipeline.Verifier;
import dev.safecase.result.CaseResult;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.ModuleLookup;
import dev.safecase.source.Sources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked case as the exporters see it: the model (every node, pattern instances included),
 * each node's status, the case file's declarations and comments, and the project modules that an
 * import wrote (they carry a file-level interchange comment) and that an export writes back as
 * modules of their own. Other modules (the bundled library, the project's own libraries) stay
 * where they are: the nodes of theirs that the case uses are exported as generated elements.
 */
public final class CheckedCase {
    public final Model.Case model;
    public final CaseResult result;
    public final SourceFile caseFile;
    /** Modules written back as modules, by the file key; and the aliases under which the case file imports each. */
    public final Map<String, SourceFile> modules = new LinkedHashMap<>();
    public final Map<String, String> moduleOfAlias = new HashMap<>();
    private final Map<String, Status> status = new HashMap<>();
    private final Map<Position, Decl.Element> declared = new HashMap<>();
    private final Map<Position, String> declaredIn = new HashMap<>();

    private CheckedCase(Model.Case model, CaseResult result, SourceFile caseFile) {
        this.model = model;
        this.result = result;
        this.caseFile = caseFile;
    }

    /**
     * Reads the sources of a case that {@code outcome} checked without input errors.
     * {@code marker} and {@code fileKeys} say which comments are the format's (see {@link SourceFile}).
     */
    public static Optional<CheckedCase> of(Verifier verifier, Verifier.Outcome outcome, String marker, List<String> fileKeys,
                                           Diagnostics diags) {
        if (outcome.prepared().size() != 1 || outcome.run().cases().size() != 1) return Optional.empty();
        Verifier.Prepared p = outcome.prepared().values().iterator().next();
        Sources sources = verifier.sources();
        Sources.Loaded loaded = sources.load(p.model().path());
        Optional<SourceFile> cf = SourceFile.of(loaded.unit().orElseThrow(), loaded.text(), marker, fileKeys, diags);
        if (cf.isEmpty()) return Optional.empty();
        CheckedCase c = new CheckedCase(p.model(), outcome.run().cases().get(0), cf.get());
        c.statuses();
        c.index(cf.get(), "");
        ImportClosure closure = ImportClosure.load(sources, loaded);
        for (Decl d : loaded.unit().get().decls()) {
            if (!(d instanceof Decl.Import imp)) continue;
            if (!(closure.lookup(loaded.key(), imp) instanceof ModuleLookup.Found f)) continue;
            if (f.module().key().startsWith(Sources.BUNDLED_DISPLAY) || f.module().unit().isEmpty()) continue;
            Optional<SourceFile> mf = SourceFile.of(f.module().unit().get(), f.module().text(), marker, fileKeys, diags);
            if (mf.isEmpty()) return Optional.empty();
            if (mf.get().fileAttributes().keySet().stream().noneMatch(fileKeys::contains)) continue;
            c.modules.putIfAbsent(f.module().key(), mf.get());
            c.moduleOfAlias.put(imp.boundName(), f.module().key());
            c.index(mf.get(), f.module().key());
        }
        return Optional.of(c);
    }

    private void index(SourceFile f, String key) {
        for (Decl.Element e : f.elements()) {
            declared.put(e.pos(), e);
            declaredIn.put(e.pos(), key);
        }
    }

    private void statuses() {
        result.nodes().claims().forEach(r -> status.put(r.id(), r.status()));
        result.nodes().strategies().forEach(r -> status.put(r.id(), r.status()));
        result.nodes().evidence().forEach(r -> status.put(r.id(), r.status()));
        result.nodes().defeaters().forEach(r -> status.put(r.id(), r.status()));
    }

    /** The status of a node of the model (claims, strategies, evidence, defeaters have one). */
    public Optional<Status> status(String modelId) {
        return Optional.ofNullable(status.get(modelId));
    }

    /** The declaration of a model node in the case file, when it is declared there (not generated, not a module's). */
    public Optional<Decl.Element> declaredInCase(Model.Node n) {
        Decl.Element e = declared.get(n.pos());
        return e != null && n.origin().isEmpty() && "".equals(declaredIn.get(n.pos())) ? Optional.of(e) : Optional.empty();
    }

    /** The module (by file key) and declaration of a model node declared in a module that is written back. */
    public Optional<Map.Entry<String, Decl.Element>> declaredInModule(Model.Node n) {
        Decl.Element e = declared.get(n.pos());
        String key = declaredIn.get(n.pos());
        return e != null && n.origin().isEmpty() && key != null && !key.isEmpty() ? Optional.of(Map.entry(key, e)) : Optional.empty();
    }

    /** Whether a clause is a support list with {@code any of} or {@code M of}, which neither gsn2x nor SACM can hold. */
    public static boolean hasChoice(dev.safecase.ast.Clause cl) {
        return cl instanceof dev.safecase.ast.Clause.Support s && s.items().stream().anyMatch(i -> i instanceof dev.safecase.ast.Clause.Choice);
    }

    /** The completion in the case file that adds clauses to a generated node, if any. */
    public Optional<Decl.Element> completion(Model.Node n) {
        for (Decl.Element e : caseFile.elements()) {
            // an indexed completion ({@code claim cs2.reduced[collision] …}) completes one member's node
            String id = e.id().text() + e.index().filter(i -> i.enumName().isEmpty()).map(i -> "[" + i.var().id() + "]").orElse("");
            if (e.id().parts().size() > 1 && id.equals(n.id())) return Optional.of(e);
        }
        return Optional.empty();
    }

    /** Generated: from a pattern instance ({@code use P}) or from a module that is not written back ({@code import A}). */
    public static String generatedBy(Model.Node n) {
        List<String> parts = QualifiedNames.split(n.id());
        String prefix = String.join(".", parts.subList(0, Math.max(1, parts.size() - 1)));
        return (n.origin().isPresent() ? "use " : "import ") + prefix;
    }

    /** The case's own non-node declarations, as text, in order; imports of modules written back are left out. */
    public List<String> declarationsOf(SourceFile f) {
        List<String> out = new ArrayList<>();
        for (Decl d : f.unit().decls()) {
            if (d instanceof Decl.Element) continue;
            if (d instanceof Decl.Import imp && f == caseFile && moduleOfAlias.containsKey(imp.boundName())) continue;
            if (d instanceof Decl.Import imp && f != caseFile && importsWrittenBack(imp)) continue;
            out.add(f.piece(d).text());
        }
        return out;
    }

    private boolean importsWrittenBack(Decl.Import imp) {
        String last = imp.path().last();
        return modules.values().stream().anyMatch(m -> m.text().path() != null
                && m.text().path().getFileName().toString().equals(last + ".case"));
    }
}
