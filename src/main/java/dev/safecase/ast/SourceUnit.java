package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed {@code .case} file: a case when it has a header, else a module. {@code modifiers}
 * holds the {@code public} / {@code private} written before declarations (anywhere in the file,
 * pattern bodies included), by the declaration itself (by identity, not by equality).
 */
public record SourceUnit(Path path, String displayPath, Optional<CaseHeader> header, List<Decl> decls,
                         Map<Decl, Decl.Modifier> modifiers) {
    public SourceUnit {
        decls = List.copyOf(decls);
        modifiers = Collections.unmodifiableMap(new IdentityHashMap<>(modifiers));
    }

    public SourceUnit(Path path, String displayPath, Optional<CaseHeader> header, List<Decl> decls) {
        this(path, displayPath, header, decls, Map.of());
    }

    /** The modifier written before {@code d}, if any. */
    public Optional<Decl.Modifier> modifier(Decl d) {
        return Optional.ofNullable(modifiers.get(d));
    }

    public record CaseHeader(Position pos, String name, Position namePos, Text text) {}

    public boolean isCase() {
        return header.isPresent();
    }
}
