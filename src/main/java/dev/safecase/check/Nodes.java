package dev.safecase.check;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.FormulaDepth;
import dev.safecase.ast.Name;
import dev.safecase.ast.NodeRef;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.formula.Term;
import dev.safecase.model.Model;
import dev.safecase.num.Rational;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fourth pass: resolves each declared node into a model node. Its clauses must be allowed on
 * its kind and given once, the names in them must be nodes of the right kinds, and its formula
 * must type-check. A completion's clauses join the pattern's and resolve in the case.
 */
final class Nodes {
    /** What resolving a node needs to know of the others. */
    record Index(Scope caseScope, Map<String, DeclaredNode> caseNodes, Map<String, DeclaredNode> moduleNodes,
                 Map<String, Decl.Element> completions, Set<String> excluded) {
        Index {
            excluded = Set.copyOf(excluded);
        }

        /** For a module's own nodes, which name no other node (their kinds take no clauses). */
        static Index none() {
            return new Index(Scope.ofCase(), Map.of(), Map.of(), Map.of(), Set.of());
        }
    }

    private static final Map<Decl.ElementKind, Set<Clause.Kind>> ALLOWED = new EnumMap<>(Decl.ElementKind.class);

    static {
        // `when` is read when a pattern is instantiated (and refused outside one), so every kind may carry it here.
        Set<Clause.Kind> node = EnumSet.of(Clause.Kind.CONTEXT, Clause.Kind.ASSUMING, Clause.Kind.JUSTIFIED_BY,
                Clause.Kind.SUPPORTED_BY, Clause.Kind.UNDEVELOPED, Clause.Kind.ASSERTED, Clause.Kind.OWNER, Clause.Kind.DOUBT,
                Clause.Kind.WHEN);
        ALLOWED.put(Decl.ElementKind.CLAIM, node);
        ALLOWED.put(Decl.ElementKind.STRATEGY, node);
        ALLOWED.put(Decl.ElementKind.EVIDENCE, EnumSet.of(Clause.Kind.FILE, Clause.Kind.SHA256, Clause.Kind.EXPIRES,
                Clause.Kind.GIVES, Clause.Kind.DOUBT, Clause.Kind.WHEN));
        ALLOWED.put(Decl.ElementKind.DEFEATER, EnumSet.of(Clause.Kind.REBUTS, Clause.Kind.UNDERCUTS,
                Clause.Kind.UNDERMINES, Clause.Kind.ELIMINATED_BY, Clause.Kind.ACCEPTED, Clause.Kind.OWNER,
                Clause.Kind.SUPPORTED_BY, Clause.Kind.DOUBT, Clause.Kind.WHEN));
        ALLOWED.put(Decl.ElementKind.ASSUMPTION, EnumSet.of(Clause.Kind.CONTEXT, Clause.Kind.DOUBT, Clause.Kind.WHEN));
        ALLOWED.put(Decl.ElementKind.CONTEXT, EnumSet.of(Clause.Kind.WHEN));
        ALLOWED.put(Decl.ElementKind.JUSTIFICATION, EnumSet.of(Clause.Kind.WHEN));
    }

    private static final Set<Model.Kind> CONTEXTS = EnumSet.of(Model.Kind.CONTEXT);
    /** GSN draws an assumption in context of a goal; here the goal names it in `assuming`, which makes it a premise. */
    private static final String CONTEXT_EXPECTATION = "names contexts (GSN's in-context-of an assumption is `assuming A` "
            + "here, which makes A a premise)";
    private static final Set<Model.Kind> ASSUMPTIONS = EnumSet.of(Model.Kind.ASSUMPTION);
    private static final Set<Model.Kind> JUSTIFICATIONS = EnumSet.of(Model.Kind.JUSTIFICATION);
    private static final Set<Model.Kind> CLAIMS = EnumSet.of(Model.Kind.CLAIM);

    private final Formulas formulas;
    private final Texts texts;
    private final EvidencePathRule evidencePaths;
    private final Optional<Path> caseFile;
    private final Diagnostics diags;
    private final Index index;
    /** Module nodes named by the case (or by module nodes that joined it), in the order first named: they join the case. */
    private final Set<String> usedModuleNodes = new LinkedHashSet<>();
    private final java.util.Deque<String> moduleTodo = new java.util.ArrayDeque<>();
    /** The kind of every node a clause named, by ID. */
    private final Map<String, Model.Kind> kindsById = new java.util.HashMap<>();

