package dev.safecase.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A layout document, after Wadler's "prettier printer": text, places where a line may break,
 * forced breaks, indentation and groups that are laid out flat when they fit. Each node knows
 * its flat width and whether it holds a forced break, so {@link Layout} decides a group in
 * constant time.
 */
sealed interface Doc permits Doc.Text, Doc.Space, Doc.Line, Doc.Break, Doc.Nest, Doc.Align, Doc.Group, Doc.Cat {

    /** Width when laid out on one line. */
    int width();

    /** Holds a break that no layout can avoid (a line comment, a multi-line token, a new line). */
    boolean hard();

    /** Literal text; {@code hard} when it spans lines (a long string, a block comment, a verbatim argument). */
    record Text(String text, int width, boolean hard) implements Doc {}

    /** One space, dropped at the end or the start of a line. */
    record Space() implements Doc {
        public int width() {
            return 1;
        }

        public boolean hard() {
            return false;
        }
    }

    /** A place where a broken group starts a new line; flat, it is {@code flat} (a space or nothing). */
    record Line(String flat) implements Doc {
        public int width() {
            return flat.length();
        }

        public boolean hard() {
            return false;
        }
    }

    /** A forced new line ({@code lines} 1), or a blank line ({@code lines} 2); breaks merge, the largest wins. */
    record Break(int lines) implements Doc {
        public int width() {
            return 0;
        }

        public boolean hard() {
            return true;
        }
    }

    /** Lines started inside are indented {@code by} more than the enclosing indentation. */
    record Nest(int by, Doc body, int width, boolean hard) implements Doc {}

    /** Lines started inside are indented to the column where it starts. */
    record Align(Doc body, int width, boolean hard) implements Doc {}

    /** Laid out flat when it fits in the rest of the line and has no forced break; else its lines break. */
    record Group(Doc body, int width, boolean hard) implements Doc {}

    record Cat(List<Doc> parts, int width, boolean hard) implements Doc {}

    Doc EMPTY = new Cat(List.of(), 0, false);
    Doc SPACE = new Space();
    Doc LINE = new Line(" ");
    Doc SOFT_LINE = new Line("");
    Doc NEW_LINE = new Break(1);
    Doc BLANK_LINE = new Break(2);

    static Doc text(String s) {
        int nl = s.indexOf('\n');
        return new Text(s, s.codePointCount(0, nl < 0 ? s.length() : nl), nl >= 0);
    }

    /** A trailing comment: it never makes a group break by its length (a line comment still ends the line). */
    static Doc comment(String s) {
        return new Text(s, 0, s.indexOf('\n') >= 0);
    }

    static Doc nest(int by, Doc body) {
        return new Nest(by, body, body.width(), body.hard());
    }

    static Doc align(Doc body) {
        return new Align(body, body.width(), body.hard());
    }

    static Doc group(Doc body) {
        return new Group(body, body.width(), body.hard());
    }

    static Doc cat(Doc... parts) {
        return cat(List.of(parts));
    }

    static Doc cat(List<Doc> parts) {
        List<Doc> flat = new ArrayList<>(parts.size());
        long w = 0;
        boolean hard = false;
        for (Doc d : parts) {
            if (d instanceof Cat c && c.parts().isEmpty()) continue;
            flat.add(d);
            w += d.width();
            hard |= d.hard();
        }
        if (flat.size() == 1) return flat.get(0);
        return new Cat(List.copyOf(flat), (int) Math.min(Integer.MAX_VALUE, w), hard);
    }

    /** Collects parts; {@link #build()} gives one document. */
    final class Builder {
        private final List<Doc> parts = new ArrayList<>();

        Builder add(Doc d) {
            parts.add(d);
            return this;
        }

        Builder text(String s) {
            return add(Doc.text(s));
        }

        Builder space() {
            return add(SPACE);
        }

        boolean isEmpty() {
            return parts.isEmpty();
        }

        Doc build() {
            return cat(parts);
        }
    }
}
