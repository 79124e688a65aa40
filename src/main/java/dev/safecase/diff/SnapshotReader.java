package dev.safecase.diff;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.safecase.judge.Status;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a result file into a {@link Snapshot}: strict JSON (duplicate keys refused) read with jackson-core, then the
 * keys of docs/reports.md that {@code diff} needs. Anything else is ignored, so files from other versions of safecase
 * compare as long as those keys are there. A file that is not a result says where and why ({@link Bad}).
 */
public final class SnapshotReader {
    private SnapshotReader() {
    }

    /** A file that cannot be compared: {@code FILE:LINE:COL: message}, or {@code FILE: message}. */
    public static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        public Bad(String message) {
            super(message);
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads {@code in}, named {@code source} in messages. */
    public static Snapshot read(InputStream in, String source) throws Bad, IOException {
        Object tree;
        try (JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new Bad(source + ": empty file, not a safecase result (safecase.json)");
            tree = value(p);
            if (p.nextToken() != null) throw new Bad(where(source, p.currentLocation()) + "text after the JSON value");
        } catch (JsonProcessingException e) {
            throw new Bad(where(source, e.getLocation()) + e.getOriginalMessage());
        }
        return new SnapshotReader.Mapper(source).snapshot(tree);
    }

    private static String where(String source, JsonLocation at) {
        if (at == null || at.getLineNr() < 1) return source + ": ";
        return source + ":" + at.getLineNr() + ":" + Math.max(1, at.getColumnNr()) + ": ";
    }

    /** The tree: Map (in file order), List, String, the number's text as a {@link Num}, Boolean, or {@link Null}. */
    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) l.add(value(p));
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Num(p.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return Null.NULL;
            }
        }
    }

    private record Num(String text) {}

    private enum Null { NULL }

    /** Picks the keys out of the tree; {@code path} in messages is a JSON Pointer. */
    private record Mapper(String source) {
        Snapshot snapshot(Object tree) throws Bad {
            Map<String, Object> root = object(tree, "");
            if (!"safecase".equals(root.get("tool"))) {
                throw new Bad(source + ": not a safecase result: no \"tool\": \"safecase\" at the top (write one with "
                        + "safecase check --format json, or take target/safecase/safecase.json)");
            }
            Map<String, Object> g = object(root.get("gate"), "/gate");
            Snapshot.Gate gate = new Snapshot.Gate(bool(g.get("passed"), "/gate/passed"), integer(g.get("proved"), "/gate/proved"),
                    integer(g.get("total"), "/gate/total"), strings(g.getOrDefault("reasons", List.of()), "/gate/reasons"));
            Map<String, Snapshot.Case> cases = new LinkedHashMap<>();
            List<Object> cs = array(root.get("cases"), "/cases");
            for (int i = 0; i < cs.size(); i++) {
                Snapshot.Case c = caseOf(object(cs.get(i), "/cases/" + i), "/cases/" + i);
                cases.put(c.name(), c);
            }
            return new Snapshot(source, text(root.getOrDefault("version", ""), "/version"),
                    text(root.getOrDefault("today", ""), "/today"), gate, cases);
        }

        private Snapshot.Case caseOf(Map<String, Object> c, String at) throws Bad {
            String name = text(c.get("case"), at + "/case");
            Map<String, Snapshot.Obligation> obs = new LinkedHashMap<>();
            List<Object> os = array(c.getOrDefault("obligations", List.of()), at + "/obligations");
            for (int i = 0; i < os.size(); i++) {
                String p = at + "/obligations/" + i;
                Map<String, Object> o = object(os.get(i), p);
                Snapshot.Obligation ob = new Snapshot.Obligation(text(o.get("id"), p + "/id"),
                        text(o.getOrDefault("file", ""), p + "/file"), integer(o.getOrDefault("line", new Num("0")), p + "/line"),
                        status(o.get("status"), p + "/status"), optional(o.get("reason"), p + "/reason"),
                        pairs(o.getOrDefault("counterexample", Map.of()), p + "/counterexample"),
                        strings(o.getOrDefault("core", List.of()), p + "/core"), optional(o.get("owner"), p + "/owner"));
                obs.put(ob.id(), ob);
            }
            Map<String, Snapshot.Evidence> ev = new LinkedHashMap<>();
            List<Object> es = array(c.getOrDefault("evidence", List.of()), at + "/evidence");
            for (int i = 0; i < es.size(); i++) {
                String p = at + "/evidence/" + i;
                Map<String, Object> e = object(es.get(i), p);
                Snapshot.Evidence item = new Snapshot.Evidence(text(e.get("id"), p + "/id"), status(e.get("status"), p + "/status"),
                        optional(e.get("file"), p + "/file"), optional(e.get("sha256"), p + "/sha256"),
                        optional(e.get("expires"), p + "/expires"), optional(e.get("reason"), p + "/reason"));
                ev.put(item.id(), item);
            }
            return new Snapshot.Case(name, text(c.getOrDefault("file", ""), at + "/file"),
                    bool(c.getOrDefault("checked", Boolean.TRUE), at + "/checked"), bool(c.getOrDefault("discharged", Boolean.FALSE), at + "/discharged"),
                    obs, strings(c.getOrDefault("openProblems", List.of()), at + "/openProblems"), ev);
        }

        private Bad bad(String at, String what) {
            return new Bad(source + ": " + (at.isEmpty() ? "the top" : at) + " must be " + what);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object v, String at) throws Bad {
            if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
            throw bad(at, "an object");
        }

        @SuppressWarnings("unchecked")
        private List<Object> array(Object v, String at) throws Bad {
            if (v instanceof List<?> l) return (List<Object>) l;
            throw bad(at, "an array");
        }

        private String text(Object v, String at) throws Bad {
            if (v instanceof String s) return s;
            throw bad(at, "a string");
        }

        private Optional<String> optional(Object v, String at) throws Bad {
            if (v == null || v == Null.NULL) return Optional.empty();
            return Optional.of(text(v, at));
        }

        private boolean bool(Object v, String at) throws Bad {
            if (v instanceof Boolean b) return b;
            throw bad(at, "true or false");
        }

        private int integer(Object v, String at) throws Bad {
            if (v instanceof Num n) {
                try {
                    return Integer.parseInt(n.text());
                } catch (NumberFormatException e) {
                    throw bad(at, "a whole number");
                }
            }
            throw bad(at, "a number");
        }

        private Status status(Object v, String at) throws Bad {
            String s = text(v, at);
            try {
                return Status.parse(s);
            } catch (IllegalArgumentException e) {
                throw bad(at, "a status (proved, asserted, open, unknown, refuted, vacuous, invalid), not \"" + s + "\"");
            }
        }

        private List<String> strings(Object v, String at) throws Bad {
            List<String> out = new ArrayList<>();
            List<Object> l = array(v, at);
            for (int i = 0; i < l.size(); i++) out.add(text(l.get(i), at + "/" + i));
            return out;
        }

        private Map<String, String> pairs(Object v, String at) throws Bad {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : object(v, at).entrySet()) out.put(e.getKey(), text(e.getValue(), at + "/" + e.getKey()));
            return out;
        }
    }
}
