package dev.safecase.lsp;

import dev.safecase.diag.Position;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Range;

/**
 * Where things are in one text, in the three ways they are counted: string offsets (UTF-16
 * units), the protocol's 0-based lines and UTF-16 columns, and safecase's 1-based lines and
 * code-point columns. Lines end at '\n' (a CRLF's '\r' is the last character of its line).
 */
final class LineMap {
    private final String text;
    private final int[] starts;

    LineMap(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') s.add(i + 1);
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    String text() {
        return text;
    }

    int lines() {
        return starts.length;
    }

    /** The offset of a protocol position, clamped into the text. */
    int offset(org.eclipse.lsp4j.Position p) {
        int line = Math.max(0, Math.min(p.getLine(), starts.length - 1));
        int start = starts[line];
        int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
        return Math.min(end, start + Math.max(0, p.getCharacter()));
    }

    /** The offset of a safecase position (1-based, code-point columns), clamped into its line. */
    int offset(Position p) {
        int line = Math.max(0, Math.min(p.line() - 1, starts.length - 1));
        int start = starts[line];
        int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
        int off = start;
        for (int col = 1; col < p.col() && off < end; col++) off += Character.charCount(text.codePointAt(off));
        return Math.min(off, end);
    }

    org.eclipse.lsp4j.Position position(int offset) {
        int off = Math.max(0, Math.min(offset, text.length()));
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= off) lo = mid;
            else hi = mid - 1;
        }
        return new org.eclipse.lsp4j.Position(lo, off - starts[lo]);
    }

    Range range(int start, int end) {
        return new Range(position(start), position(end));
    }

    /** The end of the line that holds {@code offset} (before its line break). */
    int lineEnd(int offset) {
        int nl = text.indexOf('\n', offset);
        int end = nl < 0 ? text.length() : nl;
        return end > offset && end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end;
    }
}
