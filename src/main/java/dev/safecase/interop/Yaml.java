package dev.safecase.interop;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.NonPrintableStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML as a tree of values that remember where they were written, read with snakeyaml-engine
 * (YAML 1.2 core schema), and plain values back to YAML text. This is the only class that knows
 * the YAML library.
 */
public final class Yaml {
    /** Characters a file may have at most (a gsn2x case is text a person writes). */
    public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /** Nesting a file may have at most: gsn2x needs four levels. */
    public static final int MAX_DEPTH = 64;

    private Yaml() {
    }

    /** A YAML value and where it starts. */
    public sealed interface Value permits Scalar, Seq, Mapping {
        Position pos();

        /** The value as plain Java data: String, Long, Boolean, null, Double, List, LinkedHashMap. */
        Object plain();
    }

    /**
     * A scalar: its text as written (after YAML's folding and escapes) and what the core schema
     * makes of it ({@code str}, {@code int}, {@code float}, {@code bool} or {@code null}).
     */
    public record Scalar(Position pos, String text, String type) implements Value {
        @Override
        public Object plain() {
            return switch (type) {
                case "null" -> null;
                case "bool" -> text.equalsIgnoreCase("true");
                case "int" -> integer(text).map(i -> (Object) i).orElse(text);
                case "float" -> floating(text).map(d -> (Object) d).orElse(text);
                default -> text;
            };
        }

        public boolean isNull() {
            return type.equals("null");
        }
    }

    public record Seq(Position pos, List<Value> items) implements Value {
        public Seq {
            items = List.copyOf(items);
        }

        @Override
        public Object plain() {
            List<Object> out = new ArrayList<>();
            for (Value v : items) out.add(v.plain());
            return out;
        }
    }

    public record Entry(Scalar key, Value value) {}

    public record Mapping(Position pos, List<Entry> entries) implements Value {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public Object plain() {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>();
            for (Entry e : entries) out.put(e.key().text(), e.value().plain());
            return out;
        }

