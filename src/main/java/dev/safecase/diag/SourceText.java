package dev.safecase.diag;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The text of one source file, kept so diagnostics can quote the line they point at. */
public record SourceText(Path path, String display, String text) {

    /** The 1-based line, without its line break, or empty when out of range. */
    public Optional<String> line(int line) {
        List<String> lines = text.lines().toList();
        return line >= 1 && line <= lines.size() ? Optional.of(lines.get(line - 1)) : Optional.empty();
    }

    /**
     * Reads a file as strict UTF-8 text. A missing, unreadable or binary file is reported as a
     * diagnostic at {@code display:1:1} and gives an empty result.
     */
    public static Optional<SourceText> read(Path path, String display, Diagnostics diags) {
        Position at = new Position(display, 1, 1);
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                diags.error(Code.SC001, at, "is a directory, not a .case file");
                return Optional.empty();
            }
            bytes = Files.readAllBytes(path);
        } catch (java.nio.file.NoSuchFileException e) {
            diags.error(Code.SC001, at, "no such file");
            return Optional.empty();
        } catch (java.nio.file.AccessDeniedException e) {
            diags.error(Code.SC001, at, "permission denied");
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            diags.error(Code.SC001, at, "cannot read: " + describe(e));
            return Optional.empty();
        }
        return decode(path, display, bytes, diags);
    }

    public static Optional<SourceText> decode(Path path, String display, byte[] bytes, Diagnostics diags) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            diags.error(Code.SC002, new Position(display, 1, 1), "not valid UTF-8 text (a binary file?)");
            return Optional.empty();
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            diags.error(Code.SC002, positionOf(display, text, nul), "contains a NUL character (a binary file?)");
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return Optional.of(new SourceText(path, display, text));
    }

    private static Position positionOf(String display, String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Position(display, line, col);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
