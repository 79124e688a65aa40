package dev.safecase.evidence;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.ast.Text;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.source.Sources;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pins evidence: computes the edit that writes or updates the {@code sha256 "…"} clause of an
 * evidence item with a {@code file}, so the case records exactly which bytes it rests on. Only
 * the hex (or one new line) changes; comments and layout stay byte for byte. The {@code pin}
 * command ({@code cli/PinCommand}) applies the edits to files; an editor can offer one as a
 * code action ({@link #edit}).
 */
public final class Pin {
    private Pin() {
    }

    /** One pin written (or, when not writing, to be written); {@code oldSha} is empty for a new pin. */
    public record Change(String evidenceId, String file, Optional<String> oldSha, String newSha) {}

    /** A replacement of {@code [start, end)} (string offsets) in the case text. */
    public record Edit(int start, int end, String text) {}

    /** A pin to write and the edit of the case text that writes it. */
    public record Pinned(Change change, Edit edit) {}

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * Pins every top-level evidence file of a case. A missing or non-regular file is a warning
     * and a path outside the root an error; both are skipped. An unchanged pin is not a change.
     */
    public static List<Change> pin(Path caseFile, Path root, Diagnostics diags, boolean write) {
        Path rootAbs = root.toAbsolutePath().normalize();
        Path caseAbs = caseFile.toAbsolutePath().normalize();
        String display = rootAbs.equals(caseAbs) || !caseAbs.startsWith(rootAbs)
                ? caseFile.toString() : rootAbs.relativize(caseAbs).toString().replace('\\', '/');
        Position top = new Position(display, 1, 1);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(caseAbs);
        } catch (NoSuchFileException ex) {
            diags.error(Code.SC001, top, "no such file");
            return List.of();
        } catch (IOException ex) {
            diags.error(Code.SC001, top, "cannot read: " + ex.getMessage());
            return List.of();
        }
        Optional<SourceText> source = SourceText.decode(caseAbs, display, bytes, diags);
        Optional<SourceUnit> unit = source.flatMap(s -> Sources.parse(s, diags));
        if (unit.isEmpty()) return List.of();
        String text = source.get().text();

        List<Pinned> pins = edits(text, unit.get(), caseAbs, rootAbs, diags);
        List<Change> changes = pins.stream().map(Pinned::change).toList();
        List<Edit> edits = pins.stream().map(Pinned::edit).toList();
        if (!write || edits.isEmpty()) return changes;
        String updated = apply(text, edits);
        if (Sources.parse(new SourceText(caseAbs, display, updated), new Diagnostics()).isEmpty()) {
            throw new IllegalStateException("pinning would make " + display + " unparsable");
        }
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        try {
            writeAtomically(caseAbs, bom, updated);
        } catch (IOException ex) {
            diags.error(Code.SC001, top, "cannot write the pins: " + ex.getMessage());
            return List.of();
        }
        return changes;
    }

    /** The edits that pin every top-level evidence item of a parsed case whose pin is missing or stale. */
    public static List<Pinned> edits(String text, SourceUnit unit, Path caseFile, Path root, Diagnostics diags) {
        List<Pinned> pins = new ArrayList<>();
        for (Decl d : unit.decls()) {
            if (d instanceof Decl.Element el && el.kind() == Decl.ElementKind.EVIDENCE) {
                edit(el, text, caseFile, root, diags).ifPresent(pins::add);
            }
        }
        return pins;
    }

    /**
     * The edit that pins one evidence item of {@code text} (the case file's text, as parsed), or
     * empty when it has no file, its pin is current, or its file cannot be hashed (a diagnostic
     * says why: a warning for a missing file, an error for a path outside the root).
     */
    public static Optional<Pinned> edit(Decl.Element el, String text, Path caseFile, Path root, Diagnostics diags) {
        Path caseAbs = caseFile.toAbsolutePath().normalize();
        Path rootAbs = root.toAbsolutePath().normalize();
        Optional<Text> file = clause(el, Clause.Kind.FILE);
        if (file.isEmpty()) return Optional.empty();
        String written = file.get().value();
        Position at = file.get().pos();
        EvidencePaths.Located where = EvidencePaths.locate(written, caseAbs, rootAbs);
        if (where.escape().isPresent()) {
            diags.error(Code.SC501, at, "evidence path " + where.escape().get() + "; not pinned");
            return Optional.empty();
        }
        Path abs = where.path().get();
        if (!Files.isRegularFile(abs)) {
            String why = !Files.exists(abs) ? "does not exist" : Files.isDirectory(abs) ? "is a directory, not a file"
                    : "is not a regular file";
            diags.warning(Code.SC001, at, "evidence file " + written + " " + why + "; not pinned");
            return Optional.empty();
        }
        String hash;
        try {
            hash = sha256(abs);
        } catch (IOException ex) {
            diags.error(Code.SC001, at, "cannot read evidence file " + written + ": " + ex.getMessage() + "; not pinned");
            return Optional.empty();
        }
        String id = el.id().text();
        Optional<Text> sha = clause(el, Clause.Kind.SHA256);
        if (sha.isPresent()) {
            if (sha.get().value().equalsIgnoreCase(hash)) return Optional.empty();
            int start = offset(text, sha.get().pos());
            Edit edit = new Edit(start, tokenEnd(text, start), "\"" + hash + "\"");
            return Optional.of(new Pinned(new Change(id, written, Optional.of(sha.get().value()), hash), edit));
        }
        Position keyword = el.clauses().stream().filter(c -> c.kind() == Clause.Kind.FILE).findFirst().get().pos();
        Edit edit = insertion(text, offset(text, keyword), tokenEnd(text, offset(text, at)), "sha256 \"" + hash + "\"");
        return Optional.of(new Pinned(new Change(id, written, Optional.empty(), hash), edit));
    }

    private static Optional<Text> clause(Decl.Element el, Clause.Kind kind) {
        return el.clauses().stream()
                .filter(c -> c.kind() == kind && c instanceof Clause.Str)
                .map(c -> ((Clause.Str) c).text())
                .findFirst();
    }

    /**
     * Where the new clause goes: on its own line after the {@code file} clause, indented like
     * it, when only blanks or comments follow on that line; otherwise right after the path on
     * the same line (a new line there could split a {@code gives} list or land in a comment).
     */
    private static Edit insertion(String text, int keyword, int after, String clause) {
        int lineStart = text.lastIndexOf('\n', keyword - 1) + 1;
        int lineEnd = text.indexOf('\n', after);
        if (!onlyCommentsUntil(text, after, lineEnd < 0 ? text.length() : lineEnd)) {
            return new Edit(after, after, " " + clause);
        }
        String lead = text.substring(lineStart, keyword);
        String indent = lead.replaceAll("\\S.*", "");
        if (!lead.isBlank()) indent += indent.contains("\t") ? "\t" : "    ";
        if (lineEnd < 0) return new Edit(text.length(), text.length(), lineBreak(text) + indent + clause);
        String eol = lineEnd > 0 && text.charAt(lineEnd - 1) == '\r' ? "\r\n" : "\n";
        return new Edit(lineEnd + 1, lineEnd + 1, indent + clause + eol);
    }

    /** True when {@code [from, to)} holds only blanks, closed block comments and a line comment. */
    private static boolean onlyCommentsUntil(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (text.startsWith("//", i)) {
                return true;
            } else if (text.startsWith("/*", i)) {
                int close = text.indexOf("*/", i + 2);
                if (close < 0 || close + 2 > to) return false;
                i = close + 2;
            } else {
                return false;
            }
        }
        return true;
    }

    private static String lineBreak(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
    }

    /** The string offset of a 1-based line and column, counted as ANTLR does (code points, lines at '\n'). */
    static int offset(String text, Position pos) {
        int lineStart = 0;
        for (int line = 1; line < pos.line(); line++) lineStart = text.indexOf('\n', lineStart) + 1;
        return text.offsetByCodePoints(lineStart, pos.col() - 1);
    }

    /** The end of the string literal starting at {@code start}: {@code "…"} or {@code """…"""}. */
    private static int tokenEnd(String text, int start) {
        if (text.startsWith("\"\"\"", start)) return text.indexOf("\"\"\"", start + 3) + 3;
        int i = start + 1;
        while (text.charAt(i) != '"') i += text.charAt(i) == '\\' ? 2 : 1;
        return i + 1;
    }

    /** The lowercase hex SHA-256 of a file, as a pin records it. */
    public static String sha256(Path file) throws IOException {
        return EvidenceFiles.sha256(file);
    }

    /** The text with non-overlapping edits applied. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder sb = new StringBuilder(text);
        edits.stream().sorted(Comparator.comparingInt(Edit::start).reversed())
                .forEach(e -> sb.replace(e.start(), e.end(), e.text()));
        return sb.toString();
    }

    /** Temp file beside the target, then a rename, so a reader never sees half a case. */
    private static void writeAtomically(Path caseFile, boolean bom, String text) throws IOException {
        Path target = caseFile.toRealPath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] out = bom ? new byte[BOM.length + body.length] : body;
            if (bom) {
                System.arraycopy(BOM, 0, out, 0, BOM.length);
                System.arraycopy(body, 0, out, BOM.length, body.length);
            }
            Files.write(tmp, out);
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
