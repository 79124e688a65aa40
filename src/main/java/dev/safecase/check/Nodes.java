package dev.safecase.check;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.Name;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.formula.Term;
import dev.safecase.model.Model;
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
                 Map<String, Decl.Element> completions) {
        /** For a module's own nodes, which name no other node (their kinds take no clauses). */
        static Index none() {
            return new Index(Scope.ofCase(), Map.of(), Map.of(), Map.of());
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

    private static final Set<Model.Kind> CONTEXTS = EnumSet.of(Model.Kind.CONTEXT);
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
            case ASSUMPTION -> Optional.of(new Model.Assumption(node.id(), node.pos(), r.text(), formula, node.origin()));
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
                diags.error(Code.SC306, c.pos(), "`" + c.kind().keyword + "` is not allowed on " + article(el.kind().keyword) + " "
                        + el.kind().keyword + (allowed.isEmpty() ? " (it takes no clauses)" : ""));
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
        for (Name n : ((Clause.Refs) c.get()).names()) {
            resolveNode(n, scopeFor(n, r), kinds, "`" + kind.keyword + "` " + expectation).ifPresent(out::add);
        }
        return out;
    }

    /**
     * A name a completion adds resolves in the case; a name of the pattern's own clauses in the
     * instance, also where the two lists are joined into one clause.
     */
    private Scope scopeFor(Name n, Resolving r) {
        boolean added = r.completion().stream().flatMap(c -> c.clauses().stream())
                .anyMatch(c -> c instanceof Clause.Refs refs && refs.names().stream().anyMatch(x -> x == n));
        return added ? index.caseScope() : r.node().scope();
    }

    private Optional<String> resolveNode(Name n, Scope scope, Set<Model.Kind> kinds, String expectation) {
        Optional<Scope.Symbol> sym = Resolve.symbol(n, scope);
        if (sym.isEmpty()) {
            Resolve.reportUnknown(n, scope, diags);
            return Optional.empty();
        }
        if (!(sym.get() instanceof Scope.NodeSym ns) || !kinds.contains(ns.kind())) {
            String what = sym.get() instanceof Scope.NodeSym other ? other.kind().keyword : describe(sym.get());
            diags.error(Code.SC206, n.pos(), expectation + ", but " + n.text() + " is " + article(what) + " " + what);
            return Optional.empty();
        }
        kindsById.put(ns.id(), ns.kind());
        if (index.moduleNodes().containsKey(ns.id())) used(ns.id());
        return Optional.of(ns.id());
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String describe(Scope.Symbol s) {
        return Resolve.describe(s);
    }

    // ------------------------------------------------------------ node kinds

    private Model.Claim claim(Resolving r, Optional<Term> formula, Optional<String> asserted, Optional<String> owner) {
        List<String> context = refs(r, Clause.Kind.CONTEXT, CONTEXTS, "names contexts");
        List<String> assuming = refs(r, Clause.Kind.ASSUMING, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(r, Clause.Kind.JUSTIFIED_BY, JUSTIFICATIONS, "names justifications");
        Model.Support support = claimSupport(r, asserted.isPresent());
        DeclaredNode n = r.node();
        return new Model.Claim(n.id(), n.pos(), r.text(), formula, context, assuming, justified, support, asserted, owner, n.origin());
    }

    private Model.Support claimSupport(Resolving r, boolean asserted) {
        Optional<Clause> sup = r.clause(Clause.Kind.SUPPORTED_BY);
        Optional<Clause> undeveloped = r.clause(Clause.Kind.UNDEVELOPED);
        if (undeveloped.isPresent() && (sup.isPresent() || asserted)) {
            diags.error(Code.SC308, undeveloped.get().pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (sup.isPresent() ? "supported by" : "asserted") + "`");
        }
        if (sup.isEmpty()) return undeveloped.isPresent() ? new Model.Undeveloped() : new Model.Unsupported();
        List<Name> names = ((Clause.Refs) sup.get()).names();
        List<String> strategies = new ArrayList<>();
        List<String> claims = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Name n : names) {
            Optional<String> id = resolveNode(n, scopeFor(n, r), EnumSet.of(Model.Kind.CLAIM, Model.Kind.STRATEGY, Model.Kind.EVIDENCE),
                    "a claim is `supported by` one strategy, or by claims and evidence");
            if (id.isEmpty()) continue;
            switch (kindOf(id.get())) {
                case STRATEGY -> strategies.add(id.get());
                case EVIDENCE -> evidence.add(id.get());
                default -> claims.add(id.get());
            }
        }
        if (!strategies.isEmpty() && names.size() > 1) {
            diags.error(Code.SC302, sup.get().pos(), "claim " + r.id() + " is supported by strategy " + strategies.get(0)
                    + " and by other nodes; a claim names exactly one strategy, or only claims and evidence: "
                    + "put the extra support under the strategy");
            return new Model.ByStrategy(strategies.get(0));
        }
        if (!strategies.isEmpty()) {
            if (asserted) {
                diags.error(Code.SC309, r.clause(Clause.Kind.ASSERTED).orElseThrow().pos(), "claim " + r.id()
                        + " is supported by strategy " + strategies.get(0) + "; put `asserted` on the strategy, which carries the inference");
            }
            return new Model.ByStrategy(strategies.get(0));
        }
        return new Model.Direct(claims, evidence);
    }

    private Model.Kind kindOf(String id) {
        return kindsById.getOrDefault(id, Model.Kind.CLAIM);
    }

    private Model.Strategy strategy(Resolving r, Optional<String> asserted, Optional<String> owner) {
        List<String> context = refs(r, Clause.Kind.CONTEXT, CONTEXTS, "names contexts");
        List<String> assuming = refs(r, Clause.Kind.ASSUMING, ASSUMPTIONS, "names assumptions");
        List<String> justified = refs(r, Clause.Kind.JUSTIFIED_BY, JUSTIFICATIONS, "names justifications");
        List<String> sub = refs(r, Clause.Kind.SUPPORTED_BY, CLAIMS, "of a strategy names claims");
        Optional<Clause> undeveloped = r.clause(Clause.Kind.UNDEVELOPED);
        boolean supported = r.clause(Clause.Kind.SUPPORTED_BY).isPresent();
        if (undeveloped.isPresent() && (supported || asserted.isPresent())) {
            diags.error(Code.SC308, undeveloped.get().pos(), "`undeveloped` marks a gap, so it excludes `"
                    + (supported ? "supported by" : "asserted") + "`");
        }
        DeclaredNode n = r.node();
        return new Model.Strategy(n.id(), n.pos(), r.text(), context, assuming, justified, sub, undeveloped.isPresent(),
                asserted, owner, n.origin());
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
                pin.map(s -> s.toLowerCase(Locale.ROOT)), expires, facts, n.origin());
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
            case REBUTS -> CLAIMS;
            case UNDERCUTS -> EnumSet.of(Model.Kind.STRATEGY, Model.Kind.CLAIM);
            case UNDERMINES -> EnumSet.of(Model.Kind.EVIDENCE);
        };
        String expectation = switch (attack) {
            case REBUTS -> "`rebuts` names a claim";
            case UNDERCUTS -> "`undercuts` names a strategy, or a claim meaning its direct inference";
            case UNDERMINES -> "`undermines` names evidence";
        };
        Optional<String> target = resolveNode(t.name(), r.node().scope(), kinds, expectation);
        List<String> elim = refs(r, Clause.Kind.ELIMINATED_BY, CLAIMS, "names claims whose discharge eliminates the defeater");
        Optional<String> accepted = str(r, Clause.Kind.ACCEPTED);
        if (r.clause(Clause.Kind.ELIMINATED_BY).isPresent() && accepted.isPresent()) {
            diags.error(Code.SC311, r.clause(Clause.Kind.ACCEPTED).orElseThrow().pos(),
                    "a defeater is either `eliminated by` claims or `accepted`, not both");
        }
        if (target.isEmpty()) return Optional.empty();
        DeclaredNode n = r.node();
        return Optional.of(new Model.Defeater(n.id(), n.pos(), r.text(), formula, attack, target.get(), elim, accepted, owner,
                n.origin()));
    }
}
