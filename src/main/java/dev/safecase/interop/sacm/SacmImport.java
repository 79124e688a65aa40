package dev.safecase.interop.sacm;

import static dev.safecase.interop.sacm.SacmNames.*;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.interop.CaseText;
import dev.safecase.interop.FileNames;
import dev.safecase.interop.NodeKind;
import dev.safecase.interop.OutputFile;
import dev.safecase.interop.Yaml;
import dev.safecase.interop.sacm.SacmDocument.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SACM document to one case file. Claims become claims (assumed ones assumptions, axiomatic ones
 * justifications, those that need support undeveloped claims), argument reasoning strategies,
 * artifact references evidence (or contexts, when they are only used as context), and the
 * asserted relationships the supports, contexts and attacks between them; a claim that counters a
 * claim, a step or evidence is a defeater, and one that counters a defeater eliminates it. The
 * tagged values that safecase export writes take precedence, so an export comes back whole.
 */
public final class SacmImport {
    private final SacmDocument doc;
    private final Diagnostics diags;
    private final Map<String, NodeKind> kind = new HashMap<>();
    private final Map<String, List<String>> support = new HashMap<>();
    private final Map<String, Map<String, List<String>>> side = new HashMap<>();
    private final Map<String, String> attack = new HashMap<>();
    private final Map<String, List<String>> eliminatedBy = new HashMap<>();
    private final Set<String> undevelopedStrategy = new HashSet<>();

    private SacmImport(SacmDocument doc, Diagnostics diags) {
        this.doc = doc;
        this.diags = diags;
    }

    public static Optional<List<OutputFile>> convert(String display, String fileName, String text, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Optional<SacmDocument> doc = SacmDocument.read(display, text, local);
        Optional<List<OutputFile>> out = doc.flatMap(d -> new SacmImport(d, local).run(fileName));
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : out;
    }

    private Optional<List<OutputFile>> run(String fileName) {
        kinds();
        names();
        relations();
        if (diags.hasErrors()) return Optional.empty();
        String stem = FileNames.stem(fileName, new HashSet<>());
        return Optional.of(List.of(new OutputFile(stem + ".case", text(stem, fileName))));
    }

    private boolean generated(Item i) {
        return i.tags().containsKey(FROM);
    }

    // ------------------------------------------------------------ kinds

    private void kinds() {
        Set<String> counterSources = new HashSet<>();
        for (Item r : doc.relationships) if (counter(r)) counterSources.addAll(SacmDocument.refs(r, "source"));
        // a claim that counters something other than a counter-argument is a defeater
        Set<String> defeaters = new HashSet<>();
        for (Item r : doc.relationships) {
            if (!counter(r)) continue;
            boolean plainTarget = SacmDocument.refs(r, "target").stream().anyMatch(t -> !counterSources.contains(t));
            if (plainTarget) defeaters.addAll(SacmDocument.refs(r, "source"));
        }
        Set<String> contextOnly = new HashSet<>();
        Set<String> asEvidence = new HashSet<>();
        for (Item r : doc.relationships) {
            if (r.type().equals(ARTIFACT_CONTEXT)) contextOnly.addAll(SacmDocument.refs(r, "source"));
            if (r.type().equals(EVIDENCE) || r.type().equals(ARTIFACT_SUPPORT)) asEvidence.addAll(SacmDocument.refs(r, "source"));
        }
        contextOnly.removeAll(asEvidence);
        for (Item a : doc.assets) {
            Optional<NodeKind> tagged = Optional.ofNullable(a.tags().get(KIND)).flatMap(SacmImport::kindOf);
            NodeKind k = tagged.orElseGet(() -> switch (a.type()) {
                case REASONING -> NodeKind.STRATEGY;
                case ARTIFACT_REFERENCE -> contextOnly.contains(a.xmiId()) ? NodeKind.CONTEXT : NodeKind.EVIDENCE;
                default -> {
                    String decl = a.attr("assertionDeclaration").orElse(ASSERTED);
                    if (defeaters.contains(a.xmiId())) yield NodeKind.DEFEATER;
                    if (decl.equals(ASSUMED)) yield NodeKind.ASSUMPTION;
                    if (decl.equals(AXIOMATIC)) yield NodeKind.JUSTIFICATION;
                    yield NodeKind.CLAIM;
                }
            });
            kind.put(a.xmiId(), k);
        }
    }

