package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.source.Sources;
import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.Name;
import dev.safecase.formula.Rational;
import dev.safecase.ast.SourceUnit;
import dev.safecase.ast.Text;
import dev.safecase.stats.Builtin;
import dev.safecase.stats.Deadline;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds one case: loads its imports, declares every name, instantiates patterns, applies
 * completions, resolves clauses and formulas, and checks the argument's structure. Gives the
 * checked model when there is no error.
 */
public final class Checker implements Formulas.Symbols {

    /** Checks one parsed case file. Diagnostics go to {@code diags}; the model only if no error. */
    public static Optional<Model.Case> check(SourceUnit unit, Sources sources, Diagnostics diags) {
        return check(unit, sources, diags, () -> Deadline.NONE);
    }

    /** As above; each built-in evaluated from constants may take {@code evaluationTimeoutMs} (--timeout-ms). */
    public static Optional<Model.Case> check(SourceUnit unit, Sources sources, Diagnostics diags, long evaluationTimeoutMs) {
        return check(unit, sources, diags, () -> Deadline.after(evaluationTimeoutMs));
    }

    private static Optional<Model.Case> check(SourceUnit unit, Sources sources, Diagnostics diags, Supplier<Deadline> deadlines) {
        Diagnostics local = new Diagnostics();
        Checker c = new Checker(unit, sources, local, deadlines);
        Optional<Model.Case> model = c.run();
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : model;
    }

    /** One declared node before resolution: where it was written and in which scope it resolves. */
    private static final class Raw {
        final Decl.Element el;
        final Scope scope;
        final String id;
        final Position pos;
        final Optional<String> origin;
        final Map<String, String> interp;
        Decl.Element completion;

        Raw(Decl.Element el, Scope scope, String id, Position pos, Optional<String> origin, Map<String, String> interp) {
            this.el = el;
            this.scope = scope;
            this.id = id;
            this.pos = pos;
            this.origin = origin;
            this.interp = interp;
        }
    }

    private static final Map<Decl.ElementKind, Set<Clause.Kind>> ALLOWED = new EnumMap<>(Decl.ElementKind.class);

    static {
        Set<Clause.Kind> node = EnumSet.of(Clause.Kind.CONTEXT, Clause.Kind.ASSUMING, Clause.Kind.JUSTIFIED_BY,
                Clause.Kind.SUPPORTED_BY, Clause.Kind.UNDEVELOPED, Clause.Kind.ASSERTED, Clause.Kind.OWNER);
        ALLOWED.put(Decl.ElementKind.CLAIM, node);
        ALLOWED.put(Decl.ElementKind.STRATEGY, node);
        ALLOWED.put(Decl.ElementKind.EVIDENCE, EnumSet.of(Clause.Kind.FILE, Clause.Kind.SHA256, Clause.Kind.EXPIRES,
                Clause.Kind.GIVES));
        ALLOWED.put(Decl.ElementKind.DEFEATER, EnumSet.of(Clause.Kind.REBUTS, Clause.Kind.UNDERCUTS,
                Clause.Kind.UNDERMINES, Clause.Kind.ELIMINATED_BY, Clause.Kind.ACCEPTED, Clause.Kind.OWNER));
        ALLOWED.put(Decl.ElementKind.ASSUMPTION, EnumSet.noneOf(Clause.Kind.class));
        ALLOWED.put(Decl.ElementKind.CONTEXT, EnumSet.noneOf(Clause.Kind.class));
        ALLOWED.put(Decl.ElementKind.JUSTIFICATION, EnumSet.noneOf(Clause.Kind.class));
    }

    private static final Map<Decl.ElementKind, Set<Clause.Kind>> COMPLETABLE = new EnumMap<>(Decl.ElementKind.class);

    static {
        COMPLETABLE.put(Decl.ElementKind.CLAIM, EnumSet.of(Clause.Kind.SUPPORTED_BY, Clause.Kind.ASSUMING,
                Clause.Kind.CONTEXT, Clause.Kind.JUSTIFIED_BY, Clause.Kind.OWNER));
        COMPLETABLE.put(Decl.ElementKind.STRATEGY, EnumSet.of(Clause.Kind.SUPPORTED_BY));
        COMPLETABLE.put(Decl.ElementKind.DEFEATER, EnumSet.of(Clause.Kind.ELIMINATED_BY, Clause.Kind.ACCEPTED));
    }

    private final SourceUnit unit;
    private final Sources sources;
    private final Diagnostics diags;
    private final Formulas formulas;
    private final Scope caseScope;
    /** Node declarations in source order; instance nodes stand where their {@code use} is. */
    private final List<Object> slots = new ArrayList<>();
    private final Map<String, Raw> byId = new LinkedHashMap<>();
    private final Map<String, Raw> moduleNodes = new HashMap<>();
    private final Set<String> usedModuleNodes = new LinkedHashSet<>();
    private final List<Decl.Element> completions = new ArrayList<>();
    private final Map<String, Model.Quantity> quantities = new LinkedHashMap<>();
    private final Map<Scope.QuantitySym, Optional<Type>> quantityTypes = new java.util.IdentityHashMap<>();
    private final Map<Scope.DefineSym, Optional<Term>> defines = new java.util.IdentityHashMap<>();
    private final List<Scope.DefineSym> resolving = new ArrayList<>();
    private final Map<String, Scope> modules = new HashMap<>();
    private final Map<String, Set<String>> claimFormulaRefs = new LinkedHashMap<>();
    private String formulaOwner;

    private Checker(SourceUnit unit, Sources sources, Diagnostics diags, Supplier<Deadline> deadlines) {
        this.unit = unit;
        this.sources = sources;
        this.diags = diags;
        this.formulas = new Formulas(diags, this, deadlines);
        this.caseScope = new Scope(null, "", "case");
    }

