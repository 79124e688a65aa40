package dev.safecase.check;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves each define once, at its first use, and gives every later use the same term.
 *
 * <p>Checking a define's body inline, where it is first used, would take a few Java frames per
 * link of a chain {@code d1000 = d999 + 1, d999 = …}. Instead the body is checked by a loop: when
 * it names a define not resolved yet, its check stops, that define is resolved first, and the
 * body is checked again from the start. Findings and registrations are the same as inline (a
 * repeated finding is reported once), and no chain of defines deepens the stack.
 */
final class Defines {
    /**
     * A resolved define: its term (shared by every use), that term's type and depth, and the
     * quantities it names (each use registers them: the first registration may have been undone,
     * as when the define was first resolved while checking its module).
     */
    record Resolved(Term term, Type type, int depth, Set<String> quantities) {}

    /** Thrown where a body being checked by the loop names a define that is not resolved yet. */
    private static final class Unresolved extends RuntimeException {
        final Scope.DefineSym define;

        Unresolved(Scope.DefineSym define) {
            super(null, null, false, false);
            this.define = define;
        }
    }

    private final Formulas formulas;
    private final Diagnostics diags;
    /** Empty for a define whose body has an error (reported once, where it is). */
    private final Map<Scope.DefineSym, Optional<Resolved>> done = new IdentityHashMap<>();
    /** Defines whose bodies are being checked, outermost first: naming one of them again is a cycle. */
    private final List<Scope.DefineSym> open = new ArrayList<>();
    /** The nesting level of {@link Formulas} entries at which the loop checks a body, or -1. */
    private int bodyLevel = -1;

    Defines(Formulas formulas, Diagnostics diags) {
        this.formulas = formulas;
        this.diags = diags;
    }

    /** The define as used in a formula whose claim (if any) is {@code owner}. */
    Optional<Resolved> use(Scope.DefineSym d, Optional<String> owner) {
        if (done.containsKey(d)) return done.get(d);
        if (open.contains(d)) {
            List<String> cycle = new ArrayList<>(open.subList(open.indexOf(d), open.size()).stream()
                    .map(Scope.DefineSym::name).toList());
            cycle.add(d.name());
            diags.error(Code.SC305, d.decl().name().pos(), "define cycle: " + String.join(" -> ", cycle));
            return Optional.empty();
        }
        if (formulas.level() == bodyLevel) throw new Unresolved(d);
        return resolve(d, owner);
    }

    private Optional<Resolved> resolve(Scope.DefineSym first, Optional<String> owner) {
        int outer = bodyLevel;
        Deque<Scope.DefineSym> todo = new ArrayDeque<>();
        todo.push(first);
        open.add(first);
        while (!todo.isEmpty()) {
            Scope.DefineSym d = todo.peek();
            bodyLevel = formulas.level() + 1;
            try {
                Optional<Term> t = formulas.defineBody(d, owner);
                done.put(d, t.map(x -> new Resolved(Term.define(d.name(), x), x.type(), formulas.depth(x), formulas.variables(x))));
                todo.pop();
                open.remove(open.size() - 1);
            } catch (Unresolved u) {
                todo.push(u.define);
                open.add(u.define);
            } finally {
                bodyLevel = outer;
            }
        }
        return done.get(first);
    }
}
