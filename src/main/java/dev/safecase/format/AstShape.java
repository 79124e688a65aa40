package dev.safecase.format;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Position;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Optional;

/**
 * A file's AST as text, without positions: two files have the same shape exactly when they
 * mean the same, whatever their layout. The formatter checks its output with it.
 */
public final class AstShape {
    private AstShape() {
    }

    public static String of(SourceUnit unit) {
        StringBuilder sb = new StringBuilder();
        // an explicit work list: a formula is as deep as the parser allows, the Java stack need not be
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(unit.decls());
        stack.push(unit.header().map(h -> (Object) h).orElse("no header"));
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (o instanceof Token t) {
                sb.append(t.text());
            } else if (o instanceof Record r) {
                sb.append(r.getClass().getSimpleName()).append('(');
                stack.push(new Token(")"));
                RecordComponent[] cs = r.getClass().getRecordComponents();
                for (int i = cs.length - 1; i >= 0; i--) {
                    if (cs[i].getType() == Position.class || cs[i].getType() == Path.class) continue;
                    stack.push(new Token(" "));
                    stack.push(value(cs[i], r));
                    stack.push(new Token(cs[i].getName() + "="));
                }
            } else if (o instanceof Collection<?> c) {
                sb.append('[');
                stack.push(new Token("]"));
                Object[] items = c.toArray();
                for (int i = items.length - 1; i >= 0; i--) {
                    stack.push(new Token(","));
                    stack.push(items[i]);
                }
            } else if (o instanceof Optional<?> opt) {
                if (opt.isEmpty()) {
                    sb.append("none");
                } else {
                    sb.append("some(");
                    stack.push(new Token(")"));
                    stack.push(opt.get());
                }
            } else if (o instanceof String s) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(o);
            }
        }
        return sb.toString();
    }

    /** Punctuation of the shape, kept apart from the AST's own strings. */
    private record Token(String text) {}

    private static Object value(RecordComponent c, Record r) {
        try {
            Object v = c.getAccessor().invoke(r);
            return v == null ? "null" : v;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