    Nodes(Formulas formulas, Texts texts, EvidencePathRule evidencePaths, Optional<Path> caseFile, Diagnostics diags,
          Index index) {
        this.formulas = formulas;
        this.texts = texts;
        this.evidencePaths = evidencePaths;
        this.caseFile = caseFile;
        this.diags = diags;
        this.index = index;
    }

    /**
     * The case's nodes in order, then the module nodes they name, with the module argument
     * behind them: what those nodes name in turn, and the module defeaters that attack any of
     * them, until nothing new joins.
     */
    List<Model.Node> resolveAll(List<DeclaredNode> order) {
        List<Model.Node> out = new ArrayList<>();
        for (DeclaredNode n : order) resolve(n).ifPresent(x -> joined(x, out));
        // a module claim that the case completes (a contract) is part of the case
        index.completions().keySet().stream().filter(index.moduleNodes()::containsKey).forEach(this::used);
        Set<String> joined = new LinkedHashSet<>();
        List<DeclaredNode> defeaters = index.moduleNodes().values().stream()
                .filter(n -> n.decl().kind() == Decl.ElementKind.DEFEATER).toList();
        while (!moduleTodo.isEmpty()) {
            while (!moduleTodo.isEmpty()) {
                String id = moduleTodo.poll();
                if (joined.add(id)) resolve(index.moduleNodes().get(id)).ifPresent(x -> joined(x, out));
            }
            // a module's defeater joins with what it attacks, once its own module's argument is in the case
            Set<Scope> modules = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            joined.forEach(id -> modules.add(index.moduleNodes().get(id).scope()));
            for (DeclaredNode d : defeaters) {
                if (!joined.contains(d.id()) && modules.contains(d.scope()) && target(d).filter(joined::contains).isPresent()) {
                    used(d.id());
                }
            }
        }
        return out;
    }

    /**
     * Adds a resolved node to the case; a module claim that its formulas borrow (a claim is a
     * proposition) joins the case too, with its argument, so that its formula is known.
     */
    private void joined(Model.Node n, List<Model.Node> out) {
        out.add(n);
        List<Term> terms = new ArrayList<>();
        if (n instanceof Model.Claim c) c.formula().ifPresent(terms::add);
        if (n instanceof Model.Assumption a) a.formula().ifPresent(terms::add);
        if (n instanceof Model.Defeater d) d.formula().ifPresent(terms::add);
        if (n instanceof Model.Evidence e) e.facts().forEach(f -> terms.add(f.formula()));
        for (Term t : terms) {
            for (String claim : Dag.claims(t)) {
                if (index.moduleNodes().containsKey(claim)) used(claim);
            }
        }
    }

    /** The node a module defeater attacks, by ID, without reporting anything (its module was checked whole). */
    private static Optional<String> target(DeclaredNode defeater) {
        for (Clause c : defeater.decl().clauses()) {
            if (c instanceof Clause.Target t) {
                return Resolve.symbol(t.name(), defeater.scope()).filter(Scope.NodeSym.class::isInstance)
                        .map(x -> ((Scope.NodeSym) x).id());
            }
        }
        return Optional.empty();
    }

    private void used(String moduleNode) {
        if (usedModuleNodes.add(moduleNode)) moduleTodo.add(moduleNode);
    }