    private static Optional<NodeKind> kindOf(String keyword) {
        for (NodeKind k : NodeKind.values()) if (k.keyword.equals(keyword)) return Optional.of(k);
        return Optional.empty();
    }

    private static boolean counter(Item r) {
        return r.attr("isCounter").map("true"::equals).orElse(false);
    }

    // ------------------------------------------------------------ names

    private final Map<String, String> name = new HashMap<>();

    private void names() {
        Map<String, Item> seen = new HashMap<>();
        for (Item a : doc.assets) {
            String id = a.safecaseId();
            if (generated(a)) {
                name.put(a.xmiId(), id);
                continue;
            }
            Optional<String> why = CaseText.nameProblem(id);
            if (why.isPresent()) {
                diags.error(Code.SC706, a.pos(), "the ID " + id + " cannot be a name in a case: " + why.get());
                continue;
            }
            Item first = seen.putIfAbsent(id, a);
            if (first != null) {
                diags.error(Code.SC704, a.pos(), "element " + id + " is also defined at " + first.pos() + " (gid or xmi:id)");
                continue;
            }
            name.put(a.xmiId(), CaseText.name(id));
            CaseText.textProblem(a.text()).ifPresent(w -> diags.error(Code.SC706, a.pos(), w));
        }
    }

    // ------------------------------------------------------------ relations

    private void relations() {
        for (Item r : doc.relationships) {
            List<String> sources = SacmDocument.refs(r, "source");
            List<String> targets = SacmDocument.refs(r, "target");
            if (counter(r)) {
                for (String s : sources) counterRelation(r, s, targets);
                continue;
            }
            switch (r.type()) {
                case INFERENCE -> {
                    Optional<String> reasoning = SacmDocument.refs(r, "reasoning").stream().findFirst();
                    for (String t : targets) {
                        if (reasoning.isPresent()) {
                            add(support, t, reasoning.get());
                            sources.forEach(s -> add(support, reasoning.get(), s));
                            if (r.attr("assertionDeclaration").filter(d -> d.equals(NEEDS_SUPPORT) || d.equals(TO_BE_SUPPORTED)).isPresent()) {
                                undevelopedStrategy.add(reasoning.get());
                            }
                        } else {
                            sources.forEach(s -> add(support, t, s));
                        }
                    }
                }
                case EVIDENCE, ARTIFACT_SUPPORT -> targets.forEach(t -> sources.forEach(s -> add(support, t, s)));
                default -> {
                    for (String t : targets) for (String s : sources) sideRelation(r, s, t);
                }
            }
        }
    }

    /** A context relationship: onto a claim, or onto an inference (then onto its strategy, or its claims). */
    private void sideRelation(Item r, String source, String target) {
        Item t = doc.byXmiId.get(target);
        List<String> owners = new ArrayList<>();
        if (t != null && t.type().equals(INFERENCE)) {
            Optional<String> reasoning = SacmDocument.refs(t, "reasoning").stream().findFirst();
            if (reasoning.isPresent()) owners.add(reasoning.get());
            else owners.addAll(SacmDocument.refs(t, "target"));
        } else {
            owners.add(target);
        }
        NodeKind k = kind.get(source);
        if (k == null || !k.isSide()) {
            diags.error(Code.SC706, r.pos(), r.type() + " " + r.xmiId() + " puts " + source + " in context, but it is a "
                    + (k == null ? "relationship" : k.keyword) + "; a case takes assumptions, justifications and contexts there");
            return;
        }
        for (String o : owners) side.computeIfAbsent(o, x -> new LinkedHashMap<>()).computeIfAbsent(k.sideClause(), x -> new ArrayList<>()).add(source);
    }

