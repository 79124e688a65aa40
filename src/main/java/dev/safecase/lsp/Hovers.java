package dev.safecase.lsp;

import dev.safecase.ast.Clause;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.num.Rational;
import dev.safecase.result.BoundResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.stats.Builtin;
import dev.safecase.stats.Deadline;
import dev.safecase.syntax.Lexemes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Hovers: a quantity's type, range and description; a node's text and formula and, once the
 * file was verified, its status, what its proof rests on and each obligation's reason; a
 * built-in's meaning and value.
 */
final class Hovers {
    private Hovers() {
    }

    static Optional<Hover> hover(Analysis a, Indexes indexes, Optional<Verified> verified, int offset) {
        Optional<FileIndex> ix = indexes.file(a.doc().path());
        Optional<Symbol.Use> use = ix.flatMap(i -> i.useAt(offset));
        if (use.isPresent()) {
            Optional<FileIndex.Target> t = indexes.definition(use.get().symbol());
            if (t.isPresent()) {
                String text = describe(t.get(), use.get(), ix.get(), verified);
                return Optional.of(hover(text, a, use.get().start(), use.get().end()));
            }
        }
        return builtin(a, offset);
    }

    private static Hover hover(String markdown, Analysis a, int start, int end) {
        Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        h.setRange(a.lines().range(start, end));
        return h;
    }

    private static String code(String s) {
        return "```safecase\n" + s + "\n```\n";
    }

    private static String describe(FileIndex.Target t, Symbol.Use use, FileIndex here, Optional<Verified> verified) {
        Symbol.Def d = t.def();
        Object decl = d.decl();
        StringBuilder sb = new StringBuilder();
        switch (d.kind()) {
            case QUANTITY -> quantity((Decl.Quantity) decl, sb);
            case DEFINE -> {
                Decl.Define df = (Decl.Define) decl;
                sb.append(code("define " + df.name().id() + " = " + ExprText.of(df.value())));
            }
            case ENUM -> {
                Decl.EnumDecl e = (Decl.EnumDecl) decl;
                sb.append(code("enum " + e.name().id() + " { " + e.members().stream().map(Decl.Ident::id)
                        .collect(Collectors.joining(", ")) + " }"));
            }
            case MEMBER -> sb.append(code(d.symbol().scope().substring("enum ".length()) + "." + d.symbol().name()))
                    .append("A member of the enum `").append(d.symbol().scope().substring("enum ".length())).append("`.\n");
            case PATTERN -> {
                Decl.Pattern p = (Decl.Pattern) decl;
                sb.append(code("pattern " + p.name().id() + "(" + p.params().stream()
                        .map(x -> x.name() + ": " + x.type().name().toLowerCase(java.util.Locale.ROOT))
                        .collect(Collectors.joining(", ")) + ")"));
                sb.append("A pattern of ").append(p.body().size()).append(" declarations; `use ")
                        .append(p.name().id()).append("(…) as P` names them `P.x`.\n");
            }
            case PARAM -> {
                Decl.Param p = (Decl.Param) decl;
                sb.append(code(p.name() + ": " + p.type().name().toLowerCase(java.util.Locale.ROOT)))
                        .append("A parameter of the pattern `").append(d.pattern().orElse("?")).append("`.\n");
            }
            case USE -> {
                Decl.Use u = (Decl.Use) decl;
                sb.append(code("use " + u.pattern().text() + "(" + u.args().stream().map(x -> x.name() + ": "
                        + (x.text().isPresent() ? "\"" + x.source() + "\"" : x.source())).collect(Collectors.joining(", "))
                        + ") as " + u.prefix().id()));
                sb.append("An instance of the pattern `").append(u.pattern().text()).append("`: its declarations are `")
                        .append(u.prefix().id()).append(".x`.\n");
            }
            case IMPORT -> {
                Decl.Import imp = (Decl.Import) decl;
                sb.append(code("import " + imp.path().text() + imp.alias().map(x -> " as " + x).orElse("")));
                sb.append("A module: its declarations are `").append(imp.boundName()).append(".x`.\n");
            }
            case MODULE -> sb.append("Module `").append(use.written()).append("` (").append(t.index().key).append(")\n");
            case BOUND -> sb.append(code(d.symbol().name())).append("A variable bound to each member of an enum in turn.\n");
            default -> node((Decl.Element) decl, d, use, here, t, verified, sb);
        }
        return sb.toString();
    }

