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

    /** A conjunctive list of claims and evidence. */
    public record Direct(List<String> claims, List<String> evidence) implements Support {
        public Direct {
            claims = List.copyOf(claims);
            evidence = List.copyOf(evidence);
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

    public record Defeater(String id, Position pos, String text, Optional<Term> formula, Attack attack, String target,
                           List<String> eliminatedBy, Optional<String> accepted, Optional<String> owner,
                           Optional<String> origin, Optional<Doubt> doubt) implements Node {
        public Defeater {
            eliminatedBy = List.copyOf(eliminatedBy);
        }

        /** Without a doubt clause. */
        public Defeater(String id, Position pos, String text, Optional<Term> formula, Attack attack, String target,
                        List<String> eliminatedBy, Optional<String> accepted, Optional<String> owner,
                        Optional<String> origin) {
            this(id, pos, text, formula, attack, target, eliminatedBy, accepted, owner, origin, Optional.empty());
        }

        public Kind kind() { return Kind.DEFEATER; }
    }

    public record Assumption(String id, Position pos, String text, Optional<Term> formula,
                             Optional<String> origin, Optional<Doubt> doubt) implements Node {
        /** Without a doubt clause. */
        public Assumption(String id, Position pos, String text, Optional<Term> formula, Optional<String> origin) {
            this(id, pos, text, formula, origin, Optional.empty());
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
