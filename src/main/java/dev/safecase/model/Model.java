package dev.safecase.model;

import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.num.Rational;
import dev.safecase.stats.Builtin;
import dev.safecase.diag.Position;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The checked model of one case: every node resolved, every formula typed. */
public final class Model {
    private Model() {
    }

    /** A scalar quantity symbol (an indexed quantity gives one per member). */
    public record Quantity(String name, Type type, Optional<Rational> low, Optional<Rational> high,
                           Position pos, String description) {
        public boolean hasRange() {
            return low.isPresent() || high.isPresent();
        }
    }

    public enum Kind {
        CLAIM("claim"), STRATEGY("strategy"), EVIDENCE("evidence"), DEFEATER("defeater"),
        ASSUMPTION("assumption"), CONTEXT("context"), JUSTIFICATION("justification");

        public final String keyword;

        Kind(String keyword) { this.keyword = keyword; }
    }

    /** Common shape of every node. {@code origin} names the pattern node an instance came from. */
    public sealed interface Node permits Claim, Strategy, Evidence, Defeater, Assumption, TextNode {
        String id();

        Position pos();

        String text();

        Optional<String> origin();

        Kind kind();
    }

    /**
     * A stated {@code doubt}: an exact upper bound, in [0, 1], on the probability that a premise fails (an
     * assumption is false, an asserted step does not carry, evidence's facts do not hold, an accepted defeater
     * holds). Author's input; see docs/confidence.md.
     */
    public record Doubt(Rational value, Position pos) {}

    /** How a claim is supported. */
    public sealed interface Support permits Unsupported, Undeveloped, ByStrategy, Direct {}

    public record Unsupported() implements Support {}

    public record Undeveloped() implements Support {}

    public record ByStrategy(String strategy) implements Support {}

    /**
     * A {@code supported by} list other than one lone strategy: the claims, strategies and evidence that must all hold
     * (each kind in the order written) and the choices, of which enough members must hold (docs/language.md, section 7).
     */
    public record Direct(List<String> claims, List<String> evidence, List<String> strategies, List<Choice> choices)
            implements Support {
        public Direct {
            claims = List.copyOf(claims);
            evidence = List.copyOf(evidence);
            strategies = List.copyOf(strategies);
            choices = List.copyOf(choices);
        }

        /** A conjunctive list of claims and evidence, the classic shape. */
        public Direct(List<String> claims, List<String> evidence) {
            this(claims, evidence, List.of(), List.of());
        }

        /** The nodes that must all hold: claims, then strategies, then evidence. */
        public List<String> conjunctive() {
            List<String> out = new java.util.ArrayList<>(claims);
            out.addAll(strategies);
            out.addAll(evidence);
            return List.copyOf(out);
        }

        /** Every node the list names: the conjunctive ones, then the members of each choice. */
        public List<String> all() {
            List<String> out = new java.util.ArrayList<>(conjunctive());
            for (Choice c : choices) {
                for (String m : c.members()) if (!out.contains(m)) out.add(m);
            }
            return List.copyOf(out);
        }

        public boolean hasChoices() {
            return !choices.isEmpty();
        }

        /**
         * The routes of a list with choices: each picks {@code need} members of every choice (all combinations, in the
         * order written); empty when the list has no choices.
         */
        public List<Route> routes() {
            List<List<String>> partial = List.of(List.of());
            for (Choice c : choices) {
                List<List<String>> next = new java.util.ArrayList<>();
                for (List<String> p : partial) {
                    for (List<String> pick : subsets(c.members(), c.need())) {
                        List<String> joined = new java.util.ArrayList<>(p);
                        for (String m : pick) if (!joined.contains(m)) joined.add(m);
                        next.add(joined);
                    }
                }
                partial = next;
            }
            if (choices.isEmpty()) return List.of();
            return partial.stream().map(p -> new Route(String.join("+", p), p)).toList();
        }

        /** How many routes {@link #routes} gives, without making them (saturating at Long.MAX_VALUE). */
        public long routeCount() {
            long n = choices.isEmpty() ? 0 : 1;
            for (Choice c : choices) {
                long k = binomial(c.members().size(), c.need());
                n = k != 0 && n > Long.MAX_VALUE / k ? Long.MAX_VALUE : n * k;
            }
            return n;
        }

        private static long binomial(int n, int k) {
            if (k < 0 || k > n) return 0;
            long r = 1;
            for (int i = 1; i <= k; i++) {
                r = r * (n - k + i) / i;
                if (r > Long.MAX_VALUE / (n + 1)) return Long.MAX_VALUE / (n + 1);
            }
            return r;
        }

        private static List<List<String>> subsets(List<String> members, int need) {
            List<List<String>> out = new java.util.ArrayList<>();
            int[] idx = new int[need];
            for (int i = 0; i < need; i++) idx[i] = i;
            if (need > members.size()) return out;
            while (true) {
                List<String> pick = new java.util.ArrayList<>();
                for (int i : idx) pick.add(members.get(i));
                out.add(pick);
                int i = need - 1;
                while (i >= 0 && idx[i] == members.size() - need + i) i--;
                if (i < 0) return out;
                idx[i]++;
                for (int j = i + 1; j < need; j++) idx[j] = idx[j - 1] + 1;
            }
        }
    }

