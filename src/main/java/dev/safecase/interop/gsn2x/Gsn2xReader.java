package dev.safecase.interop.gsn2x;

import dev.safecase.interop.Yaml;
import static dev.safecase.interop.gsn2x.Gsn2xNames.*;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.interop.gsn2x.Gsn2xFile.Challenge;
import dev.safecase.interop.gsn2x.Gsn2xFile.Develop;
import dev.safecase.interop.gsn2x.Gsn2xFile.Element;
import dev.safecase.interop.gsn2x.Gsn2xFile.Extension;
import dev.safecase.interop.gsn2x.Gsn2xFile.Module;
import dev.safecase.interop.gsn2x.Gsn2xFile.Ref;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads one gsn2x file into a {@link Gsn2xFile}: the shape that gsn2x's documentation gives
 * (docs/interop.md has the table), checked attribute by attribute. Every mistake is reported at
 * its YAML node; a file with a mistake gives nothing.
 */
public final class Gsn2xReader {
    private final Diagnostics diags;

    private Gsn2xReader(Diagnostics diags) {
        this.diags = diags;
    }

    public static Optional<Gsn2xFile> read(Path path, String display, String text, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Optional<Yaml.Value> root = Yaml.read(display, text, local);
        Optional<Gsn2xFile> file = root.flatMap(r -> new Gsn2xReader(local).file(path, display, r));
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : file;
    }

    private Optional<Gsn2xFile> file(Path path, String display, Yaml.Value root) {
        if (root instanceof Yaml.Scalar s && s.isNull()) {
            diags.error(Code.SC701, root.pos(), "empty file: a gsn2x file holds at least one element");
            return Optional.empty();
        }
        if (!(root instanceof Yaml.Mapping m)) {
            diags.error(Code.SC701, root.pos(), "a gsn2x file is a mapping from element IDs to elements, not "
                    + describe(root));
            return Optional.empty();
        }
        Optional<Module> module = Optional.empty();
        List<Element> elements = new ArrayList<>();
        for (Yaml.Entry e : m.entries()) {
            if (e.key().text().equals(MODULE)) module = module(e);
            else element(e).ifPresent(elements::add);
        }
        if (elements.isEmpty() && !diags.hasErrors()) {
            diags.error(Code.SC701, root.pos(), "the file holds no element (gsn2x refuses a module without elements)");
        }
        return Optional.of(new Gsn2xFile(path, display, module, elements));
    }

    // ------------------------------------------------------------ module information

    private Optional<Module> module(Yaml.Entry entry) {
        if (!(entry.value() instanceof Yaml.Mapping m)) {
            diags.error(Code.SC705, entry.value().pos(), "module information is a mapping with at least a name");
            return Optional.empty();
        }
        Optional<String> name = Optional.empty();
        Optional<String> brief = Optional.empty();
        Optional<String> safecase = Optional.empty();
        List<Ref> uses = List.of();
        List<Extension> extensions = new ArrayList<>();
        LinkedHashMap<String, Object> raw = new LinkedHashMap<>();
        for (Yaml.Entry e : m.entries()) {
            String key = e.key().text();
            switch (key) {
                case NAME -> name = scalarText(e, "the module name is a text");
                case BRIEF -> brief = scalarText(e, "the module brief is a text");
                case USES -> uses = refs(e, "uses lists the module files this one uses");
                case EXTENDS -> extensions = extensions(e);
                case CLAUSES -> safecase = scalarText(e, "the safecase layer is a text");
                default -> { }
            }
            if (!key.equals(CLAUSES)) raw.put(key, e.value().plain());
        }
        if (name.isEmpty()) {
            diags.error(Code.SC705, m.pos(), "module information needs a name (gsn2x requires name and brief)");
            return Optional.empty();
        }
        return Optional.of(new Module(entry.key().pos(), name.get(), brief, uses, extensions, safecase, raw));
    }

    private List<Extension> extensions(Yaml.Entry e) {
        List<Extension> out = new ArrayList<>();
        if (!(e.value() instanceof Yaml.Seq seq)) {
            diags.error(Code.SC705, e.value().pos(), "extends is a list of {module: NAME, develops: {ID: [ID, ...]}}");
            return out;
        }
        for (Yaml.Value item : seq.items()) {
            if (!(item instanceof Yaml.Mapping m) || m.get("module").isEmpty() || m.get(DEVELOPS).isEmpty()
                    || !(m.get(DEVELOPS).get().value() instanceof Yaml.Mapping dev)) {
                diags.error(Code.SC705, item.pos(), "an extension is {module: NAME, develops: {ID: [ID, ...]}}");
                continue;
            }
            Yaml.Entry mod = m.get("module").get();
            Optional<String> name = scalarText(mod, "the extended module is named by its name");
            List<Develop> develops = new ArrayList<>();
            for (Yaml.Entry d : dev.entries()) {
                develops.add(new Develop(new Ref(d.key().text(), d.key().pos()), refs(d, "develops maps an ID to the IDs that develop it")));
            }
            name.ifPresent(n -> out.add(new Extension(new Ref(n, mod.value().pos()), develops)));
        }
        return out;
    }

