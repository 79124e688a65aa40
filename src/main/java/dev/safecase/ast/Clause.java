package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.util.List;

/** One clause after a node's header; which kinds a node may carry is checked later. */
public sealed interface Clause
        permits Clause.Refs, Clause.Support, Clause.Target, Clause.Flag, Clause.Str, Clause.Expires, Clause.Gives,
                Clause.When, Clause.Doubt {
    Position pos();

    Kind kind();

    /**
     * The node names a clause lists, in the order written (an indexed reference by its base name): the names of a
     * {@link Refs}, the plain items and choice members of a {@link Support}, the target and relation of a
     * {@link Target}; none for other clauses.
     */
    static List<Name> names(Clause c) {
        if (c instanceof Refs r) return r.refs().stream().map(NodeRef::name).toList();
        if (c instanceof Support s) {
            List<Name> out = new java.util.ArrayList<>();
            for (SupportItem i : s.items()) {
                if (i instanceof Plain p) out.add(p.ref().name());
                else for (NodeRef m : ((Choice) i).members()) out.add(m.name());
            }
            return List.copyOf(out);
        }
        if (c instanceof Target t) {
            List<Name> out = new java.util.ArrayList<>(List.of(t.target().name()));
            t.relation().ifPresent(x -> out.add(x.name()));
            return List.copyOf(out);
        }
        return List.of();
    }

    enum Kind {
        CONTEXT("context"), ASSUMING("assuming"), JUSTIFIED_BY("justified by"), SUPPORTED_BY("supported by"),
        UNDEVELOPED("undeveloped"), ASSERTED("asserted"), OWNER("owner"),
        REBUTS("rebuts"), UNDERCUTS("undercuts"), UNDERMINES("undermines"),
        ELIMINATED_BY("eliminated by"), ACCEPTED("accepted"),
        FILE("file"), SHA256("sha256"), EXPIRES("expires"), GIVES("gives"), WHEN("when"), DOUBT("doubt");

        public final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    /** {@code context …}, {@code assuming …}, {@code justified by …}, {@code eliminated by …}. */
    record Refs(Position pos, Kind kind, List<NodeRef> refs) implements Clause {
        public Refs {
            refs = List.copyOf(refs);
        }
    }

    /** {@code supported by x, any of (a, b), 2 of (c, d, e)}: plain references and choices, in the order written. */
    record Support(Position pos, Kind kind, List<SupportItem> items) implements Clause {
        public Support {
            items = List.copyOf(items);
        }
    }

    /** One item of a support list. */
    sealed interface SupportItem permits Plain, Choice {
        Position pos();
    }

    /** A node that must hold. */
    record Plain(Position pos, NodeRef ref) implements SupportItem {}

    /**
     * {@code any of (a, b)} ({@code need} 1, {@code any} true) or {@code M of (a, b, c)}: at least {@code need} of the
     * members must hold; {@code needText} is the count as written.
     */
    record Choice(Position pos, boolean any, String needText, Position needPos, List<NodeRef> members) implements SupportItem {
        public Choice {
            members = List.copyOf(members);
        }
    }

    /**
     * {@code rebuts X}, {@code undercuts X}, {@code undermines X}; {@code undercuts C -> X} attacks the support relation
     * from C to X ({@code relation} holds X).
     */
    record Target(Position pos, Kind kind, NodeRef target, java.util.Optional<NodeRef> relation) implements Clause {
        public Name name() {
            return target.name();
        }
    }

    /** {@code when P} or {@code when not P} on a pattern's node: the node exists only when the bool parameter is so. */
    record When(Position pos, Kind kind, boolean negated, Decl.Ident param) implements Clause {}

    /** {@code undeveloped}. */
    record Flag(Position pos, Kind kind) implements Clause {}

    /** {@code asserted "…"}, {@code owner "…"}, {@code accepted "…"}, {@code file "…"}, {@code sha256 "…"}. */
    record Str(Position pos, Kind kind, Text text) implements Clause {}

    /** {@code expires 2027-06-01}; the date is validated by the checker. */
    record Expires(Position pos, Kind kind, String date, Position datePos) implements Clause {}

    record Gives(Position pos, Kind kind, List<Expr> facts) implements Clause {
        public Gives {
            facts = List.copyOf(facts);
        }
    }

    /** {@code doubt EXPR}: an exact probability, a constant; checked by the checker. */
    record Doubt(Position pos, Kind kind, Expr value) implements Clause {}
}
