package dev.safecase.diag;

/** A place in a source file: the file as shown to the user, 1-based line and column. */
public record Position(String file, int line, int col) implements Comparable<Position> {
    public static final Position NONE = new Position("", 0, 0);

    @Override
    public int compareTo(Position o) {
        int c = file.compareTo(o.file);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(col, o.col);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
