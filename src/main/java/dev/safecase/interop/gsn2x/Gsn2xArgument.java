package dev.safecase.interop.gsn2x;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.interop.CaseText;
import dev.safecase.interop.NodeKind;
import dev.safecase.interop.gsn2x.Gsn2xFile.Element;
import dev.safecase.interop.gsn2x.Gsn2xFile.Ref;
import dev.safecase.stats.Builtin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All elements of the files of one gsn2x argument, by ID, with the kind of safecase node each
 * becomes; checked as gsn2x checks them (IDs unique across modules, every reference resolves and
 * names a sensible element, extended modules and elements exist) and for what a case can hold.
 */
final class Gsn2xArgument {
    /** An element and the file (by its index in the input order) that holds it. */
    record Placed(Element el, int file, NodeKind kind) {}

    final List<Gsn2xFile> files;
    final Map<String, Placed> byId = new LinkedHashMap<>();
    /** Supports that another module's {@code extends … develops} adds to an undeveloped element. */
    final Map<String, List<String>> developedBy = new HashMap<>();

    private Gsn2xArgument(List<Gsn2xFile> files) {
        this.files = List.copyOf(files);
    }

    static Optional<Gsn2xArgument> of(List<Gsn2xFile> files, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Gsn2xArgument a = new Gsn2xArgument(files);
        a.index(local);
        if (!local.hasErrors()) a.check(local);
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : Optional.of(a);
    }

    /** The safecase kind of a gsn2x element: a counter-argument that challenges something is a defeater. */
    static NodeKind kindOf(Element e) {
        return switch (e.type()) {
            case Goal -> NodeKind.CLAIM;
            case Strategy -> NodeKind.STRATEGY;
            case Solution -> NodeKind.EVIDENCE;
            case Context -> NodeKind.CONTEXT;
            case Assumption -> NodeKind.ASSUMPTION;
            case Justification -> NodeKind.JUSTIFICATION;
            case CounterGoal -> e.challenges().isPresent() ? NodeKind.DEFEATER : NodeKind.CLAIM;
            case CounterSolution -> e.challenges().isPresent() ? NodeKind.DEFEATER : NodeKind.EVIDENCE;
        };
    }

    /** The gsn2x type a safecase node of {@code kind} has when nothing says otherwise. */
    static GsnType defaultType(NodeKind kind) {
        return switch (kind) {
            case CLAIM -> GsnType.Goal;
            case STRATEGY -> GsnType.Strategy;
            case EVIDENCE -> GsnType.Solution;
            case CONTEXT -> GsnType.Context;
            case ASSUMPTION -> GsnType.Assumption;
            case JUSTIFICATION -> GsnType.Justification;
            case DEFEATER -> GsnType.CounterGoal;
        };
    }

    Placed get(String id) {
        return byId.get(id);
    }

    private void index(Diagnostics diags) {
        for (int i = 0; i < files.size(); i++) {
            for (Element e : files.get(i).elements()) {
                Placed old = byId.putIfAbsent(e.id(), new Placed(e, i, kindOf(e)));
                if (old != null) {
                    diags.error(Code.SC704, e.pos(), "element " + e.id() + " is also defined at " + old.el().pos()
                            + " (IDs are unique across all modules)");
                    continue;
                }
                if (e.generatedBy().isPresent()) continue;
                Optional<String> why = CaseText.nameProblem(e.id()).map(w -> "the ID " + e.id() + " cannot be a name in a case: " + w);
                if (why.isEmpty() && isBuiltin(e.id())) {
                    why = Optional.of("the ID " + e.id() + " is a built-in function of the case language and cannot name a node");
                }
                why.ifPresent(w -> diags.error(Code.SC706, e.pos(), w));
                CaseText.textProblem(e.text()).ifPresent(w -> diags.error(Code.SC706, e.textPos(), w));
            }
        }
    }

    static boolean isBuiltin(String id) {
        for (Builtin b : Builtin.values()) if (b.spelling().equals(id)) return true;
        return false;
    }

