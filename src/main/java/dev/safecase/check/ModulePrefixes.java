package dev.safecase.check;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.source.ImportClosure;
import dev.safecase.source.ModuleLookup;
import dev.safecase.source.Sources;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one name of each module of a case. A module is declared once per case, however many
 * imports reach it and under whatever aliases; its declarations are named in the case by the
 * shortest chain of aliases that reaches it from the case (the earliest import in source order
 * among chains of the same length): with {@code import m} and {@code import a} in the case and
 * {@code import m} in {@code a}, the module's quantity is {@code m.risk}, also when reached as
 * {@code a.m.risk}. A breadth-first walk, so a long chain of imports needs no deep stack.
 */
final class ModulePrefixes {
    private final Map<String, String> prefixes = new HashMap<>();

    ModulePrefixes(ImportClosure closure) {
        Deque<Map.Entry<Sources.Loaded, String>> todo = new ArrayDeque<>();
        todo.add(Map.entry(closure.caseFile(), ""));
        prefixes.put(closure.caseFile().key(), "");
        while (!todo.isEmpty()) {
            Map.Entry<Sources.Loaded, String> next = todo.poll();
            Optional<SourceUnit> unit = next.getKey().unit();
            if (unit.isEmpty() || (next.getKey() != closure.caseFile() && unit.get().isCase())) continue;
            for (Decl d : unit.get().decls()) {
                if (!(d instanceof Decl.Import imp)) continue;
                if (!(closure.lookup(next.getKey().key(), imp) instanceof ModuleLookup.Found f)) continue;
                String prefix = next.getValue() + imp.boundName() + ".";
                if (prefixes.putIfAbsent(f.module().key(), prefix) == null) todo.add(Map.entry(f.module(), prefix));
            }
        }
    }

    /** The prefix of the module file known as {@code key}, or {@code fallback} for one the walk did not reach. */
    String of(String key, String fallback) {
        return prefixes.getOrDefault(key, fallback);
    }
}