    private void counterRelation(Item r, String source, List<String> targets) {
        Item s = doc.byXmiId.get(source);
        if (s == null || targets.isEmpty()) return;
        if (s.tags().containsKey(ATTACK) || s.tags().containsKey(KIND) && !"defeater".equals(s.tags().get(KIND))) {
            // written by safecase: the attack (or the elimination, from the eliminating claim) is in the tags
            if (!s.tags().containsKey(ATTACK)) targets.forEach(t -> add(eliminatedBy, t, source));
            return;
        }
        if (kind.get(source) != NodeKind.DEFEATER) {
            targets.forEach(t -> add(eliminatedBy, t, source));
            return;
        }
        String t = targets.get(0);
        Item target = doc.byXmiId.get(t);
        String verb;
        String node;
        if (target.type().equals(INFERENCE)) {
            Optional<String> reasoning = SacmDocument.refs(target, "reasoning").stream().findFirst();
            verb = "undercuts";
            node = reasoning.orElse(SacmDocument.refs(target, "target").get(0));
        } else if (target.type().equals(EVIDENCE) || target.type().equals(ARTIFACT_SUPPORT)) {
            verb = "undermines";
            node = SacmDocument.refs(target, "source").get(0);
        } else if (kind.get(t) == NodeKind.EVIDENCE) {
            verb = "undermines";
            node = t;
        } else {
            verb = "rebuts";
            node = t;
        }
        String old = attack.putIfAbsent(source, verb + " " + ref(node));
        if (old != null && !old.equals(verb + " " + ref(node))) {
            diags.error(Code.SC706, r.pos(), "defeater " + s.safecaseId() + " counters two things; a defeater of a case attacks one");
        }
    }

    private static void add(Map<String, List<String>> m, String key, String value) {
        List<String> l = m.computeIfAbsent(key, k -> new ArrayList<>());
        if (!l.contains(value)) l.add(value);
    }

    private String ref(String xmiId) {
        return name.getOrDefault(xmiId, xmiId);
    }

    // ------------------------------------------------------------ writing

    private String text(String stem, String fileName) {
        StringBuilder sb = new StringBuilder();
        sb.append("// Imported by safecase from SACM: ").append(fileName).append(".\n");
        sb.append("// Lines \"// sacm: ...\" keep what the case language has no place for; safecase export --to sacm\n");
        sb.append("// writes them back. Informal claims stay informal: add warrants and formulas (docs/interop.md).\n");
        String caseName = !doc.gid.isEmpty() ? doc.gid : doc.name;
        String spelled = CaseText.nameProblem(caseName).isEmpty() && !caseName.isEmpty() ? CaseText.name(caseName) : stem;
        String caseText = !doc.description.isEmpty() ? doc.description : !doc.name.isEmpty() ? doc.name : "Imported from " + fileName;
        if (CaseText.textProblem(caseText).isPresent()) caseText = "Imported from " + fileName;
        for (Map<String, String> tv : doc.packageTags) comment(sb, "taggedValue", List.of(tv));
        sb.append("case ").append(spelled).append(' ').append(CaseText.string(caseText)).append("\n\n");
        for (String d : doc.declarations) sb.append(d.strip()).append('\n');
        for (Item t : doc.terms) {
            String d = t.tags().get(DECLARATION);
            if (d != null) sb.append(d.strip()).append('\n');
            else comment(sb, "term", List.of(Map.of("gid", t.gid(), "value", t.attr("value").orElse(t.name()))));
        }
        for (Item a : doc.assets) {
            sb.append('\n');
            element(sb, a);
        }
        return sb.toString();
    }

    private static void comment(StringBuilder sb, String key, Object value) {
        LinkedHashMap<String, Object> one = new LinkedHashMap<>();
        one.put(key, value);
        String flow = Yaml.writeFlow(one);
        sb.append(CaseText.comment(COMMENT + flow.substring(1, flow.length() - 1))).append('\n');
    }

