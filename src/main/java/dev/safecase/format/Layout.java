package dev.safecase.format;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Renders a {@link Doc} in a given width: a group is laid out flat when it has no forced break
 * and fits in the rest of the line, otherwise its lines break. Works with an explicit stack, so
 * a long file does not deepen the Java stack. Spaces before a line break are dropped; the text
 * ends with one line break.
 */
final class Layout {
    private record Item(int indent, boolean flat, Doc doc) {}

    private final int width;
    private final String newline;
    private final StringBuilder out = new StringBuilder();
    private int col;
    private boolean started;
    private int pendingLines;
    private int pendingIndent;
    private boolean pendingSpace;

    private Layout(int width, String newline) {
        this.width = width;
        this.newline = newline;
    }

    static String render(Doc doc, int width, String newline) {
        Layout l = new Layout(width, newline);
        l.run(doc);
        l.out.append(newline);
        return l.out.toString();
    }

    private void run(Doc root) {
        Deque<Item> stack = new ArrayDeque<>();
        stack.push(new Item(0, false, root));
        while (!stack.isEmpty()) {
            Item it = stack.pop();
            Doc d = it.doc();
            if (d instanceof Doc.Text t) {
                write(t.text());
            } else if (d instanceof Doc.Space) {
                pendingSpace = true;
            } else if (d instanceof Doc.Line l) {
                if (!it.flat()) requestBreak(1, it.indent());
                else if (l.flat().equals(" ")) pendingSpace = true;
                else write(l.flat());
            } else if (d instanceof Doc.Break b) {
                requestBreak(b.lines(), it.indent());
            } else if (d instanceof Doc.Nest n) {
                stack.push(new Item(it.indent() + n.by(), it.flat(), n.body()));
            } else if (d instanceof Doc.Align a) {
                stack.push(new Item(nextColumn(), it.flat(), a.body()));
            } else if (d instanceof Doc.Group g) {
                boolean flat = it.flat() || !g.hard() && fits(width - nextColumn() - g.width(), stack);
                stack.push(new Item(it.indent(), flat, g.body()));
            } else {
                Doc.Cat c = (Doc.Cat) d;
                for (int i = c.parts().size() - 1; i >= 0; i--) stack.push(new Item(it.indent(), it.flat(), c.parts().get(i)));
            }
        }
    }

    /**
     * Whether what follows a group, up to the next line break, fits in {@code room} columns (as
     * in Wadler's printer: the group alone fitting is not enough when text follows it).
     */
    private static boolean fits(int room, Deque<Item> rest) {
        if (room < 0) return false;
        Deque<Item> todo = new ArrayDeque<>();
        java.util.Iterator<Item> next = rest.iterator();
        while (room >= 0) {
            Item it;
            if (!todo.isEmpty()) it = todo.pop();
            else if (next.hasNext()) it = next.next();
            else return true;
            Doc d = it.doc();
            if (d instanceof Doc.Text t) {
                if (t.hard()) return true;
                room -= t.width();
            } else if (d instanceof Doc.Space) {
                room -= 1;
            } else if (d instanceof Doc.Line l) {
                if (!it.flat()) return true;
                room -= l.width();
            } else if (d instanceof Doc.Break) {
                return true;
            } else if (d instanceof Doc.Nest n) {
                todo.push(new Item(it.indent(), it.flat(), n.body()));
            } else if (d instanceof Doc.Align a) {
                todo.push(new Item(it.indent(), it.flat(), a.body()));
            } else if (d instanceof Doc.Group g) {
                todo.push(new Item(it.indent(), it.flat() || !g.hard() && g.width() <= room, g.body()));
            } else {
                Doc.Cat c = (Doc.Cat) d;
                for (int i = c.parts().size() - 1; i >= 0; i--) todo.push(new Item(it.indent(), it.flat(), c.parts().get(i)));
            }
        }
        return false;
    }

    /** The column the next text starts at. */
    private int nextColumn() {
        return pendingLines > 0 ? pendingIndent : col + (pendingSpace && started ? 1 : 0);
    }

    private void requestBreak(int lines, int indent) {
        if (!started) return;
        pendingLines = Math.max(pendingLines, lines);
        pendingIndent = indent;
        pendingSpace = false;
    }

    private void write(String s) {
        if (s.isEmpty()) return;
        if (pendingLines > 0) {
            for (int i = 0; i < pendingLines; i++) out.append(newline);
            out.append(" ".repeat(pendingIndent));
            col = pendingIndent;
            pendingLines = 0;
        } else if (pendingSpace && started) {
            out.append(' ');
            col++;
        }
        pendingSpace = false;
        started = true;
        out.append(s);
        int nl = s.lastIndexOf('\n');
        col = nl < 0 ? col + s.codePointCount(0, s.length()) : s.codePointCount(nl + 1, s.length());
    }
}
