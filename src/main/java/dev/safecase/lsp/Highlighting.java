package dev.safecase.lsp;

import dev.safecase.stats.Builtin;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens: every token typed by what it is (a keyword, a string, a number, a comment,
 * an operator) and every name by what it stands for (a quantity, a claim, an enum member, a
 * pattern, …), so editors colour exactly what the checker sees.
 */
final class Highlighting {
    static final List<String> TYPES = List.of("keyword", "string", "number", "comment", "operator", "variable", "enum",
            "enumMember", "function", "parameter", "class", "interface", "struct", "event", "property", "namespace", "type",
            "macro");
    static final List<String> MODIFIERS = List.of("declaration", "readonly", "defaultLibrary");
    private static final Set<String> TYPE_WORDS = Set.of("bool", "int", "real", "probability", "text");

    private Highlighting() {
    }

    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, MODIFIERS);
    }

    private static String type(Symbol.Kind k) {
        return switch (k) {
            case MODULE, IMPORT, USE -> "namespace";
            case ENUM -> "enum";
            case MEMBER -> "enumMember";
            case QUANTITY, BOUND -> "variable";
            case DEFINE -> "macro";
            case CLAIM -> "class";
            case STRATEGY -> "interface";
            case EVIDENCE -> "struct";
            case DEFEATER -> "event";
            case ASSUMPTION, CONTEXT, JUSTIFICATION -> "property";
            case PATTERN -> "function";
            case PARAM -> "parameter";
        };
    }

    static SemanticTokens tokens(Analysis a, Optional<Indexes> indexes) {
        Map<Integer, Symbol.Use> uses = new HashMap<>();
        Map<Symbol, Symbol.Kind> kinds = new HashMap<>();
        indexes.flatMap(ix -> ix.file(a.doc().path())).ifPresent(ix -> {
            for (Symbol.Use u : ix.uses()) uses.putIfAbsent(u.start(), u);
        });
        List<Integer> data = new ArrayList<>();
        int[] last = {0, 0};
        for (Lexemes.Lexeme l : a.lexemes()) {
            String type;
            int mods = 0;
            switch (l.kind()) {
                case KEYWORD -> type = TYPE_WORDS.contains(l.text()) ? "type" : "keyword";
                case STRING -> type = "string";
                case NUMBER, DATE -> type = "number";
                case COMMENT -> type = "comment";
                case OPERATOR -> type = "operator";
                case IDENT -> {
                    Symbol.Use u = uses.get(l.start());
                    if (u != null) {
                        Symbol.Kind k = kind(u, indexes, kinds);
                        type = type(k);
                        if (u.declaration()) mods |= 1;
                        if (k == Symbol.Kind.DEFINE) mods |= 2;
                    } else if (Builtin.named(l.text()).isPresent()) {
                        type = "function";
                        mods |= 4;
                    } else {
                        type = "variable";
                    }
                }
                default -> type = null;
            }
            if (type == null) continue;
            emit(a.lines(), l, TYPES.indexOf(type), mods, data, last);
        }
        return new SemanticTokens(data);
    }

    private static Symbol.Kind kind(Symbol.Use u, Optional<Indexes> indexes, Map<Symbol, Symbol.Kind> cache) {
        return cache.computeIfAbsent(u.symbol(), s -> indexes.flatMap(ix -> ix.definition(s)).map(t -> t.def().kind())
                .orElse(Symbol.Kind.QUANTITY));
    }

    /** One token per line: a token over several lines (a long string, a block comment) is split at its line breaks. */
    private static void emit(LineMap lines, Lexemes.Lexeme l, int type, int mods, List<Integer> data, int[] last) {
        int start = l.start();
        while (start < l.end()) {
            int nl = lines.text().indexOf('\n', start);
            int end = nl < 0 || nl >= l.end() ? l.end() : nl;
            int len = end - start;
            if (len > 0 && lines.text().charAt(end - 1) == '\r') len--;
            if (len > 0) {
                var p = lines.position(start);
                int dl = p.getLine() - last[0];
                int dc = dl == 0 ? p.getCharacter() - last[1] : p.getCharacter();
                data.add(dl);
                data.add(dc);
                data.add(len);
                data.add(type);
                data.add(mods);
                last[0] = p.getLine();
                last[1] = p.getCharacter();
            }
            start = end + 1;
        }
    }
}