    private static void quantity(Decl.Quantity q, StringBuilder sb) {
        String index = q.indexVar().map(v -> "[" + v.id() + " in " + q.indexEnum().map(n -> n.text()).orElse("?") + "]").orElse("");
        sb.append(code("quantity " + q.name().id() + index + " : " + ExprText.of(q.type())));
        q.description().ifPresent(t -> sb.append(t.value()).append("\n\n"));
        Decl.TypeRef type = q.type();
        String range;
        if (type instanceof Decl.ProbabilityType) {
            range = "in [0, 1] (a probability)";
        } else if (type instanceof Decl.IntType i) {
            range = i.range().map(r -> "an integer in [" + ExprText.of(r.low()) + ", " + ExprText.of(r.high()) + "]").orElse("any integer");
        } else if (type instanceof Decl.RealType r) {
            range = r.range().map(x -> "a real in [" + ExprText.of(x.low()) + ", " + ExprText.of(x.high()) + "]").orElse("any real");
        } else if (type instanceof Decl.BoolType) {
            range = "true or false";
        } else {
            range = "a member of " + ExprText.of(type);
        }
        sb.append("Range: ").append(range).append('.');
        q.indexEnum().ifPresent(e -> sb.append(" One quantity per member of `").append(e.text()).append("`."));
        sb.append('\n');
    }

    private static void node(Decl.Element el, Symbol.Def d, Symbol.Use use, FileIndex here, FileIndex.Target t,
                             Optional<Verified> verified, StringBuilder sb) {
        sb.append("**").append(el.kind().keyword).append("** `").append(d.symbol().name()).append("`");
        el.text().ifPresent(x -> sb.append(" — ").append(x.value()));
        sb.append("\n\n");
        el.formula().ifPresent(f -> sb.append(code(ExprText.of(f))));
        for (Clause c : el.clauses()) {
            if (c instanceof Clause.Str s && (s.kind() == Clause.Kind.OWNER || s.kind() == Clause.Kind.ASSERTED)) {
                sb.append(s.kind().keyword).append(": ").append(s.text().value()).append("\n\n");
            }
        }
        List<String> ids = caseIds(d, use, here, t);
        if (verified.isEmpty()) {
            sb.append("_Not verified yet: save the file to prove its obligations._\n");
            return;
        }
        for (String id : ids) verdict(id, verified.get(), ids.size() > 1, sb);
    }

    /** The IDs the verdicts know this node by: as written in the case, or, for a pattern's node, one per instance. */
    private static List<String> caseIds(Symbol.Def d, Symbol.Use use, FileIndex here, FileIndex.Target t) {
        if (d.pattern().isEmpty()) return List.of(use.declaration() ? d.symbol().name() : use.written());
        if (!use.declaration()) return List.of(use.written());
        List<String> out = new ArrayList<>();
        for (Symbol.Def u : here.topLevel().values()) {
            if (u.kind() != Symbol.Kind.USE) continue;
            Decl.Use decl = (Decl.Use) u.decl();
            if (decl.pattern().last().equals(d.pattern().get())) out.add(u.symbol().name() + "." + d.symbol().name());
        }
        return out;
    }

    private static void verdict(String id, Verified v, boolean titled, StringBuilder sb) {
        if (titled) sb.append("**").append(id).append("**\n\n");
        Optional<ClaimResult> claim = v.claim(id);
        claim.ifPresent(c -> {
            sb.append("Status: **").append(c.status().label()).append("**").append(c.discharged() ? " (discharged)" : "")
                    .append(c.root() ? ", a root of the case" : "").append("\n\n");
            if (!c.restsOn().isEmpty()) sb.append("Rests on: ").append(String.join(", ", c.restsOn())).append("\n\n");
        });
        List<ObligationResult> obs = v.obligationsOf(id);
        for (ObligationResult o : obs) {
            sb.append("- `").append(o.id()).append("` **").append(o.status().label()).append("**");
            o.reason().ifPresent(r -> sb.append(" — ").append(r));
            sb.append('\n');
            if (!o.usedAssumptions().isEmpty()) sb.append("  - proof used: ").append(String.join(", ", o.usedAssumptions())).append('\n');
            if (!o.counterexample().isEmpty()) sb.append("  - counterexample: ").append(Verdicts.values(o.counterexample())).append('\n');
            if (!o.core().isEmpty()) sb.append("  - clashing premises: ").append(String.join(", ", o.core())).append('\n');
            o.owner().ifPresent(w -> sb.append("  - owner: ").append(w).append('\n'));
        }
        if (claim.isEmpty() && obs.isEmpty()) sb.append("_No verdict for `").append(id).append("` in the last verification._\n");
        sb.append("\n_As of the last save (").append(v.millis()).append(" ms)._\n");
    }

