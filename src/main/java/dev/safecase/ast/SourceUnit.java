package dev.safecase.ast;

import dev.safecase.diag.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One parsed {@code .case} file: a case when it has a header, else a module. */
public record SourceUnit(Path path, String displayPath, Optional<CaseHeader> header, List<Decl> decls) {
    public SourceUnit {
        decls = List.copyOf(decls);
    }

    public record CaseHeader(Position pos, String name, Position namePos, Text text) {}

    public boolean isCase() {
        return header.isPresent();
    }
}
