package dev.safecase.ast;

import dev.safecase.num.Rational;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.Identifiers;
import dev.safecase.syntax.Parser;
import dev.safecase.syntax.gen.SafeCaseParser;
import dev.safecase.syntax.gen.SafeCaseParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Parse tree to AST: one method per grammar rule. Only called on trees without syntax errors. */
public final class AstBuilder {
    /** Digits a number literal may have, from its first non-zero digit on (decimals included). */
    public static final int MAX_DIGITS = 1000;

    private final SourceText source;
    private final Diagnostics diags;
    private final java.util.Map<Decl, Decl.Modifier> modifiers = new java.util.IdentityHashMap<>();

    private AstBuilder(SourceText source, Diagnostics diags) {
        this.source = source;
        this.diags = diags;
    }

    /**
     * The AST of a file parsed without errors. Malformed numbers and formulas nested too deeply
     * (SC101, SC102) are reported here and, like any syntax error, leave no AST.
     */
    public static Optional<SourceUnit> build(SourceText source, FileContext tree, Diagnostics diags) {
        Diagnostics built = new Diagnostics();
        SourceUnit unit = new AstBuilder(source, built).file(tree, List.of());
        return checked(unit, built, diags);
    }

    /**
     * Parses and builds in one pass: each top-level declaration's AST is built as soon as the parser has it, and its
     * parse tree dropped ({@link Parser.DeclSink}), so that a large file's tree never lives whole. The same AST and
     * diagnostics as {@code Parser.parse} followed by {@link #build}.
     */
    public static Optional<SourceUnit> parse(SourceText source, Diagnostics diags) {
        // one builder per pass: a restart (the fast pass gave up) forgets what the first one built and reported
        AstBuilder[] builder = {new AstBuilder(source, new Diagnostics())};
        List<Decl> streamed = new ArrayList<>();
        Optional<FileContext> tree = Parser.parse(source, diags, new Parser.DeclSink() {
            @Override
            public void accept(SafeCaseParser.DeclContext decl) {
                streamed.add(builder[0].decl(decl));
            }

            @Override
            public void restart() {
                streamed.clear();
                builder[0] = new AstBuilder(source, new Diagnostics());
            }
        });
        if (tree.isEmpty()) return Optional.empty();
        AstBuilder b = builder[0];
        return checked(b.file(tree.get(), streamed), b.diags, diags);
    }

    private static Optional<SourceUnit> checked(SourceUnit unit, Diagnostics built, Diagnostics diags) {
        FormulaDepth.check(unit, built);
        diags.addAll(built.sorted());
        return built.hasErrors() ? Optional.empty() : Optional.of(unit);
    }

    private Position pos(Token t) {
        return new Position(source.display(), t.getLine(), t.getCharPositionInLine() + 1);
    }

    private Position pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    /** The file's unit: the declarations already built ({@code streamed}), then those still in the tree. */
    private SourceUnit file(FileContext ctx, List<Decl> streamed) {
        Optional<SourceUnit.CaseHeader> header = Optional.ofNullable(ctx.caseHeader()).map(this::caseHeader);
        List<Decl> decls = new ArrayList<>(streamed);
        decls.addAll(decls(ctx.decl()));
        return new SourceUnit(source.path(), source.display(), header, decls, modifiers);
    }

    private SourceUnit.CaseHeader caseHeader(CaseHeaderContext ctx) {
        return new SourceUnit.CaseHeader(pos(ctx), name(ctx.ident()), pos(ctx.ident()), text(ctx.text()));
    }

    private List<Decl> decls(List<DeclContext> ctxs) {
        List<Decl> out = new ArrayList<>();
        for (DeclContext d : ctxs) out.add(decl(d));
        return out;
    }

    private Decl decl(DeclContext ctx) {
        Decl d = declBody(ctx);
        if (ctx.visibility != null) {
            Decl.Visibility v = ctx.visibility.getType() == SafeCaseParser.PUBLIC ? Decl.Visibility.PUBLIC : Decl.Visibility.PRIVATE;
            modifiers.put(d, new Decl.Modifier(pos(ctx.visibility), v));
        }
        return d;
    }

