package dev.safecase.lsp;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.Name;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Position;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names of one parsed file: what it declares ({@link #declare}) and, once the modules it
 * imports are indexed too, what each name it writes stands for ({@link #resolve}). This is
 * navigation, not checking: it follows the language's scoping (a pattern's body sees its
 * parameters and own names first, then its file; {@code alias.x} reaches into a module,
 * {@code P.x} into the pattern that {@code use … as P} instantiates; a bare enum member is
 * found when one enum has it) and leaves every judgement to the checker.
 */
final class FileIndex {
    /** How a file finds the index of the module an import names. */
    interface Modules {
        Optional<FileIndex> module(FileIndex importer, Decl.Import imp);
    }

    final String key;
    final SourceUnit unit;
    final String text;
    final List<Lexemes.Lexeme> lexemes;
    private final Map<Long, Integer> lexemeAt = new HashMap<>();
    private final LineMap lines;

    private final Map<String, Symbol.Def> top = new LinkedHashMap<>();
    private final Map<String, Map<String, Symbol.Def>> patterns = new HashMap<>();
    private final Map<String, Map<String, Symbol.Def>> enums = new LinkedHashMap<>();
    private final Map<Symbol, Symbol.Def> defs = new LinkedHashMap<>();
    private final List<Symbol.Use> uses = new ArrayList<>();

    FileIndex(String key, SourceUnit unit, String text, List<Lexemes.Lexeme> lexemes) {
        this.key = key;
        this.unit = unit;
        this.text = text;
        this.lexemes = lexemes;
        this.lines = new LineMap(text);
        for (int i = 0; i < lexemes.size(); i++) lexemeAt.put(at(lexemes.get(i).line(), lexemes.get(i).col()), i);
        declare();
    }

    private static long at(int line, int col) {
        return (long) line << 32 | col;
    }

    Map<Symbol, Symbol.Def> defs() {
        return defs;
    }

    List<Symbol.Use> uses() {
        return uses;
    }

    Optional<Symbol.Def> topLevel(String name) {
        return Optional.ofNullable(top.get(name));
    }

    Map<String, Symbol.Def> topLevel() {
        return top;
    }

    Map<String, Symbol.Def> patternScope(String pattern) {
        return patterns.getOrDefault(pattern, Map.of());
    }

    Map<String, Map<String, Symbol.Def>> enumMembers() {
        return enums;
    }

    LineMap lines() {
        return lines;
    }

    /** The name written at or just before {@code offset}. */
    Optional<Symbol.Use> useAt(int offset) {
        for (Symbol.Use u : uses) if (u.start() <= offset && offset <= u.end()) return Optional.of(u);
        return Optional.empty();
    }

    // ------------------------------------------------------------ where names are written

    /** The lexeme that starts at a position, if any. */
    private Optional<Lexemes.Lexeme> lexeme(Position p) {
        Integer i = lexemeAt.get(at(p.line(), p.col()));
        return i == null ? Optional.empty() : Optional.of(lexemes.get(i));
    }

    /** The lexemes of each part of a dotted name written at {@code p} (comments between parts are skipped). */
    private List<Lexemes.Lexeme> parts(Position p, int count) {
        List<Lexemes.Lexeme> out = new ArrayList<>();
        Integer i = lexemeAt.get(at(p.line(), p.col()));
        if (i == null) return out;
        int j = i;
        while (j < lexemes.size() && out.size() < count) {
            Lexemes.Lexeme l = lexemes.get(j);
            if (l.kind() == Lexemes.Kind.IDENT || l.kind() == Lexemes.Kind.KEYWORD) out.add(l);
            j++;
            while (j < lexemes.size() && (lexemes.get(j).kind() == Lexemes.Kind.COMMENT || lexemes.get(j).is("."))) j++;
        }
        return out;
    }

    /** The identifier lexeme after the keyword {@code as} that follows {@code from}, for an import's alias. */
    private Optional<Lexemes.Lexeme> aliasAfter(Lexemes.Lexeme from) {
        int i = lexemes.indexOf(from);
        for (int j = i + 1; j < lexemes.size() && j < i + 6; j++) {
            if (lexemes.get(j).is("as") && lexemes.get(j).kind() == Lexemes.Kind.KEYWORD) {
                for (int k = j + 1; k < lexemes.size(); k++) {
                    if (lexemes.get(k).kind() == Lexemes.Kind.IDENT) return Optional.of(lexemes.get(k));
                    if (lexemes.get(k).kind() != Lexemes.Kind.COMMENT) break;
                }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------ declarations

    private Symbol.Def def(String scope, String name, Symbol.Kind kind, Position pos, Object decl, Optional<String> pattern) {
        Optional<Lexemes.Lexeme> l = lexeme(pos);
        int start = l.map(Lexemes.Lexeme::start).orElse(lines.offset(pos));
        int end = l.map(Lexemes.Lexeme::end).orElse(start + name.length());
        return def(scope, name, kind, start, end, decl, pattern);
    }

    private Symbol.Def def(String scope, String name, Symbol.Kind kind, int start, int end, Object decl, Optional<String> pattern) {
        Symbol s = new Symbol(key, scope, name);
        Symbol.Def d = new Symbol.Def(s, kind, start, end, decl, pattern);
        defs.putIfAbsent(s, d);
        uses.add(new Symbol.Use(start, end, s, true, name));
        return d;
    }

    private void declare() {
        for (Decl d : unit.decls()) declare(d, "", Optional.empty(), top);
    }

    private void declare(Decl d, String scope, Optional<String> pattern, Map<String, Symbol.Def> into) {
        if (d instanceof Decl.Import imp) {
            List<Lexemes.Lexeme> ps = parts(imp.path().pos(), imp.path().parts().size());
            Optional<Lexemes.Lexeme> alias = ps.isEmpty() ? Optional.empty() : aliasAfter(ps.get(ps.size() - 1));
            int start = alias.or(() -> ps.isEmpty() ? Optional.empty() : Optional.of(ps.get(ps.size() - 1)))
                    .map(Lexemes.Lexeme::start).orElse(lines.offset(imp.pos()));
            int end = alias.or(() -> ps.isEmpty() ? Optional.empty() : Optional.of(ps.get(ps.size() - 1)))
                    .map(Lexemes.Lexeme::end).orElse(start);
            into.putIfAbsent(imp.boundName(), def(scope, imp.boundName(), Symbol.Kind.IMPORT, start, end, imp, pattern));
        } else if (d instanceof Decl.EnumDecl e) {
            into.putIfAbsent(e.name().id(), def(scope, e.name().id(), Symbol.Kind.ENUM, e.name().pos(), e, pattern));
            Map<String, Symbol.Def> members = new LinkedHashMap<>();
            for (Decl.Ident m : e.members()) {
                members.putIfAbsent(m.id(), def("enum " + e.name().id(), m.id(), Symbol.Kind.MEMBER, m.pos(), e, pattern));
            }
            enums.putIfAbsent(e.name().id(), members);
        } else if (d instanceof Decl.Quantity q) {
            into.putIfAbsent(q.name().id(), def(scope, q.name().id(), Symbol.Kind.QUANTITY, q.name().pos(), q, pattern));
        } else if (d instanceof Decl.Define df) {
            into.putIfAbsent(df.name().id(), def(scope, df.name().id(), Symbol.Kind.DEFINE, df.name().pos(), df, pattern));
        } else if (d instanceof Decl.Element el) {
            if (el.id().isQualified()) return; // a completion: it names an instance's node, it declares nothing
            into.putIfAbsent(el.id().first(), def(scope, el.id().first(), kind(el.kind()), el.id().pos(), el, pattern));
        } else if (d instanceof Decl.Pattern p) {
            String name = p.name().id();
            into.putIfAbsent(name, def(scope, name, Symbol.Kind.PATTERN, p.name().pos(), p, pattern));
            Map<String, Symbol.Def> body = new LinkedHashMap<>();
            for (Decl.Param param : p.params()) {
                body.putIfAbsent(param.name(), def("pattern " + name, param.name(), Symbol.Kind.PARAM, param.pos(), param,
                        Optional.of(name)));
            }
            for (Decl b : p.body()) declare(b, "pattern " + name, Optional.of(name), body);
            patterns.putIfAbsent(name, body);
        } else if (d instanceof Decl.Use u) {
            into.putIfAbsent(u.prefix().id(), def(scope, u.prefix().id(), Symbol.Kind.USE, u.prefix().pos(), u, pattern));
        }
    }

    static Symbol.Kind kind(Decl.ElementKind k) {
        return switch (k) {
            case CLAIM -> Symbol.Kind.CLAIM;
            case STRATEGY -> Symbol.Kind.STRATEGY;
            case EVIDENCE -> Symbol.Kind.EVIDENCE;
            case DEFEATER -> Symbol.Kind.DEFEATER;
            case ASSUMPTION -> Symbol.Kind.ASSUMPTION;
            case CONTEXT -> Symbol.Kind.CONTEXT;
            case JUSTIFICATION -> Symbol.Kind.JUSTIFICATION;
        };
    }

    // ------------------------------------------------------------ references

    /** Where names are looked up: the file, a pattern's body, and variables bound around the name. */
    private record Scope(Optional<String> pattern, Map<String, Symbol.Def> bound) {
        Scope bind(String var, Symbol.Def d) {
            Map<String, Symbol.Def> b = new HashMap<>(bound);
            b.put(var, d);
            return new Scope(pattern, b);
        }
    }

    /** Records what every name written in this file stands for; the modules must be indexed first. */
    void resolve(Modules modules) {
        Scope fileScope = new Scope(Optional.empty(), Map.of());
        for (Decl d : unit.decls()) resolve(d, fileScope, modules);
        uses.sort(java.util.Comparator.comparingInt(Symbol.Use::start));
    }

    private void resolve(Decl d, Scope scope, Modules modules) {
        if (d instanceof Decl.Import imp) {
            modules.module(this, imp).ifPresent(m -> {
                List<Lexemes.Lexeme> ps = parts(imp.path().pos(), imp.path().parts().size());
                if (ps.isEmpty()) return;
                Symbol.Def file = m.moduleDef();
                uses.add(new Symbol.Use(ps.get(0).start(), ps.get(ps.size() - 1).end(), file.symbol(), false, imp.path().text()));
            });
        } else if (d instanceof Decl.Quantity q) {
            Scope s = scope;
            if (q.indexVar().isPresent()) {
                Decl.Ident v = q.indexVar().get();
                s = scope.bind(v.id(), def("bound " + lines.offset(v.pos()), v.id(), Symbol.Kind.BOUND, v.pos(), q, scope.pattern()));
            }
            q.indexEnum().ifPresent(n -> name(n, scope, modules));
            type(q.type(), s, modules);
        } else if (d instanceof Decl.Define df) {
            expr(df.value(), scope, modules);
        } else if (d instanceof Decl.Element el) {
            if (el.id().isQualified()) name(el.id(), scope, modules);
            el.formula().ifPresent(f -> expr(f, scope, modules));
            for (Clause c : el.clauses()) clause(c, scope, modules);
        } else if (d instanceof Decl.Pattern p) {
            Scope body = new Scope(Optional.of(p.name().id()), Map.of());
            for (Decl b : p.body()) resolve(b, body, modules);
        } else if (d instanceof Decl.Use u) {
            Optional<Target> pattern = name(u.pattern(), scope, modules);
            for (Decl.Arg a : u.args()) {
                pattern.ifPresent(t -> t.index().patternScope(t.def().symbol().name()).entrySet().stream()
                        .filter(e -> e.getKey().equals(a.name()) && e.getValue().kind() == Symbol.Kind.PARAM).findFirst()
                        .ifPresent(e -> lexeme(a.pos()).ifPresent(l ->
                                uses.add(new Symbol.Use(l.start(), l.end(), e.getValue().symbol(), false, a.name())))));
                a.value().ifPresent(v -> expr(v, scope, modules));
            }
        }
    }

    private void type(Decl.TypeRef t, Scope scope, Modules modules) {
        if (t instanceof Decl.EnumRef e) name(e.name(), scope, modules);
        else if (t instanceof Decl.IntType i) i.range().ifPresent(r -> range(r, scope, modules));
        else if (t instanceof Decl.RealType r) r.range().ifPresent(x -> range(x, scope, modules));
    }

    private void range(Decl.Range r, Scope scope, Modules modules) {
        expr(r.low(), scope, modules);
        expr(r.high(), scope, modules);
    }

    private void clause(Clause c, Scope scope, Modules modules) {
        for (Name n : Clause.names(c)) name(n, scope, modules);
        if (c instanceof Clause.Gives g) for (Expr e : g.facts()) expr(e, scope, modules);
    }

    private void expr(Expr e, Scope scope, Modules modules) {
        if (e instanceof Expr.Ref r) {
            name(r.name(), scope, modules);
            r.index().ifPresent(i -> expr(i, scope, modules));
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) expr(a, scope, modules);
        } else if (e instanceof Expr.Unary u) {
            expr(u.operand(), scope, modules);
        } else if (e instanceof Expr.Binary b) {
            expr(b.left(), scope, modules);
            expr(b.right(), scope, modules);
        } else if (e instanceof Expr.If i) {
            expr(i.cond(), scope, modules);
            expr(i.then(), scope, modules);
            expr(i.otherwise(), scope, modules);
        } else if (e instanceof Expr.Quant q) {
            name(q.enumName(), scope, modules);
            Symbol.Def v = def("bound " + lines.offset(q.varPos()), q.var(), Symbol.Kind.BOUND, q.varPos(), q, scope.pattern());
            expr(q.body(), scope.bind(q.var(), v), modules);
        }
    }

    /** A name resolved to a declaration, with the index of the file that declares it. */
    record Target(FileIndex index, Symbol.Def def) {}

    /** Resolves a (possibly dotted) name, recording a use for each part that stands for something. */
    private Optional<Target> name(Name n, Scope scope, Modules modules) {
        List<Lexemes.Lexeme> ps = parts(n.pos(), n.parts().size());
        if (ps.size() != n.parts().size()) return Optional.empty();
        String first = n.first();
        Optional<Target> t = Optional.ofNullable(scope.bound().get(first)).map(d -> new Target(this, d));
        if (t.isEmpty() && scope.pattern().isPresent()) {
            t = Optional.ofNullable(patternScope(scope.pattern().get()).get(first)).map(d -> new Target(this, d));
        }
        if (t.isEmpty()) t = topLevel(first).map(d -> new Target(this, d));
        if (t.isEmpty() && n.parts().size() == 1) t = bareMember(first);
        if (t.isEmpty()) return Optional.empty();
        StringBuilder written = new StringBuilder(first);
        record(ps.get(0), t.get(), written.toString());
        for (int i = 1; i < n.parts().size() && t.isPresent(); i++) {
            t = member(t.get(), n.parts().get(i), modules);
            written.append('.').append(n.parts().get(i));
            if (t.isPresent()) record(ps.get(i), t.get(), written.toString());
        }
        return t;
    }

    private void record(Lexemes.Lexeme l, Target t, String written) {
        uses.add(new Symbol.Use(l.start(), l.end(), t.def().symbol(), false, written));
    }

    /** {@code part} inside what {@code t} names: a module's declaration, an instance's, an enum's member. */
    private Optional<Target> member(Target t, String part, Modules modules) {
        Symbol.Def d = t.def();
        FileIndex in = t.index();
        switch (d.kind()) {
            case IMPORT -> {
                Optional<FileIndex> m = modules.module(in, (Decl.Import) d.decl());
                return m.flatMap(x -> x.topLevel(part).map(y -> new Target(x, y)));
            }
            case USE -> {
                Decl.Use u = (Decl.Use) d.decl();
                Optional<Target> p = in.patternOf(u, modules);
                return p.flatMap(x -> Optional.ofNullable(x.index().patternScope(x.def().symbol().name()).get(part))
                        .filter(y -> y.kind() != Symbol.Kind.PARAM).map(y -> new Target(x.index(), y)));
            }
            case ENUM -> {
                Map<String, Symbol.Def> members = in.enums.getOrDefault(d.symbol().name(), Map.of());
                return Optional.ofNullable(members.get(part)).map(y -> new Target(in, y));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The pattern a {@code use} instantiates, without recording uses (its name was recorded where it is written). */
    Optional<Target> patternOf(Decl.Use u, Modules modules) {
        Name n = u.pattern();
        Optional<Target> t = topLevel(n.first()).map(d -> new Target(this, d));
        for (int i = 1; i < n.parts().size() && t.isPresent(); i++) {
            Target cur = t.get();
            if (cur.def().kind() != Symbol.Kind.IMPORT) return Optional.empty();
            String part = n.parts().get(i);
            t = modules.module(cur.index(), (Decl.Import) cur.def().decl()).flatMap(m -> m.topLevel(part).map(y -> new Target(m, y)));
        }
        return t.filter(x -> x.def().kind() == Symbol.Kind.PATTERN);
    }

    private Optional<Target> bareMember(String name) {
        Symbol.Def found = null;
        for (Map<String, Symbol.Def> members : enums.values()) {
            Symbol.Def d = members.get(name);
            if (d != null) {
                if (found != null) return Optional.empty();
                found = d;
            }
        }
        return Optional.ofNullable(found).map(d -> new Target(this, d));
    }

    /** The file itself, as what an import's path points at. */
    Symbol.Def moduleDef() {
        return new Symbol.Def(new Symbol(key, "", ""), Symbol.Kind.MODULE, 0, 0, unit, Optional.empty());
    }
}
