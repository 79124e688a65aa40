package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.util.List;
import java.util.Optional;

/** A top-level or pattern-body declaration, as written. */
public sealed interface Decl
        permits Decl.Import, Decl.EnumDecl, Decl.Quantity, Decl.Define, Decl.Element, Decl.Pattern, Decl.Use {
    Position pos();

    record Import(Position pos, Name path, Optional<String> alias) implements Decl {
        public String boundName() {
            return alias.orElse(path.last());
        }
    }

    record Ident(Position pos, String id) {}

    record EnumDecl(Position pos, Ident name, List<Ident> members) implements Decl {
        public EnumDecl {
            members = List.copyOf(members);
        }
    }

    sealed interface TypeRef permits BoolType, IntType, RealType, ProbabilityType, EnumRef {
        Position pos();
    }

    record Range(Position pos, Expr low, Expr high) {}

    record BoolType(Position pos) implements TypeRef {}

    record IntType(Position pos, Optional<Range> range) implements TypeRef {}

    record RealType(Position pos, Optional<Range> range) implements TypeRef {}

    record ProbabilityType(Position pos) implements TypeRef {}

    record EnumRef(Position pos, Name name) implements TypeRef {}

    /** {@code quantity risk[h in Hazard] : probability "…"}. */
    record Quantity(Position pos, Ident name, Optional<Ident> indexVar, Optional<Name> indexEnum,
                    TypeRef type, Optional<Text> description) implements Decl {}

    /**
     * {@code define name = value}, or an indexed define {@code define cap[h in Hazard] = value}
     * (one value per member, {@code h} bound to it) or {@code = { fire: 1%, flood: 2% }} (a
     * table: {@code table} lists the entries, and {@code value} is the first entry's value).
     */
    record Define(Position pos, Ident name, Expr value, Optional<Ident> indexVar, Optional<Name> indexEnum,
                  List<TableEntry> table) implements Decl {
        public Define {
            table = List.copyOf(table);
        }

        public Define(Position pos, Ident name, Expr value) {
            this(pos, name, value, Optional.empty(), Optional.empty(), List.of());
        }

        public boolean isIndexed() {
            return indexVar.isPresent();
        }

        public boolean isTable() {
            return !table.isEmpty();
        }
    }

    /** One entry of a define's table: a member and its value. */
    record TableEntry(Position pos, Ident member, Expr value) {}

    enum ElementKind {
        CONTEXT("context"), JUSTIFICATION("justification"), ASSUMPTION("assumption"), CLAIM("claim"),
        STRATEGY("strategy"), EVIDENCE("evidence"), DEFEATER("defeater");

        public final String keyword;

        ElementKind(String keyword) {
            this.keyword = keyword;
        }
    }

    /**
     * Claims, strategies, evidence, defeaters, assumptions, contexts and justifications. {@code index} makes it one node
     * per member of an enum ({@code claim mitigated[h in Hazard]}).
     */
    record Element(Position pos, ElementKind kind, Name id, Optional<IndexDecl> index, Optional<Text> text,
                   Optional<Expr> formula, List<Clause> clauses) implements Decl {
        public Element {
            clauses = List.copyOf(clauses);
        }

        public Element(Position pos, ElementKind kind, Name id, Optional<Text> text, Optional<Expr> formula,
                       List<Clause> clauses) {
            this(pos, kind, id, Optional.empty(), text, formula, clauses);
        }
    }

    /** What a module shows to the files that import it: {@code public} or {@code private} before a declaration. */
    enum Visibility {
        PUBLIC("public"), PRIVATE("private");

        public final String keyword;

        Visibility(String keyword) {
            this.keyword = keyword;
        }
    }

    /** A {@code public} or {@code private} written before a declaration, and where. */
    record Modifier(Position pos, Visibility visibility) {}

    /**
     * {@code [h in Hazard]} after a node's ID: one node per member, {@code h} bound to it; {@code [collision]} (no enum)
     * names one member, in a completion.
     */
    record IndexDecl(Position pos, Ident var, Optional<Name> enumName) {}

    enum ParamType { TEXT, PROBABILITY, REAL, INT, BOOL, ENUM }

    /** A pattern parameter; {@code enumType} names the enum of an {@code ENUM} parameter. */
    record Param(Position pos, String name, ParamType type, Optional<Name> enumType) {
        public Param(Position pos, String name, ParamType type) {
            this(pos, name, type, Optional.empty());
        }
    }

    record Pattern(Position pos, Ident name, List<Param> params, List<Decl> body, Position end) implements Decl {
        public Pattern {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** An argument of a {@code use}: either a text or a formula (a constant). */
    record Arg(Position pos, String name, Optional<Text> text, Optional<Expr> value, String source) {}

    record Use(Position pos, Name pattern, List<Arg> args, Ident prefix) implements Decl {
        public Use {
            args = List.copyOf(args);
        }
    }
}