    // ------------------------------------------------------------ elements

    private Optional<Element> element(Yaml.Entry entry) {
        String id = entry.key().text();
        Position at = entry.key().pos();
        Yaml.Mapping attrs;
        if (entry.value() instanceof Yaml.Scalar s && s.isNull()) {
            attrs = new Yaml.Mapping(entry.value().pos(), List.of());
        } else if (entry.value() instanceof Yaml.Mapping m) {
            attrs = m;
        } else {
            diags.error(Code.SC705, entry.value().pos(), "element " + id + " is a mapping of attributes (write " + id
                    + ": {} for an element with none), not " + describe(entry.value()));
            return Optional.empty();
        }
        String text = "";
        Position textPos = at;
        List<Ref> supportedBy = List.of();
        List<Ref> inContextOf = List.of();
        Optional<Challenge> challenges = Optional.empty();
        boolean undeveloped = false;
        Optional<GsnType> explicit = Optional.empty();
        LinkedHashMap<String, Object> passthrough = new LinkedHashMap<>();
        LinkedHashMap<String, Ref> safecase = new LinkedHashMap<>();
        for (Yaml.Entry e : attrs.entries()) {
            String key = e.key().text();
            switch (key) {
                case TEXT -> {
                    text = e.value() instanceof Yaml.Scalar s && s.isNull() ? "" : scalarText(e, "text is a text").orElse("");
                    textPos = e.value().pos();
                }
                case SUPPORTED_BY -> supportedBy = refs(e, "supportedBy is an element ID or a list of IDs");
                case IN_CONTEXT_OF -> inContextOf = refs(e, "inContextOf is an element ID or a list of IDs");
                case CHALLENGES -> challenges = scalarText(e, "challenges names one element, or a relation as A -> B")
                        .map(t -> challenge(t, e.value().pos()));
                case UNDEVELOPED -> undeveloped = bool(e).orElse(false);
                case NODE_TYPE -> explicit = scalarText(e, "nodeType is a type name").flatMap(t -> nodeType(t, e.value().pos()));
                default -> {
                    if (SAFECASE_LAYERS.contains(key)) {
                        scalarText(e, key + " is a text (written by safecase export)")
                                .ifPresent(t -> safecase.put(key, new Ref(t, e.value().pos())));
                    } else {
                        passthrough(e).ifPresent(v -> passthrough.put(key, v));
                    }
                }
            }
        }
        Optional<GsnType> type = explicit.or(() -> GsnType.fromPrefix(id));
        if (type.isEmpty()) {
            diags.error(Code.SC702, at, "element " + id + " is of unknown type: its ID has no gsn2x prefix (G, S, Sn, "
                    + "C, A, J, CG, CSn) and it has no nodeType");
            return Optional.empty();
        }
        return Optional.of(new Element(id, at, type.get(), explicit.isPresent(), text, textPos, supportedBy, inContextOf,
                challenges, undeveloped, passthrough, safecase));
    }

    private Optional<GsnType> nodeType(String t, Position at) {
        Optional<GsnType> type = GsnType.parse(t);
        if (type.isEmpty()) {
            diags.error(Code.SC702, at, "unknown nodeType '" + t + "' (gsn2x knows Goal, Strategy, Solution, Justification, "
                    + "Context, Assumption, CounterGoal, CounterSolution)");
        }
        return type;
    }

    private static Challenge challenge(String text, Position at) {
        int arrow = text.indexOf("->");
        if (arrow < 0) return new Gsn2xFile.OfElement(new Ref(text.strip(), at));
        return new Gsn2xFile.OfRelation(new Ref(text.substring(0, arrow).strip(), at),
                new Ref(text.substring(arrow + 2).strip(), at), text);
    }

