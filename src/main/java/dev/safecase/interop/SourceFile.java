package dev.safecase.interop;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.Outline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case or module file as the exporters read it: its AST, the text of each declaration, and the
 * interchange comments ({@code // gsn2x: key: value}, {@code // sacm: …}) that an import wrote to
 * keep what the case language has no place for. A comment belongs to the declaration right below
 * it (only comments may stand between them); the keys {@code files} and {@code of …} belong to the
 * file.
 */
public final class SourceFile {
    private final SourceUnit unit;
    private final SourceText text;
    private final Map<Position, Outline.Piece> pieces = new HashMap<>();
    private final Map<Position, LinkedHashMap<String, Object>> attached = new HashMap<>();
    private final LinkedHashMap<String, Object> fileLevel = new LinkedHashMap<>();

    private SourceFile(SourceUnit unit, SourceText text) {
        this.unit = unit;
        this.text = text;
    }

    /**
     * Reads the comments with {@code marker} (such as {@code " gsn2x: "}) of a file without syntax
     * errors. {@code fileKeys} are the keys that belong to the file; a key starting with
     * {@code "of "} always does. A marked comment that is not a YAML {@code key: value} is an error.
     */
    public static Optional<SourceFile> of(SourceUnit unit, SourceText text, String marker, List<String> fileKeys,
                                          Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Optional<Outline.File> outline = Outline.of(text, local);
        if (outline.isEmpty()) {
            diags.addAll(local.sorted());
            return Optional.empty();
        }
        SourceFile f = new SourceFile(unit, text);
        List<Outline.Piece> ps = outline.get().pieces();
        for (Outline.Piece p : ps) f.pieces.put(new Position(text.display(), p.line(), p.col()), p);
        for (Outline.Comment c : outline.get().comments()) {
            if (!c.text().startsWith(marker)) continue;
            Position at = new Position(text.display(), c.line(), c.col());
            Optional<LinkedHashMap<String, Object>> entries = Yaml.readEntries(c.text().substring(marker.length()));
            if (entries.isEmpty() || entries.get().size() != 1) {
                local.error(Code.SC705, at, "this comment is not one YAML `key: value` (it was written by safecase import; "
                        + "correct it or remove it)");
                continue;
            }
            String key = entries.get().keySet().iterator().next();
            if (fileKeys.contains(key) || key.startsWith("of ")) {
                f.fileLevel.put(key, entries.get().get(key));
                continue;
            }
            Optional<Outline.Piece> below = ps.stream().filter(p -> p.line() > c.line()).findFirst();
            boolean adjacent = below.isPresent() && ps.stream().noneMatch(p -> p.line() <= c.line() && p.endLine() >= c.line())
                    && !below.get().keyword().equals("case");
            if (!adjacent) {
                local.error(Code.SC705, at, "this comment belongs to no declaration: put it right above the node it describes");
                continue;
            }
            Outline.Piece p = below.get();
            f.attached.computeIfAbsent(new Position(text.display(), p.line(), p.col()), k -> new LinkedHashMap<>())
                    .put(key, entries.get().get(key));
        }
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : Optional.of(f);
    }

    public SourceUnit unit() {
        return unit;
    }

    public SourceText text() {
        return text;
    }

    /** The text of a declaration, by its position. */
    public Outline.Piece piece(Decl d) {
        return pieces.get(d.pos());
    }

    /** The interchange attributes written right above a declaration, in order. */
    public LinkedHashMap<String, Object> attributes(Decl d) {
        return new LinkedHashMap<>(attached.getOrDefault(d.pos(), new LinkedHashMap<>()));
    }

    /** The file-level interchange attributes ({@code files}, {@code of …}). */
    public LinkedHashMap<String, Object> fileAttributes() {
        return new LinkedHashMap<>(fileLevel);
    }

    /** The element declarations of the file, in order. */
    public List<Decl.Element> elements() {
        List<Decl.Element> out = new ArrayList<>();
        for (Decl d : unit.decls()) if (d instanceof Decl.Element e) out.add(e);
        return out;
    }
}