    /** {@code any of (a, b)} ({@code need} 1) or {@code M of (…)}: at least {@code need} members must hold. */
    public record Choice(int need, List<String> members, boolean any) {
        public Choice {
            members = List.copyOf(members);
        }

        /** As written: {@code any of (a, b)}, {@code 2 of (a, b, c)}. */
        public String text() {
            return (any ? "any" : Integer.toString(need)) + " of (" + String.join(", ", members) + ")";
        }
    }

    /** One way to meet the choices of a list: {@code name} joins the {@code picks} with '+' ({@code a}, {@code a+c}). */
    public record Route(String name, List<String> picks) {
        public Route {
            picks = List.copyOf(picks);
        }
    }

    public record Claim(String id, Position pos, String text, Optional<Term> formula, List<String> context,
                        List<String> assuming, List<String> justifiedBy, Support support,
                        Optional<String> asserted, Optional<String> owner, Optional<String> origin,
                        Optional<Doubt> doubt) implements Node {
        public Claim {
            context = List.copyOf(context);
            assuming = List.copyOf(assuming);
            justifiedBy = List.copyOf(justifiedBy);
        }

        /** Without a doubt clause. */
        public Claim(String id, Position pos, String text, Optional<Term> formula, List<String> context,
                     List<String> assuming, List<String> justifiedBy, Support support,
                     Optional<String> asserted, Optional<String> owner, Optional<String> origin) {
            this(id, pos, text, formula, context, assuming, justifiedBy, support, asserted, owner, origin, Optional.empty());
        }

        public Kind kind() { return Kind.CLAIM; }

        public boolean isFormal() { return formula.isPresent(); }
    }

    public record Strategy(String id, Position pos, String text, List<String> context, List<String> assuming,
                           List<String> justifiedBy, List<String> subclaims, boolean undeveloped,
                           Optional<String> asserted, Optional<String> owner, Optional<String> origin,
                           Optional<Doubt> doubt) implements Node {
        public Strategy {
            context = List.copyOf(context);
            assuming = List.copyOf(assuming);
            justifiedBy = List.copyOf(justifiedBy);
            subclaims = List.copyOf(subclaims);
        }

        /** Without a doubt clause. */
        public Strategy(String id, Position pos, String text, List<String> context, List<String> assuming,
                        List<String> justifiedBy, List<String> subclaims, boolean undeveloped,
                        Optional<String> asserted, Optional<String> owner, Optional<String> origin) {
            this(id, pos, text, context, assuming, justifiedBy, subclaims, undeveloped, asserted, owner, origin,
                    Optional.empty());
        }

        public Kind kind() { return Kind.STRATEGY; }
    }

    /** A statistics built-in as evaluated: its arguments and its (soundly rounded) value. */
    public record Bound(Builtin function, List<Rational> args, Rational value) {
        public Bound {
            args = List.copyOf(args);
        }
    }

    /** One {@code gives} fact, with its position and the statistical bounds evaluated in it. */
    public record Fact(Term formula, Position pos, List<Bound> bounds) {
        public Fact {
            bounds = List.copyOf(bounds);
        }

        public Fact(Term formula, Position pos) {
            this(formula, pos, List.of());
        }
    }

