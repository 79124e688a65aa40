package dev.safecase.interop;

import java.util.ArrayList;
import java.util.List;

/** Qualified names in their canonical spelling ({@code m.`G1.1`}): the dots inside backticks are part of a name. */
public final class QualifiedNames {
    private QualifiedNames() {
    }

    /** {@code m.`G1.1`} gives {@code m} and {@code `G1.1`}. */
    public static List<String> split(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (c == '`') quoted = !quoted;
            if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }
}