    private Decl declBody(DeclContext ctx) {
        if (ctx.importDecl() != null) return importDecl(ctx.importDecl());
        if (ctx.enumDecl() != null) return enumDecl(ctx.enumDecl());
        if (ctx.quantityDecl() != null) return quantityDecl(ctx.quantityDecl());
        if (ctx.defineDecl() != null) return defineDecl(ctx.defineDecl());
        if (ctx.element() != null) return element(ctx.element());
        if (ctx.patternDecl() != null) return patternDecl(ctx.patternDecl());
        return useDecl(ctx.useDecl());
    }

    private Decl.Import importDecl(ImportDeclContext ctx) {
        return new Decl.Import(pos(ctx), qname(ctx.qname()), Optional.ofNullable(ctx.ident()).map(AstBuilder::name));
    }

    private Decl.Ident ident(IdentContext ctx) {
        return new Decl.Ident(pos(ctx), name(ctx));
    }

    private Decl.EnumDecl enumDecl(EnumDeclContext ctx) {
        List<Decl.Ident> ids = ctx.ident().stream().map(this::ident).toList();
        return new Decl.EnumDecl(pos(ctx), ids.get(0), ids.subList(1, ids.size()));
    }

    private Decl.Quantity quantityDecl(QuantityDeclContext ctx) {
        List<IdentContext> ids = ctx.ident();
        Optional<Decl.Ident> indexVar = ids.size() > 1 ? Optional.of(ident(ids.get(1))) : Optional.empty();
        Optional<Name> indexEnum = Optional.ofNullable(ctx.qname()).map(this::qname);
        Optional<Text> description = Optional.ofNullable(ctx.text()).map(this::text);
        return new Decl.Quantity(pos(ctx), ident(ids.get(0)), indexVar, indexEnum, typeRef(ctx.typeRef()), description);
    }

    private Decl.TypeRef typeRef(TypeRefContext ctx) {
        Position p = pos(ctx);
        if (ctx instanceof BoolTypeContext) return new Decl.BoolType(p);
        if (ctx instanceof IntTypeContext c) return new Decl.IntType(p, Optional.ofNullable(c.range()).map(this::range));
        if (ctx instanceof RealTypeContext c) return new Decl.RealType(p, Optional.ofNullable(c.range()).map(this::range));
        if (ctx instanceof ProbabilityTypeContext) return new Decl.ProbabilityType(p);
        return new Decl.EnumRef(p, qname(((EnumTypeContext) ctx).qname()));
    }

    private Decl.Range range(RangeContext ctx) {
        return new Decl.Range(pos(ctx), expr(ctx.expr(0)), expr(ctx.expr(1)));
    }

    private Decl.Define defineDecl(DefineDeclContext ctx) {
        List<IdentContext> ids = ctx.ident();
        Optional<Decl.Ident> indexVar = ids.size() > 1 ? Optional.of(ident(ids.get(1))) : Optional.empty();
        Optional<Name> indexEnum = Optional.ofNullable(ctx.qname()).map(this::qname);
        List<Decl.TableEntry> table = new ArrayList<>();
        if (ctx.table() != null) {
            for (TableEntryContext e : ctx.table().tableEntry()) {
                table.add(new Decl.TableEntry(pos(e), ident(e.ident()), expr(e.expr())));
            }
        }
        Expr value = ctx.expr() != null ? expr(ctx.expr()) : table.get(0).value();
        return new Decl.Define(pos(ctx), ident(ids.get(0)), value, indexVar, indexEnum, table);
    }

