package dev.safecase.interop;

/** The seven kinds of node of the case language, as the importers write them. */
public enum NodeKind {
    CLAIM("claim"), STRATEGY("strategy"), EVIDENCE("evidence"), CONTEXT("context"), ASSUMPTION("assumption"),
    JUSTIFICATION("justification"), DEFEATER("defeater");

    public final String keyword;

    NodeKind(String keyword) {
        this.keyword = keyword;
    }

    /** Kinds that only issue 13's modules may hold, and that a module marks {@code public} when other files use them. */
    public boolean argumentative() {
        return this == CLAIM || this == STRATEGY || this == EVIDENCE || this == DEFEATER;
    }

    /** Where a node of this kind stands in a claim's or strategy's side clauses. */
    public String sideClause() {
        return switch (this) {
            case ASSUMPTION -> "assuming";
            case JUSTIFICATION -> "justified by";
            default -> "context";
        };
    }

    public boolean isSide() {
        return this == CONTEXT || this == ASSUMPTION || this == JUSTIFICATION;
    }
}
