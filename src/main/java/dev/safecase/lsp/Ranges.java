package dev.safecase.lsp;

import dev.safecase.diag.Position;
import dev.safecase.syntax.Lexemes;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Range;

/**
 * The range a diagnostic covers. safecase reports where a finding starts; the range is what
 * starts there: a whole dotted name, a string, a number, an operator, or a declaration's
 * keyword with the name after it. Past the last token, the end of the text.
 */
final class Ranges {
    private static final Set<String> DECLARING = Set.of("case", "import", "enum", "quantity", "define", "context",
            "justification", "assumption", "claim", "strategy", "evidence", "defeater", "pattern", "use");

    private Ranges() {
    }

    static Range of(LineMap lines, List<Lexemes.Lexeme> lexemes, Position pos) {
        int off = lines.offset(pos);
        int i = indexAt(lexemes, off);
        if (i < 0) {
            int end = Math.min(lines.text().length(), off + 1);
            if (end == off || lines.text().charAt(off) == '\n' || lines.text().charAt(off) == '\r') return lines.range(off, off);
            return lines.range(off, end);
        }
        Lexemes.Lexeme l = lexemes.get(i);
        int end = l.end();
        if (l.kind() == Lexemes.Kind.IDENT) {
            end = dottedEnd(lexemes, i);
        } else if (l.kind() == Lexemes.Kind.KEYWORD && DECLARING.contains(l.text()) && i + 1 < lexemes.size()
                && lexemes.get(i + 1).kind() == Lexemes.Kind.IDENT) {
            end = dottedEnd(lexemes, i + 1);
        }
        return lines.range(l.start(), end);
    }

    /** The lexeme that starts at {@code off}, or -1. */
    static int indexAt(List<Lexemes.Lexeme> lexemes, int off) {
        int lo = 0;
        int hi = lexemes.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int s = lexemes.get(mid).start();
            if (s == off) return mid;
            if (s < off) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /** The lexeme that holds or ends at {@code off}, or -1. */
    static int indexCovering(List<Lexemes.Lexeme> lexemes, int off) {
        for (int i = 0; i < lexemes.size(); i++) {
            Lexemes.Lexeme l = lexemes.get(i);
            if (l.start() <= off && off <= l.end()) return i;
            if (l.start() > off) break;
        }
        return -1;
    }

    private static int dottedEnd(List<Lexemes.Lexeme> lexemes, int i) {
        int end = lexemes.get(i).end();
        int j = i;
        while (j + 2 < lexemes.size() && lexemes.get(j + 1).is(".") && lexemes.get(j + 2).kind() == Lexemes.Kind.IDENT) {
            j += 2;
            end = lexemes.get(j).end();
        }
        return end;
    }
}