        public Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().text().equals(key)).findFirst();
        }
    }

    /**
     * The one document of {@code text}, or empty with a diagnostic (SC701 for malformed YAML,
     * several documents, anchors nested too deeply; SC704 for a key given twice in a mapping).
     * An empty file gives an empty value (a null scalar at 1:1).
     */
    public static Optional<Value> read(String display, String text, Diagnostics diags) {
        LoadSettings settings = LoadSettings.builder().setLabel(display).setSchema(new CoreSchema())
                .setCodePointLimit(MAX_CODE_POINTS).setMaxAliasesForCollections(64).setAllowRecursiveKeys(false)
                .setUseMarks(true).build();
        Node root;
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> single = composer.getSingleNode();
            if (single.isEmpty()) return Optional.of(new Scalar(new Position(display, 1, 1), "", "null"));
            root = single.get();
        } catch (MarkedYamlEngineException e) {
            Position at = e.getProblemMark().or(e::getContextMark).map(m -> pos(display, m)).orElse(new Position(display, 1, 1));
            diags.error(Code.SC701, at, "malformed YAML: " + oneLine(e.getProblem() == null ? e.getMessage() : e.getProblem()));
            return Optional.empty();
        } catch (YamlEngineException | IllegalStateException e) {
            diags.error(Code.SC701, new Position(display, 1, 1), "malformed YAML: " + oneLine(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
        Diagnostics local = new Diagnostics();
        Value v = convert(display, root, 0, local);
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : Optional.of(v);
    }

    private static Value convert(String display, Node node, int depth, Diagnostics diags) {
        Position at = node.getStartMark().map(m -> pos(display, m)).orElse(new Position(display, 1, 1));
        if (depth > MAX_DEPTH) {
            diags.error(Code.SC701, at, "YAML nested more than " + MAX_DEPTH + " levels deep");
            return new Scalar(at, "", "null");
        }
        if (node.isRecursive()) {
            diags.error(Code.SC701, at, "recursive YAML alias (a value that contains itself)");
            return new Scalar(at, "", "null");
        }
        if (node instanceof ScalarNode s) return new Scalar(at, s.getValue(), type(s.getTag()));
        if (node instanceof SequenceNode q) {
            List<Value> items = new ArrayList<>();
            for (Node n : q.getValue()) items.add(convert(display, n, depth + 1, diags));
            return new Seq(at, items);
        }
        MappingNode m = (MappingNode) node;
        List<Entry> entries = new ArrayList<>();
        HashMap<String, Position> seen = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            Value key = convert(display, t.getKeyNode(), depth + 1, diags);
            if (!(key instanceof Scalar k)) {
                diags.error(Code.SC701, key.pos(), "a key must be a plain value, not a list or a mapping");
                continue;
            }
            Position first = seen.putIfAbsent(k.text(), k.pos());
            if (first != null) {
                diags.error(Code.SC704, k.pos(), "duplicate key " + k.text() + " (first at " + first.line() + ":" + first.col() + ")");
                continue;
            }
            entries.add(new Entry(k, convert(display, t.getValueNode(), depth + 1, diags)));
        }
        return new Mapping(at, entries);
    }

    private static String type(Tag tag) {
        if (tag.equals(Tag.NULL)) return "null";
        if (tag.equals(Tag.BOOL)) return "bool";
        if (tag.equals(Tag.INT)) return "int";
        if (tag.equals(Tag.FLOAT)) return "float";
        return "str";
    }

    private static Position pos(String display, Mark m) {
        return new Position(display, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    public static Optional<Long> integer(String text) {
        try {
            String t = text.replace("_", "");
            if (t.startsWith("0x")) return Optional.of(Long.parseLong(t.substring(2), 16));
            if (t.startsWith("0o")) return Optional.of(Long.parseLong(t.substring(2), 8));
            return Optional.of(Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> floating(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Plain data (maps, lists, strings, numbers, booleans) as YAML in gsn2x's own style: mappings
     * as blocks, lists of plain values in brackets ({@code supportedBy: [G2, S1]}), several-line
     * texts as literal blocks.
     */
    public static String write(Object data) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(0).setWidth(100).setSplitLines(true).setNonPrintableStyle(NonPrintableStyle.ESCAPE).build();
        Node node = new StandardRepresenter(settings).represent(data);
        flowShortLists(node);
        StringBuilder out = new StringBuilder();
        new Dump(settings).dumpNode(node, new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        });
        return out.toString();
    }

    private static void flowShortLists(Node node) {
        if (node instanceof SequenceNode q) {
            boolean scalars = q.getValue().stream().allMatch(n -> n instanceof ScalarNode s && !s.getValue().contains("\n"));
            q.setFlowStyle(scalars ? FlowStyle.FLOW : FlowStyle.BLOCK);
            q.getValue().forEach(Yaml::flowShortLists);
        } else if (node instanceof MappingNode m) {
            m.setFlowStyle(m.getValue().isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
            for (NodeTuple t : m.getValue()) flowShortLists(t.getValueNode());
        }
    }

    /** Plain data as one line of flow-style YAML ({@code {a: 1, b: [x, y]}}): what a comment in a case holds. */
    public static String writeFlow(Object data) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.FLOW).setWidth(Integer.MAX_VALUE)
                .setSplitLines(false).setNonPrintableStyle(NonPrintableStyle.ESCAPE).build();
        return new Dump(settings).dumpToString(data).strip();
    }

    /**
     * Reads the {@code key: value} text of a comment written with {@link #writeFlow}: the mapping,
     * or empty when the text is not a YAML mapping.
     */
    public static Optional<LinkedHashMap<String, Object>> readEntries(String text) {
        Optional<Value> v = read("<comment>", text, new Diagnostics());
        if (v.isEmpty() || !(v.get() instanceof Mapping m)) return Optional.empty();
        @SuppressWarnings("unchecked")
        LinkedHashMap<String, Object> out = (LinkedHashMap<String, Object>) m.plain();
        return Optional.of(out);
    }
}
