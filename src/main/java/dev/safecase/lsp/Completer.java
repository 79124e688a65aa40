package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.stats.Builtin;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * Completion from what stands before the cursor, on the tokens, so that it works in a buffer
 * that does not parse: node IDs after {@code supported by} and the other clause keywords
 * (assumptions after {@code assuming}, contexts after {@code context}, …), a module's or an
 * instance's names or an enum's members after {@code X.}, module paths after {@code import},
 * patterns with their parameters after {@code use}, types after a quantity's {@code :},
 * keywords and clause names at the start of a line, and in formulas the quantities, defines,
 * claims, members and built-ins. Names come from the last version of the file that parsed.
 */
final class Completer {
    private static final List<String> DECLARATIONS = List.of("claim", "strategy", "evidence", "assumption", "defeater", "context",
            "justification", "quantity", "define", "enum", "import", "pattern", "use");
    private static final List<String> CLAUSES = List.of("supported by", "assuming", "context", "justified by", "undeveloped",
            "asserted", "owner", "rebuts", "undercuts", "undermines", "eliminated by", "accepted", "file", "sha256",
            "expires", "gives");
    private static final List<String> TYPES = List.of("bool", "int", "real", "probability");
    private static final List<String> FORMULA_WORDS = List.of("true", "false", "not", "and", "or", "if", "then", "else",
            "forall", "exists", "sum", "in");

    private final Analysis a;
    private final Optional<Indexes> indexes;
    private final Library library;
    private final int offset;
    private final String text;
    private final Map<String, CompletionItem> items = new LinkedHashMap<>();

    private Completer(Analysis a, Optional<Indexes> indexes, Library library, int offset) {
        this.a = a;
        this.indexes = indexes;
        this.library = library;
        this.offset = offset;
        this.text = a.doc().text();
    }

    static List<CompletionItem> complete(Analysis a, Optional<Indexes> lastGood, Library library, int offset) {
        Completer c = new Completer(a, lastGood, library, offset);
        c.run();
        return new ArrayList<>(c.items.values());
    }

    private Optional<FileIndex> file() {
        return indexes.flatMap(ix -> ix.file(a.doc().path()));
    }