    private Optional<Model.Case> run() {
        SourceUnit.CaseHeader header = unit.header().orElseThrow();
        checkNotBuiltin(header.name(), header.namePos());
        declareFile(unit, caseScope, true, List.of(unit.path() == null ? unit.displayPath() : key(unit.path())));
        for (Object slot : slots) {
            if (slot instanceof Decl.Use use) instantiate(use);
        }
        for (Decl.Element c : completions) complete(c);
        registerDeclaredQuantities(caseScope);
        List<Model.Node> nodes = new ArrayList<>();
        for (Raw raw : orderedRaws()) resolve(raw).ifPresent(nodes::add);
        for (String id : usedModuleNodes) resolve(moduleNodes.get(id)).ifPresent(nodes::add);
        // Cycles and strategy parents are checked even after other errors, so one run reports them all.
        boolean partial = diags.hasErrors();
        Model.Case model = new Model.Case(header.name(), unit.displayPath(), unit.path(), header.pos(),
                header.text().value(), quantities.values().stream().filter(java.util.Objects::nonNull).toList(), nodes);
        new Structure(model, diags, claimFormulaRefs, partial).check();
        return partial ? Optional.empty() : Optional.of(model);
    }

    private static String key(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    private List<Raw> orderedRaws() {
        List<Raw> out = new ArrayList<>();
        for (Object slot : slots) {
            if (slot instanceof Raw r) out.add(r);
            else if (slot instanceof List<?> list) list.forEach(x -> out.add((Raw) x));
        }
        return out;
    }

    // ------------------------------------------------------------ declarations

    private void declareFile(SourceUnit file, Scope scope, boolean isCase, List<String> chain) {
        for (Decl d : file.decls()) {
            if (d instanceof Decl.Import imp) {
                importModule(imp, file, scope, chain);
            } else if (d instanceof Decl.EnumDecl e) {
                declareEnum(e, scope);
            } else if (d instanceof Decl.Quantity q) {
                declare(scope, q.name().id(), q.name().pos(), new Scope.QuantitySym(q.pos(), scope.prefix() + q.name().id(), q, scope));
            } else if (d instanceof Decl.Define def) {
                declare(scope, def.name().id(), def.name().pos(),
                        new Scope.DefineSym(def.pos(), scope.prefix() + def.name().id(), def, scope));
            } else if (d instanceof Decl.Pattern p) {
                declare(scope, p.name().id(), p.name().pos(), new Scope.PatternSym(p.pos(), p, scope));
            } else if (d instanceof Decl.Element el) {
                declareElement(el, scope, isCase);
            } else if (d instanceof Decl.Use u && !isCase) {
                diags.error(Code.SC210, u.pos(), "a module may not hold `use`; instantiate patterns in a case");
            } else if (d instanceof Decl.Use u) {
                Scope instance = new Scope(null, u.prefix().id() + ".", "instance " + u.prefix().id());
                declare(scope, u.prefix().id(), u.prefix().pos(), new Scope.PrefixSym(u.pos(), instance));
                slots.add(u);
            }
        }
    }

    private void declareEnum(Decl.EnumDecl e, Scope scope) {
        Set<String> seen = new LinkedHashSet<>();
        for (Decl.Ident m : e.members()) {
            if (!seen.add(m.id())) diags.error(Code.SC202, m.pos(), "enum " + e.name().id() + " lists '" + m.id() + "' twice");
        }
        String visible = scope.prefix() + e.name().id();
        declare(scope, e.name().id(), e.name().pos(), new Scope.EnumSym(e.pos(), new Type.EnumType(visible, List.copyOf(seen))));
    }

    private void declareElement(Decl.Element el, Scope scope, boolean isCase) {
        if (el.id().isQualified()) {
            if (isCase) completions.add(el);
            else diags.error(Code.SC210, el.pos(), "a completion (" + el.id().text() + ") belongs in the case that has the `use`");
            return;
        }
        String id = el.id().first();
        Model.Kind kind = Model.Kind.valueOf(el.kind().name());
        if (!isCase && !isModuleKind(el.kind())) {
            diags.error(Code.SC210, el.pos(), "a module may hold only imports, enums, quantities, defines, assumptions, "
                    + "contexts, justifications and patterns, not a " + el.kind().keyword);
            return;
        }
        boolean fresh = declare(scope, id, el.id().pos(), new Scope.NodeSym(el.pos(), scope.prefix() + id, kind));
        if (!fresh) return;
        Raw raw = new Raw(el, scope, scope.prefix() + id, el.pos(), Optional.empty(), Map.of());
        if (isCase) {
            slots.add(raw);
            byId.put(raw.id, raw);
        } else {
            moduleNodes.put(raw.id, raw);
        }
    }

    private static boolean isModuleKind(Decl.ElementKind k) {
        return k == Decl.ElementKind.ASSUMPTION || k == Decl.ElementKind.CONTEXT || k == Decl.ElementKind.JUSTIFICATION;
    }

    /** Declares a name; reports a duplicate (at this, the later, declaration) or a built-in name. */
    private boolean declare(Scope scope, String name, Position pos, Scope.Symbol sym) {
        if (!checkNotBuiltin(name, pos)) return false;
        Optional<Scope.Symbol> old = scope.declare(name, sym);
        if (old.isPresent()) {
            diags.error(Code.SC202, pos, "'" + name + "' is already declared at " + old.get().pos()
                    + " (one namespace holds nodes, quantities, defines, enums, patterns, imports and use prefixes)");
            return false;
        }
        return true;
    }

    private boolean checkNotBuiltin(String name, Position pos) {
        if (Builtin.isReserved(name)) {
            diags.error(Code.SC203, pos, "'" + name + "' is a built-in function and cannot be declared");
            return false;
        }
        return true;
    }

    // ------------------------------------------------------------ imports

    private void importModule(Decl.Import imp, SourceUnit importer, Scope scope, List<String> chain) {
        Optional<Sources.Found> found = sources.findModule(importer.path(), imp.path().parts());
        String dotted = imp.path().text();
        if (found.isEmpty()) {
            diags.error(Code.SC207, imp.path().pos(), "cannot find module " + dotted + " (looked for "
                    + String.join("/", imp.path().parts()) + ".case next to this file, under the project root "
                    + sources.display(sources.root()) + " and in the bundled library)");
            return;
        }
        Sources.Found f = found.get();
        if (f.shadowsBundled()) {
            diags.warning(Code.SC211, imp.path().pos(), "module " + dotted + " is found at " + f.loaded().text().display()
                    + " and hides the bundled module of the same name");
        }
        if (chain.contains(f.key())) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(f.key()), chain.size()));
            cycle.add(f.key());
            diags.error(Code.SC208, imp.pos(), "import cycle: " + String.join(" -> ", cycle.stream().map(this::shortName).toList()));
            return;
        }
        Sources.Loaded loaded = f.loaded();
        diags.addAll(loaded.diagnostics());
        if (loaded.unit().isEmpty() || loaded.hasErrors()) {
            diags.error(Code.SC209, imp.pos(), "module " + dotted + " has errors (reported at " + loaded.text().display() + ")");
            return;
        }
        SourceUnit module = loaded.unit().get();
        if (module.isCase()) {
            diags.error(Code.SC210, imp.pos(), dotted + " is a case, not a module; only modules can be imported");
            return;
        }
        String alias = imp.boundName();
        String prefix = scope.prefix() + alias + ".";
        Scope moduleScope = modules.get(f.key() + "|" + prefix);
        if (moduleScope == null) {
            moduleScope = new Scope(null, prefix, "module " + dotted);
            modules.put(f.key() + "|" + prefix, moduleScope);
            List<String> next = new ArrayList<>(chain);
            next.add(f.key());
            int before = countErrors();
            declareFile(module, moduleScope, false, next);
            validateModule(moduleScope);
            if (countErrors() > before) {
                diags.error(Code.SC209, imp.pos(), "module " + dotted + " has errors (reported at " + loaded.text().display() + ")");
            }
        }
        declare(scope, alias, imp.pos(), new Scope.ModuleSym(imp.pos(), moduleScope));
    }

    /**
     * Checks every quantity, define and node of a module, used or not, so that an error anywhere in
     * it fails the import (§9). What it registers is dropped again: only what a case uses joins it.
     */
    private void validateModule(Scope scope) {
        Map<String, Model.Quantity> kept = new LinkedHashMap<>(quantities);
        for (Scope.Symbol sym : List.copyOf(scope.locals().values())) {
            if (sym instanceof Scope.QuantitySym q) {
                Optional<Type.EnumType> idx = indexEnum(q);
                if (idx.isEmpty()) quantityName(q, Optional.empty());
                else idx.get().members().forEach(m -> quantityName(q, Optional.of(m)));
            } else if (sym instanceof Scope.DefineSym d) {
                define(d);
            } else if (sym instanceof Scope.NodeSym n && moduleNodes.containsKey(n.id())) {
                resolve(moduleNodes.get(n.id()));
            }
        }
        quantities.clear();
        quantities.putAll(kept);
    }

    private int countErrors() {
        return (int) diags.sorted().stream().filter(d -> d.isError()).count();
    }

    private String shortName(String key) {
        return key.startsWith(Sources.BUNDLED_DISPLAY) ? key : sources.display(Path.of(key));
    }

    // ------------------------------------------------------------ patterns

    private void instantiate(Decl.Use use) {
        Scope.PrefixSym prefixSym = (Scope.PrefixSym) caseScope.local(use.prefix().id()).filter(s -> s instanceof Scope.PrefixSym)
                .orElse(null);
        List<Raw> instanceRaws = new ArrayList<>();
        int slot = slots.indexOf(use);
        slots.set(slot, instanceRaws);
        if (prefixSym == null || prefixSym.pos() != use.pos()) return;
        Optional<Scope.Symbol> found = Resolve.symbol(use.pattern(), caseScope);
        if (found.isEmpty()) {
            Resolve.reportUnknown(use.pattern(), caseScope, diags);
            return;
        }
        if (!(found.get() instanceof Scope.PatternSym ps)) {
            diags.error(Code.SC206, use.pattern().pos(), "'" + use.pattern().text() + "' is not a pattern");
            return;
        }
        Decl.Pattern pattern = ps.decl();
        Scope instance = prefixSym.instance();
        Scope bodyScope = new Scope(ps.declaringScope(), instance.prefix(), instance.description());
        Map<String, String> interp = bindArguments(use, pattern, bodyScope);
        if (interp == null) return;
        // the instance's names are visible as prefix.x from the case, and resolve inside the body scope
        for (Decl d : pattern.body()) {
            if (d instanceof Decl.Quantity q) {
                Scope.QuantitySym sym = new Scope.QuantitySym(q.pos(), bodyScope.prefix() + q.name().id(), q, bodyScope);
                if (declare(bodyScope, q.name().id(), q.name().pos(), sym)) instance.declare(q.name().id(), sym);
            } else if (d instanceof Decl.Define def) {
                Scope.DefineSym sym = new Scope.DefineSym(def.pos(), bodyScope.prefix() + def.name().id(), def, bodyScope);
                if (declare(bodyScope, def.name().id(), def.name().pos(), sym)) instance.declare(def.name().id(), sym);
            } else if (d instanceof Decl.Element el) {
                instanceElement(use, pattern, el, bodyScope, instance, interp).ifPresent(instanceRaws::add);
            } else {
                diags.error(Code.SC210, d.pos(), "a pattern body may hold quantity, define, assumption, context, "
                        + "justification, claim, strategy and defeater declarations only");
            }
        }
        registerDeclaredQuantities(bodyScope);
    }

    private Optional<Raw> instanceElement(Decl.Use use, Decl.Pattern pattern, Decl.Element el, Scope bodyScope, Scope instance,
                                          Map<String, String> interp) {
        if (el.kind() == Decl.ElementKind.EVIDENCE || el.id().isQualified()) {
            diags.error(Code.SC210, el.pos(), el.id().isQualified()
                    ? "a completion belongs at the top level of the case, not in a pattern"
                    : "a pattern may not hold evidence; complete the instance's claim with the case's evidence");
            return Optional.empty();
        }
        String id = el.id().first();
        Scope.NodeSym sym = new Scope.NodeSym(use.pos(), bodyScope.prefix() + id, Model.Kind.valueOf(el.kind().name()));
        if (!declare(bodyScope, id, el.id().pos(), sym)) return Optional.empty();
        instance.declare(id, sym);
        Raw raw = new Raw(el, bodyScope, sym.id(), use.pos(),
                Optional.of(pattern.name().id() + "." + id + " (" + el.pos() + ")"), interp);
        byId.put(raw.id, raw);
        return Optional.of(raw);
    }

    /** Binds parameters in the instance scope; returns the texts for {name} interpolation, or null on error. */
    private Map<String, String> bindArguments(Decl.Use use, Decl.Pattern pattern, Scope bodyScope) {
        Map<String, Decl.Arg> given = new LinkedHashMap<>();
        boolean ok = true;
        for (Decl.Arg a : use.args()) {
            if (pattern.params().stream().noneMatch(p -> p.name().equals(a.name()))) {
                diags.error(Code.SC315, a.pos(), "pattern " + pattern.name().id() + " has no parameter '" + a.name() + "'");
                ok = false;
            } else if (given.putIfAbsent(a.name(), a) != null) {
                diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' is given twice");
                ok = false;
            }
        }
        Map<String, String> interp = new LinkedHashMap<>();
        for (Decl.Param p : pattern.params()) {
            Decl.Arg a = given.get(p.name());
            if (a == null) {
                diags.error(Code.SC315, use.pos(), "missing argument '" + p.name() + "' (" + p.type().name().toLowerCase()
                        + ") for pattern " + pattern.name().id());
                ok = false;
                continue;
            }
            Optional<Scope.ParamSym> sym = argument(p, a);
            if (sym.isEmpty()) {
                ok = false;
                continue;
            }
            bodyScope.declare(p.name(), sym.get());
            interp.put(p.name(), a.source());
        }
        return ok ? interp : null;
    }

    private Optional<Scope.ParamSym> argument(Decl.Param p, Decl.Arg a) {
        String type = p.type().name().toLowerCase(java.util.Locale.ROOT);
        if (p.type() == Decl.ParamType.TEXT) {
            if (a.text().isEmpty()) {
                diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a text (a \"string\")");
                return Optional.empty();
            }
            return Optional.of(new Scope.ParamSym(a.pos(), p.type(), Optional.empty(), Optional.empty(), a.source()));
        }
        if (a.value().isEmpty()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a " + type + " constant, not a text");
            return Optional.empty();
        }
        Optional<Term> t = formulas.expression(a.value().get(), caseScope, Formulas.Place.ARGUMENT);
        if (t.isEmpty()) return Optional.empty();
        if (p.type() == Decl.ParamType.BOOL) {
            if (t.get() instanceof Term.BoolConst b) {
                return Optional.of(new Scope.ParamSym(a.pos(), p.type(), Optional.empty(), Optional.of(b.value()), a.source()));
            }
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be true or false");
            return Optional.empty();
        }
        Optional<Rational> v = Terms.constant(t.get());
        if (v.isEmpty()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a constant " + type);
            return Optional.empty();
        }
        if (p.type() == Decl.ParamType.INT && !v.get().isInteger()) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be an integer, not " + a.source());
            return Optional.empty();
        }
        if (p.type() == Decl.ParamType.PROBABILITY && (v.get().signum() < 0 || v.get().compareTo(Rational.ONE) > 0)) {
            diags.error(Code.SC315, a.pos(), "argument '" + a.name() + "' must be a probability in [0, 1], not " + a.source());
            return Optional.empty();
        }
        return Optional.of(new Scope.ParamSym(a.pos(), p.type(), v, Optional.empty(), a.source()));
    }

    private void complete(Decl.Element c) {
        Name id = c.id();
        Optional<Scope.Symbol> first = caseScope.local(id.first());
        if (first.isEmpty()) {
            diags.error(Code.SC201, id.pos(), "unknown use prefix '" + id.first() + "'" + Resolve.suggestion(id, caseScope));
            return;
        }
        if (!(first.get() instanceof Scope.PrefixSym p)) {
            diags.error(Code.SC313, id.pos(), "a qualified ID declares a completion, and '" + id.first()
                    + "' is not a `use` prefix; IDs of new nodes are simple names");
            return;
        }
        if (id.parts().size() != 2) {
            diags.error(Code.SC313, id.pos(), "a completion names one node of an instance, as " + id.first() + "."
                    + id.parts().get(1) + ", not " + id.text());
            return;
        }
        Optional<Scope.Symbol> target = p.instance().local(id.last());
        if (target.isEmpty() || !(target.get() instanceof Scope.NodeSym ns)) {
            diags.error(Code.SC201, id.pos(), "instance " + id.first() + " has no node '" + id.last() + "'"
                    + Resolve.suggestion(id, caseScope));
            return;
        }
        Raw raw = byId.get(ns.id());
        if (raw == null) return;
        if (raw.el.kind() != c.kind()) {
            diags.error(Code.SC313, c.pos(), ns.id() + " is a " + raw.el.kind().keyword + ", not a " + c.kind().keyword);
            return;
        }
        if (c.text().isPresent() || c.formula().isPresent()) {
            diags.error(Code.SC313, c.text().map(Text::pos).orElse(c.formula().map(Expr::pos).orElse(c.pos())),
                    "a completion adds clauses only; its text and formula come from the pattern");
            return;
        }
        if (raw.completion != null) {
            diags.error(Code.SC313, c.pos(), ns.id() + " is already completed at " + raw.completion.pos());
            return;
        }
        Set<Clause.Kind> allowed = COMPLETABLE.getOrDefault(c.kind(), Set.of());
        for (Clause cl : c.clauses()) {
            if (!allowed.contains(cl.kind())) {
                diags.error(Code.SC313, cl.pos(), "a completion of a " + c.kind().keyword + " cannot add `" + cl.kind().keyword
                        + "`" + (allowed.isEmpty() ? "" : " (it may add " + String.join(", ",
                        allowed.stream().map(k -> "`" + k.keyword + "`").toList()) + ")"));
                return;
            }
            boolean already = raw.el.clauses().stream().anyMatch(x -> x.kind() == cl.kind()
                    && cl.kind() != Clause.Kind.ASSUMING && cl.kind() != Clause.Kind.CONTEXT && cl.kind() != Clause.Kind.JUSTIFIED_BY);
            Optional<Clause.Kind> settled = c.kind() != Decl.ElementKind.DEFEATER ? Optional.empty() : raw.el.clauses().stream()
                    .map(Clause::kind).filter(k -> k == Clause.Kind.ELIMINATED_BY || k == Clause.Kind.ACCEPTED).findFirst();
            if (already || settled.isPresent()) {
                diags.error(Code.SC313, cl.pos(), ns.id() + " already has `" + settled.orElse(cl.kind()).keyword
                        + "` in its pattern; a completion cannot replace it");
                return;
            }
        }
        raw.completion = c;
    }

    // ------------------------------------------------------------ quantities and defines

    private void registerDeclaredQuantities(Scope scope) {
        for (Scope.Symbol sym : scope.locals().values()) {
            if (sym instanceof Scope.QuantitySym q) {
                Optional<Type.EnumType> idx = indexEnum(q);
                if (idx.isEmpty()) quantityName(q, Optional.empty());
                else idx.get().members().forEach(m -> quantityName(q, Optional.of(m)));
            }
        }
    }

    @Override
    public Optional<Type> quantityType(Scope.QuantitySym q) {
        if (quantityTypes.containsKey(q)) return quantityTypes.get(q);
        quantityTypes.put(q, Optional.empty());
        Decl.TypeRef ref = q.decl().type();
        Optional<Type> t;
        if (ref instanceof Decl.BoolType) t = Optional.of(Type.BOOL);
        else if (ref instanceof Decl.IntType) t = Optional.of(Type.INT);
        else if (ref instanceof Decl.EnumRef e) t = enumType(e.name(), q.scope()).map(x -> x);
        else t = Optional.of(Type.REAL);
        quantityTypes.put(q, t);
        return t;
    }

    @Override
    public Optional<Type.EnumType> indexEnum(Scope.QuantitySym q) {
        if (q.decl().indexEnum().isEmpty()) return Optional.empty();
        return enumType(q.decl().indexEnum().get(), q.scope());
    }

    @Override
    public String quantityName(Scope.QuantitySym q, Optional<String> member) {
        String name = q.name() + member.map(m -> "[" + m + "]").orElse("");
        if (!quantities.containsKey(name)) {
            quantities.put(name, null);
            quantities.put(name, buildQuantity(q, name));
        }
        return name;
    }

    private Model.Quantity buildQuantity(Scope.QuantitySym q, String name) {
        Decl.Quantity d = q.decl();
        if (d.indexVar().isPresent()) {
            Decl.Ident v = d.indexVar().get();
            if (q.scope().lookup(v.id()).isPresent() || Builtin.isReserved(v.id())) {
                diags.error(Code.SC204, v.pos(), "index variable '" + v.id() + "' shadows a visible name; choose another name");
            }
        }
        Type type = quantityType(q).orElse(Type.REAL);
        Optional<Rational> low = Optional.empty();
        Optional<Rational> high = Optional.empty();
        Optional<Decl.Range> range = d.type() instanceof Decl.IntType i ? i.range()
                : d.type() instanceof Decl.RealType r ? r.range() : Optional.empty();
        if (d.type() instanceof Decl.ProbabilityType) {
            low = Optional.of(Rational.ZERO);
            high = Optional.of(Rational.ONE);
        } else if (range.isPresent()) {
            low = bound(range.get().low(), q, type);
            high = bound(range.get().high(), q, type);
            if (low.isPresent() && high.isPresent() && low.get().compareTo(high.get()) > 0) {
                diags.error(Code.SC403, range.get().pos(), "empty range [" + low.get() + ", " + high.get() + "] for " + q.name());
            }
        }
        String description = d.description().map(t -> interpolate(t, q.scope())).orElse("");
        return new Model.Quantity(name, type, low, high, d.pos(), description);
    }

    private Optional<Rational> bound(Expr e, Scope.QuantitySym q, Type type) {
        Optional<Term> t = formulas.expression(e, q.scope(), Formulas.Place.RANGE);
        if (t.isEmpty()) return Optional.empty();
        Optional<Rational> v = Terms.constant(t.get());
        if (v.isEmpty()) {
            diags.error(Code.SC403, e.pos(), "a range bound must be a constant");
            return Optional.empty();
        }
        if (type instanceof Type.Int && !v.get().isInteger()) {
            diags.error(Code.SC403, e.pos(), "the range of int quantity " + q.name() + " needs integer bounds, not " + v.get());
            return Optional.empty();
        }
        return v;
    }

    @Override
    public Optional<Term> define(Scope.DefineSym d) {
        if (defines.containsKey(d)) return defines.get(d);
        if (resolving.contains(d)) {
            List<String> cycle = new ArrayList<>(resolving.subList(resolving.indexOf(d), resolving.size()).stream()
                    .map(Scope.DefineSym::name).toList());
            cycle.add(d.name());
            diags.error(Code.SC305, d.decl().name().pos(), "define cycle: " + String.join(" -> ", cycle));
            return Optional.empty();
        }
        resolving.add(d);
        String owner = formulaOwner;
        Optional<Term> t = formulas.expression(d.decl().value(), d.scope(), Formulas.Place.DEFINE);
        formulaOwner = owner;
        resolving.remove(resolving.size() - 1);
        defines.put(d, t);
        return t;
    }

    @Override
    public Optional<Type.EnumType> enumType(Name name, Scope scope) {
        Optional<Scope.Symbol> sym = Resolve.symbol(name, scope);
        if (sym.isPresent() && sym.get() instanceof Scope.EnumSym e) return Optional.of(e.type());
        if (sym.isEmpty()) diags.error(Code.SC201, name.pos(), "unknown enum '" + name.text() + "'" + Resolve.suggestion(name, scope));
        else diags.error(Code.SC206, name.pos(), "'" + name.text() + "' is not an enum");
        return Optional.empty();
    }

    @Override
    public void claimUsed(String claimId) {
        if (formulaOwner != null) claimFormulaRefs.computeIfAbsent(formulaOwner, k -> new LinkedHashSet<>()).add(claimId);
    }

    // ------------------------------------------------------------ nodes

    private Optional<Model.Node> resolve(Raw raw) {
        Decl.Element el = raw.el;
        Map<Clause.Kind, Clause> clauses = clauses(el);
        if (raw.completion != null) {
            for (Clause c : raw.completion.clauses()) clauses.merge(c.kind(), c, Checker::mergeRefs);
            // a completion's `supported by` replaces the pattern's `undeveloped`
            if (clauses.containsKey(Clause.Kind.SUPPORTED_BY)) clauses.remove(Clause.Kind.UNDEVELOPED);
        }
        if (el.text().isEmpty()) {
            diags.error(Code.SC312, el.id().pos(), el.kind().keyword + " " + el.id().text()
                    + " needs a text; only completions of `use` instances (P.x) omit it");
        }
        String text = el.text().map(t -> interpolate(t, raw)).orElse("");
        Scope scope = raw.scope;
        Optional<Term> formula = Optional.empty();
        if (el.formula().isPresent()) {
            Formulas.Place place = switch (el.kind()) {
                case CLAIM -> Formulas.Place.CLAIM;
                case ASSUMPTION -> Formulas.Place.ASSUMPTION;
                case DEFEATER -> Formulas.Place.DEFEATER;
                default -> null;
            };
            if (place == null) {
                diags.error(Code.SC306, el.formula().get().pos(), article(el.kind().keyword) + " " + el.kind().keyword + " has no formula");
            } else {
                formulaOwner = el.kind() == Decl.ElementKind.CLAIM ? raw.id : null;
                formula = formulas.formula(el.formula().get(), scope, place);
                formulaOwner = null;
                // Defines are inlined, so the resolved formula also names the claims that a define
                // (resolved once, perhaps for another claim) refers to.
                if (el.kind() == Decl.ElementKind.CLAIM && formula.isPresent()) {
                    Set<String> claims = new LinkedHashSet<>();
                    Terms.collect(formula.get(), new LinkedHashSet<>(), claims);
                    claimFormulaRefs.computeIfAbsent(raw.id, k -> new LinkedHashSet<>()).addAll(claims);
                }
            }
        }
        Optional<String> asserted = str(clauses, Clause.Kind.ASSERTED, raw);
        Optional<String> owner = str(clauses, Clause.Kind.OWNER, raw);
        return switch (el.kind()) {
            case CLAIM -> Optional.of(claim(raw, clauses, text, formula, asserted, owner));
            case STRATEGY -> Optional.of(strategy(raw, clauses, text, asserted, owner));
            case EVIDENCE -> Optional.of(evidence(raw, clauses, text));
            case DEFEATER -> defeater(raw, clauses, text, formula, owner);
            case ASSUMPTION -> Optional.of(new Model.Assumption(raw.id, raw.pos, text, formula, raw.origin));
            case CONTEXT -> Optional.of(new Model.TextNode(raw.id, raw.pos, text, Model.Kind.CONTEXT, raw.origin));
            case JUSTIFICATION -> Optional.of(new Model.TextNode(raw.id, raw.pos, text, Model.Kind.JUSTIFICATION, raw.origin));
        };
    }

    private static Clause mergeRefs(Clause a, Clause b) {
        if (a instanceof Clause.Refs ra && b instanceof Clause.Refs rb) {
            List<Name> all = new ArrayList<>(ra.names());
            all.addAll(rb.names());
            return new Clause.Refs(ra.pos(), ra.kind(), all);
        }
        return b;
    }

    /** The clauses of a declaration by kind, after checking each is allowed and given once. */
    private Map<Clause.Kind, Clause> clauses(Decl.Element el) {
        Map<Clause.Kind, Clause> out = new EnumMap<>(Clause.Kind.class);
        Set<Clause.Kind> allowed = ALLOWED.get(el.kind());
        for (Clause c : el.clauses()) {
            if (!allowed.contains(c.kind())) {
                diags.error(Code.SC306, c.pos(), "`" + c.kind().keyword + "` is not allowed on " + article(el.kind().keyword) + " " + el.kind().keyword
                        + (allowed.isEmpty() ? " (it takes no clauses)" : ""));
            } else if (out.putIfAbsent(c.kind(), c) != null) {
                diags.error(Code.SC307, c.pos(), "`" + c.kind().keyword + "` is given twice on " + el.kind().keyword + " "
                        + el.id().text() + "; list everything in one clause");
            }
        }
        return out;
    }

    private Optional<String> str(Map<Clause.Kind, Clause> clauses, Clause.Kind kind, Raw raw) {
        return Optional.ofNullable(clauses.get(kind)).map(c -> interpolate(((Clause.Str) c).text(), raw));
    }

    /** Resolves the names of a list clause, requiring the given node kinds. */
    private List<String> refs(Map<Clause.Kind, Clause> clauses, Clause.Kind kind, Raw raw, Set<Model.Kind> kinds,
                              String expectation) {
        Clause c = clauses.get(kind);
        if (c == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Name n : ((Clause.Refs) c).names()) {
            resolveNode(n, scopeFor(c, raw), kinds, "`" + kind.keyword + "` " + expectation).ifPresent(out::add);
        }
        return out;
    }

    /** Completion clauses resolve in the case; pattern clauses in the instance. */
    private Scope scopeFor(Clause c, Raw raw) {
        if (raw.completion != null) {
            for (Clause x : raw.completion.clauses()) if (x == c) return caseScope;
        }
        return raw.scope;
    }

    private Optional<String> resolveNode(Name n, Scope scope, Set<Model.Kind> kinds, String expectation) {
        Optional<Scope.Symbol> sym = Resolve.symbol(n, scope);
        if (sym.isEmpty()) {
            Resolve.reportUnknown(n, scope, diags);
            return Optional.empty();
        }
        if (!(sym.get() instanceof Scope.NodeSym ns) || !kinds.contains(ns.kind())) {
            String what = sym.get() instanceof Scope.NodeSym ns2 ? ns2.kind().keyword : describe(sym.get());
            diags.error(Code.SC206, n.pos(), expectation + ", but " + n.text() + " is " + article(what) + " " + what);
            return Optional.empty();
        }
        if (moduleNodes.containsKey(ns.id())) usedModuleNodes.add(ns.id());
        return Optional.of(ns.id());
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String describe(Scope.Symbol s) {
        if (s instanceof Scope.EnumSym) return "enum";
        if (s instanceof Scope.QuantitySym) return "quantity";
        if (s instanceof Scope.DefineSym) return "define";
        if (s instanceof Scope.PatternSym) return "pattern";
        if (s instanceof Scope.ModuleSym) return "import alias";
        if (s instanceof Scope.PrefixSym) return "use prefix";
        if (s instanceof Scope.ParamSym) return "parameter";
        return "enum member";
    }

    private static final Set<Model.Kind> CONTEXTS = EnumSet.of(Model.Kind.CONTEXT);
    private static final Set<Model.Kind> ASSUMPTIONS = EnumSet.of(Model.Kind.ASSUMPTION);
    private static final Set<Model.Kind> JUSTIFICATIONS = EnumSet.of(Model.Kind.JUSTIFICATION);
    private static final Set<Model.Kind> CLAIMS = EnumSet.of(Model.Kind.CLAIM);

    private Model.Claim claim(Raw raw, Map<Clause.Kind, Clause> clauses, String text, Optional<Term> formula,
                              Optional<String> asserted, Optional<String> owner) {
        List<String> context = refs(clauses, Clause.Kind.CONTEXT, raw, CONTEXTS, "names contexts");
        List<String> assuming = refs(clauses, Clause.Kind.ASSUMING, raw, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(clauses, Clause.Kind.JUSTIFIED_BY, raw, JUSTIFICATIONS, "names justifications");
        Model.Support support = claimSupport(raw, clauses, asserted.isPresent());
        return new Model.Claim(raw.id, raw.pos, text, formula, context, assuming, justified, support, asserted, owner, raw.origin);
    }

    private Model.Support claimSupport(Raw raw, Map<Clause.Kind, Clause> clauses, boolean asserted) {
        Clause sup = clauses.get(Clause.Kind.SUPPORTED_BY);
        Clause undeveloped = clauses.get(Clause.Kind.UNDEVELOPED);
        if (undeveloped != null && (sup != null || asserted)) {
            diags.error(Code.SC308, undeveloped.pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (sup != null ? "supported by" : "asserted") + "`");
        }
        if (sup == null) return undeveloped != null ? new Model.Undeveloped() : new Model.Unsupported();
        List<String> strategies = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        Scope scope = scopeFor(sup, raw);
        for (Name n : ((Clause.Refs) sup).names()) {
            Optional<String> id = resolveNode(n, scope, EnumSet.of(Model.Kind.CLAIM, Model.Kind.STRATEGY, Model.Kind.EVIDENCE),
                    "a claim is `supported by` one strategy, or by claims and evidence");
            if (id.isEmpty()) continue;
            switch (byKind(id.get())) {
                case STRATEGY -> strategies.add(id.get());
                case EVIDENCE -> evidence.add(id.get());
                default -> claims.add(id.get());
            }
        }
        if (!strategies.isEmpty() && ((Clause.Refs) sup).names().size() > 1) {
            diags.error(Code.SC302, sup.pos(), "claim " + raw.id + " is supported by strategy " + strategies.get(0)
                    + " and by other nodes; a claim names exactly one strategy, or only claims and evidence: "
                    + "put the extra support under the strategy");
            return new Model.ByStrategy(strategies.get(0));
        }
        if (!strategies.isEmpty()) {
            if (asserted) {
                diags.error(Code.SC309, clauses.get(Clause.Kind.ASSERTED).pos(), "claim " + raw.id + " is supported by strategy "
                        + strategies.get(0) + "; put `asserted` on the strategy, which carries the inference");
            }
            return new Model.ByStrategy(strategies.get(0));
        }
        return new Model.Direct(claims, evidence);
    }

    private Model.Kind byKind(String id) {
        Raw r = byId.containsKey(id) ? byId.get(id) : moduleNodes.get(id);
        return r == null ? Model.Kind.CLAIM : Model.Kind.valueOf(r.el.kind().name());
    }

    private Model.Strategy strategy(Raw raw, Map<Clause.Kind, Clause> clauses, String text, Optional<String> asserted,
                                    Optional<String> owner) {
        List<String> context = refs(clauses, Clause.Kind.CONTEXT, raw, CONTEXTS, "names contexts");
        List<String> assuming = refs(clauses, Clause.Kind.ASSUMING, raw, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(clauses, Clause.Kind.JUSTIFIED_BY, raw, JUSTIFICATIONS, "names justifications");
        List<String> sub = refs(clauses, Clause.Kind.SUPPORTED_BY, raw, CLAIMS, "of a strategy names claims");
        Clause undeveloped = clauses.get(Clause.Kind.UNDEVELOPED);
        if (undeveloped != null && (clauses.containsKey(Clause.Kind.SUPPORTED_BY) || asserted.isPresent())) {
            diags.error(Code.SC308, undeveloped.pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (clauses.containsKey(Clause.Kind.SUPPORTED_BY) ? "supported by" : "asserted") + "`");
        }
        return new Model.Strategy(raw.id, raw.pos, text, context, assuming, justified, sub, undeveloped != null,
                asserted, owner, raw.origin);
    }

    private Model.Evidence evidence(Raw raw, Map<Clause.Kind, Clause> clauses, String text) {
        Optional<Clause.Str> file = Optional.ofNullable((Clause.Str) clauses.get(Clause.Kind.FILE));
        Optional<Clause.Str> sha = Optional.ofNullable((Clause.Str) clauses.get(Clause.Kind.SHA256));
        Optional<Clause.Expires> exp = Optional.ofNullable((Clause.Expires) clauses.get(Clause.Kind.EXPIRES));
        if (file.isEmpty()) {
            sha.ifPresent(s -> diags.error(Code.SC503, s.pos(), "`sha256` pins a file, but evidence " + raw.id
                    + " has no `file` (it is a reference)"));
            exp.ifPresent(s -> diags.error(Code.SC503, s.pos(), "`expires` dates a file, but evidence " + raw.id
                    + " has no `file` (it is a reference)"));
        }
        Optional<String> pin = sha.map(s -> s.text().value());
        if (pin.isPresent() && !pin.get().matches("[0-9a-fA-F]{64}")) {
            diags.error(Code.SC502, sha.get().text().pos(), "sha256 must be 64 hexadecimal digits (got "
                    + pin.get().length() + " characters)");
        }
        Optional<java.time.LocalDate> expires = exp.flatMap(e -> date(e.date(), e.datePos()));
        file.ifPresent(f -> dev.safecase.evidence.EvidencePaths.check(f.text().value(), f.text().pos(), unit.path(), sources.root(), diags));
        List<Model.Fact> facts = new ArrayList<>();
        Clause.Gives gives = (Clause.Gives) clauses.get(Clause.Kind.GIVES);
        if (gives != null) {
            for (Expr e : gives.facts()) {
                formulas.takeBounds();
                formulas.formula(e, raw.scope, Formulas.Place.gives(file.isPresent()))
                        .ifPresent(t -> facts.add(new Model.Fact(t, e.pos(), formulas.takeBounds())));
            }
        }
        return new Model.Evidence(raw.id, raw.pos, text, file.map(f -> f.text().value()), file.map(f -> f.text().pos()),
                pin.map(s -> s.toLowerCase(java.util.Locale.ROOT)), expires, facts, raw.origin);
    }

    private Optional<java.time.LocalDate> date(String text, Position pos) {
        try {
            return Optional.of(java.time.LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            diags.error(Code.SC104, pos, "invalid date " + text + " (no such day)");
            return Optional.empty();
        }
    }

    private Optional<Model.Node> defeater(Raw raw, Map<Clause.Kind, Clause> clauses, String text, Optional<Term> formula,
                                          Optional<String> owner) {
        List<Clause.Target> targets = new ArrayList<>();
        for (Clause.Kind k : List.of(Clause.Kind.REBUTS, Clause.Kind.UNDERCUTS, Clause.Kind.UNDERMINES)) {
            if (clauses.containsKey(k)) targets.add((Clause.Target) clauses.get(k));
        }
        if (targets.size() != 1) {
            diags.error(Code.SC310, targets.isEmpty() ? raw.el.id().pos() : targets.get(1).pos(),
                    "a defeater attacks exactly one node: give one of `rebuts`, `undercuts` or `undermines`");
            return Optional.empty();
        }
        Clause.Target t = targets.get(0);
        Model.Attack attack = Model.Attack.valueOf(t.kind().name());
        Set<Model.Kind> kinds = switch (attack) {
            case REBUTS -> CLAIMS;
            case UNDERCUTS -> EnumSet.of(Model.Kind.STRATEGY, Model.Kind.CLAIM);
            case UNDERMINES -> EnumSet.of(Model.Kind.EVIDENCE);
        };
        String expectation = switch (attack) {
            case REBUTS -> "`rebuts` names a claim";
            case UNDERCUTS -> "`undercuts` names a strategy, or a claim meaning its direct inference";
            case UNDERMINES -> "`undermines` names evidence";
        };
        Optional<String> target = resolveNode(t.name(), raw.scope, kinds, expectation);
        List<String> elim = refs(clauses, Clause.Kind.ELIMINATED_BY, raw, CLAIMS, "names claims whose discharge eliminates the defeater");
        Optional<String> accepted = str(clauses, Clause.Kind.ACCEPTED, raw);
        if (clauses.containsKey(Clause.Kind.ELIMINATED_BY) && accepted.isPresent()) {
            diags.error(Code.SC311, clauses.get(Clause.Kind.ACCEPTED).pos(),
                    "a defeater is either `eliminated by` claims or `accepted`, not both");
        }
        if (target.isEmpty()) return Optional.empty();
        return Optional.of(new Model.Defeater(raw.id, raw.pos, text, formula, attack, target.get(), elim, accepted, owner, raw.origin));
    }

    // ------------------------------------------------------------ texts

    private String interpolate(Text t, Raw raw) {
        return raw.interp.isEmpty() && raw.origin.isEmpty() ? t.value() : interpolate(t, raw.interp);
    }

    private String interpolate(Text t, Scope scope) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
            for (var e : s.locals().entrySet()) {
                if (e.getValue() instanceof Scope.ParamSym p) params.putIfAbsent(e.getKey(), p.source());
            }
        }
        return scope.description().startsWith("instance") ? interpolate(t, params) : t.value();
    }

    /** Replaces {name} with the argument's source text; {{ and }} write braces. */
    private String interpolate(Text t, Map<String, String> params) {
        String s = t.value();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                sb.append(c);
                i++;
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                String name = end < 0 ? null : s.substring(i + 1, end);
                if (name == null || !params.containsKey(name)) {
                    diags.error(Code.SC316, t.pos(), name == null ? "unclosed '{' in a pattern text (write {{ for a brace)"
                            : "'{" + name + "}' names no parameter of the pattern (write {{ for a brace)");
                    return s;
                }
                sb.append(params.get(name));
                i = end;
            } else if (c == '}') {
                diags.error(Code.SC316, t.pos(), "unmatched '}' in a pattern text (write }} for a brace)");
                return s;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
