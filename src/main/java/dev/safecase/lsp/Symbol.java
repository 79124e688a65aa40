package dev.safecase.lsp;

import java.util.Optional;

/**
 * A declared name, known across files: {@code file} is the declaring file's key (its real path,
 * or {@code <bundled>/…}), {@code scope} where in it (empty for the top level, {@code pattern P}
 * for a pattern's parameters and body, {@code enum E} for members, {@code bound N} for a
 * variable bound at offset N).
 */
record Symbol(String file, String scope, String name) {

    /** What a name is; {@code label} is how hovers and outlines call it. */
    enum Kind {
        MODULE("module"), IMPORT("import"), ENUM("enum"), MEMBER("enum member"), QUANTITY("quantity"), DEFINE("define"),
        CLAIM("claim"), STRATEGY("strategy"), EVIDENCE("evidence"), DEFEATER("defeater"), ASSUMPTION("assumption"),
        CONTEXT("context"), JUSTIFICATION("justification"), PATTERN("pattern"), PARAM("parameter"), USE("use"),
        BOUND("bound variable");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        boolean isNode() {
            return ordinal() >= CLAIM.ordinal() && ordinal() <= JUSTIFICATION.ordinal();
        }
    }

    /**
     * A declaration: the symbol, its kind, where its name is written ({@code [start, end)} in
     * its file), the declaration it belongs to (an AST record, for hovers) and the pattern it
     * stands in, if any.
     */
    record Def(Symbol symbol, Kind kind, int start, int end, Object decl, Optional<String> pattern) {}

    /**
     * A name as written in a file, {@code [start, end)}, and the symbol it stands for.
     * {@code written} is the qualified name up to this part ({@code cyber.top} for {@code top}
     * in {@code cyber.top}): in a case's top level it is the ID the verdicts use.
     */
    record Use(int start, int end, Symbol symbol, boolean declaration, String written) {}
}