    private void run() {
        int wordStart = offset;
        while (wordStart > 0 && isWord(text.charAt(wordStart - 1))) wordStart--;
        int qualStart = wordStart;
        while (qualStart > 0 && (isWord(text.charAt(qualStart - 1)) || text.charAt(qualStart - 1) == '.')) qualStart--;
        String qualified = text.substring(qualStart, offset);
        List<Lexemes.Lexeme> before = before(qualStart);
        Lexemes.Lexeme prev = before.isEmpty() ? null : before.get(before.size() - 1);
        Range word = a.lines().range(wordStart, offset);
        Range whole = a.lines().range(qualStart, offset);

        if (prev != null && prev.is("import")) {
            modulePaths(whole);
            return;
        }
        if (qualified.contains(".")) {
            members(qualified.substring(0, qualified.lastIndexOf('.')), word);
            return;
        }
        if (prev != null && prev.is("use")) {
            patterns(word);
            return;
        }
        Optional<String> list = listKeyword(before);
        if (list.isPresent()) {
            nodes(list.get(), word);
            return;
        }
        if (prev != null && prev.is(":") && isQuantityType(before)) {
            for (String t : TYPES) add(t, CompletionItemKind.Keyword, "type", t, word, "0");
            enums(word);
            return;
        }
        if (atLineStart(qualStart)) {
            boolean indented = qualStart > 0 && lineStartOffset(qualStart) < qualStart;
            for (String k : CLAUSES) add(k, CompletionItemKind.Keyword, "clause", k + " ", word, indented ? "0" : "2");
            for (String k : DECLARATIONS) add(k, CompletionItemKind.Keyword, "declaration", k + " ", word, indented ? "2" : "0");
            if (!indented) {
                add("case", CompletionItemKind.Keyword, "the case header", "case ", word, "1");
                return;
            }
        }
        formula(word);
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private List<Lexemes.Lexeme> before(int end) {
        List<Lexemes.Lexeme> out = new ArrayList<>();
        for (Lexemes.Lexeme l : a.lexemes()) {
            if (l.end() > end) break;
            if (l.kind() != Lexemes.Kind.COMMENT) out.add(l);
        }
        return out;
    }

    private int lineStartOffset(int off) {
        return text.lastIndexOf('\n', Math.max(0, off - 1)) + 1;
    }

    private boolean atLineStart(int off) {
        return text.substring(lineStartOffset(off), off).isBlank();
    }

    /** The clause keyword of the name list the cursor is in: {@code supported by a, |}. */
    private static Optional<String> listKeyword(List<Lexemes.Lexeme> before) {
        int i = before.size() - 1;
        if (i < 0) return Optional.empty();
        if (before.get(i).is(",")) {
            i--;
            while (i >= 0 && (before.get(i).kind() == Lexemes.Kind.IDENT || before.get(i).is(".") || before.get(i).is(","))) i--;
            if (i < 0) return Optional.empty();
        }
        Lexemes.Lexeme k = before.get(i);
        if (k.kind() != Lexemes.Kind.KEYWORD) return Optional.empty();
        if (k.is("by") && i > 0) return Optional.of(before.get(i - 1).text() + " by");
        if (Set.of("assuming", "rebuts", "undercuts", "undermines").contains(k.text())) return Optional.of(k.text());
        // `context` opens a clause inside a node, or declares a context at the start of a line
        if (k.is("context") && i > 0 && before.get(i - 1).line() == k.line()) return Optional.of("context");
        if (k.is("context") && i > 0 && k.col() > 1) return Optional.of("context");
        return Optional.empty();
    }

    private static boolean isQuantityType(List<Lexemes.Lexeme> before) {
        for (int i = before.size() - 2; i >= 0 && i >= before.size() - 9; i--) {
            if (before.get(i).is("quantity")) return true;
            if (before.get(i).kind() == Lexemes.Kind.STRING) return false;
        }
        return false;
    }

    private void add(String label, CompletionItemKind kind, String detail, String insert, Range replace, String sort) {
        if (items.containsKey(label)) return;
        CompletionItem it = new CompletionItem(label);
        it.setKind(kind);
        it.setDetail(detail);
        it.setTextEdit(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(new TextEdit(replace, insert)));
        it.setSortText(sort + label);
        it.setFilterText(label);
        items.put(label, it);
    }

    // ------------------------------------------------------------ what to offer

    private static CompletionItemKind kind(Symbol.Kind k) {
        return switch (k) {
            case MODULE, IMPORT, USE -> CompletionItemKind.Module;
            case ENUM -> CompletionItemKind.Enum;
            case MEMBER -> CompletionItemKind.EnumMember;
            case QUANTITY, BOUND -> CompletionItemKind.Variable;
            case DEFINE -> CompletionItemKind.Constant;
            case PATTERN -> CompletionItemKind.Function;
            case PARAM -> CompletionItemKind.TypeParameter;
            case STRATEGY -> CompletionItemKind.Interface;
            case EVIDENCE -> CompletionItemKind.File;
            case DEFEATER -> CompletionItemKind.Event;
            default -> CompletionItemKind.Class;
        };
    }

    private static String detail(Symbol.Def d) {
        Object decl = d.decl();
        if (decl instanceof Decl.Element el) return el.kind().keyword + el.text().map(t -> " — " + t.value()).orElse("");
        if (decl instanceof Decl.Quantity q) return "quantity : " + ExprText.of(q.type()) + q.description().map(t -> " — " + t.value()).orElse("");
        return d.kind().label;
    }

    private void nodes(String clause, Range word) {
        Set<Symbol.Kind> wanted = switch (clause) {
            case "assuming" -> Set.of(Symbol.Kind.ASSUMPTION);
            case "context" -> Set.of(Symbol.Kind.CONTEXT);
            case "justified by" -> Set.of(Symbol.Kind.JUSTIFICATION);
            case "eliminated by", "rebuts" -> Set.of(Symbol.Kind.CLAIM);
            case "undercuts" -> Set.of(Symbol.Kind.STRATEGY, Symbol.Kind.CLAIM);
            case "undermines" -> Set.of(Symbol.Kind.EVIDENCE);
            default -> Set.of(Symbol.Kind.CLAIM, Symbol.Kind.STRATEGY, Symbol.Kind.EVIDENCE);
        };
        Optional<FileIndex> f = file();
        if (f.isEmpty()) return;
        visible(f.get()).forEach((name, d) -> {
            if (wanted.contains(d.kind())) add(name, kind(d.kind()), detail(d), name, word, "0");
        });
        // instance nodes: P.x for every use
        for (Symbol.Def u : f.get().topLevel().values()) {
            if (u.kind() != Symbol.Kind.USE) continue;
            instance(f.get(), (Decl.Use) u.decl()).forEach((name, d) -> {
                if (wanted.contains(d.kind())) add(u.symbol().name() + "." + name, kind(d.kind()), detail(d), u.symbol().name() + "." + name, word, "1");
            });
        }
        // module assumptions, contexts and justifications join when named
        for (Symbol.Def imp : f.get().topLevel().values()) {
            if (imp.kind() != Symbol.Kind.IMPORT) continue;
            module(f.get(), (Decl.Import) imp.decl()).ifPresent(m -> m.topLevel().forEach((name, d) -> {
                if (wanted.contains(d.kind())) add(imp.symbol().name() + "." + name, kind(d.kind()), detail(d), imp.symbol().name() + "." + name, word, "1");
            }));
        }
    }

    /** The names visible at the cursor: the pattern body it is in first, then the file. */
    private Map<String, Symbol.Def> visible(FileIndex f) {
        Map<String, Symbol.Def> out = new LinkedHashMap<>();
        enclosingPattern(f).ifPresent(p -> out.putAll(f.patternScope(p)));
        f.topLevel().forEach(out::putIfAbsent);
        return out;
    }

    private Optional<String> enclosingPattern(FileIndex f) {
        SourceUnit u = f.unit;
        for (Decl d : u.decls()) {
            if (d instanceof Decl.Pattern p) {
                int start = a.lines().offset(p.pos());
                int end = a.lines().offset(p.end());
                if (start <= offset && offset <= end) return Optional.of(p.name().id());
            }
        }
        return Optional.empty();
    }

    private Optional<FileIndex> module(FileIndex f, Decl.Import imp) {
        return indexes.flatMap(ix -> ix.module(f, imp));
    }

    private Map<String, Symbol.Def> instance(FileIndex f, Decl.Use use) {
        Map<String, Symbol.Def> out = new LinkedHashMap<>();
        Optional<FileIndex.Target> p = f.patternOf(use, this::module);
        p.ifPresent(t -> t.index().patternScope(t.def().symbol().name()).forEach((n, d) -> {
            if (d.kind() != Symbol.Kind.PARAM) out.put(n, d);
        }));
        return out;
    }

    private void members(String qualifier, Range word) {
        Optional<FileIndex> f = file();
        if (f.isEmpty()) return;
        String[] parts = qualifier.split("\\.");
        Optional<Symbol.Def> d = Optional.ofNullable(visible(f.get()).get(parts[0]));
        if (d.isEmpty()) return;
        FileIndex in = f.get();
        Symbol.Def cur = d.get();
        for (int i = 1; i < parts.length; i++) {
            if (cur.kind() != Symbol.Kind.IMPORT) return;
            Optional<FileIndex> m = module(in, (Decl.Import) cur.decl());
            if (m.isEmpty()) return;
            Optional<Symbol.Def> next = m.get().topLevel(parts[i]);
            if (next.isEmpty()) return;
            in = m.get();
            cur = next.get();
        }
        switch (cur.kind()) {
            case IMPORT -> module(in, (Decl.Import) cur.decl()).ifPresent(m -> m.topLevel().forEach((n, x) -> add(n, kind(x.kind()), detail(x), n, word, "0")));
            case USE -> instance(in, (Decl.Use) cur.decl()).forEach((n, x) -> add(n, kind(x.kind()), detail(x), n, word, "0"));
            case ENUM -> in.enumMembers().getOrDefault(cur.symbol().name(), Map.of())
                    .forEach((n, x) -> add(n, CompletionItemKind.EnumMember, "member of " + parts[parts.length - 1], n, word, "0"));
            default -> { }
        }
    }

    private void modulePaths(Range whole) {
        for (Library.Module m : library.modules()) add(m.path(), CompletionItemKind.Module, "bundled module", m.path(), whole, "1");
        indexes.ifPresent(ix -> {
            java.nio.file.Path dir = a.doc().path().getParent();
            for (FileIndex f : ix.files()) {
                if (f.unit.isCase() || f.key.startsWith(dev.safecase.source.Sources.BUNDLED_DISPLAY)) continue;
                java.nio.file.Path p = java.nio.file.Path.of(f.key);
                if (!p.startsWith(dir)) continue;
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String dotted = rel.substring(0, rel.length() - ".case".length()).replace('/', '.');
                add(dotted, CompletionItemKind.Module, "module", dotted, whole, "0");
            }
        });
    }

    private void patterns(Range word) {
        Optional<FileIndex> f = file();
        f.ifPresent(ix -> {
            for (Symbol.Def d : ix.topLevel().values()) {
                if (d.kind() == Symbol.Kind.PATTERN) pattern(d.symbol().name(), (Decl.Pattern) d.decl(), word, "0");
                if (d.kind() == Symbol.Kind.IMPORT) {
                    module(ix, (Decl.Import) d.decl()).ifPresent(m -> m.topLevel().values().stream()
                            .filter(x -> x.kind() == Symbol.Kind.PATTERN)
                            .forEach(x -> pattern(d.symbol().name() + "." + x.symbol().name(), (Decl.Pattern) x.decl(), word, "0")));
                }
            }
        });
        for (Library.Module m : library.modules()) {
            for (Decl.Pattern p : m.patterns()) {
                String alias = m.path().substring(m.path().lastIndexOf('.') + 1);
                boolean imported = f.map(ix -> ix.topLevel(alias).isPresent()).orElse(false);
                if (!imported) pattern(alias + "." + p.name().id(), p, word, "1").setDetail("pattern from " + m.path()
                        + " (add: import " + m.path() + " as " + alias + ")");
            }
        }
    }

    private CompletionItem pattern(String name, Decl.Pattern p, Range word, String sort) {
        StringBuilder snippet = new StringBuilder(name).append('(');
        for (int i = 0; i < p.params().size(); i++) {
            Decl.Param param = p.params().get(i);
            if (i > 0) snippet.append(", ");
            String placeholder = param.type() == Decl.ParamType.TEXT ? "\"${" + (i + 1) + ":" + param.name() + "}\"" : "${" + (i + 1) + ":" + param.name() + "}";
            snippet.append(param.name()).append(": ").append(placeholder);
        }
        snippet.append(") as ${").append(p.params().size() + 1).append(":prefix}");
        String signature = p.name().id() + "(" + p.params().stream().map(x -> x.name() + ": " + x.type().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")";
        add(name, CompletionItemKind.Function, "pattern " + signature, snippet.toString(), word, sort);
        CompletionItem it = items.get(name);
        it.setInsertTextFormat(InsertTextFormat.Snippet);
        return it;
    }

    private void enums(Range word) {
        file().ifPresent(f -> visible(f).forEach((n, d) -> {
            if (d.kind() == Symbol.Kind.ENUM) add(n, CompletionItemKind.Enum, "enum", n, word, "1");
        }));
    }

    private void formula(Range word) {
        Optional<FileIndex> f = file();
        f.ifPresent(ix -> {
            visible(ix).forEach((n, d) -> {
                boolean value = d.kind() == Symbol.Kind.QUANTITY || d.kind() == Symbol.Kind.DEFINE || d.kind() == Symbol.Kind.CLAIM
                        || d.kind() == Symbol.Kind.PARAM || d.kind() == Symbol.Kind.ENUM || d.kind() == Symbol.Kind.IMPORT
                        || d.kind() == Symbol.Kind.USE;
                if (value) add(n, kind(d.kind()), detail(d), n, word, "0");
            });
            for (Map<String, Symbol.Def> members : ix.enumMembers().values()) {
                members.forEach((n, d) -> add(n, CompletionItemKind.EnumMember, "member of " + d.symbol().scope().substring(5), n, word, "1"));
            }
        });
        for (Builtin b : Builtin.values()) {
            add(b.spelling(), CompletionItemKind.Function, Hovers.meaning(b), b.spelling() + "($1)", word, "2");
            items.get(b.spelling()).setInsertTextFormat(InsertTextFormat.Snippet);
        }
        for (String w : FORMULA_WORDS) add(w, CompletionItemKind.Keyword, "keyword", w, word, "3");
        for (String k : CLAUSES) add(k, CompletionItemKind.Keyword, "clause", k + " ", word, "4");
    }
}
