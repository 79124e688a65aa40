package dev.safecase.check;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.formula.Type;
import dev.safecase.model.Model;
import dev.safecase.source.ImportClosure;
import dev.safecase.stats.Builtin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first pass: declares every name of a case and, through its imports, of each module copy,
 * in source order. An import's module is declared (and checked) where the import stands, before
 * the importing file goes on; files wait on a stack, so a chain of imports is a loop, not a
 * recursion.
 */
final class Declarations {
    /** What the pass gives the next ones. */
    record Declared(Scope caseScope, List<Slot> slots, Map<String, DeclaredNode> caseNodes,
                    Map<String, DeclaredNode> moduleNodes, List<Decl.Element> completions) {}

    /** A file being declared, and how far into it. */
    private static final class Frame {
        final SourceUnit unit;
        final String key;
        final String shown;
        final Scope scope;
        final boolean isCase;
        final Optional<Imports.Pending> pending;
        int next;

        Frame(SourceUnit unit, String key, String shown, Scope scope, boolean isCase, Optional<Imports.Pending> pending) {
            this.unit = unit;
            this.key = key;
            this.shown = shown;
            this.scope = scope;
            this.isCase = isCase;
            this.pending = pending;
        }
    }

    /** The files waiting to be declared are exactly the chain of imports to the innermost one. */
    private static final class Files implements Imports.Chain {
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final Map<String, Integer> keys = new HashMap<>();

        void push(Frame f) {
            stack.push(f);
            keys.merge(f.key, 1, Integer::sum);
        }

        Frame pop() {
            Frame f = stack.pop();
            keys.computeIfPresent(f.key, (k, n) -> n == 1 ? null : n - 1);
            return f;
        }

        @Override
        public boolean contains(String key) {
            return keys.containsKey(key);
        }

        @Override
        public List<String> shownFrom(String key) {
            List<String> out = new ArrayList<>();
            for (var it = stack.descendingIterator(); it.hasNext(); ) {
                Frame f = it.next();
                if (!out.isEmpty() || f.key.equals(key)) out.add(f.shown);
            }
            return out;
        }
    }

    private final ImportClosure closure;
    private final Imports imports;
    private final Diagnostics diags;
    private final Scope caseScope = Scope.ofCase();
    private final List<Slot> slots = new ArrayList<>();
    private final Map<String, DeclaredNode> caseNodes = new LinkedHashMap<>();
    private final Map<String, DeclaredNode> moduleNodes = new LinkedHashMap<>();
    private final List<Decl.Element> completions = new ArrayList<>();

    Declarations(ImportClosure closure, Imports imports, Diagnostics diags) {
        this.closure = closure;
        this.imports = imports;
        this.diags = diags;
    }

    Declared run() {
        SourceUnit unit = closure.caseFile().unit().orElseThrow();
        String key = closure.caseFile().key();
        Files files = new Files();
        files.push(new Frame(unit, key, unit.displayPath(), caseScope, true, Optional.empty()));
        while (!files.stack.isEmpty()) {
            Frame f = files.stack.peek();
            if (f.next == f.unit.decls().size()) {
                files.pop();
                f.pending.ifPresent(p -> imports.finish(p, moduleNodes));
                continue;
            }
            Decl d = f.unit.decls().get(f.next++);
            Optional<Decl.Modifier> modifier = f.unit.modifier(d);
            if (modifier.isPresent() && (f.isCase || d instanceof Decl.Import || d instanceof Decl.Use)) {
                diags.error(Code.SC212, modifier.get().pos(), "`" + modifier.get().visibility().keyword + "` says what a module "
                        + "shows to the files that import it; it "
                        + (f.isCase ? "means nothing in a case, which is never imported" : "cannot stand before an import"));
            }
            if (d instanceof Decl.Pattern pattern) {
                for (Decl inner : pattern.body()) {
                    f.unit.modifier(inner).ifPresent(m -> diags.error(Code.SC212, m.pos(), "`" + m.visibility().keyword
                            + "` says what a module shows to the files that import it; it cannot stand inside a pattern "
                            + "(mark the pattern itself)"));
                }
            }
            if (d instanceof Decl.Import imp) {
                imports.open(imp, f.key, f.scope, files).ifPresent(o ->
                        files.push(new Frame(o.module(), o.key(), o.shown(), o.scope(), false, Optional.of(o.pending()))));
            } else {
                declare(d, f.scope, f.isCase);
                if (!f.isCase) hideIfPrivate(d, modifier, f.scope);
            }
        }
        return new Declared(caseScope, List.copyOf(slots), caseNodes, moduleNodes, List.copyOf(completions));
    }

    private void declare(Decl d, Scope scope, boolean isCase) {
        if (d instanceof Decl.EnumDecl e) {
            declareEnum(e, scope);
        } else if (d instanceof Decl.Quantity q) {
            declare(scope, q.name().id(), q.name().pos(), new Scope.QuantitySym(q.pos(), scope.prefix() + q.name().id(), q, scope), diags);
        } else if (d instanceof Decl.Define def) {
            declare(scope, def.name().id(), def.name().pos(),
                    new Scope.DefineSym(def.pos(), scope.prefix() + def.name().id(), def, scope), diags);
        } else if (d instanceof Decl.Pattern p) {
            declare(scope, p.name().id(), p.name().pos(), new Scope.PatternSym(p.pos(), p, scope), diags);
        } else if (d instanceof Decl.Element el) {
            declareElement(el, scope, isCase);
        } else if (d instanceof Decl.Use u && !isCase) {
            diags.error(Code.SC210, u.pos(), "a module may not hold `use`; instantiate patterns in a case");
        } else if (d instanceof Decl.Use u) {
            Scope.PrefixSym prefix = new Scope.PrefixSym(u.pos(), Scope.ofInstance(Optional.empty(), u.prefix().id() + "."));
            boolean fresh = declare(scope, u.prefix().id(), u.prefix().pos(), prefix, diags);
            slots.add(new Slot.OfUse(u, fresh ? Optional.of(prefix) : Optional.empty()));
        }
    }