    Optional<Model.Node> resolve(DeclaredNode node) {
        Decl.Element el = node.decl();
        Optional<Decl.Element> completion = Optional.ofNullable(index.completions().get(node.id()));
        Map<Clause.Kind, Clause> clauses = clauses(el);
        if (completion.isPresent()) {
            for (Clause c : completion.get().clauses()) clauses.merge(c.kind(), c, Nodes::mergeRefs);
            // a completion's `supported by` replaces the pattern's `undeveloped`
            if (clauses.containsKey(Clause.Kind.SUPPORTED_BY)) clauses.remove(Clause.Kind.UNDEVELOPED);
        }
        if (el.text().isEmpty()) {
            diags.error(Code.SC312, el.id().pos(), el.kind().keyword + " " + el.id().text()
                    + " needs a text; only completions of `use` instances (P.x) omit it");
        }
        Resolving r = new Resolving(node, clauses, completion, el.text().map(t -> texts.of(t, node)).orElse(""));
        Optional<Term> formula = el.formula().flatMap(f -> formula(node, f));
        Optional<String> asserted = str(r, Clause.Kind.ASSERTED);
        Optional<String> owner = str(r, Clause.Kind.OWNER);
        return switch (el.kind()) {
            case CLAIM -> Optional.of(claim(r, formula, asserted, owner));
            case STRATEGY -> Optional.of(strategy(r, asserted, owner));
            case EVIDENCE -> Optional.of(evidence(r));
            case DEFEATER -> defeater(r, formula, owner);
            case ASSUMPTION -> Optional.of(new Model.Assumption(node.id(), node.pos(), r.text(), formula,
                    refs(r, Clause.Kind.CONTEXT, EnumSet.of(Model.Kind.CONTEXT, Model.Kind.ASSUMPTION),
                            "of an assumption names contexts and assumptions"), node.origin(), doubt(r)));
            case CONTEXT -> Optional.of(new Model.TextNode(node.id(), node.pos(), r.text(), Model.Kind.CONTEXT, node.origin()));
            case JUSTIFICATION -> Optional.of(new Model.TextNode(node.id(), node.pos(), r.text(), Model.Kind.JUSTIFICATION,
                    node.origin()));
        };
    }

    /** One node being resolved: its clauses by kind (with its completion's), its completion and its text. */
    private record Resolving(DeclaredNode node, Map<Clause.Kind, Clause> clauses, Optional<Decl.Element> completion,
                             String text) {
        Optional<Clause> clause(Clause.Kind kind) {
            return Optional.ofNullable(clauses.get(kind));
        }

        String id() {
            return node.id();
        }
    }

    private Optional<Term> formula(DeclaredNode node, Expr f) {
        Decl.Element el = node.decl();
        Optional<Place> place = switch (el.kind()) {
            case CLAIM -> Optional.of(Place.CLAIM);
            case ASSUMPTION -> Optional.of(Place.ASSUMPTION);
            case DEFEATER -> Optional.of(Place.DEFEATER);
            default -> Optional.empty();
        };
        if (place.isEmpty()) {
            diags.error(Code.SC306, f.pos(), article(el.kind().keyword) + " " + el.kind().keyword + " has no formula");
            return Optional.empty();
        }
        boolean claim = el.kind() == Decl.ElementKind.CLAIM;
        Optional<Term> t = formulas.formula(f, node.scope(), place.get(), claim ? Optional.of(node.id()) : Optional.empty());
        // Defines are inlined, so the resolved formula also names the claims that a define
        // (resolved once, perhaps for another claim) refers to.
        if (claim && t.isPresent()) {
            formulas.claimsNamed().computeIfAbsent(node.id(), k -> new LinkedHashSet<>()).addAll(Dag.claims(t.get()));
        }
        return t;
    }