    // ------------------------------------------------------------ built-ins

    private static Optional<Hover> builtin(Analysis a, int offset) {
        int i = Ranges.indexCovering(a.lexemes(), offset);
        if (i < 0) return Optional.empty();
        Lexemes.Lexeme l = a.lexemes().get(i);
        Optional<Builtin> b = Builtin.named(l.text());
        if (l.kind() != Lexemes.Kind.IDENT || b.isEmpty()) return Optional.empty();
        StringBuilder sb = new StringBuilder(code(signature(b.get()))).append(meaning(b.get())).append("\n\n");
        Optional<Expr.Call> call = a.unit().flatMap(u -> Calls.at(u, l.line(), l.col()));
        call.flatMap(c -> value(b.get(), c)).ifPresent(v -> sb.append("Value: `").append(v).append("`\n\n"));
        return Optional.of(hover(sb.toString(), a, l.start(), l.end()));
    }

    /** The value of a statistic whose arguments are all number literals, as the checker computes it. */
    private static Optional<String> value(Builtin b, Expr.Call c) {
        if (!b.isStatistic()) return Optional.empty();
        List<Rational> args = new ArrayList<>();
        for (Expr e : c.args()) {
            if (!(e instanceof Expr.Num n)) return Optional.empty();
            args.add(n.value());
        }
        if (b.domainError(args).isPresent()) return Optional.of("none: " + b.domainError(args).get());
        Builtin.Evaluation e = b.evaluate(args, Deadline.after(2000));
        if (e instanceof Builtin.Evaluation.Value v) return Optional.of(v.value() + " ≈ " + v.value().approx());
        return Optional.empty();
    }

    static Optional<String> evidenceValues(Verified v, String evidence, String function) {
        for (EvidenceResult e : v.result().evidence()) {
            if (!e.id().equals(evidence)) continue;
            List<String> vals = new ArrayList<>();
            for (BoundResult b : e.bounds()) if (b.function().equals(function)) vals.add(b.function() + "(" + String.join(", ", b.args()) + ") = " + b.value());
            if (!vals.isEmpty()) return Optional.of(String.join("; ", vals));
        }
        return Optional.empty();
    }

    private static String signature(Builtin b) {
        List<String> names = switch (b) {
            case MIN, MAX -> List.of("a", "b");
            case ABS -> List.of("a");
            case JSON -> List.of("\"/pointer\"");
            case RULE_OF_THREE -> List.of("failures", "n");
            default -> List.of("k", "n", "conf");
        };
        return b.spelling() + "(" + String.join(", ", names) + ")";
    }

    static String meaning(Builtin b) {
        return switch (b) {
            case MIN -> "The smaller of two numbers.";
            case MAX -> "The larger of two numbers.";
            case ABS -> "The absolute value of a number.";
            case JSON -> "A value read from the evidence's file by JSON Pointer; only in the `gives` facts of evidence with a `file`.";
            case RULE_OF_THREE -> "3/n: the usual 95 % upper bound on a rate after n trials without a failure (exact); failures must be 0.";
            case CLOPPER_PEARSON_UPPER -> "The one-sided exact (Clopper–Pearson) upper bound on a rate after k failures in n "
                    + "trials at confidence conf, rounded up (sound only where a larger value is weaker).";
            case CLOPPER_PEARSON_LOWER -> "The one-sided exact (Clopper–Pearson) lower bound on a rate after k failures in n "
                    + "trials at confidence conf, rounded down.";
            case WILSON_UPPER -> "The Wilson score upper bound on a rate after k failures in n trials at confidence conf, rounded up.";
        };
    }
}