    /**
     * A module's claims, strategies, evidence and defeaters are private unless marked
     * {@code public}; its other declarations are visible unless marked {@code private}.
     */
    private static void hideIfPrivate(Decl d, Optional<Decl.Modifier> modifier, Scope scope) {
        boolean argumentNode = d instanceof Decl.Element el && !el.id().isQualified() && !isSideKind(el.kind());
        Decl.Visibility v = modifier.map(Decl.Modifier::visibility)
                .orElse(argumentNode ? Decl.Visibility.PRIVATE : Decl.Visibility.PUBLIC);
        if (v == Decl.Visibility.PUBLIC) return;
        Optional<String> name = Optional.empty();
        if (d instanceof Decl.EnumDecl e) name = Optional.of(e.name().id());
        else if (d instanceof Decl.Quantity q) name = Optional.of(q.name().id());
        else if (d instanceof Decl.Define def) name = Optional.of(def.name().id());
        else if (d instanceof Decl.Pattern p) name = Optional.of(p.name().id());
        else if (d instanceof Decl.Element el && !el.id().isQualified()) name = Optional.of(el.id().first());
        name.ifPresent(scope::hide);
    }

    private void declareEnum(Decl.EnumDecl e, Scope scope) {
        Set<String> seen = new LinkedHashSet<>();
        for (Decl.Ident m : e.members()) {
            if (!seen.add(m.id())) diags.error(Code.SC202, m.pos(), "enum " + e.name().id() + " lists '" + m.id() + "' twice");
        }
        String visible = scope.prefix() + e.name().id();
        declare(scope, e.name().id(), e.name().pos(), new Scope.EnumSym(e.pos(), new Type.EnumType(visible, List.copyOf(seen))), diags);
    }

    private void declareElement(Decl.Element el, Scope scope, boolean isCase) {
        if (el.id().isQualified()) {
            if (isCase) completions.add(el);
            else diags.error(Code.SC210, el.pos(), "a completion (" + el.id().text() + ") belongs in the case that has the `use`");
            return;
        }
        String id = el.id().first();
        Model.Kind kind = Model.Kind.valueOf(el.kind().name());
        el.clauses().stream().filter(c -> c instanceof Clause.When).findFirst().ifPresent(c -> diags.error(Code.SC331,
                c.pos(), "`when` makes a node of a pattern optional; outside a pattern a node is simply written or left out"));
        if (el.index().isPresent()) {
            declareIndexed(el, scope, isCase, id, kind);
            return;
        }
        if (!declare(scope, id, el.id().pos(), new Scope.NodeSym(el.pos(), scope.prefix() + id, kind), diags)) return;
        DeclaredNode node = new DeclaredNode(el, scope, scope.prefix() + id, el.pos(), Optional.empty(), Map.of());
        if (isCase) {
            slots.add(new Slot.OfNode(node));
            caseNodes.put(node.id(), node);
        } else {
            moduleNodes.put(node.id(), node);
        }
    }

    private void declareIndexed(Decl.Element el, Scope scope, boolean isCase, String id, Model.Kind kind) {
        Decl.IndexDecl ix = el.index().get();
        if (ix.enumName().isEmpty()) {
            diags.error(Code.SC411, ix.pos(), "[" + ix.var().id() + "] names one member of an indexed node, in a completion "
                    + "(claim P.x[member] …); declare an indexed node with [var in Enum]");
            return;
        }
        if (!isCase) {
            diags.error(Code.SC210, el.pos(), "an indexed node belongs in a case or a pattern, not in a module");
            return;
        }
        Scope.IndexedNodeSym sym = new Scope.IndexedNodeSym(el.pos(), scope.prefix() + id, kind, ix.enumName().get(), scope);
        if (declare(scope, id, el.id().pos(), sym, diags)) slots.add(new Slot.OfIndexed(el, scope, sym));
    }

    /** Assumptions, contexts and justifications: the nodes a claim or strategy names beside its support. */
    private static boolean isSideKind(Decl.ElementKind k) {
        return k == Decl.ElementKind.ASSUMPTION || k == Decl.ElementKind.CONTEXT || k == Decl.ElementKind.JUSTIFICATION;
    }

    /** Declares a name; reports a duplicate (at this, the later, declaration) or a built-in name. */
    static boolean declare(Scope scope, String name, Position pos, Scope.Symbol sym, Diagnostics diags) {
        if (!notBuiltin(name, pos, diags)) return false;
        Optional<Scope.Symbol> old = scope.declare(name, sym);
        if (old.isPresent()) {
            diags.error(Code.SC202, pos, "'" + name + "' is already declared at " + old.get().pos()
                    + " (one namespace holds nodes, quantities, defines, enums, patterns, imports and use prefixes)");
            return false;
        }
        return true;
    }

    static boolean notBuiltin(String name, Position pos, Diagnostics diags) {
        if (Builtin.isReserved(name)) {
            diags.error(Code.SC203, pos, "'" + name + "' is a built-in function and cannot be declared");
            return false;
        }
        return true;
    }
}
