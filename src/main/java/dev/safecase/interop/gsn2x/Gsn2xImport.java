package dev.safecase.interop.gsn2x;

import dev.safecase.interop.Yaml;
import static dev.safecase.interop.gsn2x.Gsn2xNames.*;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.interop.CaseText;
import dev.safecase.interop.FileNames;
import dev.safecase.interop.NodeKind;
import dev.safecase.interop.OutputFile;
import dev.safecase.interop.gsn2x.Gsn2xArgument.Placed;
import dev.safecase.interop.gsn2x.Gsn2xFile.Element;
import dev.safecase.interop.gsn2x.Gsn2xFile.Ref;
import dev.safecase.syntax.Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * gsn2x files to case files. The first file becomes the case; every other file a module that the
 * files using it import. Files that refer to each other in a circle, and files that refer to the
 * case, are written into the file they refer to, since a module cannot import the case; each
 * element still remembers its gsn2x file, so an export writes the same files again.
 * docs/interop.md has the mapping table.
 */
public final class Gsn2xImport {
    private final Gsn2xArgument arg;
    private final Diagnostics diags;
    /** For each input file, the group (output file) it goes into. */
    private final int[] groupOf;
    private final List<Group> groups = new ArrayList<>();

    /** An output file: the input files it holds (first is its own), its name, and the groups it imports. */
    private static final class Group {
        final List<Integer> files = new ArrayList<>();
        String stem;
        String alias;
        final Set<Integer> imports = new LinkedHashSet<>();
        final Set<String> names = new HashSet<>();
    }

    private Gsn2xImport(Gsn2xArgument arg, Diagnostics diags) {
        this.arg = arg;
        this.diags = diags;
        this.groupOf = new int[arg.files.size()];
    }

    /** The case files for the argument in {@code files} (the case first); empty with diagnostics on bad input. */
    public static Optional<List<OutputFile>> convert(List<Gsn2xFile> files, Diagnostics diags) {
        Optional<Gsn2xArgument> arg = Gsn2xArgument.of(files, diags);
        if (arg.isEmpty()) return Optional.empty();
        Diagnostics local = new Diagnostics();
        Gsn2xImport im = new Gsn2xImport(arg.get(), local);
        im.group();
        im.checkLayers();
        List<OutputFile> out = local.hasErrors() ? List.of() : im.write();
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : Optional.of(out);
    }

    // ------------------------------------------------------------ which file goes where

    /** The files each file refers to: by a relation of one of its elements, or by developing another's element. */
    private List<Set<Integer>> references() {
        List<Set<Integer>> refs = new ArrayList<>();
        for (int i = 0; i < arg.files.size(); i++) refs.add(new LinkedHashSet<>());
        for (Placed p : arg.byId.values()) {
            for (String target : targets(p.el())) {
                int f = arg.get(target).file();
                if (f != p.file()) refs.get(p.file()).add(f);
            }
        }
        arg.developedBy.forEach((foreign, locals) -> {
            int from = arg.get(foreign).file();
            for (String l : locals) if (arg.get(l).file() != from) refs.get(from).add(arg.get(l).file());
        });
        return refs;
    }

    private static List<String> targets(Element e) {
        List<String> out = new ArrayList<>();
        e.supportedBy().forEach(r -> out.add(r.id()));
        e.inContextOf().forEach(r -> out.add(r.id()));
        e.challenges().ifPresent(c -> {
            if (c instanceof Gsn2xFile.OfElement oe) out.add(oe.target().id());
            else out.add(((Gsn2xFile.OfRelation) c).from().id());
        });
        return out;
    }

