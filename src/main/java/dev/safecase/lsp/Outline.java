package dev.safecase.lsp;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Name;
import dev.safecase.ast.SourceUnit;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The outline of a file (the claim tree: each root claim with what supports it, strategies with
 * their subclaims, evidence, and the defeaters against each, then the other declarations), the
 * workspace's symbols, and folding ranges.
 */
final class Outline {
    private Outline() {
    }

    static SymbolKind kind(Symbol.Kind k) {
        return switch (k) {
            case MODULE, IMPORT -> SymbolKind.Module;
            case ENUM -> SymbolKind.Enum;
            case MEMBER -> SymbolKind.EnumMember;
            case QUANTITY -> SymbolKind.Variable;
            case DEFINE -> SymbolKind.Constant;
            case CLAIM -> SymbolKind.Class;
            case STRATEGY -> SymbolKind.Interface;
            case EVIDENCE -> SymbolKind.File;
            case DEFEATER -> SymbolKind.Event;
            case ASSUMPTION -> SymbolKind.Property;
            case CONTEXT, JUSTIFICATION -> SymbolKind.String;
            case PATTERN -> SymbolKind.Function;
            case PARAM -> SymbolKind.TypeParameter;
            case USE -> SymbolKind.Namespace;
            case BOUND -> SymbolKind.Variable;
        };
    }

    /** Each top-level declaration's extent: from its first token to the last before the next declaration. */
    private static Map<Decl, int[]> extents(SourceUnit unit, LineMap lines, List<Lexemes.Lexeme> lexemes) {
        Map<Decl, int[]> out = new LinkedHashMap<>();
        List<Decl> ds = unit.decls();
        for (int i = 0; i < ds.size(); i++) {
            int start = lines.offset(ds.get(i).pos());
            int limit = i + 1 < ds.size() ? lines.offset(ds.get(i + 1).pos()) : Integer.MAX_VALUE;
            int end = start;
            for (Lexemes.Lexeme l : lexemes) {
                if (l.start() >= limit) break;
                if (l.start() >= start && l.kind() != Lexemes.Kind.COMMENT) end = l.end();
            }
            out.put(ds.get(i), new int[] {start, end});
        }
        return out;
    }

    static List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> documentSymbols(Analysis a) {
        List<Either<org.eclipse.lsp4j.SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
        if (a.unit().isEmpty()) return out;
        SourceUnit unit = a.unit().get();
        Map<Decl, int[]> ext = extents(unit, a.lines(), a.lexemes());
        FileIndex ix = new FileIndex(Project.key(a.doc().path()), unit, a.doc().text(), a.lexemes());
        Map<String, Decl.Element> nodes = new LinkedHashMap<>();
        for (Decl d : unit.decls()) if (d instanceof Decl.Element el) nodes.putIfAbsent(el.id().text(), el);
        Map<String, List<String>> children = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        for (Decl.Element el : nodes.values()) {
            List<String> kids = children.computeIfAbsent(el.id().text(), k -> new ArrayList<>());
            for (Clause c : el.clauses()) {
                if (c.kind() == Clause.Kind.SUPPORTED_BY || c.kind() == Clause.Kind.ELIMINATED_BY) {
                    for (Name n : Clause.names(c)) {
                        kids.add(n.text());
                        named.add(n.text());
                    }
                } else if (c instanceof Clause.Target t) {
                    children.computeIfAbsent(t.name().text(), k -> new ArrayList<>()).add(el.id().text());
                    named.add(el.id().text());
                }
            }
        }
        for (Decl.Element el : nodes.values()) {
            boolean tree = el.kind() == Decl.ElementKind.CLAIM || el.kind() == Decl.ElementKind.STRATEGY
                    || el.kind() == Decl.ElementKind.EVIDENCE || el.kind() == Decl.ElementKind.DEFEATER;
            if (tree && !named.contains(el.id().text())) {
                out.add(Either.forRight(node(el.id().text(), nodes, children, ext, a, new HashSet<>())));
            }
        }
        for (Decl d : unit.decls()) {
            if (d instanceof Decl.Element el) {
                boolean tree = el.kind() == Decl.ElementKind.CLAIM || el.kind() == Decl.ElementKind.STRATEGY
                        || el.kind() == Decl.ElementKind.EVIDENCE || el.kind() == Decl.ElementKind.DEFEATER;
                if (tree) continue;
                out.add(Either.forRight(node(el.id().text(), nodes, children, ext, a, new HashSet<>())));
                continue;
            }
            declaration(d, ix, ext.get(d), a).ifPresent(s -> out.add(Either.forRight(s)));
        }
        return out;
    }

    private static DocumentSymbol node(String id, Map<String, Decl.Element> nodes, Map<String, List<String>> children,
                                       Map<Decl, int[]> ext, Analysis a, Set<String> path) {
        Decl.Element el = nodes.get(id);
        int[] e = ext.get(el);
        Range name = Ranges.of(a.lines(), a.lexemes(), el.id().pos());
        DocumentSymbol s = new DocumentSymbol(id, kind(FileIndex.kind(el.kind())), a.lines().range(e[0], e[1]), name);
        s.setDetail(el.kind().keyword + el.text().map(t -> " — " + t.value()).orElse(""));
        List<DocumentSymbol> kids = new ArrayList<>();
        path.add(id);
        for (String c : children.getOrDefault(id, List.of())) {
            if (nodes.containsKey(c) && !path.contains(c)) kids.add(node(c, nodes, children, ext, a, path));
        }
        path.remove(id);
        s.setChildren(kids);
        return s;
    }

