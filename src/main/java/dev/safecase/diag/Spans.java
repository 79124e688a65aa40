package dev.safecase.diag;

/**
 * The extent of the token a diagnostic points at, found in its source line, so the printer can underline all of it:
 * a name (with its dots and brackets, as in {@code risk[leak]} or {@code cyber.total}), a number (with a
 * percent sign or a fraction), a string (to its closing quote), an operator, or one character.
 */
final class Spans {
    private Spans() {
    }

    /** The index one past the token that starts at {@code start} (0-based) in {@code line}. */
    static int end(String line, int start) {
        int n = line.length();
        if (start >= n) return start;
        char c = line.charAt(start);
        int i = start + 1;
        if (c == '"') {
            if (line.startsWith("\"\"\"", start)) return n;
            while (i < n && line.charAt(i) != '"') i += line.charAt(i) == '\\' ? 2 : 1;
            return Math.min(n, i + 1);
        }
        if (Character.isLetter(c) || c == '_') {
            int depth = 0;
            while (i < n) {
                char d = line.charAt(i);
                if (Character.isLetterOrDigit(d) || d == '_') {
                    i++;
                } else if (d == '.' && i + 1 < n && (Character.isLetter(line.charAt(i + 1)) || line.charAt(i + 1) == '_')) {
                    i++;
                } else if (d == '[') {
                    depth++;
                    i++;
                } else if (d == ']' && depth > 0) {
                    depth--;
                    i++;
                } else if (depth > 0 && d != '\n') {
                    i++;
                } else {
                    break;
                }
            }
            return depth > 0 ? start + word(line, start) : i;
        }
        if (Character.isDigit(c)) {
            while (i < n && (Character.isDigit(line.charAt(i)) || line.charAt(i) == '.' || line.charAt(i) == '_')) i++;
            if (i < n && line.charAt(i) == '%') i++;
            return i;
        }
        String ops = "<>=!&|+-*/:";
        if (ops.indexOf(c) >= 0) {
            while (i < n && i - start < 3 && ops.indexOf(line.charAt(i)) >= 0) i++;
            return i;
        }
        return i;
    }

    private static int word(String line, int start) {
        int i = start;
        while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) i++;
        return Math.max(1, i - start);
    }
}