    private Decl.Element element(ElementContext ctx) {
        Decl.ElementKind kind = switch (ctx.kind.getType()) {
            case SafeCaseParser.CONTEXT -> Decl.ElementKind.CONTEXT;
            case SafeCaseParser.JUSTIFICATION -> Decl.ElementKind.JUSTIFICATION;
            case SafeCaseParser.ASSUMPTION -> Decl.ElementKind.ASSUMPTION;
            case SafeCaseParser.CLAIM -> Decl.ElementKind.CLAIM;
            case SafeCaseParser.STRATEGY -> Decl.ElementKind.STRATEGY;
            case SafeCaseParser.EVIDENCE -> Decl.ElementKind.EVIDENCE;
            default -> Decl.ElementKind.DEFEATER;
        };
        List<Clause> clauses = new ArrayList<>();
        for (ClauseContext c : ctx.clause()) clauses.add(clause(c));
        Optional<Decl.IndexDecl> index = Optional.ofNullable(ctx.indexDecl()).map(i -> new Decl.IndexDecl(pos(i),
                ident(i.ident()), Optional.ofNullable(i.qname()).map(this::qname)));
        return new Decl.Element(pos(ctx), kind, qname(ctx.qname()), index, Optional.ofNullable(ctx.text()).map(this::text),
                Optional.ofNullable(ctx.expr()).map(this::expr), clauses);
    }

    private Clause clause(ClauseContext ctx) {
        Position p = pos(ctx);
        if (ctx instanceof ContextClauseContext c) return refs(p, Clause.Kind.CONTEXT, c.refList());
        if (ctx instanceof AssumingClauseContext c) return refs(p, Clause.Kind.ASSUMING, c.refList());
        if (ctx instanceof JustifiedClauseContext c) return refs(p, Clause.Kind.JUSTIFIED_BY, c.refList());
        if (ctx instanceof SupportedClauseContext c) {
            return new Clause.Support(p, Clause.Kind.SUPPORTED_BY, c.supportItem().stream().map(this::supportItem).toList());
        }
        if (ctx instanceof WhenClauseContext c) return new Clause.When(p, Clause.Kind.WHEN, c.NOT() != null, ident(c.ident()));
        if (ctx instanceof EliminatedClauseContext c) return refs(p, Clause.Kind.ELIMINATED_BY, c.refList());
        if (ctx instanceof UndevelopedClauseContext) return new Clause.Flag(p, Clause.Kind.UNDEVELOPED);
        if (ctx instanceof AssertedClauseContext c) return new Clause.Str(p, Clause.Kind.ASSERTED, text(c.text()));
        if (ctx instanceof OwnerClauseContext c) return new Clause.Str(p, Clause.Kind.OWNER, text(c.text()));
        if (ctx instanceof AcceptedClauseContext c) return new Clause.Str(p, Clause.Kind.ACCEPTED, text(c.text()));
        if (ctx instanceof FileClauseContext c) return new Clause.Str(p, Clause.Kind.FILE, text(c.text()));
        if (ctx instanceof ShaClauseContext c) return new Clause.Str(p, Clause.Kind.SHA256, text(c.text()));
        if (ctx instanceof RebutsClauseContext c) {
            return new Clause.Target(p, Clause.Kind.REBUTS, nodeRef(c.nodeRef()), Optional.empty());
        }
        if (ctx instanceof UndercutsClauseContext c) {
            Optional<NodeRef> relation = c.nodeRef().size() > 1 ? Optional.of(nodeRef(c.nodeRef(1))) : Optional.empty();
            return new Clause.Target(p, Clause.Kind.UNDERCUTS, nodeRef(c.nodeRef(0)), relation);
        }
        if (ctx instanceof UnderminesClauseContext c) {
            return new Clause.Target(p, Clause.Kind.UNDERMINES, nodeRef(c.nodeRef()), Optional.empty());
        }
        if (ctx instanceof ExpiresClauseContext c) {
            return new Clause.Expires(p, Clause.Kind.EXPIRES, c.DATE().getText(), pos(c.DATE().getSymbol()));
        }
        if (ctx instanceof DoubtClauseContext d) return new Clause.Doubt(p, Clause.Kind.DOUBT, expr(d.expr()));
        GivesClauseContext g = (GivesClauseContext) ctx;
        return new Clause.Gives(p, Clause.Kind.GIVES, g.expr().stream().map(this::expr).toList());
    }

