package dev.safecase.source;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case file and every module it imports, directly or not, each read and parsed once. The
 * checker binds names through it and never reads a file itself.
 *
 * @param root the project root, for messages ({@code rootShown}) and for evidence paths
 */
public record ImportClosure(Sources.Loaded caseFile, Map<Site, ModuleLookup> lookups, Path root, String rootShown) {
    /** One import as written: in which file, and the module path it names. */
    public record Site(String importerKey, List<String> path) {
        public Site {
            path = List.copyOf(path);
        }
    }

    public ImportClosure {
        lookups = Map.copyOf(lookups);
    }

    /**
     * Loads the closure with a work list, not by recursion, so a chain of thousands of imports
     * needs no deeper stack than one import. Imports in a file without a tree, or in a case
     * (which cannot be imported), are not followed: the checker stops there too.
     */
    public static ImportClosure load(Sources sources, Sources.Loaded caseFile) {
        Map<Site, ModuleLookup> lookups = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<Sources.Loaded> todo = new ArrayDeque<>();
        seen.add(caseFile.key());
        todo.add(caseFile);
        while (!todo.isEmpty()) {
            Sources.Loaded file = todo.poll();
            if (file.unit().isEmpty() || (file != caseFile && file.unit().get().isCase())) continue;
            SourceUnit unit = file.unit().get();
            for (Decl d : unit.decls()) {
                if (!(d instanceof Decl.Import imp)) continue;
                Site site = new Site(file.key(), imp.path().parts());
                if (lookups.containsKey(site)) continue;
                ModuleLookup found = sources.findModule(unit.path(), imp.path().parts());
                lookups.put(site, found);
                if (found instanceof ModuleLookup.Found f && seen.add(f.module().key())) todo.add(f.module());
            }
        }
        return new ImportClosure(caseFile, lookups, sources.root(), sources.display(sources.root()));
    }

    /** What {@code imp}, written in the file known as {@code importerKey}, names. */
    public ModuleLookup lookup(String importerKey, Decl.Import imp) {
        return lookups.getOrDefault(new Site(importerKey, imp.path().parts()), new ModuleLookup.Missing());
    }
}