    private void element(StringBuilder sb, Item a) {
        NodeKind k = kind.get(a.xmiId());
        String decl = a.attr("assertionDeclaration").orElse(ASSERTED);
        boolean undeveloped = decl.equals(NEEDS_SUPPORT) || decl.equals(TO_BE_SUPPORTED);
        boolean declarationCarried = decl.equals(ASSERTED) || undeveloped && k == NodeKind.CLAIM
                || decl.equals(ASSUMED) && k == NodeKind.ASSUMPTION || decl.equals(AXIOMATIC) && k == NodeKind.JUSTIFICATION;
        if (!a.otherTags().isEmpty()) comment(sb, "taggedValue", a.otherTags());
        if (!a.notes().isEmpty()) comment(sb, "note", a.notes());
        if (!declarationCarried) comment(sb, "assertionDeclaration", decl);
        if (generated(a)) {
            String clauses = a.tags().get(CLAUSES);
            if (clauses != null) { // a completion, of a pattern instance's node or of an imported module's
                sb.append(k.keyword).append(' ').append(a.safecaseId()).append('\n').append("    ").append(clauses.strip()).append('\n');
            }
            return;
        }
        sb.append(k.keyword).append(' ').append(ref(a.xmiId())).append(' ').append(CaseText.string(a.text()));
        Optional.ofNullable(a.tags().get(FORMULA)).ifPresent(f -> sb.append(": ").append(f.strip()));
        sb.append('\n');
        Map<String, List<String>> sides = side.getOrDefault(a.xmiId(), Map.of());
        for (String clause : List.of("context", "assuming", "justified by")) {
            if (sides.containsKey(clause)) clause(sb, clause + " " + CaseText.list(sides.get(clause).stream().map(this::ref).toList()));
        }
        List<String> sup = support.getOrDefault(a.xmiId(), List.of());
        boolean supportInTag = a.tags().getOrDefault(CLAUSES, "").strip().startsWith("supported by ");
        if (!sup.isEmpty() && !supportInTag && (k == NodeKind.CLAIM || k == NodeKind.STRATEGY || k == NodeKind.DEFEATER)) {
            clause(sb, "supported by " + CaseText.list(new ArrayList<>(new LinkedHashSet<>(sup.stream().map(this::ref).toList()))));
        }
        if (k == NodeKind.DEFEATER) {
            Optional.ofNullable(a.tags().get(ATTACK)).or(() -> Optional.ofNullable(attack.get(a.xmiId()))).ifPresent(t -> clause(sb, t.strip()));
        }
        String clauses = a.tags().get(CLAUSES);
        boolean own = a.tags().containsKey(KIND);
        if (!own && k == NodeKind.DEFEATER && eliminatedBy.containsKey(a.xmiId())) {
            clause(sb, "eliminated by " + CaseText.list(eliminatedBy.get(a.xmiId()).stream().map(this::ref).toList()));
        }
        if ((k == NodeKind.CLAIM && undeveloped || undevelopedStrategy.contains(a.xmiId())) && sup.isEmpty()) clause(sb, "undeveloped");
        if (!own && k == NodeKind.EVIDENCE) artifactClauses(sb, a);
        if (clauses != null && !clauses.isBlank()) clause(sb, clauses.strip());
    }

    /** A foreign artifact reference's file and pin, from its Artifact's location and sha256 tagged values. */
    private void artifactClauses(StringBuilder sb, Item a) {
        for (String ref : SacmDocument.refs(a, "referencedArtifactElement")) {
            Item art = doc.byXmiId.get(ref);
            if (art == null) continue;
            Optional<String> location = art.otherTags().stream().filter(m -> m.containsKey(LOCATION)).map(m -> m.get(LOCATION)).findFirst();
            Optional<String> sha = art.otherTags().stream().filter(m -> m.containsKey(SHA256)).map(m -> m.get(SHA256)).findFirst();
            if (location.isPresent()) {
                clause(sb, "file " + CaseText.string(location.get()) + sha.map(s -> " sha256 " + CaseText.string(s)).orElse(""));
            }
            return;
        }
    }

    private static void clause(StringBuilder sb, String text) {
        sb.append("    ").append(text).append('\n');
    }
}