    private Clause.Refs refs(Position p, Clause.Kind kind, RefListContext ctx) {
        return new Clause.Refs(p, kind, ctx.nodeRef().stream().map(this::nodeRef).toList());
    }

    private Clause.SupportItem supportItem(SupportItemContext ctx) {
        if (ctx instanceof PlainItemContext c) return new Clause.Plain(pos(c), nodeRef(c.nodeRef()));
        if (ctx instanceof AnyOfItemContext c) {
            return new Clause.Choice(pos(c), true, "any", pos(c), c.refList().nodeRef().stream().map(this::nodeRef).toList());
        }
        CountOfItemContext c = (CountOfItemContext) ctx;
        return new Clause.Choice(pos(c), false, c.NUMBER().getText(), pos(c.NUMBER().getSymbol()),
                c.refList().nodeRef().stream().map(this::nodeRef).toList());
    }

    private NodeRef nodeRef(NodeRefContext ctx) {
        Optional<NodeRef.Index> index = Optional.empty();
        if (ctx.STAR() != null) index = Optional.of(new NodeRef.All(pos(ctx.STAR().getSymbol())));
        else if (ctx.LBRACK() != null) {
            Name m = qname(ctx.qname(1));
            index = Optional.of(new NodeRef.Member(m.pos(), m));
        }
        return new NodeRef(pos(ctx), qname(ctx.qname(0)), index);
    }

    private Decl.Pattern patternDecl(PatternDeclContext ctx) {
        List<Decl.Param> params = new ArrayList<>();
        for (ParamContext pc : ctx.param()) {
            if (pc.qname() != null) {
                params.add(new Decl.Param(pos(pc), pc.ident().getText(), Decl.ParamType.ENUM, Optional.of(qname(pc.qname()))));
                continue;
            }
            Decl.ParamType t = switch (pc.paramType.getType()) {
                case SafeCaseParser.TEXT -> Decl.ParamType.TEXT;
                case SafeCaseParser.PROBABILITY -> Decl.ParamType.PROBABILITY;
                case SafeCaseParser.REAL -> Decl.ParamType.REAL;
                case SafeCaseParser.INT -> Decl.ParamType.INT;
                default -> Decl.ParamType.BOOL;
            };
            params.add(new Decl.Param(pos(pc), name(pc.ident()), t));
        }
        return new Decl.Pattern(pos(ctx), ident(ctx.ident()), params, decls(ctx.decl()), pos(ctx.RBRACE().getSymbol()));
    }

    private Decl.Use useDecl(UseDeclContext ctx) {
        List<Decl.Arg> args = new ArrayList<>();
        for (ArgContext a : ctx.arg()) {
            String src = a.text() != null ? a.text().getText() : sourceOf(a.expr());
            if (a.text() != null) {
                Text t = text(a.text());
                args.add(new Decl.Arg(pos(a), name(a.ident()), Optional.of(t), Optional.empty(), t.value()));
            } else {
                args.add(new Decl.Arg(pos(a), name(a.ident()), Optional.empty(), Optional.of(expr(a.expr())), src));
            }
        }
        return new Decl.Use(pos(ctx), qname(ctx.qname()), args, ident(ctx.ident()));
    }

