package dev.safecase.check;

import dev.safecase.stats.Deadline;
import java.util.function.Supplier;
import dev.safecase.ast.Decl;
import dev.safecase.ast.Expr;
import dev.safecase.ast.FormulaDepth;
import dev.safecase.ast.Name;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.model.Model;
import dev.safecase.syntax.Parser;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves and type-checks formulas: Expr to Term. Names, operators and types are here;
 * built-in calls are in {@link Calls}, quantifiers and indexed quantities in {@link Quantifiers}.
 * Defines are inlined ({@link #defineTerm}); constant arithmetic is folded exactly.
 */
final class Formulas {
    /**
     * What a formula is checked against: the scope its names resolve in, its place, the claim
     * whose formula it is (claims it names feed the claim-formula cycle check), and where in it
     * rounded built-ins may stand.
     */
    record Context(Scope scope, Place place, Optional<String> owner, Map<Expr, Calls.Polarity> rounded) {
        Context in(Scope inner) {
            return new Context(inner, place, owner, rounded);
        }
    }

    /**
     * Bits a folded constant's numerator or denominator may have: far above any literal
     * ({@code 1e9999} has 33,220), and small enough that exact arithmetic on it stays instant.
     */
    static final int MAX_CONSTANT_BITS = 65_536;

    private final Diagnostics diags;
    private final Quantities quantities;
    private final Defines defines;
    private final Calls calls;
    private final Quantifiers quantifiers;
    private final IndexedDefines indexedDefines;
    private final Dag dag = new Dag();
    private final Map<String, Set<String>> claimsNamed = new LinkedHashMap<>();
    private final IndexedNodes indexed;
    /** Instance nodes that a false {@code when} left out (set once the patterns are instantiated). */
    private Set<String> excluded = Set.of();
    /** The built-ins evaluated in the current gives fact. */
    private final List<Model.Bound> bounds = new ArrayList<>();
    /** How many checks are running inside one another (a range bound checked for a formula's quantity, …). */
    private int level;

    Formulas(Diagnostics diags, Texts texts, Supplier<Deadline> deadlines) {
        this.diags = diags;
        this.quantities = new Quantities(this, texts, diags);
        this.defines = new Defines(this, diags);
        this.calls = new Calls(this, diags, deadlines);
        this.quantifiers = new Quantifiers(this, diags);
        this.indexed = new IndexedNodes(diags);
        this.indexedDefines = new IndexedDefines(this, diags);
    }

    IndexedNodes indexed() {
        return indexed;
    }

    void excluded(Set<String> ids) {
        this.excluded = Set.copyOf(ids);
    }

    Quantities quantities() {
        return quantities;
    }

    Defines defines() {
        return defines;
    }

    /** For each claim, the claims its formula names (also through defines), for the claim-formula cycle check. */
    Map<String, Set<String>> claimsNamed() {
        return claimsNamed;
    }

    int level() {
        return level;
    }

    // ------------------------------------------------------------ entry points

    /** A top-level bool formula (claim, assumption, defeater); {@code owner} is the claim it belongs to. */
    Optional<Term> formula(Expr e, Scope scope, Place place, Optional<String> owner) {
        Map<Expr, Calls.Polarity> rounded = new IdentityHashMap<>();
        if (place.roundedAllowed()) Calls.markRoundedSlots(e, rounded);
        Optional<Term> t = entered(e, new Context(scope, place, owner, rounded), Optional.of(Type.BOOL));
        if (t.isEmpty()) return t;
        if (!(t.get().type() instanceof Type.Bool)) {
            diags.error(Code.SC401, e.pos(), place.what() + " must be a bool formula, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    /** One {@code gives} fact, with the statistical bounds evaluated in it. */
    Optional<Model.Fact> fact(Expr e, Scope scope, boolean evidenceHasFile) {
        bounds.clear();
        return formula(e, scope, Place.gives(evidenceHasFile), Optional.empty())
                .map(t -> new Model.Fact(t, e.pos(), List.copyOf(bounds)));
    }

    /** Any expression (range bounds, pattern arguments). */
    Optional<Term> expression(Expr e, Scope scope, Place place) {
        return entered(e, new Context(scope, place, Optional.empty(), Map.of()), Optional.empty());
    }

    /** Checks a define whole, used or not (each member of an indexed one), as a module's are. */
    void checkDefine(Scope.DefineSym d) {
        if (d.decl().isIndexed()) indexedDefines.resolveAll(d);
        else defines.use(d, Optional.empty());
    }

    /** A define's body, for {@link Defines}. */
    Optional<Term> defineBody(Scope.DefineSym d, Optional<String> owner) {
        return entered(d.decl().value(), new Context(d.scope(), Place.DEFINE, owner, Map.of()), Optional.empty());
    }

    private Optional<Term> entered(Expr e, Context at, Optional<Type> expected) {
        level++;
        try {
            Optional<Term> t = check(e, at, expected);
            return t.isPresent() && tooDeep(t.get(), e, at.place()) ? Optional.empty() : t;
        } finally {
            level--;
        }
    }

    /**
     * Later passes recurse on terms; inlined defines and expanded sums can make a term deeper than
     * any formula as written, so the same limit as the parser's applies to the result.
     */
    private boolean tooDeep(Term t, Expr e, Place place) {
        int depth = dag.depth(t);
        if (depth <= Parser.MAX_DEPTH) return false;
        diags.error(Code.SC101, FormulaDepth.start(e), place.what() + " nested too deeply once defines are inlined and sums "
                + "expanded (" + depth + " levels of operators, at most " + Parser.MAX_DEPTH + ")");
        return true;
    }

    /** The value of a constant numeric term. */
    Optional<Rational> constant(Term t) {
        return dag.constant(t);
    }

    Set<String> variables(Term t) {
        return dag.variables(t);
    }

    int depth(Term t) {
        return dag.depth(t);
    }

    boolean containsJson(Term t) {
        return dag.containsJson(t);
    }

    void evaluated(Model.Bound b) {
        bounds.add(b);
    }

    // ------------------------------------------------------------ dispatch

    Optional<Term> check(Expr e, Context at, Optional<Type> expected) {
        if (e instanceof Expr.Num n) return Optional.of(new Term.Num(n.value(), n.isInt() ? Type.INT : Type.REAL));
        if (e instanceof Expr.Bool b) return Optional.of(new Term.BoolConst(b.value()));
        if (e instanceof Expr.DateLit d) {
            String[] p = d.source().split("-");
            diags.error(Code.SC103, d.pos(), "date literal " + d.source() + " in a formula; write `"
                    + Integer.parseInt(p[0]) + " - " + Integer.parseInt(p[1]) + " - " + Integer.parseInt(p[2])
                    + "` for subtraction");
            return Optional.empty();
        }
        if (e instanceof Expr.Str s) {
            diags.error(Code.SC401, s.pos(), "a string is not a value in a formula (strings appear only in json(\"/pointer\"))");
            return Optional.empty();
        }
        if (e instanceof Expr.Ref r) return ref(r, at);
        if (e instanceof Expr.Call c) return calls.call(c, at, expected);
        if (e instanceof Expr.Unary u) return unary(u, at);
        if (e instanceof Expr.Binary b) return binary(b, at);
        if (e instanceof Expr.If i) return ite(i, at, expected);
        return quantifiers.quant((Expr.Quant) e, at);
    }

    // ------------------------------------------------------------ names

    private Optional<Term> ref(Expr.Ref r, Context at) {
        Name name = r.name();
        Scope scope = at.scope();
        Optional<Scope.Symbol> found = Resolve.symbol(name, scope);
        if (found.isEmpty()) {
            if (!name.isQualified()) {
                List<Scope.EnumSym> hits = scope.visibleEnums().stream()
                        .filter(e -> e.type().members().contains(name.first())).toList();
                if (hits.size() == 1) {
                    return indexCheck(Optional.of(new Term.EnumConst(hits.get(0).type(), name.first())), r);
                }
                if (hits.size() > 1) {
                    diags.error(Code.SC205, r.pos(), "'" + name.first() + "' is a member of several enums ("
                            + String.join(", ", hits.stream().map(h -> h.type().name()).toList()) + "); write "
                            + hits.get(0).type().name() + "." + name.first());
                    return Optional.empty();
                }
            }
            Resolve.reportUnknown(name, scope, diags);
            return Optional.empty();
        }
        Scope.Symbol sym = found.get();
        if (sym instanceof Scope.QuantitySym q) return quantifiers.quantity(q, r, at);
        if (sym instanceof Scope.IndexedNodeSym n) return indexedClaim(n, r, at);
        if (sym instanceof Scope.DefineSym d && d.decl().isIndexed()) return indexedDefines.use(d, r, at);
        return indexCheck(symbolTerm(sym, r, at), r);
    }

    private Optional<Term> symbolTerm(Scope.Symbol sym, Expr.Ref r, Context at) {
        if (sym instanceof Scope.BoundSym b) return Optional.of(new Term.EnumConst(b.type(), b.member()));
        if (sym instanceof Scope.MemberSym m) return Optional.of(new Term.EnumConst(m.type(), m.member()));
        if (sym instanceof Scope.DefineSym d) return defineTerm(d, at, r.pos());
        if (sym instanceof Scope.ParamSym p) return param(p, r.pos());
        if (sym instanceof Scope.NodeSym n && n.kind() == Model.Kind.CLAIM) return claimRef(n.id(), r, at);
        if (sym instanceof Scope.NodeSym n) {
            diags.error(Code.SC206, r.pos(), n.kind().keyword + " " + n.id()
                    + " cannot be used in a formula; only claims, bool quantities and bool defines are propositions");
        } else if (sym instanceof Scope.EnumSym en) {
            diags.error(Code.SC401, r.pos(), "enum " + en.type().name() + " is a type, not a value; write "
                    + en.type().name() + "." + en.type().members().get(0) + " for a member");
        } else {
            diags.error(Code.SC206, r.pos(), "'" + r.name().text() + "' is not a value");
        }
        return Optional.empty();
    }

    /** A claim as a proposition; a claim that a false {@code when} left out of its instance cannot be one. */
    private Optional<Term> claimRef(String id, Expr.Ref r, Context at) {
        if (excluded.contains(id)) {
            diags.error(Code.SC331, r.pos(), "claim " + id + " is left out of its instance by `when`, so it cannot be used in a "
                    + "formula");
            return Optional.empty();
        }
        at.owner().ifPresent(owner -> claimsNamed.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(id));
        return Optional.of(new Term.ClaimRef(id));
    }

    /** An indexed claim as a proposition: indexed by a member, or by an enum-valued term (one branch per member). */
    private Optional<Term> indexedClaim(Scope.IndexedNodeSym n, Expr.Ref r, Context at) {
        if (n.kind() != Model.Kind.CLAIM) {
            diags.error(Code.SC206, r.pos(), n.kind().keyword + " " + n.id()
                    + " cannot be used in a formula; only claims, bool quantities and bool defines are propositions");
            return Optional.empty();
        }
        Optional<Type.EnumType> en = indexed.enumOf(n);
        if (en.isEmpty()) return Optional.empty();
        if (r.index().isEmpty()) {
            diags.error(Code.SC411, r.pos(), "claim " + n.id() + " is indexed by " + en.get().name() + "; write " + n.id() + "["
                    + en.get().members().get(0) + "] or bind an index with forall");
            return Optional.empty();
        }
        Optional<Term> idx = check(r.index().get(), at, Optional.of(en.get()));
        if (idx.isEmpty()) return Optional.empty();
        if (!idx.get().type().equals(en.get())) {
            diags.error(Code.SC411, r.index().get().pos(), "index of " + n.id() + " must be a member of " + en.get().name()
                    + ", but this is " + idx.get().type().describe());
            return Optional.empty();
        }
        if (idx.get() instanceof Term.EnumConst c) return claimRef(IndexedNodes.id(n.id(), c.member()), r, at);
        List<String> members = en.get().members();
        Optional<Term> result = claimRef(IndexedNodes.id(n.id(), members.get(members.size() - 1)), r, at);
        for (int i = members.size() - 2; i >= 0 && result.isPresent(); i--) {
            Optional<Term> branch = claimRef(IndexedNodes.id(n.id(), members.get(i)), r, at);
            if (branch.isEmpty()) return branch;
            Term cond = new Term.Cmp(Term.CmpOp.EQ, idx.get(), new Term.EnumConst(en.get(), members.get(i)));
            result = Optional.of(new Term.Ite(cond, branch.get(), result.get(), Type.BOOL));
        }
        return result;
    }

    /**
     * Where a define is inlined: every use shares the term its body resolved to at its first use.
     * A define that reads {@code json()} may be used only where json() may stand (the gives facts
     * of evidence with a file, or another define): it reads that evidence's file.
     */
    Optional<Term> defineTerm(Scope.DefineSym d, Context at, Position use) {
        Optional<Defines.Resolved> resolved = defines.use(d, at.owner());
        resolved.ifPresent(r -> r.quantities().forEach(quantities::reRegister));
        if (resolved.isPresent() && at.place() != Place.DEFINE && !(at.place().gives() && at.place().evidenceHasFile())
                && dag.containsJson(resolved.get().term())) {
            diags.error(Code.SC408, use, "define " + d.name() + " reads json(), so it may be used only in the gives facts "
                    + "of evidence with a file (whose file it reads), not in " + at.place().what());
            return Optional.empty();
        }
        return resolved.map(Defines.Resolved::term);
    }

    private Optional<Term> indexCheck(Optional<Term> t, Expr.Ref r) {
        if (t.isPresent() && r.index().isPresent()) {
            diags.error(Code.SC411, r.pos(), "'" + r.name().text() + "' is not an indexed quantity");
            return Optional.empty();
        }
        return t;
    }

    private Optional<Term> param(Scope.ParamSym p, Position pos) {
        if (p.member().isPresent()) return Optional.of(new Term.EnumConst(p.member().get().type(), p.member().get().member()));
        if (p.number().isPresent()) {
            Type t = p.type() == Decl.ParamType.INT ? Type.INT : Type.REAL;
            return Optional.of(new Term.Num(p.number().get(), t));
        }
        if (p.bool().isPresent()) return Optional.of(new Term.BoolConst(p.bool().get()));
        diags.error(Code.SC401, pos, "text parameter cannot be used in a formula (use {name} in a text instead)");
        return Optional.empty();
    }

    // ------------------------------------------------------------ operators

    Optional<Term> numeric(Expr e, Context at, Optional<Type> expected) {
        Optional<Term> t = check(e, at, expected.filter(Type::isNumeric).or(() -> Optional.of(Type.REAL)));
        if (t.isPresent() && !t.get().type().isNumeric()) {
            diags.error(Code.SC401, e.pos(), "expected a number, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    Optional<Term> bool(Expr e, Context at) {
        Optional<Term> t = check(e, at, Optional.of(Type.BOOL));
        if (t.isPresent() && !(t.get().type() instanceof Type.Bool)) {
            diags.error(Code.SC401, e.pos(), "expected a bool formula, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    private Optional<Term> unary(Expr.Unary u, Context at) {
        if (u.op() == Expr.UnOp.NOT) return bool(u.operand(), at).map(Term.Not::new);
        return numeric(u.operand(), at, Optional.empty()).map(Formulas::foldNeg);
    }

    private static Term foldNeg(Term t) {
        if (t instanceof Term.Num n) return new Term.Num(n.value().negate(), n.type());
        return new Term.Neg(t, t.type());
    }

    private Optional<Term> binary(Expr.Binary b, Context at) {
        if (b.op().isLogical() || b.op() == Expr.BinOp.IFF || b.op() == Expr.BinOp.IMPLIES) {
            Optional<Term> l = bool(b.left(), at);
            Optional<Term> r = bool(b.right(), at);
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            return Optional.of(switch (b.op()) {
                case AND -> new Term.And(List.of(l.get(), r.get()));
                case OR -> new Term.Or(List.of(l.get(), r.get()));
                case IMPLIES -> new Term.Implies(l.get(), r.get());
                default -> new Term.Iff(l.get(), r.get());
            });
        }
        // Check the side that is not json() first, so json() takes its type from the other side.
        boolean leftJson = Calls.isJson(b.left());
        Optional<Term> l;
        Optional<Term> r;
        if (leftJson && !Calls.isJson(b.right())) {
            r = check(b.right(), at, Optional.empty());
            l = check(b.left(), at, r.map(Term::type));
        } else {
            l = check(b.left(), at, Optional.empty());
            r = check(b.right(), at, l.map(Term::type));
        }
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        return b.op().isComparison() ? compare(b, l.get(), r.get()) : arith(b, l.get(), r.get());
    }

    private Optional<Term> compare(Expr.Binary b, Term l, Term r) {
        Term.CmpOp op = switch (b.op()) {
            case EQ -> Term.CmpOp.EQ;
            case NE -> Term.CmpOp.NE;
            case LT -> Term.CmpOp.LT;
            case LE -> Term.CmpOp.LE;
            case GT -> Term.CmpOp.GT;
            default -> Term.CmpOp.GE;
        };
        Type lt = l.type();
        Type rt = r.type();
        if (lt instanceof Type.EnumType || rt instanceof Type.EnumType) {
            if (!lt.equals(rt)) {
                diags.error(Code.SC402, b.pos(), "cannot compare " + lt.describe() + " with " + rt.describe()
                        + "; an enum compares only with the same enum");
                return Optional.empty();
            }
            if (op != Term.CmpOp.EQ && op != Term.CmpOp.NE) {
                diags.error(Code.SC402, b.pos(), "enums compare only with == and !=, not " + b.op().symbol);
                return Optional.empty();
            }
            return Optional.of(new Term.Cmp(op, l, r));
        }
        if (lt instanceof Type.Bool || rt instanceof Type.Bool) {
            if (!(lt instanceof Type.Bool && rt instanceof Type.Bool) || (op != Term.CmpOp.EQ && op != Term.CmpOp.NE)) {
                diags.error(Code.SC401, b.pos(), "cannot apply " + b.op().symbol + " to " + lt.describe() + " and "
                        + rt.describe() + (lt instanceof Type.Bool && rt instanceof Type.Bool ? "; use <=> for bools" : ""));
                return Optional.empty();
            }
            Term iff = new Term.Iff(l, r);
            return Optional.of(op == Term.CmpOp.EQ ? iff : new Term.Not(iff));
        }
        return Optional.of(new Term.Cmp(op, l, r));
    }

    private Optional<Term> arith(Expr.Binary b, Term l, Term r) {
        if (!l.type().isNumeric() || !r.type().isNumeric()) {
            Type bad = l.type().isNumeric() ? r.type() : l.type();
            diags.error(Code.SC401, b.pos(), "no arithmetic on " + bad.describe() + " (operator " + b.op().symbol + ")");
            return Optional.empty();
        }
        Term.ArithOp op = switch (b.op()) {
            case ADD -> Term.ArithOp.ADD;
            case SUB -> Term.ArithOp.SUB;
            case MUL -> Term.ArithOp.MUL;
            default -> Term.ArithOp.DIV;
        };
        Type t = op == Term.ArithOp.DIV ? Type.REAL : join(l.type(), r.type());
        Optional<Rational> lv = dag.constant(l);
        Optional<Rational> rv = dag.constant(r);
        if (op == Term.ArithOp.DIV && rv.isPresent() && rv.get().signum() == 0) {
            diags.error(Code.SC404, b.pos(), "division by zero");
            return Optional.empty();
        }
        if (lv.isEmpty() || rv.isEmpty()) return Optional.of(new Term.Arith(op, l, r, t));
        return fold(b, op, lv.get(), rv.get()).map(v -> new Term.Num(v, t));
    }

    /** Exact constant folding, refused (SC412) before a value would grow past {@link #MAX_CONSTANT_BITS}. */
    private Optional<Rational> fold(Expr.Binary b, Term.ArithOp op, Rational l, Rational r) {
        long ln = bits(l.numerator());
        long ld = bits(l.denominator());
        long rn = bits(r.numerator());
        long rd = bits(r.denominator());
        long size = switch (op) {
            case ADD, SUB -> Math.max(Math.max(ln + rd, rn + ld) + 1, ld + rd);
            case MUL -> Math.max(ln + rn, ld + rd);
            case DIV -> Math.max(ln + rd, ld + rn);
        };
        try {
            if (size <= MAX_CONSTANT_BITS) {
                return Optional.of(switch (op) {
                    case ADD -> l.add(r);
                    case SUB -> l.subtract(r);
                    case MUL -> l.multiply(r);
                    case DIV -> l.divide(r);
                });
            }
        } catch (ArithmeticException e) {
            // the estimate bounds the size, so this is a guard for what Rational itself refuses
        }
        diags.error(Code.SC412, b.pos(), "constant too large: the exact value of this " + b.op().symbol
                + " needs more than " + MAX_CONSTANT_BITS + " bits; write a smaller constant");
        return Optional.empty();
    }

    private static long bits(BigInteger i) {
        return i.bitLength();
    }

    static Type join(Type a, Type b) {
        return a instanceof Type.Int && b instanceof Type.Int ? Type.INT : Type.REAL;
    }

    private Optional<Term> ite(Expr.If i, Context at, Optional<Type> expected) {
        Optional<Term> c = bool(i.cond(), at);
        Optional<Term> a = check(i.then(), at, expected);
        Optional<Term> b = check(i.otherwise(), at, a.map(Term::type).or(() -> expected));
        if (c.isEmpty() || a.isEmpty() || b.isEmpty()) return Optional.empty();
        Type thenType = a.get().type();
        Type elseType = b.get().type();
        Type t;
        if (thenType.isNumeric() && elseType.isNumeric()) t = join(thenType, elseType);
        else if (thenType.equals(elseType)) t = thenType;
        else {
            diags.error(Code.SC401, i.pos(), "the branches of if/then/else differ: " + thenType.describe() + " and "
                    + elseType.describe());
            return Optional.empty();
        }
        return Optional.of(new Term.Ite(c.get(), a.get(), b.get(), t));
    }
}
