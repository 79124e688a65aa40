package dev.safecase.interop.gsn2x;

import static dev.safecase.interop.gsn2x.Gsn2xNames.*;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Name;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.interop.CheckedCase;
import dev.safecase.interop.FileNames;
import dev.safecase.interop.NodeKind;
import dev.safecase.interop.OutputFile;
import dev.safecase.interop.QualifiedNames;
import dev.safecase.interop.SourceFile;
import dev.safecase.interop.Yaml;
import dev.safecase.interop.gsn2x.Gsn2xFile.Element;
import dev.safecase.interop.gsn2x.Gsn2xFile.Ref;
import dev.safecase.model.Model;
import dev.safecase.syntax.Identifiers;
import dev.safecase.syntax.Outline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A checked case to gsn2x YAML that gsn2x accepts: one file per gsn2x file the case came from
 * (or one file for a case written in safecase), every node an element, each claim, strategy,
 * evidence and defeater coloured by its status through a {@code status-…} class. What gsn2x has
 * no place for rides in layers ({@code safecase-formula}, {@code safecase}, {@code safecase-from},
 * and the module's {@code safecase}), so that an import gives the case back.
 */
public final class Gsn2xExport {
    private final CheckedCase c;
    private final Diagnostics diags;
    /** Model ID to gsn2x ID. */
    private final Map<String, String> gsnId = new HashMap<>();
    /** Output files in order, by name, each with its elements and module section. */
    private final LinkedHashMap<String, OutFile> files = new LinkedHashMap<>();
    private final Map<String, String> firstFileOf = new HashMap<>();
    /** Relation challenges written by an import, by element: kept while they still mean the attack the case states. */
    private final Map<String, String> recorded = new HashMap<>();

    private static final class OutFile {
        final String name;
        Object module;
        boolean hasModuleEntry;
        String safecase = "";
        final List<Element> elements = new ArrayList<>();
        final Map<String, List<String>> classes = new HashMap<>();

        OutFile(String name) {
            this.name = name;
        }
    }

    private Gsn2xExport(CheckedCase c, Diagnostics diags) {
        this.c = c;
        this.diags = diags;
    }

    public static Optional<List<OutputFile>> export(CheckedCase c, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Gsn2xExport ex = new Gsn2xExport(c, local);
        ex.ids();
        ex.layout();
        ex.elements();
        List<OutputFile> out = new ArrayList<>();
        if (!local.hasErrors()) ex.check();
        if (!local.hasErrors()) for (OutFile f : ex.files.values()) out.add(new OutputFile(f.name, ex.yaml(f)));
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : Optional.of(out);
    }

    // ------------------------------------------------------------ IDs

    private void ids() {
        for (Model.Node n : c.model.nodes()) {
            Optional<Decl.Element> inCase = c.declaredInCase(n);
            Optional<Map.Entry<String, Decl.Element>> inModule = c.declaredInModule(n);
            if (inCase.isPresent()) gsnId.put(n.id(), Identifiers.content(inCase.get().id().last()));
            else if (inModule.isPresent()) gsnId.put(n.id(), Identifiers.content(inModule.get().getValue().id().last()));
            else gsnId.put(n.id(), n.id());
        }
    }

    /** A reference as written in {@code f}, as the gsn2x ID of what it names. */
    private String ref(Name written, SourceFile f) {
        if (f == c.caseFile) return gsnId.getOrDefault(written.text(), written.text());
        if (written.parts().size() == 1) return Identifiers.content(written.last());
        return Identifiers.content(written.last());
    }

    // ------------------------------------------------------------ which gsn2x files

    private void layout() {
        List<Map.Entry<SourceFile, Object>> all = new ArrayList<>();
        all.add(new java.util.AbstractMap.SimpleEntry<>(c.caseFile, filesOf(c.caseFile)));
        for (SourceFile m : c.modules.values()) all.add(new java.util.AbstractMap.SimpleEntry<>(m, filesOf(m)));
        Set<String> stems = new HashSet<>();
        for (Map.Entry<SourceFile, Object> e : all) {
            SourceFile f = e.getKey();
            List<?> recorded = e.getValue() instanceof List<?> l ? l : List.of();
            if (recorded.isEmpty()) {
                String name = FileNames.stem(Identifiers.content(f == c.caseFile ? c.model.name() : f.text().path().getFileName().toString()), stems) + ".gsn.yaml";
                OutFile of = new OutFile(name);
                LinkedHashMap<String, Object> module = new LinkedHashMap<>();
                module.put(NAME, Identifiers.content(f == c.caseFile ? c.model.name() : name));
                if (f == c.caseFile) module.put(BRIEF, c.model.text());
                of.module = module;
                of.hasModuleEntry = false;
                files.put(name, of);
                firstFileOf.put(key(f), name);
                continue;
            }
            boolean first = true;
            for (Object o : recorded) {
                if (!(o instanceof Map<?, ?> entry) || !(entry.get(FILE) instanceof String name)) continue;
                OutFile of = new OutFile(name);
                of.module = entry.get(MODULE);
                of.hasModuleEntry = true;
                files.put(name, of);
                if (first) firstFileOf.put(key(f), name);
                first = false;
            }
            if (first) {
                String name = FileNames.stem(f.text().path().getFileName().toString(), stems) + ".gsn.yaml";
                files.put(name, new OutFile(name));
                firstFileOf.put(key(f), name);
            }
        }
        // the non-node declarations of each safecase file ride in the module information of its first gsn2x file
        for (Map.Entry<SourceFile, Object> e : all) {
            OutFile of = files.get(firstFileOf.get(key(e.getKey())));
            of.safecase = String.join("\n", c.declarationsOf(e.getKey()));
        }
    }

    private static Object filesOf(SourceFile f) {
        return f.fileAttributes().get(FILES);
    }

    private String key(SourceFile f) {
        return f == c.caseFile ? "" : c.modules.entrySet().stream().filter(x -> x.getValue() == f).findFirst().orElseThrow().getKey();
    }

    // ------------------------------------------------------------ elements

    private void elements() {
        Set<Decl.Element> done = new HashSet<>();
        for (Model.Node n : c.model.nodes()) {
            Optional<Decl.Element> decl = c.declaredInCase(n);
            if (decl.isPresent()) {
                declared(c.caseFile, decl.get(), n);
                done.add(decl.get());
            } else if (c.declaredInModule(n).isEmpty()) {
                generated(n);
            }
        }
        for (SourceFile m : c.modules.values()) {
            for (Decl.Element e : m.elements()) {
                Optional<Model.Node> used = c.model.nodes().stream().filter(n -> n.pos().equals(e.pos())).findFirst();
                declared(m, e, used.orElse(null));
            }
        }
    }

    private void declared(SourceFile f, Decl.Element e, Model.Node modelNode) {
        if (e.id().parts().size() > 1) return;
        Outline.Piece piece = f.piece(e);
        LinkedHashMap<String, Object> attrs = f.attributes(e);
        String file = attrs.remove(FILE) instanceof String s ? s : firstFileOf.get(key(f));
        NodeKind kind = NodeKind.valueOf(e.kind().name());
        String id = Identifiers.content(e.id().last());
        Object recordedType = attrs.remove(NODE_TYPE);
        GsnType type = recordedType instanceof String t ? GsnType.parse(t).orElse(Gsn2xArgument.defaultType(kind)) : Gsn2xArgument.defaultType(kind);
        boolean explicit = recordedType != null || GsnType.fromPrefix(id).orElse(null) != type;
        Object recordedChallenge = attrs.remove(CHALLENGES);
        boolean undevelopedAttr = Boolean.TRUE.equals(attrs.remove(UNDEVELOPED));
        List<Ref> supportedBy = new ArrayList<>();
        List<Ref> inContextOf = new ArrayList<>();
        Optional<Gsn2xFile.Challenge> challenge = Optional.empty();
        boolean undeveloped = undevelopedAttr;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < e.clauses().size(); i++) {
            Clause cl = e.clauses().get(i);
            String text = piece.clauses().get(i);
            switch (cl.kind()) {
                case SUPPORTED_BY -> {
                    Clause.names(cl).forEach(nm -> supportedBy.add(new Ref(ref(nm, f), cl.pos())));
                    // gsn2x has no `any of` / `M of`: the list as written rides in the safecase layer, first
                    if (CheckedCase.hasChoice(cl)) extra.add(0, text);
                }
                case CONTEXT, ASSUMING, JUSTIFIED_BY -> { }
                case UNDEVELOPED -> undeveloped = true;
                case REBUTS, UNDERCUTS, UNDERMINES -> {
                    Clause.Target t = (Clause.Target) cl;
                    challenge = Optional.of(new Gsn2xFile.OfElement(new Ref(ref(t.name(), f), cl.pos())));
                    if (t.relation().isPresent()) {
                        // `undercuts C -> X`: the relation between C and X, as gsn2x writes it
                        String from = ref(t.name(), f);
                        String to = ref(t.relation().get().name(), f);
                        challenge = Optional.of(new Gsn2xFile.OfRelation(new Ref(from, cl.pos()), new Ref(to, cl.pos()), from + " -> " + to));
                    } else if (cl.kind() == Clause.Kind.UNDERCUTS) {
                        // a claim's own step is undercut through the relation to its first support
                        challenge = undercutClaim(t.name(), f, cl.pos()).or(() -> Optional.of(new Gsn2xFile.OfElement(new Ref(ref(t.name(), f), cl.pos()))));
                    }
                    if (recordedChallenge instanceof String r) recorded.put(id, r);
                }
                default -> extra.add(text);
            }
        }
        // side clauses in the order gsn2x sorts them anyway: context, assuming, justified by
        for (Clause.Kind k : List.of(Clause.Kind.CONTEXT, Clause.Kind.ASSUMING, Clause.Kind.JUSTIFIED_BY)) {
            for (Clause cl : e.clauses()) {
                if (cl.kind() == k) Clause.names(cl).forEach(nm -> inContextOf.add(new Ref(ref(nm, f), cl.pos())));
            }
        }
        LinkedHashMap<String, Ref> layers = new LinkedHashMap<>();
        piece.formula().ifPresent(t -> layers.put(FORMULA, new Ref(t, e.pos())));
        if (!extra.isEmpty()) layers.put(CLAUSES, new Ref(String.join(" ", extra), e.pos()));
        Element out = new Element(id, e.pos(), type, explicit, e.text().map(t -> t.value()).orElse(""), e.pos(), supportedBy,
                inContextOf, challenge, undeveloped, attrs, layers);
        add(file, out, modelNode);
    }

    /** {@code undercuts C} for a claim C with a direct support: the relation C -> its first support. */
    private Optional<Gsn2xFile.Challenge> undercutClaim(Name target, SourceFile f, Position at) {
        Optional<Model.Node> n = c.model.node(f == c.caseFile ? target.text() : target.text());
        if (n.isEmpty() || !(n.get() instanceof Model.Claim claim) || !(claim.support() instanceof Model.Direct d)) return Optional.empty();
        List<String> all = new ArrayList<>(d.claims());
        all.addAll(d.evidence());
        if (all.isEmpty()) return Optional.empty();
        String from = ref(target, f);
        String to = gsnId.getOrDefault(all.get(0), all.get(0));
        return Optional.of(new Gsn2xFile.OfRelation(new Ref(from, at), new Ref(to, at), from + " -> " + to));
    }


    private void generated(Model.Node n) {
        NodeKind kind = NodeKind.valueOf(n.kind().name());
        String id = n.id();
        GsnType type = Gsn2xArgument.defaultType(kind);
        List<Ref> supportedBy = new ArrayList<>();
        List<Ref> inContextOf = new ArrayList<>();
        Optional<Gsn2xFile.Challenge> challenge = Optional.empty();
        boolean undeveloped = false;
        if (n instanceof Model.Claim cl) {
            if (cl.support() instanceof Model.ByStrategy s) supportedBy.add(ref(s.strategy(), n));
            if (cl.support() instanceof Model.Direct d) {
                d.claims().forEach(x -> supportedBy.add(ref(x, n)));
                d.evidence().forEach(x -> supportedBy.add(ref(x, n)));
            }
            undeveloped = cl.support() instanceof Model.Undeveloped;
            side(cl.context(), cl.assuming(), cl.justifiedBy(), inContextOf, n);
        } else if (n instanceof Model.Strategy s) {
            s.subclaims().forEach(x -> supportedBy.add(ref(x, n)));
            undeveloped = s.undeveloped();
            side(s.context(), s.assuming(), s.justifiedBy(), inContextOf, n);
        } else if (n instanceof Model.Defeater d) {
            challenge = Optional.of(new Gsn2xFile.OfElement(ref(d.target(), n)));
        }
        LinkedHashMap<String, Ref> layers = new LinkedHashMap<>();
        layers.put(FROM, new Ref(CheckedCase.generatedBy(n), n.pos()));
        c.completion(n).ifPresent(comp -> {
            List<String> clauses = c.caseFile.piece(comp).clauses();
            if (!clauses.isEmpty()) layers.put(CLAUSES, new Ref(String.join(" ", clauses), n.pos()));
        });
        LinkedHashMap<String, Object> attrs = new LinkedHashMap<>();
        Object of = c.caseFile.fileAttributes().get(OF.strip() + " " + id);
        if (of instanceof Map<?, ?> m) m.forEach((k, v) -> attrs.put(String.valueOf(k), v));
        c.completion(n).ifPresent(comp -> attrs.putAll(c.caseFile.attributes(comp)));
        attrs.remove(FILE);
        attrs.remove(NODE_TYPE);
        Element out = new Element(id, n.pos(), type, GsnType.fromPrefix(id).orElse(null) != type, n.text(), n.pos(),
                supportedBy, inContextOf, challenge, undeveloped, attrs, layers);
        add(firstFileOf.get(""), out, n);
    }

    private Ref ref(String modelId, Model.Node n) {
        return new Ref(gsnId.getOrDefault(modelId, modelId), n.pos());
    }

    private void side(List<String> context, List<String> assuming, List<String> justified, List<Ref> out, Model.Node n) {
        context.forEach(x -> out.add(ref(x, n)));
        assuming.forEach(x -> out.add(ref(x, n)));
        justified.forEach(x -> out.add(ref(x, n)));
    }

    private void add(String file, Element e, Model.Node modelNode) {
        OutFile of = files.get(file);
        if (of == null) of = files.get(firstFileOf.get(""));
        of.elements.add(e);
        if (modelNode != null) {
            OutFile target = of;
            c.status(modelNode.id()).ifPresent(s -> target.classes.put(e.id(), List.of(STATUS_CLASS_PREFIX + s.label())));
        }
    }

    // ------------------------------------------------------------ checks and YAML

    /**
     * The export is checked as an import would check it: IDs unique across the files, every
     * reference resolved. A relation challenge that an import recorded is kept only while it still
     * means the attack the case states; otherwise the attack is drawn on the element.
     */
    private void check() {
        List<Gsn2xFile> asRead = new ArrayList<>();
        for (OutFile f : files.values()) asRead.add(new Gsn2xFile(Path.of(f.name), f.name, Optional.empty(), f.elements));
        Optional<Gsn2xArgument> arg = Gsn2xArgument.of(asRead, diags);
        if (arg.isEmpty()) return;
        for (OutFile f : files.values()) {
            for (int i = 0; i < f.elements.size(); i++) {
                Element e = f.elements.get(i);
                String written = recorded.get(e.id());
                if (written == null || e.challenges().isEmpty()) continue;
                Gsn2xFile.Challenge parsed = parseChallenge(written, e.pos());
                boolean known = parsed instanceof Gsn2xFile.OfRelation rel && arg.get().get(rel.from().id()) != null
                        && arg.get().get(rel.to().id()) != null
                        && Gsn2xArgument.related(arg.get().get(rel.from().id()).el(), arg.get().get(rel.to().id()).el());
                if (known && arg.get().attack(parsed).equals(arg.get().attack(e.challenges().get()))) {
                    f.elements.set(i, withChallenge(e, Optional.of(parsed)));
                }
            }
        }
    }

    private static Element withChallenge(Element e, Optional<Gsn2xFile.Challenge> c) {
        return new Element(e.id(), e.pos(), e.type(), e.explicitType(), e.text(), e.textPos(), e.supportedBy(), e.inContextOf(),
                c, e.undeveloped(), e.passthrough(), e.safecase());
    }

    private static Gsn2xFile.Challenge parseChallenge(String text, Position at) {
        int arrow = text.indexOf("->");
        if (arrow < 0) return new Gsn2xFile.OfElement(new Ref(text.strip(), at));
        return new Gsn2xFile.OfRelation(new Ref(text.substring(0, arrow).strip(), at), new Ref(text.substring(arrow + 2).strip(), at), text);
    }

    private String yaml(OutFile f) {
        LinkedHashMap<String, Object> doc = new LinkedHashMap<>();
        Object module = f.module;
        if (!f.safecase.isBlank()) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            if (module instanceof Map<?, ?> given) given.forEach((k, v) -> m.put(String.valueOf(k), v));
            if (!m.containsKey(NAME)) m.put(NAME, f.name.replaceFirst("\\.gsn\\.yaml$", ""));
            m.put(CLAUSES, f.safecase);
            module = m;
        }
        if (module != null) doc.put(MODULE, module);
        Map<String, List<String>> developed = developed();
        for (Element e : f.elements) {
            LinkedHashMap<String, Object> el = new LinkedHashMap<>();
            if (!e.text().isEmpty()) el.put(TEXT, e.text());
            if (e.explicitType()) el.put(NODE_TYPE, e.type().name());
            List<String> support = new ArrayList<>();
            List<String> by = developed.getOrDefault(e.id(), List.of());
            for (Ref r : e.supportedBy()) if (!by.contains(r.id())) support.add(r.id());
            if (!support.isEmpty()) el.put(SUPPORTED_BY, support);
            if (!e.inContextOf().isEmpty()) el.put(IN_CONTEXT_OF, e.inContextOf().stream().map(Ref::id).toList());
            e.challenges().ifPresent(ch -> el.put(CHALLENGES, ch instanceof Gsn2xFile.OfRelation r ? r.written()
                    : ((Gsn2xFile.OfElement) ch).target().id()));
            if (e.undeveloped() || (support.isEmpty() && !by.isEmpty())) el.put(UNDEVELOPED, true);
            LinkedHashMap<String, Object> pass = new LinkedHashMap<>(e.passthrough());
            List<Object> classes = new ArrayList<>();
            if (pass.remove(CLASSES) instanceof List<?> given) classes.addAll(given);
            classes.addAll(f.classes.getOrDefault(e.id(), List.of()));
            el.putAll(pass);
            if (!classes.isEmpty()) el.put(CLASSES, classes);
            e.safecase().forEach((k, v) -> el.put(k, v.id()));
            doc.put(e.id(), el);
        }
        return "# Exported by safecase " + dev.safecase.pipeline.Verifier.VERSION + " from " + c.model.file()
                + ". Classes status-* colour elements by verdict;\n# the safecase layers keep formulas and clauses "
                + "for safecase import gsn2x.\n" + Yaml.write(doc);
    }

    /** The supports that a module's {@code extends … develops} adds: written there, not at the element. */
    private Map<String, List<String>> developed() {
        Map<String, List<String>> out = new HashMap<>();
        for (OutFile f : files.values()) {
            if (!(f.module instanceof Map<?, ?> m) || !(m.get(EXTENDS) instanceof List<?> exts)) continue;
            for (Object x : exts) {
                if (!(x instanceof Map<?, ?> ext) || !(ext.get(DEVELOPS) instanceof Map<?, ?> dev)) continue;
                dev.forEach((k, v) -> {
                    List<String> locals = new ArrayList<>();
                    if (v instanceof List<?> l) l.forEach(i -> locals.add(String.valueOf(i)));
                    else locals.add(String.valueOf(v));
                    out.computeIfAbsent(String.valueOf(k), z -> new ArrayList<>()).addAll(locals);
                });
            }
        }
        return out;
    }

    /** Used by tests: the qualified parts of a generated element's ID. */
    static List<String> parts(String id) {
        return QualifiedNames.split(id);
    }
}