    private void check(Diagnostics diags) {
        for (Placed p : byId.values()) {
            Element e = p.el();
            for (Ref r : e.supportedBy()) {
                resolve(r, diags).ifPresent(t -> {
                    boolean ok = switch (p.kind()) {
                        case CLAIM, STRATEGY, DEFEATER -> !t.kind().isSide();
                        default -> false;
                    };
                    if (!ok) diags.error(Code.SC705, r.pos(), e.id() + " (" + e.type() + ") cannot be supported by " + r.id()
                            + " (" + t.el().type() + "): gsn2x lets goals and strategies be supported by goals, strategies "
                            + "and solutions, counter-goals by counter-goals and counter-solutions");
                });
            }
            if (e.undeveloped() && !e.supportedBy().isEmpty()) {
                diags.error(Code.SC705, e.supportedBy().get(0).pos(), "undeveloped element " + e.id()
                        + " has supporting arguments (gsn2x V03)");
            }
            for (Ref r : e.inContextOf()) {
                resolve(r, diags).ifPresent(t -> {
                    boolean ok = (p.kind() == NodeKind.CLAIM || p.kind() == NodeKind.STRATEGY || p.kind() == NodeKind.DEFEATER)
                            && t.kind().isSide();
                    if (!ok) diags.error(Code.SC705, r.pos(), e.id() + " (" + e.type() + ") cannot be in the context of " + r.id()
                            + " (" + t.el().type() + "): gsn2x puts contexts, assumptions and justifications in the "
                            + "context of goals and strategies");
                });
            }
            e.challenges().ifPresent(c -> {
                if (!e.type().isCounter()) {
                    diags.error(Code.SC705, c.pos(), e.id() + " is a " + e.type() + "; only counter-goals and counter-solutions "
                            + "challenge other elements (gsn2x V12)");
                }
                if (c instanceof Gsn2xFile.OfElement oe) {
                    resolve(oe.target(), diags).ifPresent(t -> {
                        if (t.el() == e) diags.error(Code.SC705, c.pos(), e.id() + " challenges itself");
                    });
                } else {
                    Gsn2xFile.OfRelation r = (Gsn2xFile.OfRelation) c;
                    Optional<Placed> from = resolve(r.from(), diags);
                    Optional<Placed> to = resolve(r.to(), diags);
                    if (from.isPresent() && to.isPresent() && !related(from.get().el(), to.get().el())) {
                        diags.error(Code.SC703, c.pos(), e.id() + " challenges the relation " + r.written().strip()
                                + ", but neither supports, is in the context of, or challenges the other (gsn2x C16)");
                    }
                }
            });
        }
        if (!diags.hasErrors()) counterChallenges(diags);
        extensions(diags);
    }

    /**
     * safecase meets a challenge to a counter-argument with an argument of its own (SC310): a challenger
     * without {@code supportedBy} there (a counter-solution, say) has no faithful form in a case.
     */
    private void counterChallenges(Diagnostics diags) {
        for (Placed p : byId.values()) {
            Element e = p.el();
            if (p.kind() != NodeKind.DEFEATER || !e.supportedBy().isEmpty() || e.challenges().isEmpty()) continue;
            String target = attacked(attack(e.challenges().get()));
            if (counter(target)) {
                diags.error(Code.SC706, e.challenges().get().pos(), e.id() + " challenges " + target + ", which argues against "
                        + "the case: in a case such a challenge argues for the case and needs its own argument; make " + e.id()
                        + " a CounterGoal with supportedBy");
            }
        }
    }

    /** gsn2x's test for a relation between two elements: one supports, is in the context of, or challenges the other. */
    static boolean related(Element a, Element b) {
        return relates(a, b.id()) || relates(b, a.id());
    }

    private static boolean relates(Element from, String to) {
        return from.supportedBy().stream().anyMatch(x -> x.id().equals(to)) || from.inContextOf().stream().anyMatch(x -> x.id().equals(to))
                || from.challenges().map(c -> c instanceof Gsn2xFile.OfElement oe && oe.target().id().equals(to)).orElse(false);
    }

    private static boolean supports(Element parent, String child) {
        return parent.supportedBy().stream().anyMatch(x -> x.id().equals(child));
    }

    private static boolean inContext(Element parent, String child) {
        return parent.inContextOf().stream().anyMatch(x -> x.id().equals(child));
    }

    private static boolean attacks(Element attacker, String target) {
        return attacker.challenges().map(c -> c instanceof Gsn2xFile.OfElement oe && oe.target().id().equals(target)).orElse(false);
    }

    /**
     * Whether {@code id} argues against the case (safecase's counter side): a challenge to a node of
     * the case's side, or a node in the argument of one; a challenge to the counter side argues for the case.
     */
    boolean counter(String id) {
        return counter(id, new java.util.HashSet<>());
    }

    private boolean counter(String id, java.util.Set<String> seen) {
        if (!seen.add(id)) return false;
        Placed p = get(id);
        if (p == null) return false;
        if (p.el().challenges().isPresent()) return !counter(attacked(attack(p.el().challenges().get())), seen);
        for (Placed parent : byId.values()) {
            if (supports(parent.el(), id)) return counter(parent.el().id(), seen);
        }
        return false;
    }

    /** The node an attack is against: an attack on a challenge relation is against the challenger (as ArgumentGraph.attacked). */
    String attacked(Attack a) {
        if (a.relation().isPresent()) {
            Element x = get(a.relation().get()).el();
            if (attacks(x, a.target())) return x.id();
        }
        return a.target();
    }

