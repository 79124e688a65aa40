package dev.safecase.check;

import dev.safecase.ast.Name;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Name lookup shared by the binder and the formula checker. */
final class Resolve {
    private Resolve() {
    }

    /**
     * Resolves a possibly qualified name: {@code x}, {@code Enum.member}, {@code alias.x} (an
     * import; imports of the module are not re-exported), {@code prefix.x} (a pattern instance).
     */
    static Optional<Scope.Symbol> symbol(Name name, Scope scope) {
        Optional<Scope.Symbol> first = scope.lookup(name.first());
        return first.flatMap(sym -> descend(sym, name.parts().subList(1, name.parts().size())));
    }

    private static Optional<Scope.Symbol> descend(Scope.Symbol sym, List<String> rest) {
        if (rest.isEmpty()) return Optional.of(sym);
        String next = rest.get(0);
        List<String> tail = rest.subList(1, rest.size());
        if (sym instanceof Scope.EnumSym e) {
            return tail.isEmpty() && e.type().members().contains(next)
                    ? Optional.of(new Scope.MemberSym(e.pos(), e.type(), next)) : Optional.empty();
        }
        if (sym instanceof Scope.ModuleSym m) {
            return m.module().local(next).filter(s -> !(s instanceof Scope.ModuleSym)).flatMap(s -> descend(s, tail));
        }
        if (sym instanceof Scope.PrefixSym p) {
            return p.instance().local(next).filter(s -> !(s instanceof Scope.ParamSym)).flatMap(s -> descend(s, tail));
        }
        return Optional.empty();
    }

    static void reportUnknown(Name name, Scope scope, Diagnostics diags) {
        diags.error(Code.SC201, name.pos(), "unknown name '" + name.text() + "'" + suggestion(name, scope));
    }

    /** " (did you mean 'x'?)" for a close visible name, else "". */
    static String suggestion(Name name, Scope scope) {
        String target = name.text();
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String cand : visibleNames(scope)) {
            int d = distance(cand, target);
            if (d < bestDist) {
                bestDist = d;
                best = cand;
            }
        }
        int limit = Math.max(1, target.length() / 3);
        return best != null && bestDist <= limit ? " (did you mean '" + best + "'?)" : "";
    }

    private static List<String> visibleNames(Scope scope) {
        List<String> out = new ArrayList<>();
        for (Scope s = scope; s != null; s = s.parent().orElse(null)) {
            for (var e : s.locals().entrySet()) {
                out.add(e.getKey());
                if (e.getValue() instanceof Scope.PrefixSym p) {
                    for (String k : p.instance().locals().keySet()) out.add(e.getKey() + "." + k);
                }
                if (e.getValue() instanceof Scope.EnumSym en) {
                    for (String m : en.type().members()) out.add(e.getKey() + "." + m);
                }
            }
        }
        return out;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
