package dev.safecase.result;

import java.util.List;

/** The side clauses of a claim or strategy: {@code in context of}, {@code assuming}, {@code justified by}. */
public record Clauses(List<String> context, List<String> assuming, List<String> justifiedBy) {
    public static final Clauses NONE = new Clauses(List.of(), List.of(), List.of());

    public Clauses {
        context = List.copyOf(context);
        assuming = List.copyOf(assuming);
        justifiedBy = List.copyOf(justifiedBy);
    }
}
