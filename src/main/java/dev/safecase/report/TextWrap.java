package dev.safecase.report;

import java.util.ArrayList;
import java.util.List;

/** Word wrapping by character count, for SVG text, which does not wrap itself. */
final class TextWrap {
    private TextWrap() {
    }

    /** At most {@code maxLines} lines of at most {@code width} characters; a cut text ends with an ellipsis. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : Escaping.oneLine(text).split(" ")) {
            if (word.isEmpty()) continue;
            while (word.codePointCount(0, word.length()) > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                int cut = word.offsetByCodePoints(0, width);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            int need = line.length() == 0 ? word.length() : line.length() + 1 + word.length();
            if (need > width && line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            String last = cut.get(maxLines - 1);
            if (last.length() >= width) last = last.substring(0, Math.max(0, width - 1));
            cut.set(maxLines - 1, last + "…");
            return cut;
        }
        return lines;
    }

    /** At most {@code max} characters (code points), a cut text ending with an ellipsis. */
    static String cut(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) return text;
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "\u2026";
    }

    /** Widest line, in characters. */
    static int widest(List<String> lines) {
        int w = 0;
        for (String l : lines) w = Math.max(w, l.codePointCount(0, l.length()));
        return w;
    }
}