    /** The text of a rule as written. Token indexes count code points, so they are read from the token's own stream. */
    private static String sourceOf(ParserRuleContext ctx) {
        int a = ctx.getStart().getStartIndex();
        int b = ctx.getStop().getStopIndex();
        return ctx.getStart().getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(a, b));
    }

    private Name qname(QnameContext ctx) {
        return new Name(pos(ctx), ctx.ident().stream().map(AstBuilder::name).toList());
    }

    /** A name in its canonical spelling: {@code `top`} is {@code top}, {@code `G1.1`} stays quoted. */
    private static String name(IdentContext ctx) {
        return Identifiers.canonical(ctx.getText());
    }

    private Text text(TextContext ctx) {
        Token t = ctx.getStart();
        String raw = t.getText();
        String value = t.getType() == SafeCaseParser.LONG_STRING ? longString(raw) : shortString(raw);
        return new Text(pos(t), value);
    }

    private static String shortString(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() - 1) {
                char n = raw.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Drops the line break after the opening quotes and the indentation common to all lines. */
    static String longString(String raw) {
        String body = raw.substring(3, raw.length() - 3);
        if (body.startsWith("\r\n")) body = body.substring(2);
        else if (body.startsWith("\n")) body = body.substring(1);
        List<String> lines = body.lines().toList();
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (l.isBlank()) continue;
            int n = 0;
            while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) n++;
            indent = Math.min(indent, n);
        }
        if (indent == Integer.MAX_VALUE) indent = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            sb.append(l.length() >= indent ? l.substring(indent) : l.strip());
            if (i < lines.size() - 1) sb.append('\n');
        }
        return sb.toString().stripTrailing();
    }

    // ------------------------------------------------------------ formulas

    private Expr expr(ExprContext ctx) {
        Position p = pos(ctx);
        if (ctx instanceof IfExprContext c) return new Expr.If(p, expr(c.expr(0)), expr(c.expr(1)), expr(c.expr(2)));
        if (ctx instanceof ForallExprContext c) {
            return new Expr.Quant(p, Expr.QuantKind.FORALL, name(c.ident()), pos(c.ident()), qname(c.qname()), expr(c.expr()));
        }
        if (ctx instanceof ExistsExprContext c) {
            return new Expr.Quant(p, Expr.QuantKind.EXISTS, name(c.ident()), pos(c.ident()), qname(c.qname()), expr(c.expr()));
        }
        return iff(((PlainExprContext) ctx).iffExpr());
    }

    private Expr iff(IffExprContext ctx) {
        Expr left = impl(ctx.implExpr(0));
        if (ctx.implExpr().size() == 1) return left;
        return new Expr.Binary(pos(ctx.IFF().getSymbol()), Expr.BinOp.IFF, left, impl(ctx.implExpr(1)));
    }

    private Expr impl(ImplExprContext ctx) {
        Expr left = or(ctx.orExpr());
        if (ctx.implExpr() == null) return left;
        return new Expr.Binary(pos(ctx.IMPLIES().getSymbol()), Expr.BinOp.IMPLIES, left, impl(ctx.implExpr()));
    }

    // The list getters are fetched once: ctx.andExpr(i) scans all children, which made long chains quadratic.
    private Expr or(OrExprContext ctx) {
        List<AndExprContext> operands = ctx.andExpr();
        List<org.antlr.v4.runtime.tree.TerminalNode> ops = ctx.OR();
        Expr e = and(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            e = new Expr.Binary(pos(ops.get(i - 1).getSymbol()), Expr.BinOp.OR, e, and(operands.get(i)));
        }
        return e;
    }

    private Expr and(AndExprContext ctx) {
        List<NotExprContext> operands = ctx.notExpr();
        List<org.antlr.v4.runtime.tree.TerminalNode> ops = ctx.AND();
        Expr e = not(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            e = new Expr.Binary(pos(ops.get(i - 1).getSymbol()), Expr.BinOp.AND, e, not(operands.get(i)));
        }
        return e;
    }

    private Expr not(NotExprContext ctx) {
        if (ctx instanceof NotOpContext c) return new Expr.Unary(pos(c), Expr.UnOp.NOT, not(c.notExpr()));
        return cmp(((NotPlainContext) ctx).cmpExpr());
    }

    private Expr cmp(CmpExprContext ctx) {
        Expr left = add(ctx.addExpr(0));
        if (ctx.op == null) return left;
        Expr.BinOp op = switch (ctx.op.getType()) {
            case SafeCaseParser.EQEQ -> Expr.BinOp.EQ;
            case SafeCaseParser.NEQ -> Expr.BinOp.NE;
            case SafeCaseParser.LT -> Expr.BinOp.LT;
            case SafeCaseParser.LE -> Expr.BinOp.LE;
            case SafeCaseParser.GT -> Expr.BinOp.GT;
            default -> Expr.BinOp.GE;
        };
        return new Expr.Binary(pos(ctx.op), op, left, add(ctx.addExpr(1)));
    }

    private Expr add(AddExprContext ctx) {
        List<MulExprContext> operands = ctx.mulExpr();
        Expr e = mul(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            Token op = ctx.ops.get(i - 1);
            e = new Expr.Binary(pos(op), op.getType() == SafeCaseParser.PLUS ? Expr.BinOp.ADD : Expr.BinOp.SUB, e,
                    mul(operands.get(i)));
        }
        return e;
    }

    private Expr mul(MulExprContext ctx) {
        List<MulOperandContext> operands = ctx.mulOperand();
        Expr e = mulOperand(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            Token op = ctx.ops.get(i - 1);
            e = new Expr.Binary(pos(op), op.getType() == SafeCaseParser.STAR ? Expr.BinOp.MUL : Expr.BinOp.DIV, e,
                    mulOperand(operands.get(i)));
        }
        return e;
    }

    private Expr mulOperand(MulOperandContext ctx) {
        if (ctx instanceof SumOperandContext c) {
            return new Expr.Quant(pos(c), Expr.QuantKind.SUM, name(c.ident()), pos(c.ident()), qname(c.qname()), mul(c.mulExpr()));
        }
        return unary(((UnaryOperandContext) ctx).unary());
    }

    private Expr unary(UnaryContext ctx) {
        if (ctx instanceof NegateContext c) return new Expr.Unary(pos(c), Expr.UnOp.NEG, unary(c.unary()));
        return primary(((UnaryPlainContext) ctx).primary());
    }

    private Expr primary(PrimaryContext ctx) {
        Position p = pos(ctx);
        if (ctx instanceof NumberLitContext) return number(p, ctx.getText());
        if (ctx instanceof TrueLitContext) return new Expr.Bool(p, true);
        if (ctx instanceof FalseLitContext) return new Expr.Bool(p, false);
        if (ctx instanceof DateLitContext) return new Expr.DateLit(p, ctx.getText());
        if (ctx instanceof StringLitContext) return new Expr.Str(p, shortString(ctx.getText()));
        if (ctx instanceof CallContext c) {
            return new Expr.Call(p, qname(c.qname()), c.expr().stream().map(this::expr).toList());
        }
        if (ctx instanceof RefContext c) {
            return new Expr.Ref(p, qname(c.qname()), Optional.ofNullable(c.expr()).map(this::expr));
        }
        return expr(((ParenContext) ctx).expr());
    }

    private Expr number(Position p, String text) {
        boolean percent = text.endsWith("%");
        String digits = percent ? text.substring(0, text.length() - 1) : text;
        int e = Math.max(digits.indexOf('e'), digits.indexOf('E'));
        String mantissa = e < 0 ? digits : digits.substring(0, e);
        String exponent = e < 0 ? "" : digits.substring(e + 1);
        if (exponent.startsWith("+") || exponent.startsWith("-")) exponent = exponent.substring(1);
        Rational value = Rational.ZERO;
        // Both limits come before the value is computed: 1e99999999 alone would take seconds to expand.
        if (exponent.length() >= 5) {
            diags.error(Code.SC102, p, "number '" + text + "' has an exponent too large to be useful");
        } else if (significantDigits(mantissa) > MAX_DIGITS) {
            diags.error(Code.SC102, p, "number has " + significantDigits(mantissa) + " significant digits; at most "
                    + MAX_DIGITS + " are supported");
        } else {
            try {
                value = Rational.of(new BigDecimal(digits));
            } catch (NumberFormatException | ArithmeticException ex) {
                diags.error(Code.SC102, p, "malformed number '" + text + "'");
            }
        }
        if (percent) value = value.divide(Rational.of(100));
        return new Expr.Num(p, value, !percent && value.isInteger(), text);
    }

    private static int significantDigits(String mantissa) {
        int count = 0;
        for (int i = 0; i < mantissa.length(); i++) {
            char c = mantissa.charAt(i);
            if (c >= '1' && c <= '9' || c == '0' && count > 0) count++;
        }
        return count;
    }
}