    private static Optional<DocumentSymbol> declaration(Decl d, FileIndex ix, int[] e, Analysis a) {
        Optional<Symbol.Def> def = ix.defs().values().stream()
                .filter(x -> x.symbol().scope().isEmpty() && x.decl() == d).findFirst();
        if (def.isEmpty()) return Optional.empty();
        Symbol.Def x = def.get();
        DocumentSymbol s = new DocumentSymbol(x.symbol().name(), kind(x.kind()), a.lines().range(e[0], e[1]),
                a.lines().range(x.start(), x.end()));
        s.setDetail(x.kind().label);
        List<DocumentSymbol> kids = new ArrayList<>();
        if (d instanceof Decl.Pattern p) {
            for (Symbol.Def b : ix.patternScope(p.name().id()).values()) {
                Range r = a.lines().range(b.start(), b.end());
                DocumentSymbol k = new DocumentSymbol(b.symbol().name(), kind(b.kind()), r, r);
                k.setDetail(b.kind().label);
                kids.add(k);
            }
        } else if (d instanceof Decl.EnumDecl en) {
            for (Symbol.Def m : ix.enumMembers().getOrDefault(en.name().id(), Map.of()).values()) {
                Range r = a.lines().range(m.start(), m.end());
                kids.add(new DocumentSymbol(m.symbol().name(), SymbolKind.EnumMember, r, r));
            }
        }
        s.setChildren(kids);
        return Optional.of(s);
    }

    static List<WorkspaceSymbol> workspaceSymbols(Project project, Indexes workspace, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        List<WorkspaceSymbol> out = new ArrayList<>();
        for (FileIndex f : workspace.files()) {
            if (f.key.startsWith(dev.safecase.source.Sources.BUNDLED_DISPLAY) && q.isEmpty()) continue;
            for (Symbol.Def d : f.defs().values()) {
                if (d.kind() == Symbol.Kind.BOUND || d.kind() == Symbol.Kind.PARAM) continue;
                String name = d.pattern().map(p -> p + "." + d.symbol().name()).orElse(d.symbol().name());
                if (!matches(name.toLowerCase(Locale.ROOT), q)) continue;
                WorkspaceSymbol s = new WorkspaceSymbol(name, kind(d.kind()),
                        Either.forLeft(new Location(project.uriFor(f.key), f.lines().range(d.start(), d.end()))));
                s.setContainerName(d.kind().label);
                out.add(s);
                if (out.size() >= 500) return out;
            }
        }
        return out;
    }

    /** The query's characters appear in order in the name (the usual fuzzy match of editors). */
    private static boolean matches(String name, String query) {
        int i = 0;
        for (int j = 0; j < name.length() && i < query.length(); j++) if (name.charAt(j) == query.charAt(i)) i++;
        return i == query.length();
    }

    static List<FoldingRange> folding(Analysis a) {
        List<FoldingRange> out = new ArrayList<>();
        LineMap lines = a.lines();
        if (a.unit().isPresent()) {
            for (int[] e : extents(a.unit().get(), lines, a.lexemes()).values()) fold(out, lines, e[0], e[1], null);
        }
        List<Lexemes.Lexeme> ls = a.lexemes();
        for (int i = 0; i < ls.size(); i++) {
            Lexemes.Lexeme l = ls.get(i);
            if (l.kind() == Lexemes.Kind.COMMENT && l.text().startsWith("/*")) fold(out, lines, l.start(), l.end(), FoldingRangeKind.Comment);
            if (l.kind() == Lexemes.Kind.STRING) fold(out, lines, l.start(), l.end(), FoldingRangeKind.Region);
            if (l.kind() == Lexemes.Kind.COMMENT && l.text().startsWith("//")) {
                int j = i;
                while (j + 1 < ls.size() && ls.get(j + 1).kind() == Lexemes.Kind.COMMENT && ls.get(j + 1).text().startsWith("//")
                        && ls.get(j + 1).line() == ls.get(j).line() + 1) j++;
                if (j > i) fold(out, lines, l.start(), ls.get(j).end(), FoldingRangeKind.Comment);
                i = j;
            }
            if (l.is("{") || l.is("(")) {
                int close = matching(ls, i);
                if (close > 0) fold(out, lines, l.start(), ls.get(close).start(), FoldingRangeKind.Region);
            }
        }
        return out;
    }

    private static int matching(List<Lexemes.Lexeme> ls, int open) {
        String o = ls.get(open).text();
        String c = o.equals("{") ? "}" : ")";
        int depth = 0;
        for (int j = open; j < ls.size(); j++) {
            if (ls.get(j).is(o)) depth++;
            else if (ls.get(j).is(c) && --depth == 0) return j;
        }
        return -1;
    }

    private static void fold(List<FoldingRange> out, LineMap lines, int start, int end, String kind) {
        int a = lines.position(start).getLine();
        int b = lines.position(end).getLine();
        if (b <= a) return;
        FoldingRange f = new FoldingRange(a, b);
        if (kind != null) f.setKind(kind);
        if (out.stream().noneMatch(x -> x.getStartLine() == a && x.getEndLine() == b)) out.add(f);
    }
}
