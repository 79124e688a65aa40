package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.source.Sources;
import dev.safecase.stats.Builtin;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Go to definition, find references and rename, over the name indexes: across imports (a
 * module's declaration and every {@code alias.x} that reaches it) and pattern instances (a
 * pattern's declaration {@code x}, its uses in the body, and every {@code P.x}).
 */
final class Navigation {
    private Navigation() {
    }

    /** A rename the server refuses, with the reason the client shows. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static Optional<Location> definition(Project project, Analysis a, Indexes indexes, int offset) {
        return indexes.file(a.doc().path()).flatMap(ix -> ix.useAt(offset))
                .flatMap(u -> indexes.definition(u.symbol()))
                .map(t -> location(project, t.index(), t.def().start(), t.def().end()));
    }

    static List<Location> references(Project project, Analysis a, Indexes workspace, int offset, boolean withDeclaration) {
        Optional<Symbol.Use> use = workspace.file(a.doc().path()).flatMap(ix -> ix.useAt(offset));
        if (use.isEmpty()) return List.of();
        List<Location> out = new ArrayList<>();
        for (Indexes.Located l : workspace.occurrences(use.get().symbol())) {
            if (l.use().declaration() && !withDeclaration) continue;
            out.add(location(project, l.file(), l.use().start(), l.use().end()));
        }
        return out;
    }

    private static Location location(Project project, FileIndex f, int start, int end) {
        return new Location(project.uriFor(f.key), f.lines().range(start, end));
    }

    /** The range of the name under the cursor, when it can be renamed. */
    static Range prepare(Analysis a, Indexes workspace, int offset) {
        FileIndex ix = workspace.file(a.doc().path()).orElseThrow(() -> new Refused("the file does not parse; fix it first"));
        Symbol.Use u = ix.useAt(offset).orElseThrow(() -> new Refused("no declared name here"));
        renamable(workspace, u);
        return ix.lines().range(u.start(), u.end());
    }

    static WorkspaceEdit rename(Project project, Analysis a, Indexes workspace, int offset, String newName) {
        FileIndex ix = workspace.file(a.doc().path()).orElseThrow(() -> new Refused("the file does not parse; fix it first"));
        Symbol.Use u = ix.useAt(offset).orElseThrow(() -> new Refused("no declared name here"));
        renamable(workspace, u);
        if (!newName.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new Refused("'" + newName + "' is not a name: letters, digits and _");
        if (Lexemes.keywords().contains(newName)) throw new Refused("'" + newName + "' is a keyword");
        if (Builtin.isReserved(newName)) throw new Refused("'" + newName + "' is a built-in function");
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        Map<String, FileIndex> files = new HashMap<>();
        for (Indexes.Located l : workspace.occurrences(u.symbol())) {
            if (l.file().key.startsWith(Sources.BUNDLED_DISPLAY)) {
                throw new Refused("'" + u.symbol().name() + "' is declared or used in the bundled library, which cannot be edited");
            }
            String uri = project.uriFor(l.file().key);
            files.put(uri, l.file());
            changes.computeIfAbsent(uri, k -> new ArrayList<>())
                    .add(new TextEdit(l.file().lines().range(l.use().start(), l.use().end()), newName));
        }
        for (Map.Entry<String, List<TextEdit>> e : changes.entrySet()) {
            // a symbol named twice at one place (a declaration that is also a use) is edited once
            List<TextEdit> distinct = new ArrayList<>();
            for (TextEdit t : e.getValue()) if (distinct.stream().noneMatch(x -> x.getRange().equals(t.getRange()))) distinct.add(t);
            e.setValue(distinct);
        }
        return new WorkspaceEdit(changes);
    }

    private static void renamable(Indexes workspace, Symbol.Use u) {
        Optional<FileIndex.Target> t = workspace.definition(u.symbol());
        if (t.isEmpty()) throw new Refused("'" + u.written() + "' is not declared in the workspace");
        Symbol.Def d = t.get().def();
        if (d.kind() == Symbol.Kind.MODULE) throw new Refused("a module is renamed by renaming its file");
        if (d.kind() == Symbol.Kind.IMPORT && ((Decl.Import) d.decl()).alias().isEmpty()) {
            throw new Refused("this import has no alias of its own (it is the module's file name); add `as NAME` to rename it");
        }
        if (t.get().index().key.startsWith(Sources.BUNDLED_DISPLAY)) {
            throw new Refused("'" + u.symbol().name() + "' is declared in the bundled library, which cannot be edited");
        }
    }
}
