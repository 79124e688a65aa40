package dev.safecase.interop;

import dev.safecase.diag.Diagnostics;
import dev.safecase.interop.gsn2x.GsnType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A gsn2x file's parsed structure as gsn2x itself sees it, for comparing an input with what an
 * import then an export gives back: a reference list is a string or a list (gsn2x makes both a
 * list, and sorts supportedBy and inContextOf), a missing text is an empty one, a missing
 * nodeType is the one the ID's prefix gives, {@code G1:} is {@code G1: {}}, {@code relative: +1}
 * is 1. The {@code status-…} classes that export adds (they colour by verdict) are left out.
 */
final class Gsn2xStructure {
    private Gsn2xStructure() {
    }

    static Map<String, Object> of(String yaml) {
        Diagnostics d = new Diagnostics();
        Object plain = Yaml.read("test", yaml, d).orElseThrow(() -> new AssertionError(d.sorted())).plain();
        Map<String, Object> out = new TreeMap<>();
        map(plain).forEach((id, v) -> out.put(id, id.equals("module") ? module(map(v)) : element(id, v)));
        return out;
    }

    private static Map<String, Object> module(Map<String, Object> m) {
        Map<String, Object> out = new TreeMap<>(m);
        return out;
    }

    private static Map<String, Object> element(String id, Object v) {
        Map<String, Object> e = v == null ? Map.of() : map(v);
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Object> a : e.entrySet()) {
            Object val = a.getValue();
            switch (a.getKey()) {
                case "supportedBy", "inContextOf" -> out.put(a.getKey(), sorted(list(val)));
                case "defeatedRelation" -> out.put(a.getKey(), list(val));
                case "classes" -> {
                    List<Object> kept = new ArrayList<>();
                    for (Object c : list(val)) if (!String.valueOf(c).startsWith("status-")) kept.add(c);
                    if (!kept.isEmpty()) out.put("classes", kept);
                }
                case "challenges" -> out.put("challenges", String.valueOf(val).replaceAll("\\s*->\\s*", " -> ").strip());
                case "undeveloped", "defeated" -> {
                    if (Boolean.TRUE.equals(val)) out.put(a.getKey(), true);
                }
                case "text" -> {
                    if (val != null && !String.valueOf(val).isEmpty()) out.put("text", String.valueOf(val));
                }
                case "acp" -> {
                    Map<String, Object> acp = new TreeMap<>();
                    map(val).forEach((k, x) -> acp.put(k, list(x)));
                    out.put("acp", acp);
                }
                default -> out.put(a.getKey(), val);
            }
        }
        Object type = out.remove("nodeType");
        out.put("nodeType", type != null ? type : GsnType.fromPrefix(id).map(Enum::name).orElse("?"));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object v) {
        return (Map<String, Object>) v;
    }

    private static List<Object> list(Object v) {
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        return new ArrayList<>(List.of(v));
    }

    private static List<Object> sorted(List<Object> l) {
        List<Object> s = new ArrayList<>(l);
        s.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
        return s;
    }
}