    private void group() {
        int n = arg.files.size();
        List<Set<Integer>> refs = references();
        // the case, and every file that can reach it: a module cannot import the case
        boolean[] intoCase = new boolean[n];
        intoCase[0] = true;
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int i = 0; i < n; i++) {
                if (intoCase[i]) continue;
                for (int j : refs.get(i)) {
                    if (intoCase[j]) {
                        intoCase[i] = true;
                        changed = true;
                        break;
                    }
                }
            }
        }
        Group caseGroup = new Group();
        groups.add(caseGroup);
        for (int i = 0; i < n; i++) if (intoCase[i]) {
            caseGroup.files.add(i);
            groupOf[i] = 0;
        }
        // the other files: one module per circle of files (usually one file each), in input order
        int[] comp = StrongComponents.of(n, refs);
        Map<Integer, Integer> compGroup = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (intoCase[i]) continue;
            Integer g = compGroup.get(comp[i]);
            if (g == null) {
                g = groups.size();
                groups.add(new Group());
                compGroup.put(comp[i], g);
            }
            groups.get(g).files.add(i);
            groupOf[i] = g;
        }
        Set<String> stems = new HashSet<>();
        for (Group g : groups) {
            g.stem = FileNames.stem(arg.files.get(g.files.get(0)).fileName(), stems);
            for (int f : g.files) {
                for (Element e : arg.files.get(f).elements()) if (e.generatedBy().isEmpty()) g.names.add(CaseText.name(e.id()));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j : refs.get(i)) if (groupOf[j] != groupOf[i]) groups.get(groupOf[i]).imports.add(groupOf[j]);
        }
        for (Group g : groups) {
            // an alias may not take the name of a node of a file that imports the module
            String alias = g.stem;
            for (Group h : groups) if (h.imports.contains(groups.indexOf(g)) && h.names.contains(alias)) alias = g.stem + "_module";
            g.alias = alias;
        }
    }

    // ------------------------------------------------------------ layers written by an earlier export

    /** The safecase layers must still parse: a formula after {@code :}, clauses after a node header. */
    private void checkLayers() {
        for (Placed p : arg.byId.values()) {
            Element e = p.el();
            Ref formula = e.safecase().get(FORMULA);
            if (formula != null) probe(formula, "case probe \"p\"\nclaim probe \"p\": " + formula.id() + "\n");
            Ref clauses = e.safecase().get(CLAUSES);
            if (clauses != null) {
                String keyword = p.kind() == NodeKind.DEFEATER ? "defeater probe \"p\" rebuts x " : p.kind().keyword + " probe \"p\" ";
                probe(clauses, "case probe \"p\"\n" + keyword + clauses.id() + "\n");
            }
        }
        for (Gsn2xFile f : arg.files) {
            f.module().flatMap(m -> m.safecase().map(s -> new Ref(s, m.pos()))).ifPresent(r -> probe(r, "case probe \"p\"\n" + r.id() + "\n"));
        }
    }

    private void probe(Ref layer, String text) {
        Diagnostics found = new Diagnostics();
        Parser.parse(new SourceText(Path.of("probe.case"), "probe.case", text), found);
        if (found.hasErrors()) {
            String why = found.sorted().get(0).message();
            diags.error(Code.SC706, layer.pos(), "the safecase layer does not parse (" + why + "): it was written by "
                    + "safecase export and edited since; correct it or remove it");
        }
    }

    // ------------------------------------------------------------ writing

    private List<OutputFile> write() {
        List<OutputFile> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) out.add(new OutputFile(groups.get(g).stem + ".case", text(g)));
        return out;
    }

    private String text(int gi) {
        Group g = groups.get(gi);
        StringBuilder sb = new StringBuilder();
        List<String> fileNames = new ArrayList<>();
        List<Object> filesComment = new ArrayList<>();
        for (int f : g.files) {
            Gsn2xFile file = arg.files.get(f);
            fileNames.add(file.fileName());
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put(FILE, file.fileName());
            entry.put(MODULE, file.module().map(m -> (Object) m.raw()).orElse(null));
            filesComment.add(entry);
        }
        sb.append("// Imported by safecase from gsn2x: ").append(String.join(", ", fileNames)).append(".\n");
        sb.append("// Lines \"// gsn2x: ...\" keep what the case language has no place for; safecase export --to gsn2x\n");
        sb.append("// writes them back. Informal claims stay informal: add warrants and formulas (docs/interop.md).\n");
        LinkedHashMap<String, Object> files = new LinkedHashMap<>();
        files.put(FILES, filesComment);
        sb.append(gsnComment(files));
        Gsn2xFile first = arg.files.get(g.files.get(0));
        if (gi == 0) sb.append("case ").append(caseName(first, g)).append(' ').append(CaseText.string(caseText(first))).append('\n');
        sb.append('\n');
        for (int i : g.imports) {
            Group m = groups.get(i);
            sb.append("import ").append(m.stem).append(m.alias.equals(m.stem) ? "" : " as " + m.alias).append('\n');
        }
        for (int f : g.files) {
            arg.files.get(f).module().flatMap(Gsn2xFile.Module::safecase).ifPresent(s -> sb.append(s.strip()).append('\n'));
        }
        for (int f : g.files) {
            for (Element e : arg.files.get(f).elements()) {
                sb.append('\n');
                element(sb, e, f, gi);
            }
        }
        return sb.toString();
    }

    private String caseName(Gsn2xFile first, Group g) {
        Optional<String> fromModule = first.module().map(Gsn2xFile.Module::name)
                .filter(n -> CaseText.nameProblem(n).isEmpty() && !Gsn2xArgument.isBuiltin(n) && !g.names.contains(CaseText.name(n)));
        return fromModule.map(CaseText::name).orElse(g.stem);
    }

    private static String caseText(Gsn2xFile first) {
        Optional<Gsn2xFile.Module> m = first.module();
        String text = m.flatMap(Gsn2xFile.Module::brief).orElse(m.map(Gsn2xFile.Module::name).orElse("Imported from " + first.fileName()));
        return CaseText.textProblem(text).isPresent() ? "Imported from " + first.fileName() : text;
    }

    private static String gsnComment(Map<String, Object> entries) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            LinkedHashMap<String, Object> one = new LinkedHashMap<>();
            one.put(e.getKey(), e.getValue());
            String flow = Yaml.writeFlow(one);
            // a one-entry mapping is written {k: v}; the comment holds k: v
            sb.append(CaseText.comment(COMMENT + flow.substring(1, flow.length() - 1))).append('\n');
        }
        return sb.toString();
    }

    private void element(StringBuilder sb, Element e, int file, int gi) {
        Placed p = arg.get(e.id());
        NodeKind kind = p.kind();
        LinkedHashMap<String, Object> keep = new LinkedHashMap<>();
        if (file != groups.get(gi).files.get(0)) keep.put(FILE, arg.files.get(file).fileName());
        if (e.explicitType() || e.type() != Gsn2xArgument.defaultType(kind)) keep.put(NODE_TYPE, e.type().name());
        e.challenges().ifPresent(c -> {
            if (c instanceof Gsn2xFile.OfRelation r) keep.put(CHALLENGES, r.written());
        });
        boolean canBeUndeveloped = kind == NodeKind.CLAIM || kind == NodeKind.STRATEGY;
        if (e.undeveloped() && !canBeUndeveloped) keep.put(UNDEVELOPED, true);
        keep.putAll(e.passthrough());
        if (e.generatedBy().isPresent()) {
            generated(sb, e, kind, keep);
            return;
        }
        sb.append(gsnComment(keep));
        boolean isPublic = gi != 0 && kind.argumentative() && usedElsewhere(e.id(), gi);
        sb.append(isPublic ? "public " : "").append(kind.keyword).append(' ').append(CaseText.name(e.id())).append(' ')
                .append(CaseText.string(e.text()));
        Ref formula = e.safecase().get(FORMULA);
        if (formula != null) sb.append(": ").append(formula.id().strip());
        sb.append('\n');
        Map<String, List<String>> side = new LinkedHashMap<>();
        for (Ref r : e.inContextOf()) {
            side.computeIfAbsent(arg.get(r.id()).kind().sideClause(), k -> new ArrayList<>()).add(ref(r.id(), gi));
        }
        for (String clause : List.of("context", "assuming", "justified by")) {
            if (side.containsKey(clause)) clause(sb, clause + " " + CaseText.list(side.get(clause)));
        }
        List<String> support = new ArrayList<>();
        for (Ref r : e.supportedBy()) support.add(ref(r.id(), gi));
        for (String d : arg.developedBy.getOrDefault(e.id(), List.of())) support.add(ref(d, gi));
        Ref layer = e.safecase().get(CLAUSES);
        boolean supportInLayer = layer != null && layer.id().strip().startsWith("supported by ");
        if (!support.isEmpty() && !supportInLayer) clause(sb, "supported by " + CaseText.list(support));
        e.challenges().ifPresent(c -> clause(sb, attack(c, gi)));
        if (e.undeveloped() && support.isEmpty() && canBeUndeveloped) clause(sb, "undeveloped");
        Ref clauses = e.safecase().get(CLAUSES);
        if (clauses != null) clause(sb, clauses.id().strip());
    }

    /** An element that safecase generated (a pattern instance's node): only its completion is written back. */
    private void generated(StringBuilder sb, Element e, NodeKind kind, LinkedHashMap<String, Object> keep) {
        keep.remove(NODE_TYPE);
        Ref clauses = e.safecase().get(CLAUSES);
        boolean completion = clauses != null; // of a pattern instance's node or of an imported module's
        if (completion) {
            sb.append(gsnComment(keep));
            sb.append(kind.keyword).append(' ').append(e.id()).append('\n');
            clause(sb, clauses.id().strip());
        } else if (!keep.isEmpty()) {
            LinkedHashMap<String, Object> of = new LinkedHashMap<>();
            of.put(OF.strip() + " " + e.id(), keep);
            sb.append(gsnComment(of));
        }
    }

    private String attack(Gsn2xFile.Challenge c, int gi) {
        Gsn2xArgument.Attack a = arg.attack(c);
        return a.verb() + " " + ref(a.target(), gi) + a.relation().map(r -> " -> " + ref(r, gi)).orElse("");
    }

    private boolean usedElsewhere(String id, int gi) {
        for (Placed p : arg.byId.values()) {
            if (groupOf[p.file()] == gi) continue;
            if (targets(p.el()).contains(id)) return true;
        }
        return arg.developedBy.entrySet().stream().anyMatch(x -> x.getValue().contains(id) && groupOf[arg.get(x.getKey()).file()] != gi);
    }

    /** How the file of group {@code gi} names the element {@code id}: plainly, through an import, or as generated. */
    private String ref(String id, int gi) {
        Placed t = arg.get(id);
        if (t.el().generatedBy().isPresent()) return id;
        int tg = groupOf[t.file()];
        String name = CaseText.name(id);
        return tg == gi ? name : groups.get(tg).alias + "." + name;
    }

    private static void clause(StringBuilder sb, String text) {
        sb.append("    ").append(text).append('\n');
    }

    /** Where a message about the argument as a whole goes: the first file. */
    static Position at(Gsn2xFile f) {
        return new Position(f.display(), 1, 1);
    }
}
