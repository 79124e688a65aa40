package dev.safecase.check;

import dev.safecase.ast.Expr;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.util.Optional;

/**
 * Indexed JSON Pointers: in {@code json("/covers/{h}")}, {@code {h}} is the name of the member
 * that the variable {@code h} stands for (bound by {@code forall}, {@code exists} or {@code sum},
 * or the index of an indexed define), and {@code {#h}} its 0-based position in its enum; so one
 * fact over an enum reads one place of the file per member. {@code {{} and {@code }}} write
 * braces. The member's name is escaped as a JSON Pointer token ({@code ~0}, {@code ~1}).
 */
final class JsonPointers {
    private JsonPointers() {
    }

    /** The pointer with every {@code {v}} and {@code {#v}} replaced, or empty (reported, SC407). */
    static Optional<String> expand(Expr.Str written, Scope scope, Diagnostics diags) {
        String s = written.value();
        if (s.indexOf('{') < 0 && s.indexOf('}') < 0) return Optional.of(s);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if ((ch == '{' || ch == '}') && i + 1 < s.length() && s.charAt(i + 1) == ch) {
                out.append(ch);
                i += 2;
                continue;
            }
            if (ch == '}') return refuse(written.pos(), "a lone '}' in a JSON Pointer; write }} for a brace", diags);
            if (ch != '{') {
                out.append(ch);
                i++;
                continue;
            }
            int end = s.indexOf('}', i);
            if (end < 0) return refuse(written.pos(), "'{' without its '}' in a JSON Pointer; write {{ for a brace", diags);
            String inside = s.substring(i + 1, end);
            boolean position = inside.startsWith("#");
            String var = position ? inside.substring(1) : inside;
            Optional<Scope.Symbol> sym = scope.lookup(var);
            if (sym.isEmpty() || !(sym.get() instanceof Scope.BoundSym b)) {
                return refuse(written.pos(), "{" + inside + "} in a JSON Pointer names " + (sym.isEmpty() ? "nothing" : "'" + var
                        + "', which is not a bound variable") + "; it must be a variable bound by forall, exists or sum, "
                        + "or the index of an indexed define", diags);
            }
            out.append(position ? Integer.toString(b.type().members().indexOf(b.member()))
                    : b.member().replace("~", "~0").replace("/", "~1"));
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private static Optional<String> refuse(Position pos, String why, Diagnostics diags) {
        diags.error(Code.SC407, pos, why);
        return Optional.empty();
    }
}