    /** An attribute kept as written; the ones gsn2x gives a shape are checked, so that an export is accepted again. */
    private Optional<Object> passthrough(Yaml.Entry e) {
        String key = e.key().text();
        Yaml.Value v = e.value();
        boolean ok = switch (key) {
            case URL -> v instanceof Yaml.Scalar s && !s.isNull();
            case CLASSES -> v instanceof Yaml.Seq q && q.items().stream().allMatch(i -> i instanceof Yaml.Scalar s && !s.isNull());
            case DEFEATED -> v instanceof Yaml.Scalar s && s.type().equals("bool");
            case DEFEATED_RELATION -> refsShape(v);
            case RANK_INCREMENT, CHAR_WRAP -> wholeNumber(v);
            case HORIZONTAL_INDEX -> horizontalIndex(v);
            case ACP -> acp(v);
            default -> true;
        };
        if (!ok) {
            diags.error(Code.SC705, v.pos(), switch (key) {
                case URL -> "url is a text";
                case CLASSES -> "classes is a list of class names";
                case DEFEATED -> "defeated must be true or false";
                case DEFEATED_RELATION -> "defeatedRelation is an element ID or a list of IDs";
                case RANK_INCREMENT -> "rankIncrement must be a whole number of at least 0";
                case CHAR_WRAP -> "charWrap must be a whole number of at least 0";
                case HORIZONTAL_INDEX -> "horizontalIndex is {relative: N} or {absolute: N or last}";
                default -> "acp maps each assurance claim point to an element ID or a list of IDs";
            });
            return Optional.empty();
        }
        if (key.equals(CLASSES)) {
            // the status classes are computed by export; they are not part of the argument
            List<Object> kept = new ArrayList<>();
            for (Yaml.Value i : ((Yaml.Seq) v).items()) {
                if (!((Yaml.Scalar) i).text().startsWith(STATUS_CLASS_PREFIX)) kept.add(((Yaml.Scalar) i).text());
            }
            return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
        }
        return Optional.of(v.plain());
    }

    private static boolean refsShape(Yaml.Value v) {
        if (v instanceof Yaml.Scalar s) return !s.isNull();
        return v instanceof Yaml.Seq q && q.items().stream().allMatch(i -> i instanceof Yaml.Scalar s && !s.isNull());
    }

    private static boolean wholeNumber(Yaml.Value v) {
        return v instanceof Yaml.Scalar s && s.type().equals("int") && Yaml.integer(s.text()).map(n -> n >= 0).orElse(false);
    }

    private static boolean horizontalIndex(Yaml.Value v) {
        if (!(v instanceof Yaml.Mapping m) || m.entries().size() != 1) return false;
        Yaml.Entry e = m.entries().get(0);
        if (!(e.value() instanceof Yaml.Scalar s)) return false;
        return switch (e.key().text()) {
            case "relative" -> s.type().equals("int") && Yaml.integer(s.text()).isPresent();
            case "absolute" -> s.text().equals("last") || wholeNumber(s)
                    || s.type().equals("str") && Yaml.integer(s.text()).map(n -> n >= 0).orElse(false);
            default -> false;
        };
    }

    private static boolean acp(Yaml.Value v) {
        return v instanceof Yaml.Mapping m && m.entries().stream().allMatch(e -> refsShape(e.value()));
    }

    // ------------------------------------------------------------ values

    private List<Ref> refs(Yaml.Entry e, String shape) {
        Yaml.Value v = e.value();
        if (v instanceof Yaml.Scalar s && !s.isNull()) return List.of(new Ref(s.text().strip(), s.pos()));
        if (v instanceof Yaml.Seq q) {
            List<Ref> out = new ArrayList<>();
            for (Yaml.Value i : q.items()) {
                if (i instanceof Yaml.Scalar s && !s.isNull()) {
                    out.add(new Ref(s.text().strip(), s.pos()));
                } else {
                    diags.error(Code.SC705, i.pos(), shape);
                }
            }
            return out;
        }
        diags.error(Code.SC705, v.pos(), shape);
        return List.of();
    }

    private Optional<String> scalarText(Yaml.Entry e, String shape) {
        if (e.value() instanceof Yaml.Scalar s && !s.isNull()) return Optional.of(s.text());
        diags.error(Code.SC705, e.value().pos(), shape);
        return Optional.empty();
    }

    private Optional<Boolean> bool(Yaml.Entry e) {
        if (e.value() instanceof Yaml.Scalar s && s.type().equals("bool")) return Optional.of(s.text().equalsIgnoreCase("true"));
        diags.error(Code.SC705, e.value().pos(), e.key().text() + " must be true or false");
        return Optional.empty();
    }

    private static String describe(Yaml.Value v) {
        if (v instanceof Yaml.Seq) return "a list";
        if (v instanceof Yaml.Mapping) return "a mapping";
        return "the value '" + ((Yaml.Scalar) v).text() + "'";
    }
}