    /** A defeater's attack as the case writes it: the verb and the ID of the node attacked. */
    record Attack(String verb, String target, Optional<String> relation) {
        Attack(String verb, String target) {
            this(verb, target, Optional.empty());
        }
    }

    /**
     * What a challenge attacks in safecase terms. An element: {@code rebuts} a claim (or a defeater,
     * or a context, assumption or justification), {@code undercuts} a strategy, {@code undermines}
     * evidence. A relation: the step it belongs to is undercut (the strategy's, or the claim's own
     * step), and a challenged challenge is a rebuttal of its challenger.
     */
    Attack attack(Gsn2xFile.Challenge c) {
        if (c instanceof Gsn2xFile.OfElement oe) {
            Placed t = get(oe.target().id());
            String verb = switch (t.kind()) {
                case STRATEGY -> "undercuts";
                case EVIDENCE -> "undermines";
                default -> "rebuts";
            };
            return new Attack(verb, oe.target().id());
        }
        Gsn2xFile.OfRelation r = (Gsn2xFile.OfRelation) c;
        Element a = get(r.from().id()).el();
        Element b = get(r.to().id()).el();
        // the case language names a support or an attack relation itself: `undercuts P -> C`
        if (supports(a, b.id()) || attacks(b, a.id())) return new Attack("undercuts", a.id(), Optional.of(b.id()));
        if (supports(b, a.id()) || attacks(a, b.id())) return new Attack("undercuts", b.id(), Optional.of(a.id()));
        if (supports(a, b.id())) return step(a, b);
        if (supports(b, a.id())) return step(b, a);
        if (inContext(a, b.id())) return step(a, null);
        if (inContext(b, a.id())) return step(b, null);
        if (attacks(a, b.id())) return new Attack("rebuts", a.id());
        return new Attack("rebuts", b.id());
    }

    /** The step a relation from {@code parent} (to {@code child}, if a support) belongs to. */
    private Attack step(Element parent, Element child) {
        if (child != null && get(child.id()).kind() == NodeKind.STRATEGY) return new Attack("undercuts", child.id());
        if (get(parent.id()).kind() == NodeKind.CLAIM) {
            for (Ref s : parent.supportedBy()) {
                if (get(s.id()).kind() == NodeKind.STRATEGY) return new Attack("undercuts", s.id());
            }
        }
        if (get(parent.id()).kind() == NodeKind.DEFEATER) return new Attack("rebuts", parent.id());
        return new Attack("undercuts", parent.id());
    }

    private Optional<Placed> resolve(Ref r, Diagnostics diags) {
        Placed t = byId.get(r.id());
        if (t == null) {
            String hint = r.id().contains(",") ? " (several IDs are written as a list: [A, B])" : "";
            diags.error(Code.SC703, r.pos(), r.id() + " is not an element of any input file" + hint);
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private void extensions(Diagnostics diags) {
        Map<String, Integer> byModule = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            int index = i;
            files.get(i).module().ifPresent(m -> byModule.put(m.name(), index));
        }
        for (int i = 0; i < files.size(); i++) {
            Optional<Gsn2xFile.Module> m = files.get(i).module();
            if (m.isEmpty()) continue;
            for (Gsn2xFile.Extension x : m.get().extensions()) {
                Integer target = byModule.get(x.module().id());
                if (target == null) {
                    diags.error(Code.SC703, x.module().pos(), "module " + x.module().id() + " is extended but is not among the input files");
                    continue;
                }
                for (Gsn2xFile.Develop d : x.develops()) {
                    Placed foreign = byId.get(d.foreign().id());
                    if (foreign == null || foreign.file() != target) {
                        diags.error(Code.SC703, d.foreign().pos(), d.foreign().id() + " is not an element of module " + x.module().id());
                        continue;
                    }
                    if (!foreign.el().undeveloped()) {
                        diags.error(Code.SC705, d.foreign().pos(), d.foreign().id() + " is developed by module " + m.get().name()
                                + ", so it must be marked undeveloped: true in " + x.module().id());
                        continue;
                    }
                    List<String> locals = new ArrayList<>();
                    for (Ref r : d.local()) {
                        Placed l = byId.get(r.id());
                        if (l == null || l.file() != i) {
                            diags.error(Code.SC703, r.pos(), r.id() + " is not an element of this module");
                        } else {
                            locals.add(r.id());
                        }
                    }
                    developedBy.computeIfAbsent(d.foreign().id(), k -> new ArrayList<>()).addAll(locals);
                }
            }
        }
    }

    /** Where an element is reported when a problem concerns it as a whole. */
    static Position at(Element e) {
        return e.pos();
    }
}
