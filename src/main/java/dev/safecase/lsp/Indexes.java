package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.ModuleLookup;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Lexemes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The name indexes of a set of files and of every module they import, each file read once
 * (open buffers first) and parsed by the pipeline's {@link Sources}. Files that do not parse
 * have no index.
 */
final class Indexes {
    private final Map<String, FileIndex> byKey = new LinkedHashMap<>();
    private final Map<ImportClosure.Site, String> imports = new HashMap<>();

    private Indexes() {
    }

    /** No files. */
    static Indexes none() {
        return new Indexes();
    }

    /** A document and the modules it imports. */
    static Indexes of(Project project, Path file) {
        return of(project, List.of(file));
    }

    /** Every .case file of the workspace and the modules they import. */
    static Indexes workspace(Project project) {
        return of(project, project.workspaceFiles());
    }

    static Indexes of(Project project, List<Path> files) {
        Indexes out = new Indexes();
        Map<Path, Sources> byRoot = new HashMap<>();
        for (Path f : files) {
            Sources sources = byRoot.computeIfAbsent(project.optionsFor(f).root(), r -> project.sources(f));
            try {
                out.add(sources, sources.load(f));
            } catch (RuntimeException e) {
                Log.error("cannot index " + f, e);
            }
        }
        return out.resolved();
    }

    /** Files already read by a run, and the modules they import, read through the same sources. */
    static Indexes of(Sources sources, List<Sources.Loaded> files) {
        Indexes out = new Indexes();
        for (Sources.Loaded f : files) out.add(sources, f);
        return out.resolved();
    }

    private Indexes resolved() {
        for (FileIndex ix : List.copyOf(byKey.values())) ix.resolve(this::module);
        return this;
    }

    private void add(Sources sources, Sources.Loaded file) {
        ImportClosure closure = ImportClosure.load(sources, file);
        index(file);
        closure.lookups().forEach((site, found) -> {
            if (found instanceof ModuleLookup.Found f) {
                imports.put(site, f.module().key());
                index(f.module());
            }
        });
    }

    private void index(Sources.Loaded l) {
        if (l.unit().isEmpty() || byKey.containsKey(l.key())) return;
        byKey.put(l.key(), new FileIndex(l.key(), l.unit().get(), l.text().text(), Lexemes.of(l.text())));
    }

    /** The index of the module that {@code imp}, written in {@code importer}, names. */
    Optional<FileIndex> module(FileIndex importer, Decl.Import imp) {
        String key = imports.get(new ImportClosure.Site(importer.key, imp.path().parts()));
        return key == null ? Optional.empty() : Optional.ofNullable(byKey.get(key));
    }

    Optional<FileIndex> file(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<FileIndex> file(Path path) {
        return file(Project.key(path));
    }

    List<FileIndex> files() {
        return new ArrayList<>(byKey.values());
    }

    /** The declaration of a symbol, with the file it is in. */
    Optional<FileIndex.Target> definition(Symbol s) {
        FileIndex f = byKey.get(s.file());
        if (f == null) return Optional.empty();
        if (s.name().isEmpty()) return Optional.of(new FileIndex.Target(f, f.moduleDef()));
        Symbol.Def d = f.defs().get(s);
        return d == null ? Optional.empty() : Optional.of(new FileIndex.Target(f, d));
    }

    /** Every place, in every indexed file, where a symbol is declared or used. */
    List<Located> occurrences(Symbol s) {
        List<Located> out = new ArrayList<>();
        for (FileIndex f : byKey.values()) {
            for (Symbol.Use u : f.uses()) if (u.symbol().equals(s)) out.add(new Located(f, u));
        }
        return out;
    }

    record Located(FileIndex file, Symbol.Use use) {}
}