    public record Evidence(String id, Position pos, String text, Optional<String> file, Optional<Position> filePos,
                           Optional<String> sha256, Optional<LocalDate> expires, List<Fact> facts,
                           Optional<String> origin, Optional<Doubt> doubt) implements Node {
        public Evidence {
            facts = List.copyOf(facts);
        }

        /** Without a doubt clause. */
        public Evidence(String id, Position pos, String text, Optional<String> file, Optional<Position> filePos,
                        Optional<String> sha256, Optional<LocalDate> expires, List<Fact> facts, Optional<String> origin) {
            this(id, pos, text, file, filePos, sha256, expires, facts, origin, Optional.empty());
        }

        public Kind kind() { return Kind.EVIDENCE; }

        public boolean isReference() { return file.isEmpty(); }
    }

    public enum Attack { REBUTS, UNDERCUTS, UNDERMINES }

    /**
     * A defeater. {@code relation}: for {@code undercuts C -> X}, the node X whose support relation from the target C is
     * attacked. {@code argument}: its own {@code supported by} (a counter-argument), {@link Unsupported} when none.
     */
    public record Defeater(String id, Position pos, String text, Optional<Term> formula, Attack attack, String target,
                           Optional<String> relation, List<String> eliminatedBy, Optional<String> accepted,
                           Support argument, Optional<String> owner, Optional<String> origin,
                           Optional<Doubt> doubt) implements Node {
        public Defeater {
            eliminatedBy = List.copyOf(eliminatedBy);
        }

        /** Without a doubt clause. */
        public Defeater(String id, Position pos, String text, Optional<Term> formula, Attack attack, String target,
                        Optional<String> relation, List<String> eliminatedBy, Optional<String> accepted,
                        Support argument, Optional<String> owner, Optional<String> origin) {
            this(id, pos, text, formula, attack, target, relation, eliminatedBy, accepted, argument, owner, origin,
                    Optional.empty());
        }

        /** A doubt: no relation, no argument of its own, no doubt clause. */
        public Defeater(String id, Position pos, String text, Optional<Term> formula, Attack attack, String target,
                        List<String> eliminatedBy, Optional<String> accepted, Optional<String> owner,
                        Optional<String> origin) {
            this(id, pos, text, formula, attack, target, Optional.empty(), eliminatedBy, accepted, new Unsupported(), owner,
                    origin, Optional.empty());
        }

        public Kind kind() { return Kind.DEFEATER; }

        /** Whether it carries its own argument ({@code supported by}): a counter-argument rather than a doubt. */
        public boolean argued() {
            return !(argument instanceof Unsupported);
        }
    }

    /** An assumption; {@code context} lists the contexts and assumptions it is stated in (GSN's in-context-of). */
    public record Assumption(String id, Position pos, String text, Optional<Term> formula, List<String> context,
                             Optional<String> origin, Optional<Doubt> doubt) implements Node {
        public Assumption {
            context = List.copyOf(context);
        }

        /** Without a doubt clause. */
        public Assumption(String id, Position pos, String text, Optional<Term> formula, List<String> context,
                          Optional<String> origin) {
            this(id, pos, text, formula, context, origin, Optional.empty());
        }

        public Assumption(String id, Position pos, String text, Optional<Term> formula, Optional<String> origin) {
            this(id, pos, text, formula, List.of(), origin, Optional.empty());
        }

        public Kind kind() { return Kind.ASSUMPTION; }
    }

    public record TextNode(String id, Position pos, String text, Kind kind, Optional<String> origin) implements Node {}

    /**
     * A whole checked case. Node lists are in source order (instances at their {@code use}), the
     * nodes of imported modules after the case's own. {@code modules} gives, for each node of an
     * imported module, the module's name in the case (its alias chain: {@code hz}, {@code a.m}).
     */
    public record Case(String name, String file, java.nio.file.Path path, Position pos, String text,
                       List<Quantity> quantities, List<Node> nodes, java.util.Map<String, String> modules) {
        public Case {
            quantities = List.copyOf(quantities);
            nodes = List.copyOf(nodes);
            modules = java.util.Map.copyOf(modules);
        }

        public Case(String name, String file, java.nio.file.Path path, Position pos, String text,
                    List<Quantity> quantities, List<Node> nodes) {
            this(name, file, path, pos, text, quantities, nodes, java.util.Map.of());
        }

        /** The module a node belongs to, or empty for the case's own nodes (and its pattern instances). */
        public Optional<String> module(String id) {
            return Optional.ofNullable(modules.get(id));
        }

        public <T extends Node> List<T> all(Class<T> type) {
            return nodes.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public Optional<Node> node(String id) {
            return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
        }
    }
}
