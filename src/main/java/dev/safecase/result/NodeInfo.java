package dev.safecase.result;

import java.util.Optional;

/**
 * What every node result starts with: its ID, its text and the line it is declared on, and,
 * for a node of an imported module, which module (its line is then in that module's file).
 */
public record NodeInfo(String id, String text, int line, Optional<ModuleRef> module) {
    /**
     * The module a node belongs to: its name in the case ({@code hz}), its file, and whether the
     * node is named from outside the module ({@code away}: an away goal, for a claim), rather than
     * only by the module's own argument.
     */
    public record ModuleRef(String name, String file, boolean away) {}

    public NodeInfo(String id, String text, int line) {
        this(id, text, line, Optional.empty());
    }
}
