package dev.safecase.check;

import dev.safecase.ast.Text;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node and quantity texts as the case shows them: {name} in a pattern's texts becomes the argument. */
final class Texts {
    private final Diagnostics diags;

    Texts(Diagnostics diags) {
        this.diags = diags;
    }

    /** A node's text; only instance nodes interpolate. */
    String of(Text t, DeclaredNode node) {
        return node.arguments().isEmpty() && node.origin().isEmpty() ? t.value() : interpolate(t, node.arguments());
    }

    /**
     * A text declared in {@code scope} (a quantity's description): interpolated in an instance; {@code index} gives
     * the member an indexed quantity's index variable stands for (outside an instance only {var} is replaced).
     */
    String in(Text t, Scope scope, Map<String, String> index) {
        if (scope.kind() != Scope.Kind.INSTANCE) {
            String s = t.value();
            for (var e : index.entrySet()) s = s.replace("{" + e.getKey() + "}", e.getValue());
            return s;
        }
        Map<String, String> params = new LinkedHashMap<>(index);
        for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
            for (var e : s.locals().entrySet()) {
                if (e.getValue() instanceof Scope.ParamSym p) params.putIfAbsent(e.getKey(), p.source());
            }
        }
        return interpolate(t, params);
    }

    /** Replaces {name} with the argument's source text; {{ and }} write braces. */
    private String interpolate(Text t, Map<String, String> params) {
        String s = t.value();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < s.length() && s.charAt(i + 1) == c) {
                sb.append(c);
                i++;
            } else if (c == '{') {
                int end = s.indexOf('}', i);
                if (end < 0) {
                    diags.error(Code.SC316, t.pos(), "unclosed '{' in a pattern text (write {{ for a brace)");
                    return s;
                }
                String name = s.substring(i + 1, end);
                if (!params.containsKey(name)) {
                    diags.error(Code.SC316, t.pos(), "'{" + name + "}' names no parameter of the pattern (write {{ for a brace)");
                    return s;
                }
                sb.append(params.get(name));
                i = end;
            } else if (c == '}') {
                diags.error(Code.SC316, t.pos(), "unmatched '}' in a pattern text (write }} for a brace)");
                return s;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
