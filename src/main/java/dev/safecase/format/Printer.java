package dev.safecase.format;

import dev.safecase.syntax.gen.SafeCaseParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parse tree to layout document, one method per grammar rule. Every token the parser saw is
 * printed once, in order, with its comments ({@link Trivia}); only the whitespace between
 * tokens is chosen here. A rule this class does not know (a grammar addition) is printed
 * token by token with single spaces, which keeps it correct if not pretty.
 *
 * <p>The comments before the first token of a group and after its last are printed outside
 * the group ({@link #grouped}), so that a comment on its own line above a formula, or at the
 * end of its line, does not break the formula.
 */
final class Printer {
    static final int INDENT = 4;

    private final Trivia trivia;
    /** Tokens whose leading (or trailing) comments an enclosing rule has already printed. */
    private final Set<Integer> leadDone = new HashSet<>();
    private final Set<Integer> trailDone = new HashSet<>();

    Printer(Trivia trivia) {
        this.trivia = trivia;
    }

    Doc file(FileContext ctx) {
        Doc.Builder b = new Doc.Builder();
        if (ctx.caseHeader() != null) b.add(caseHeader(ctx.caseHeader()));
        for (DeclContext d : ctx.decl()) b.add(decl(d));
        b.add(leadingComments(ctx.EOF().getSymbol()));
        return b.build();
    }

    // ------------------------------------------------------------ tokens and comments

    /** A token inside a line: its leading comments (each on its own line), its text, its trailing comments. */
    /** A {@code public} or {@code private} waiting for the keyword of its declaration (see {@link #tokLine(Token)}). */
    private Token modifier;

    private Doc tok(Token t) {
        return Doc.cat(leadingComments(t), Doc.text(t.getText()), trailingComments(t));
    }

    private Doc tok(TerminalNode n) {
        return tok(n.getSymbol());
    }

    /** A token that starts a line: a blank line before it (or its comments) is kept. */
    private Doc tokLine(Token t) {
        if (modifier != null) {
            // `public` / `private` before a declaration: the line starts with it, the keyword follows on the same line
            Token m = modifier;
            modifier = null;
            return Doc.cat(tokLine(m), Doc.SPACE, tok(t));
        }
        return Doc.cat(Doc.NEW_LINE, leadingComments(t), trivia.blankBefore(t) ? Doc.BLANK_LINE : Doc.NEW_LINE,
                Doc.text(t.getText()), trailingComments(t));
    }

    private Doc tokLine(TerminalNode n) {
        return tokLine(n.getSymbol());
    }

    /** A closing token on its own line; its leading comments stay inside the block ({@code indent} deeper). */
    private Doc closing(Token t, int indent) {
        return Doc.cat(Doc.nest(indent, leadingComments(t)), Doc.NEW_LINE, Doc.text(t.getText()), trailingComments(t));
    }

    private Doc leadingComments(Token t) {
        List<Trivia.Leading> cs = trivia.leading(t);
        if (cs.isEmpty() || !leadDone.add(t.getTokenIndex())) return Doc.EMPTY;
        Doc.Builder b = new Doc.Builder();
        for (Trivia.Leading c : cs) {
            b.add(c.blankBefore() ? Doc.BLANK_LINE : Doc.NEW_LINE).text(c.text()).add(c.breakAfter() ? Doc.NEW_LINE : Doc.SPACE);
        }
        return b.build();
    }

    private Doc trailingComments(Token t) {
        List<Trivia.Trailing> cs = trivia.trailing(t);
        if (cs.isEmpty() || !trailDone.add(t.getTokenIndex())) return Doc.EMPTY;
        Doc.Builder b = new Doc.Builder();
        for (Trivia.Trailing c : cs) {
            b.space().add(Doc.comment(c.text()));
            b.add(c.line() ? Doc.NEW_LINE : Doc.SPACE);
        }
        return b.build();
    }

    /** The comments before {@code first} and after {@code last} go outside what {@code body} builds. */
    private Doc grouped(Token first, Token last, Supplier<Doc> body) {
        Doc lead = leadingComments(first);
        boolean trailing = !trivia.trailing(last).isEmpty() && !trailDone.contains(last.getTokenIndex());
        if (trailing) trailDone.add(last.getTokenIndex());
        Doc inner = body.get();
        if (!trailing) return Doc.cat(lead, inner);
        trailDone.remove(last.getTokenIndex());
        return Doc.cat(lead, inner, trailingComments(last));
    }

    private Doc grouped(ParserRuleContext ctx, Supplier<Doc> body) {
        return grouped(ctx.getStart(), ctx.getStop(), body);
    }

    /** Any rule this printer has no layout for: its tokens in order, one space apart. */
    private Doc generic(ParseTree tree) {
        if (tree instanceof TerminalNode n) return n.getSymbol().getType() == Token.EOF ? leadingComments(n.getSymbol()) : tok(n);
        Doc.Builder b = new Doc.Builder();
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (i > 0) b.space();
            b.add(generic(tree.getChild(i)));
        }
        return b.build();
    }

    /** The tokens of a rule exactly as written, comments and line breaks included. */
    private Doc verbatim(ParserRuleContext ctx) {
        Token a = ctx.getStart();
        Token z = ctx.getStop();
        String raw = a.getInputStream().getText(Interval.of(a.getStartIndex(), z.getStopIndex()));
        return Doc.cat(leadingComments(a), Doc.text(raw), trailingComments(z));
    }

    /** What follows a declaration's first keyword: a line it has to break goes on indented. */
    private static Doc tail(Doc... parts) {
        return Doc.nest(INDENT, Doc.cat(parts));
    }

    // ------------------------------------------------------------ declarations

    private Doc caseHeader(CaseHeaderContext ctx) {
        return Doc.cat(tokLine(ctx.CASE()), tail(Doc.SPACE, ident(ctx.ident()), Doc.SPACE, text(ctx.text())));
    }

    private Doc decl(DeclContext ctx) {
        modifier = ctx.visibility;
        ParseTree d = ctx.getChild(ctx.visibility == null ? 0 : 1);
        if (d instanceof ImportDeclContext c) return importDecl(c);
        if (d instanceof EnumDeclContext c) return enumDecl(c);
        if (d instanceof QuantityDeclContext c) return quantityDecl(c);
        if (d instanceof DefineDeclContext c) return defineDecl(c);
        if (d instanceof ElementContext c) return element(c);
        if (d instanceof PatternDeclContext c) return patternDecl(c);
        if (d instanceof UseDeclContext c) return useDecl(c);
        return Doc.cat(Doc.NEW_LINE, generic(d));
    }

    private Doc importDecl(ImportDeclContext ctx) {
        Doc.Builder b = new Doc.Builder().space().add(qname(ctx.qname()));
        if (ctx.AS() != null) b.space().add(tok(ctx.AS())).space().add(ident(ctx.ident()));
        return Doc.cat(tokLine(ctx.IMPORT()), tail(b.build()));
    }

    private Doc enumDecl(EnumDeclContext ctx) {
        List<IdentContext> ids = ctx.ident();
        List<TerminalNode> commas = ctx.COMMA();
        Token open = ctx.LBRACE().getSymbol();
        Token close = ctx.RBRACE().getSymbol();
        Doc body = grouped(open, close, () -> {
            Doc.Builder members = new Doc.Builder();
            for (int i = 1; i < ids.size(); i++) {
                members.add(Doc.LINE).add(ident(ids.get(i)));
                if (i - 1 < commas.size()) members.add(tok(commas.get(i - 1)));
            }
            members.add(leadingComments(close));
            return Doc.group(Doc.cat(Doc.text(open.getText()), trailingComments(open), Doc.nest(INDENT, members.build()),
                    Doc.LINE, Doc.text(close.getText())));
        });
        return Doc.cat(tokLine(ctx.ENUM()), tail(Doc.SPACE, ident(ids.get(0))), Doc.SPACE, body);
    }

    private Doc quantityDecl(QuantityDeclContext ctx) {
        Doc.Builder b = new Doc.Builder().space().add(ident(ctx.ident(0)));
        if (ctx.LBRACK() != null) {
            b.add(tok(ctx.LBRACK())).add(ident(ctx.ident(1))).space().add(tok(ctx.IN())).space()
                    .add(qname(ctx.qname())).add(tok(ctx.RBRACK()));
        }
        b.space().add(tok(ctx.COLON())).space().add(typeRef(ctx.typeRef()));
        if (ctx.text() != null) b.space().add(text(ctx.text()));
        return Doc.cat(tokLine(ctx.QUANTITY()), tail(b.build()));
    }

    private Doc typeRef(TypeRefContext ctx) {
        if (ctx instanceof IntTypeContext c) return numberType(tok(c.INT()), c.IN(), c.range());
        if (ctx instanceof RealTypeContext c) return numberType(tok(c.REAL()), c.IN(), c.range());
        if (ctx instanceof EnumTypeContext c) return qname(c.qname());
        return generic(ctx);
    }

    private Doc numberType(Doc keyword, TerminalNode in, RangeContext range) {
        if (range == null) return keyword;
        return Doc.cat(keyword, Doc.SPACE, tok(in), Doc.SPACE, range(range));
    }

    private Doc range(RangeContext ctx) {
        return Doc.cat(tok(ctx.LBRACK()), expr(ctx.expr(0)), tok(ctx.COMMA()), Doc.SPACE, expr(ctx.expr(1)), tok(ctx.RBRACK()));
    }

    private Doc defineDecl(DefineDeclContext ctx) {
        Doc.Builder head = new Doc.Builder().add(ident(ctx.ident(0)));
        if (ctx.LBRACK() != null) {
            head.add(tok(ctx.LBRACK())).add(ident(ctx.ident(1))).space().add(tok(ctx.IN())).space().add(qname(ctx.qname()))
                    .add(tok(ctx.RBRACK()));
        }
        Doc value = ctx.expr() != null ? formulaAfter(ctx.expr()) : Doc.cat(Doc.SPACE, table(ctx.table()));
        return Doc.cat(tokLine(ctx.DEFINE()), tail(Doc.SPACE, head.build(), Doc.SPACE, tok(ctx.EQ()), value));
    }

    /** {@code { fire: 1%, flood: 2% }}: flat when it fits, else one member a line. */
    private Doc table(TableContext ctx) {
        return list(ctx.LBRACE().getSymbol(), ctx.tableEntry(), ctx.COMMA(), this::tableEntry, ctx.RBRACE().getSymbol());
    }

    private Doc tableEntry(TableEntryContext ctx) {
        return Doc.cat(ident(ctx.ident()), tok(ctx.COLON()), Doc.SPACE, expr(ctx.expr()));
    }

    /** A formula after {@code :} or {@code =} (in a {@link #tail}): on the same line when it fits, else indented on the next. */
    private Doc formulaAfter(ExprContext e) {
        return grouped(e, () -> Doc.group(Doc.cat(Doc.LINE, expr(e))));
    }

    /**
     * {@code kind id "text": formula} and its clauses, each on its own line; a node with one
     * clause keeps it on its line when the whole node fits there.
     */
    private Doc element(ElementContext ctx) {
        Doc keyword = tokLine(ctx.kind); // first: it takes a pending `public` / `private`
        Doc body = grouped(ctx.qname().getStart(), ctx.getStop(), () -> Doc.group(elementBody(ctx)));
        return Doc.cat(keyword, tail(Doc.SPACE, body));
    }

    private Doc elementBody(ElementContext ctx) {
        Doc.Builder head = new Doc.Builder().add(qname(ctx.qname()));
        if (ctx.indexDecl() != null) head.add(indexDecl(ctx.indexDecl()));
        if (ctx.text() != null) head.space().add(text(ctx.text()));
        if (ctx.COLON() != null) head.add(tok(ctx.COLON())).add(formulaAfter(ctx.expr()));
        List<ClauseContext> clauses = ctx.clause();
        if (clauses.size() == 1) head.add(clause(clauses.get(0), false));
        else for (ClauseContext c : clauses) head.add(clause(c, true));
        return head.build();
    }

    /** A clause: its keywords, then a name list, a text, a name, a date or facts; on its own line, or after a possible break. */
    private Doc clause(ClauseContext ctx, boolean ownLine) {
        ParseTree head = ctx.getChild(0);
        Doc first;
        if (head instanceof TerminalNode n) first = ownLine ? tokLine(n) : Doc.cat(Doc.LINE, tok(n));
        else first = Doc.cat(Doc.NEW_LINE, generic(head));
        if (ctx instanceof GivesClauseContext g) return Doc.cat(first, gives(g));
        if (ctx instanceof SupportedClauseContext s) return Doc.cat(first, Doc.SPACE, tok(s.BY()), Doc.nest(INDENT, supportItems(s)));
        Doc.Builder rest = new Doc.Builder();
        for (int i = 1; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            rest.space();
            if (child instanceof TerminalNode n) rest.add(tok(n));
            else if (child instanceof RefListContext r) rest.add(refList(r));
            else if (child instanceof TextContext t) rest.add(text(t));
            else if (child instanceof QnameContext q) rest.add(qname(q));
            else if (child instanceof NodeRefContext r) rest.add(nodeRef(r));
            else rest.add(generic(child));
        }
        return Doc.cat(first, Doc.nest(INDENT, rest.build()));
    }

    private Doc refList(RefListContext ctx) {
        return commaList(ctx, ctx.nodeRef(), ctx.COMMA(), this::nodeRef);
    }

    /** {@code supported by} items after the keywords: plain references and choices, broken like a name list. */
    private Doc supportItems(SupportedClauseContext ctx) {
        return Doc.cat(Doc.SPACE, commaList(ctx, ctx.supportItem(), ctx.COMMA(), this::supportItem));
    }

    private Doc supportItem(SupportItemContext ctx) {
        if (ctx instanceof PlainItemContext p) return nodeRef(p.nodeRef());
        if (ctx instanceof AnyOfItemContext a) {
            return Doc.cat(tok(a.ANY()), Doc.SPACE, tok(a.OF()), Doc.SPACE, tok(a.LPAREN()), refList(a.refList()), tok(a.RPAREN()));
        }
        CountOfItemContext c = (CountOfItemContext) ctx;
        return Doc.cat(tok(c.NUMBER()), Doc.SPACE, tok(c.OF()), Doc.SPACE, tok(c.LPAREN()), refList(c.refList()), tok(c.RPAREN()));
    }

    /** Items with commas: flat when they fit, else broken after the commas. */
    private <T extends ParserRuleContext> Doc commaList(ParserRuleContext ctx, List<T> items, List<TerminalNode> commas,
                                                        java.util.function.Function<T, Doc> item) {
        return grouped(ctx, () -> {
            Doc.Builder rest = new Doc.Builder();
            for (int i = 1; i < items.size(); i++) rest.add(tok(commas.get(i - 1))).add(Doc.LINE).add(item.apply(items.get(i)));
            return Doc.group(Doc.cat(item.apply(items.get(0)), rest.build()));
        });
    }

    /** {@code x}, {@code x[*]}, {@code x[member]}: no spaces inside. */
    private Doc nodeRef(NodeRefContext ctx) {
        if (ctx.LBRACK() == null) return qname(ctx.qname(0));
        Doc index = ctx.STAR() != null ? tok(ctx.STAR()) : qname(ctx.qname(1));
        return Doc.cat(qname(ctx.qname(0)), tok(ctx.LBRACK()), index, tok(ctx.RBRACK()));
    }

    /** {@code [h in Hazard]} or {@code [collision]} after a node's name. */
    private Doc indexDecl(IndexDeclContext ctx) {
        Doc.Builder b = new Doc.Builder().add(tok(ctx.LBRACK())).add(ident(ctx.ident()));
        if (ctx.IN() != null) b.space().add(tok(ctx.IN())).space().add(qname(ctx.qname()));
        return b.add(tok(ctx.RBRACK())).build();
    }

    /** The facts of a {@code gives}, one a line when they do not fit on one, aligned after the keyword. */
    private Doc gives(GivesClauseContext ctx) {
        List<ExprContext> facts = ctx.expr();
        List<TerminalNode> commas = ctx.COMMA();
        Doc list = grouped(facts.get(0).getStart(), facts.get(facts.size() - 1).getStop(), () -> {
            Doc.Builder b = new Doc.Builder().add(expr(facts.get(0)));
            for (int i = 1; i < facts.size(); i++) b.add(tok(commas.get(i - 1))).add(Doc.LINE).add(expr(facts.get(i)));
            return Doc.align(Doc.group(b.build()));
        });
        return Doc.cat(Doc.SPACE, list);
    }

    private Doc patternDecl(PatternDeclContext ctx) {
        Doc keyword = tokLine(ctx.PATTERN()); // first: it takes a pending `public` / `private`
        Doc name = tail(Doc.SPACE, ident(ctx.ident()));
        List<ParamContext> params = ctx.param();
        Doc paramDoc = list(ctx.LPAREN().getSymbol(), params, ctx.COMMA(), this::param, ctx.RPAREN().getSymbol());
        Doc open = tail(Doc.SPACE, tok(ctx.LBRACE()));
        Doc.Builder body = new Doc.Builder();
        for (DeclContext d : ctx.decl()) body.add(decl(d));
        return Doc.cat(keyword, name, paramDoc, open, Doc.nest(INDENT, body.build()), closing(ctx.RBRACE().getSymbol(), INDENT));
    }

    /** {@code (a, b, c)}: flat when it fits, else one item a line, indented, and the bracket on its own line. */
    private <T extends ParserRuleContext> Doc list(Token open, List<T> items, List<TerminalNode> commas,
                                                   java.util.function.Function<T, Doc> item, Token close) {
        if (items.isEmpty()) return Doc.cat(tok(open), tok(close));
        Doc inner = grouped(items.get(0).getStart(), items.get(items.size() - 1).getStop(), () -> {
            Doc.Builder b = new Doc.Builder();
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) b.add(tok(commas.get(i - 1)));
                b.add(i == 0 ? Doc.SOFT_LINE : Doc.LINE).add(item.apply(items.get(i)));
            }
            if (commas.size() == items.size()) b.add(tok(commas.get(items.size() - 1))); // a trailing comma, as written
            return b.build();
        });
        Doc closeLead = leadingComments(close);
        return Doc.group(Doc.cat(tok(open), Doc.nest(INDENT, Doc.cat(inner, closeLead)), Doc.SOFT_LINE,
                Doc.text(close.getText()), trailingComments(close)));
    }

    private Doc param(ParamContext ctx) {
        Doc type = ctx.paramType != null ? tok(ctx.paramType) : qname(ctx.qname());
        return Doc.cat(ident(ctx.ident()), tok(ctx.COLON()), Doc.SPACE, type);
    }

    private Doc useDecl(UseDeclContext ctx) {
        Doc argDoc = list(ctx.LPAREN().getSymbol(), ctx.arg(), ctx.COMMA(), this::arg, ctx.RPAREN().getSymbol());
        return Doc.cat(tokLine(ctx.USE()), tail(Doc.SPACE, qname(ctx.qname())), argDoc,
                tail(Doc.SPACE, tok(ctx.AS()), Doc.SPACE, ident(ctx.ident())));
    }

    /**
     * A formula argument is printed as written: its text is what {name} interpolates in the
     * pattern's texts, so even its spacing is part of its meaning.
     */
    private Doc arg(ArgContext ctx) {
        Doc value = ctx.text() != null ? text(ctx.text()) : verbatim(ctx.expr());
        return Doc.cat(ident(ctx.ident()), tok(ctx.COLON()), Doc.SPACE, value);
    }

    private Doc text(TextContext ctx) {
        return tok(ctx.getStart());
    }

    private Doc ident(IdentContext ctx) {
        return tok(ctx.getStart());
    }

    private Doc qname(QnameContext ctx) {
        List<IdentContext> ids = ctx.ident();
        List<TerminalNode> dots = ctx.DOT();
        Doc.Builder b = new Doc.Builder().add(ident(ids.get(0)));
        for (int i = 1; i < ids.size(); i++) b.add(tok(dots.get(i - 1))).add(ident(ids.get(i)));
        return b.build();
    }

    // ------------------------------------------------------------ formulas

    Doc expr(ExprContext ctx) {
        return grouped(ctx, () -> {
            if (ctx instanceof PlainExprContext c) return iff(c.iffExpr());
            if (ctx instanceof IfExprContext c) {
                return Doc.align(Doc.group(Doc.cat(tok(c.IF()), Doc.SPACE, expr(c.expr(0)), Doc.LINE, tok(c.THEN()), Doc.SPACE,
                        expr(c.expr(1)), Doc.LINE, tok(c.ELSE()), Doc.SPACE, expr(c.expr(2)))));
            }
            if (ctx instanceof ForallExprContext c) return quantifier(tok(c.FORALL()), c.ident(), c.IN(), c.qname(), c.COLON(), c.expr());
            if (ctx instanceof ExistsExprContext c) return quantifier(tok(c.EXISTS()), c.ident(), c.IN(), c.qname(), c.COLON(), c.expr());
            return generic(ctx);
        });
    }

    private Doc quantifier(Doc keyword, IdentContext var, TerminalNode in, QnameContext en, TerminalNode colon, ExprContext body) {
        return Doc.align(Doc.group(Doc.cat(keyword, Doc.SPACE, ident(var), Doc.SPACE, tok(in), Doc.SPACE, qname(en), tok(colon),
                Doc.nest(INDENT, Doc.cat(Doc.LINE, expr(body))))));
    }

    /** {@code a op b op c}: flat when it fits, else one operand a line, each after its operator. */
    private <T extends ParserRuleContext> Doc chain(ParserRuleContext ctx, List<T> operands,
                                                    java.util.function.Function<T, Doc> operand, List<Token> ops) {
        if (ops.isEmpty()) return operand.apply(operands.get(0));
        return grouped(ctx, () -> {
            Doc.Builder rest = new Doc.Builder();
            Doc first = operand.apply(operands.get(0));
            for (int i = 0; i < ops.size(); i++) rest.add(Doc.LINE).add(tok(ops.get(i))).space().add(operand.apply(operands.get(i + 1)));
            return Doc.align(Doc.group(Doc.cat(first, Doc.nest(INDENT, rest.build()))));
        });
    }

    private Doc iff(IffExprContext ctx) {
        return chain(ctx, ctx.implExpr(), this::impl, ctx.IFF() == null ? List.of() : List.of(ctx.IFF().getSymbol()));
    }

    /** {@code a => b => c} nests to the right; its operators are printed as one chain. */
    private Doc impl(ImplExprContext ctx) {
        List<OrExprContext> operands = new ArrayList<>();
        List<Token> ops = new ArrayList<>();
        ImplExprContext c = ctx;
        while (true) {
            operands.add(c.orExpr());
            if (c.implExpr() == null) break;
            ops.add(c.IMPLIES().getSymbol());
            c = c.implExpr();
        }
        return chain(ctx, operands, this::or, ops);
    }

    private Doc or(OrExprContext ctx) {
        return chain(ctx, ctx.andExpr(), this::and, symbols(ctx.OR()));
    }

    private Doc and(AndExprContext ctx) {
        return chain(ctx, ctx.notExpr(), this::not, symbols(ctx.AND()));
    }

    private Doc not(NotExprContext ctx) {
        if (ctx instanceof NotOpContext c) return Doc.cat(tok(c.NOT()), Doc.SPACE, not(c.notExpr()));
        if (ctx instanceof NotPlainContext c) return cmp(c.cmpExpr());
        return generic(ctx);
    }

    /** A comparison does not break at its operator: its sides (a call, a sum) break instead. */
    private Doc cmp(CmpExprContext ctx) {
        if (ctx.op == null) return add(ctx.addExpr(0));
        return Doc.cat(add(ctx.addExpr(0)), Doc.SPACE, tok(ctx.op), Doc.SPACE, add(ctx.addExpr(1)));
    }

    private Doc add(AddExprContext ctx) {
        return chain(ctx, ctx.mulExpr(), this::mul, ctx.ops);
    }

    private Doc mul(MulExprContext ctx) {
        return chain(ctx, ctx.mulOperand(), this::mulOperand, ctx.ops);
    }

    private Doc mulOperand(MulOperandContext ctx) {
        if (ctx instanceof SumOperandContext c) {
            return Doc.cat(tok(c.SUM()), tok(c.LPAREN()), ident(c.ident()), Doc.SPACE, tok(c.IN()), Doc.SPACE, qname(c.qname()),
                    tok(c.RPAREN()), Doc.SPACE, mul(c.mulExpr()));
        }
        if (ctx instanceof UnaryOperandContext c) return unary(c.unary());
        return generic(ctx);
    }

    private Doc unary(UnaryContext ctx) {
        if (ctx instanceof NegateContext c) return Doc.cat(tok(c.MINUS()), unary(c.unary()));
        if (ctx instanceof UnaryPlainContext c) return primary(c.primary());
        return generic(ctx);
    }

    private Doc primary(PrimaryContext ctx) {
        if (ctx instanceof CallContext c) {
            List<ExprContext> args = c.expr();
            List<TerminalNode> commas = c.COMMA();
            if (args.isEmpty()) return Doc.cat(qname(c.qname()), tok(c.LPAREN()), tok(c.RPAREN()));
            Doc list = grouped(args.get(0).getStart(), args.get(args.size() - 1).getStop(), () -> {
                Doc.Builder b = new Doc.Builder();
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) b.add(tok(commas.get(i - 1))).add(Doc.LINE);
                    b.add(expr(args.get(i)));
                }
                return Doc.align(Doc.group(b.build()));
            });
            return Doc.cat(qname(c.qname()), tok(c.LPAREN()), list, tok(c.RPAREN()));
        }
        if (ctx instanceof RefContext c) {
            if (c.LBRACK() == null) return qname(c.qname());
            return Doc.cat(qname(c.qname()), tok(c.LBRACK()), expr(c.expr()), tok(c.RBRACK()));
        }
        if (ctx instanceof ParenContext c) return Doc.cat(tok(c.LPAREN()), Doc.align(expr(c.expr())), tok(c.RPAREN()));
        return generic(ctx);
    }

    private static List<Token> symbols(List<TerminalNode> nodes) {
        List<Token> out = new ArrayList<>(nodes.size());
        for (TerminalNode n : nodes) out.add(n.getSymbol());
        return out;
    }
}
