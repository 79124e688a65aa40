package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.util.List;

/** One clause after a node's header; which kinds a node may carry is checked later. */
public sealed interface Clause permits Clause.Refs, Clause.Target, Clause.Flag, Clause.Str, Clause.Expires, Clause.Gives,
        Clause.Doubt {
    Position pos();

    Kind kind();

    enum Kind {
        CONTEXT("context"), ASSUMING("assuming"), JUSTIFIED_BY("justified by"), SUPPORTED_BY("supported by"),
        UNDEVELOPED("undeveloped"), ASSERTED("asserted"), OWNER("owner"),
        REBUTS("rebuts"), UNDERCUTS("undercuts"), UNDERMINES("undermines"),
        ELIMINATED_BY("eliminated by"), ACCEPTED("accepted"),
        FILE("file"), SHA256("sha256"), EXPIRES("expires"), GIVES("gives"), DOUBT("doubt");

        public final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }
    }

    /** {@code context …}, {@code assuming …}, {@code justified by …}, {@code supported by …}, {@code eliminated by …}. */
    record Refs(Position pos, Kind kind, List<Name> names) implements Clause {
        public Refs {
            names = List.copyOf(names);
        }
    }

    /** {@code rebuts X}, {@code undercuts X}, {@code undermines X}. */
    record Target(Position pos, Kind kind, Name name) implements Clause {}

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