    private static Clause mergeRefs(Clause a, Clause b) {
        if (a instanceof Clause.Refs ra && b instanceof Clause.Refs rb) {
            List<NodeRef> all = new ArrayList<>(ra.refs());
            all.addAll(rb.refs());
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
                Set<Clause.Kind> written = EnumSet.copyOf(allowed);
                written.remove(Clause.Kind.WHEN);
                String takes = written.isEmpty() ? " (it takes no clauses)" : written.size() == 1
                        ? " (it takes only `" + written.iterator().next().keyword + "`)" : "";
                diags.error(Code.SC306, c.pos(), "`" + c.kind().keyword + "` is not allowed on " + article(el.kind().keyword) + " "
                        + el.kind().keyword + takes);
            } else if (out.putIfAbsent(c.kind(), c) != null) {
                diags.error(Code.SC307, c.pos(), "`" + c.kind().keyword + "` is given twice on " + el.kind().keyword + " "
                        + el.id().text() + "; list everything in one clause");
            }
        }
        return out;
    }

    private Optional<String> str(Resolving r, Clause.Kind kind) {
        return r.clause(kind).map(c -> texts.of(((Clause.Str) c).text(), r.node()));
    }

    /** Resolves the names of a list clause, requiring the given node kinds. */
    private List<String> refs(Resolving r, Clause.Kind kind, Set<Model.Kind> kinds, String expectation) {
        Optional<Clause> c = r.clause(kind);
        if (c.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (NodeRef n : ((Clause.Refs) c.get()).refs()) {
            for (String id : resolveNode(n, scopeFor(n, r), kinds, "`" + kind.keyword + "` " + expectation)) {
                if (!index.excluded().contains(id) && !out.contains(id)) out.add(id);
            }
        }
        return out;
    }

    /**
     * A name a completion adds resolves in the case; a name of the pattern's own clauses in the
     * instance, also where the two lists are joined into one clause.
     */
    private Scope scopeFor(NodeRef n, Resolving r) {
        boolean added = r.completion().stream().flatMap(c -> c.clauses().stream()).anyMatch(c -> mentions(c, n));
        return added ? index.caseScope() : r.node().scope();
    }

    private static boolean mentions(Clause c, NodeRef n) {
        if (c instanceof Clause.Refs refs) return refs.refs().stream().anyMatch(x -> x == n);
        if (c instanceof Clause.Support sup) {
            for (Clause.SupportItem i : sup.items()) {
                if (i instanceof Clause.Plain p && p.ref() == n) return true;
                if (i instanceof Clause.Choice ch && ch.members().stream().anyMatch(x -> x == n)) return true;
            }
        }
        return false;
    }

    /** The nodes a reference names (several for {@code x[*]}), each of an expected kind; none after reporting. */
    List<String> resolveNode(NodeRef n, Scope scope, Set<Model.Kind> kinds, String expectation) {
        Optional<Scope.Symbol> sym = Resolve.symbol(n.name(), scope);
        if (sym.isEmpty()) {
            Resolve.reportUnknown(n.name(), scope, diags);
            return List.of();
        }
        if (sym.get() instanceof Scope.IndexedNodeSym ix && kinds.contains(ix.kind())) {
            return formulas.indexed().members(n, ix, scope).orElse(List.of());
        }
        if (!(sym.get() instanceof Scope.NodeSym ns) || !kinds.contains(ns.kind())) {
            String what = sym.get() instanceof Scope.NodeSym other ? other.kind().keyword
                    : sym.get() instanceof Scope.IndexedNodeSym other ? other.kind().keyword : describe(sym.get());
            diags.error(Code.SC206, n.pos(), expectation + ", but " + n.name().text() + " is " + article(what) + " " + what);
            return List.of();
        }
        if (n.index().isPresent()) {
            diags.error(Code.SC411, n.index().get().pos(), ns.kind().keyword + " " + n.name().text() + " is not indexed");
            return List.of();
        }
        kindsById.put(ns.id(), ns.kind());
        if (index.moduleNodes().containsKey(ns.id())) used(ns.id());
        return List.of(ns.id());
    }

    /** One node, for a clause that names exactly one ({@code rebuts}, {@code undercuts}, …). */
    private Optional<String> resolveOne(NodeRef n, Scope scope, Set<Model.Kind> kinds, String expectation) {
        List<String> ids = resolveNode(n, scope, kinds, expectation);
        if (ids.size() > 1) {
            diags.error(Code.SC411, n.pos(), expectation + ": name one member, not " + n.text());
            return Optional.empty();
        }
        return ids.stream().findFirst();
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String describe(Scope.Symbol s) {
        return Resolve.describe(s);
    }

    // ------------------------------------------------------------ node kinds

    private Model.Claim claim(Resolving r, Optional<Term> formula, Optional<String> asserted, Optional<String> owner) {
        List<String> context = refs(r, Clause.Kind.CONTEXT, CONTEXTS, CONTEXT_EXPECTATION);
        List<String> assuming = refs(r, Clause.Kind.ASSUMING, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(r, Clause.Kind.JUSTIFIED_BY, JUSTIFICATIONS, "names justifications");
        Model.Support support = claimSupport(r, asserted.isPresent());
        DeclaredNode n = r.node();
        Optional<Model.Doubt> doubt = reviewedDoubt(r, asserted.isPresent(), "asserted");
        return new Model.Claim(n.id(), n.pos(), r.text(), formula, context, assuming, justified, support, asserted, owner, n.origin(),
                doubt);
    }

    private Model.Support claimSupport(Resolving r, boolean asserted) {
        Optional<Clause> sup = r.clause(Clause.Kind.SUPPORTED_BY);
        Optional<Clause> undeveloped = r.clause(Clause.Kind.UNDEVELOPED);
        if (undeveloped.isPresent() && (sup.isPresent() || asserted)) {
            diags.error(Code.SC308, undeveloped.get().pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (sup.isPresent() ? "supported by" : "asserted") + "`");
        }
        if (sup.isEmpty()) return undeveloped.isPresent() ? new Model.Undeveloped() : new Model.Unsupported();
        Model.Support s = supportList(r, (Clause.Support) sup.get());
        if (s instanceof Model.Direct d && d.choices().isEmpty() && d.strategies().size() == 1 && d.claims().isEmpty()
                && d.evidence().isEmpty()) {
            String strategy = d.strategies().get(0);
            if (asserted) {
                diags.error(Code.SC309, r.clause(Clause.Kind.ASSERTED).orElseThrow().pos(), "claim " + r.id()
                        + " is supported by strategy " + strategy + "; put `asserted` on the strategy, which carries the inference");
            }
            return new Model.ByStrategy(strategy);
        }
        return s;
    }

    /** Most routes a support list may have; beyond it the list is refused (SC302). */
    static final int MAX_ROUTES = 64;

    /**
     * A {@code supported by} list as a {@link Model.Direct}: its plain items by kind and its choices, without the
     * instance nodes that a false {@code when} left out. A list with nothing left is {@link Model.Unsupported}.
     */
    private Model.Support supportList(Resolving r, Clause.Support sup) {
        Set<Model.Kind> kinds = EnumSet.of(Model.Kind.CLAIM, Model.Kind.STRATEGY, Model.Kind.EVIDENCE);
        String expectation = "`supported by` names claims, strategies and evidence";
        List<String> claims = new ArrayList<>();
        List<String> strategies = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        List<Model.Choice> choices = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean droppedAny = false;
        for (Clause.SupportItem item : sup.items()) {
            if (item instanceof Clause.Plain p) {
                for (String id : resolveNode(p.ref(), scopeFor(p.ref(), r), kinds, expectation)) {
                    if (index.excluded().contains(id)) {
                        droppedAny = true;
                        continue;
                    }
                    if (!seen.add(id)) {
                        diags.error(Code.SC302, p.pos(), id + " is listed twice in the support of " + r.id());
                        continue;
                    }
                    switch (kindOf(id)) {
                        case STRATEGY -> strategies.add(id);
                        case EVIDENCE -> evidence.add(id);
                        default -> claims.add(id);
                    }
                }
            } else {
                Clause.Choice c = (Clause.Choice) item;
                List<String> members = new ArrayList<>();
                for (NodeRef m : c.members()) {
                    for (String id : resolveNode(m, scopeFor(m, r), kinds, expectation)) {
                        if (index.excluded().contains(id)) continue;
                        if (!seen.add(id)) diags.error(Code.SC302, m.pos(), id + " is listed twice in the support of " + r.id());
                        else members.add(id);
                    }
                }
                choice(r, c, members).ifPresent(choices::add);
            }
        }
        if (claims.isEmpty() && strategies.isEmpty() && evidence.isEmpty() && choices.isEmpty() && droppedAny) {
            return new Model.Unsupported();
        }
        Model.Direct d = new Model.Direct(claims, evidence, strategies, choices);
        if (d.routeCount() > MAX_ROUTES) {
            diags.error(Code.SC302, sup.pos(), "the support of " + r.id() + " has " + (d.routeCount() == Long.MAX_VALUE ? "too many"
                    : Long.toString(d.routeCount())) + " routes (combinations of choice members), at most " + MAX_ROUTES
                    + "; split the choices over intermediate claims");
        }
        return d;
    }

    private Optional<Model.Choice> choice(Resolving r, Clause.Choice c, List<String> members) {
        int need = 1;
        if (!c.any()) {
            try {
                need = Integer.parseInt(c.needText());
            } catch (NumberFormatException e) {
                need = -1;
            }
        }
        if (need < 1) {
            diags.error(Code.SC302, c.needPos(), "a choice needs a whole number of members, at least 1, not " + c.needText());
            return Optional.empty();
        }
        if (members.size() < need || members.isEmpty()) {
            diags.error(Code.SC302, c.pos(), "`" + (c.any() ? "any" : c.needText()) + " of` in the support of " + r.id()
                    + " needs " + need + " of its members, but " + (members.size() == 1 ? "it has 1" : "it has " + members.size())
                    + (members.size() < c.members().size() ? " (after leaving out what `when` excludes)" : ""));
            return Optional.empty();
        }
        return Optional.of(new Model.Choice(need, members, c.any()));
    }

    private Model.Kind kindOf(String id) {
        return kindsById.getOrDefault(id, Model.Kind.CLAIM);
    }

    private Model.Strategy strategy(Resolving r, Optional<String> asserted, Optional<String> owner) {
        List<String> context = refs(r, Clause.Kind.CONTEXT, CONTEXTS, CONTEXT_EXPECTATION);
        List<String> assuming = refs(r, Clause.Kind.ASSUMING, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(r, Clause.Kind.JUSTIFIED_BY, JUSTIFICATIONS, "names justifications");
        List<String> sub = strategySubclaims(r);
        Optional<Clause> undeveloped = r.clause(Clause.Kind.UNDEVELOPED);
        boolean supported = r.clause(Clause.Kind.SUPPORTED_BY).isPresent();
        if (undeveloped.isPresent() && (supported || asserted.isPresent())) {
            diags.error(Code.SC308, undeveloped.get().pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (supported ? "supported by" : "asserted") + "`");
        }
        DeclaredNode n = r.node();
        Optional<Model.Doubt> doubt = reviewedDoubt(r, asserted.isPresent(), "asserted");
        return new Model.Strategy(n.id(), n.pos(), r.text(), context, assuming, justified, sub, undeveloped.isPresent(),
                asserted, owner, n.origin(), doubt);
    }

    /** A strategy's {@code supported by} names claims only, with no choices (put a choice under a claim). */
    private List<String> strategySubclaims(Resolving r) {
        Optional<Clause> c = r.clause(Clause.Kind.SUPPORTED_BY);
        if (c.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (Clause.SupportItem item : ((Clause.Support) c.get()).items()) {
            if (item instanceof Clause.Choice ch) {
                diags.error(Code.SC302, ch.pos(), "a strategy lists the subclaims it argues over; put a choice (`"
                        + (ch.any() ? "any" : ch.needText()) + " of`) in a claim's `supported by`");
                continue;
            }
            NodeRef ref = ((Clause.Plain) item).ref();
            for (String id : resolveNode(ref, scopeFor(ref, r), CLAIMS, "`supported by` of a strategy names claims")) {
                if (!index.excluded().contains(id) && !out.contains(id)) out.add(id);
            }
        }
        return out;
    }

    private Model.Evidence evidence(Resolving r) {
        Optional<Clause.Str> file = r.clause(Clause.Kind.FILE).map(Clause.Str.class::cast);
        Optional<Clause.Str> sha = r.clause(Clause.Kind.SHA256).map(Clause.Str.class::cast);
        Optional<Clause.Expires> exp = r.clause(Clause.Kind.EXPIRES).map(Clause.Expires.class::cast);
        if (file.isEmpty()) {
            sha.ifPresent(s -> diags.error(Code.SC503, s.pos(), "`sha256` pins a file, but evidence " + r.id()
                    + " has no `file` (it is a reference)"));
            exp.ifPresent(s -> diags.error(Code.SC503, s.pos(), "`expires` dates a file, but evidence " + r.id()
                    + " has no `file` (it is a reference)"));
        }
        Optional<String> pin = sha.map(s -> s.text().value());
        if (pin.isPresent() && !isSha256(pin.get())) {
            diags.error(Code.SC502, sha.get().text().pos(), "sha256 must be 64 hexadecimal digits (got "
                    + pin.get().length() + " characters)");
        }
        Optional<LocalDate> expires = exp.flatMap(e -> date(e.date(), e.datePos()));
        Optional<String> path = file.flatMap(f -> evidencePath(r.node(), f));
        List<Model.Fact> facts = new ArrayList<>();
        r.clause(Clause.Kind.GIVES).map(Clause.Gives.class::cast).ifPresent(gives -> {
            for (Expr e : gives.facts()) formulas.fact(e, r.node().scope(), file.isPresent()).ifPresent(facts::add);
        });
        DeclaredNode n = r.node();
        return new Model.Evidence(n.id(), n.pos(), r.text(), path.or(() -> file.map(f -> f.text().value())), file.map(f -> f.text().pos()),
                pin.map(s -> s.toLowerCase(Locale.ROOT)), expires, facts, n.origin(), doubt(r));
    }

    // ------------------------------------------------------------ doubt

    /**
     * The {@code doubt} of a node: a constant probability (SC601, SC602), resolved where the clause is
     * written (a completion's in the case, the pattern's in the instance).
     */
    private Optional<Model.Doubt> doubt(Resolving r) {
        Optional<Clause.Doubt> c = r.clause(Clause.Kind.DOUBT).map(Clause.Doubt.class::cast);
        if (c.isEmpty()) return Optional.empty();
        Expr e = c.get().value();
        Position at = FormulaDepth.start(e);
        boolean added = r.completion().stream().anyMatch(x -> x.clauses().contains(c.get()));
        Optional<Term> t = formulas.expression(e, added ? index.caseScope() : r.node().scope(), Place.DOUBT);
        if (t.isEmpty()) return Optional.empty();
        if (!t.get().type().isNumeric()) {
            diags.error(Code.SC602, at, "a doubt is a probability, a number between 0 and 1, not "
                    + article(t.get().type().describe()) + " " + t.get().type().describe());
            return Optional.empty();
        }
        Optional<Rational> v = formulas.constant(t.get());
        if (v.isEmpty()) {
            diags.error(Code.SC601, at, "a doubt must be a constant (a number, a constant define or a pattern "
                    + "parameter), not a formula over quantities");
            return Optional.empty();
        }
        if (v.get().signum() < 0 || v.get().compareTo(Rational.ONE) > 0) {
            diags.error(Code.SC602, at, "a doubt is a probability between 0 and 1, not " + v.get());
            return Optional.empty();
        }
        return Optional.of(new Model.Doubt(v.get(), c.get().pos()));
    }

    /** SC603: a claim's or strategy's doubt needs `asserted`, a defeater's `accepted`: it is the review's residual risk. */
    private Optional<Model.Doubt> reviewedDoubt(Resolving r, boolean reviewed, String clause) {
        Optional<Model.Doubt> d = doubt(r);
        if (d.isPresent() && !reviewed) {
            String kind = r.node().decl().kind().keyword;
            diags.error(Code.SC603, d.get().pos(), "`doubt` on " + kind + " " + r.id() + " needs `" + clause
                    + "`: a doubt is the chance that what a review accepts fails (proved steps need none)");
            return Optional.empty();
        }
        return d;
    }

    /**
     * The path of an evidence file as the case reads it: as written for the case's own evidence;
     * for a module's, written relative to the module's file, so rewritten relative to the case's
     * (empty, and reported, for a bundled module, whose files are not on disk).
     */
    private Optional<String> evidencePath(DeclaredNode node, Clause.Str file) {
        String written = file.text().value();
        Optional<Scope> module = moduleOf(node.scope());
        if (module.isEmpty()) {
            refuse(written, caseFile, file);
            return Optional.of(written);
        }
        if (module.get().file().isEmpty()) {
            diags.error(Code.SC501, file.text().pos(), "evidence of bundled module " + module.get().shown()
                    + " cannot name a file: bundled modules have no files beside them");
            return Optional.empty();
        }
        // the module is checked whole on its own (caseFile empty): that is where a refusal is reported, once
        if (caseFile.isEmpty()) refuse(written, module.get().file(), file);
        Path moduleDir = module.get().file().get().toAbsolutePath().normalize().getParent();
        if (caseFile.isEmpty() || written.startsWith("/") || written.startsWith("\\")) return Optional.of(written);
        Path caseDir = caseFile.get().toAbsolutePath().normalize().getParent();
        try {
            String rel = caseDir.relativize(moduleDir.resolve(written).normalize()).toString().replace('\\', '/');
            return Optional.of(rel.isEmpty() ? "." : rel);
        } catch (IllegalArgumentException e) {
            return Optional.of(written);
        }
    }

    private void refuse(String written, Optional<Path> relativeTo, Clause.Str file) {
        evidencePaths.refusal(written, relativeTo)
                .ifPresent(m -> diags.error(Code.SC501, file.text().pos(), "evidence path " + m));
    }

    private static Optional<Scope> moduleOf(Scope scope) {
        for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
            if (s.kind() == Scope.Kind.MODULE) return Optional.of(s);
        }
        return Optional.empty();
    }

    private static boolean isSha256(String s) {
        return s.length() == 64 && s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    private Optional<LocalDate> date(String text, Position pos) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            diags.error(Code.SC104, pos, "invalid date " + text + " (no such day)");
            return Optional.empty();
        }
    }

    private Optional<Model.Node> defeater(Resolving r, Optional<Term> formula, Optional<String> owner) {
        List<Clause.Target> targets = new ArrayList<>();
        for (Clause.Kind k : List.of(Clause.Kind.REBUTS, Clause.Kind.UNDERCUTS, Clause.Kind.UNDERMINES)) {
            r.clause(k).ifPresent(c -> targets.add((Clause.Target) c));
        }
        if (targets.size() != 1) {
            diags.error(Code.SC310, targets.isEmpty() ? r.node().decl().id().pos() : targets.get(1).pos(),
                    "a defeater attacks exactly one node: give one of `rebuts`, `undercuts` or `undermines`");
            return Optional.empty();
        }
        Clause.Target t = targets.get(0);
        Model.Attack attack = Model.Attack.valueOf(t.kind().name());
        Set<Model.Kind> kinds = switch (attack) {
            case REBUTS -> EnumSet.of(Model.Kind.CLAIM, Model.Kind.DEFEATER);
            case UNDERCUTS -> EnumSet.of(Model.Kind.STRATEGY, Model.Kind.CLAIM, Model.Kind.DEFEATER);
            case UNDERMINES -> EnumSet.of(Model.Kind.EVIDENCE);
        };
        String expectation = switch (attack) {
            case REBUTS -> "`rebuts` names a claim or a defeater";
            case UNDERCUTS -> "`undercuts` names a strategy, a claim meaning its direct inference, or a defeater meaning its argument";
            case UNDERMINES -> "`undermines` names evidence";
        };
        Optional<String> target = resolveOne(t.target(), r.node().scope(), kinds, expectation);
        Optional<String> relation = t.relation().flatMap(x -> resolveOne(x, r.node().scope(),
                EnumSet.of(Model.Kind.CLAIM, Model.Kind.STRATEGY, Model.Kind.EVIDENCE, Model.Kind.DEFEATER),
                "`undercuts C -> X` names a node X that supports C (or a defeater that attacks C)"));
        List<String> elim = refs(r, Clause.Kind.ELIMINATED_BY, CLAIMS, "names claims whose discharge eliminates the defeater");
        Optional<String> accepted = str(r, Clause.Kind.ACCEPTED);
        if (r.clause(Clause.Kind.ELIMINATED_BY).isPresent() && accepted.isPresent()) {
            diags.error(Code.SC311, r.clause(Clause.Kind.ACCEPTED).orElseThrow().pos(),
                    "a defeater is either `eliminated by` claims or `accepted`, not both");
        }
        Optional<Model.Doubt> doubt = reviewedDoubt(r, accepted.isPresent(), "accepted");
        Model.Support argument = r.clause(Clause.Kind.SUPPORTED_BY).map(c -> supportList(r, (Clause.Support) c))
                .orElse(new Model.Unsupported());
        if (target.isEmpty() || (t.relation().isPresent() && relation.isEmpty())) return Optional.empty();
        if (index.excluded().contains(target.get())) return Optional.empty(); // it attacks a node `when` left out
        DeclaredNode n = r.node();
        return Optional.of(new Model.Defeater(n.id(), n.pos(), r.text(), formula, attack, target.get(), relation, elim, accepted,
                argument, owner, n.origin(), doubt));
    }
}
