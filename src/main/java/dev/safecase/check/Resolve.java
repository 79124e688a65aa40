package dev.safecase.check;

import dev.safecase.ast.Name;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Type;
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
        Optional<Scope.Symbol> sym = scope.lookup(name.first());
        for (String next : name.parts().subList(1, name.parts().size())) {
            if (sym.isEmpty()) break;
            sym = member(sym.get(), next);
        }
        return sym;
    }

    /** {@code next} inside what {@code sym} names; an enum member ends a name. */
    private static Optional<Scope.Symbol> member(Scope.Symbol sym, String next) {
        if (sym instanceof Scope.EnumSym e) {
            return e.type().members().contains(next) ? Optional.of(new Scope.MemberSym(e.pos(), e.type(), next)) : Optional.empty();
        }
        if (sym instanceof Scope.ModuleSym m) {
            if (m.module().isHidden(next)) return Optional.empty();
            return m.module().local(next).filter(s -> !(s instanceof Scope.ModuleSym));
        }
        if (sym instanceof Scope.PrefixSym p) return p.instance().local(next).filter(s -> !(s instanceof Scope.ParamSym));
        return Optional.empty();
    }

    /** The enum a type or index names; reports a name that is unknown or not an enum. */
    static Optional<Type.EnumType> enumType(Name name, Scope scope, Diagnostics diags) {
        Optional<Scope.Symbol> sym = symbol(name, scope);
        if (sym.isPresent() && sym.get() instanceof Scope.EnumSym e) return Optional.of(e.type());
        if (sym.isPresent()) diags.error(Code.SC206, name.pos(), "'" + name.text() + "' is not an enum");
        else if (!reportedPrivate(name, scope, diags)) {
            diags.error(Code.SC201, name.pos(), "unknown enum '" + name.text() + "'" + suggestion(name, scope));
        }
        return Optional.empty();
    }

    static void reportUnknown(Name name, Scope scope, Diagnostics diags) {
        if (reportedPrivate(name, scope, diags)) return;
        diags.error(Code.SC201, name.pos(), "unknown name '" + name.text() + "'" + suggestion(name, scope));
    }

    /**
     * Reports a name that is unknown only because it is private to the module it is in (SC213);
     * false when the name is unknown for another reason.
     */
    static boolean reportedPrivate(Name name, Scope scope, Diagnostics diags) {
        Optional<Scope.Symbol> sym = scope.lookup(name.first());
        for (String next : name.parts().subList(1, name.parts().size())) {
            if (sym.isEmpty()) return false;
            if (sym.get() instanceof Scope.ModuleSym m && m.module().isHidden(next)) {
                Optional<Scope.Symbol> hidden = m.module().local(next);
                String what = hidden.map(Resolve::describe).orElse("declaration");
                boolean node = hidden.isPresent() && hidden.get() instanceof Scope.NodeSym;
                diags.error(Code.SC213, name.pos(), what + " " + next + " is private to module " + m.module().shown()
                        + "; mark it `public` there to use it from another file"
                        + (node ? " (a module's claims, strategies, evidence and defeaters are private unless marked public)" : ""));
                return true;
            }
            sym = member(sym.get(), next);
        }
        return false;
    }

    /** What a symbol is, in a message: "claim", "quantity", "enum", … */
    static String describe(Scope.Symbol s) {
        if (s instanceof Scope.NodeSym n) return n.kind().keyword;
        if (s instanceof Scope.EnumSym) return "enum";
        if (s instanceof Scope.QuantitySym) return "quantity";
        if (s instanceof Scope.DefineSym) return "define";
        if (s instanceof Scope.PatternSym) return "pattern";
        if (s instanceof Scope.ModuleSym) return "import alias";
        if (s instanceof Scope.PrefixSym) return "use prefix";
        if (s instanceof Scope.ParamSym) return "parameter";
        return "enum member";
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
