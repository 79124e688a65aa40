package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.ast.Expr;
import dev.safecase.ast.Name;
import dev.safecase.formula.Rational;
import dev.safecase.stats.Builtin;
import dev.safecase.stats.Deadline;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves and type-checks formulas: Expr to Term. Expands forall/exists/sum over enums,
 * inlines defines, evaluates constant built-ins, and enforces where json() and rounded
 * built-ins may stand.
 */
final class Formulas {
    /** Where a formula stands, which decides what it may contain. */
    record Place(boolean gives, boolean evidenceHasFile, boolean roundedAllowed, String what) {
        static final Place CLAIM = new Place(false, false, false, "a claim formula");
        static final Place DEFEATER = new Place(false, false, false, "a defeater formula");
        static final Place ASSUMPTION = new Place(false, false, true, "an assumption");
        static final Place DEFINE = new Place(false, false, false, "a define");
        static final Place RANGE = new Place(false, false, false, "a range");
        static final Place ARGUMENT = new Place(false, false, false, "a pattern argument");

        static Place gives(boolean hasFile) {
            return new Place(true, hasFile, true, "a gives fact");
        }
    }

    private enum Polarity { UPPER_OK, LOWER_OK }

    private final Diagnostics diags;
    private final Symbols symbols;
    private final Map<Expr, Polarity> roundedSlots = new IdentityHashMap<>();
    /** The built-ins evaluated since the last {@link #takeBounds()}. */
    private final List<Model.Bound> bounds = new ArrayList<>();

    /** A deadline for each built-in evaluated here (--timeout-ms). */
    private final Supplier<Deadline> deadlines;

    Formulas(Diagnostics diags, Symbols symbols, Supplier<Deadline> deadlines) {
        this.diags = diags;
        this.symbols = symbols;
        this.deadlines = deadlines;
    }

    /** Symbol services the formula checker needs from the binder. */
    interface Symbols {
        Optional<Type> quantityType(Scope.QuantitySym q);

        Optional<Type.EnumType> indexEnum(Scope.QuantitySym q);

        /** Registers a quantity symbol as used and returns its scalar name for a member (or none). */
        String quantityName(Scope.QuantitySym q, Optional<String> member);

        Optional<Term> define(Scope.DefineSym d);

        Optional<Type.EnumType> enumType(Name name, Scope scope);

        void claimUsed(String claimId);
    }

    /** A top-level boolean formula (claim, assumption, defeater, gives fact). */
    Optional<Term> formula(Expr e, Scope scope, Place place) {
        roundedSlots.clear();
        if (place.roundedAllowed()) markRoundedSlots(e);
        Optional<Term> t = check(e, scope, place, Optional.of(Type.BOOL));
        roundedSlots.clear();
        if (t.isEmpty()) return t;
        if (tooDeep(t.get(), e, place)) return Optional.empty();
        if (!(t.get().type() instanceof Type.Bool)) {
            diags.error(Code.SC401, e.pos(), place.what() + " must be a bool formula, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    /**
     * Later passes recurse on terms; inlined defines and expanded sums can make a term deeper than
     * any formula as written, so the same limit as the parser's applies to the result.
     */
    private boolean tooDeep(Term t, Expr e, Place place) {
        int depth = depth(t);
        if (depth <= dev.safecase.syntax.Parser.MAX_DEPTH) return false;
        Expr start = e;
        while (start instanceof Expr.Binary b) start = b.left();
        diags.error(Code.SC101, start.pos(), place.what() + " nested too deeply once defines are inlined and sums expanded ("
                + depth + " levels of operators, at most " + dev.safecase.syntax.Parser.MAX_DEPTH + ")");
        return true;
    }

    /** Nesting depth of a resolved term, without recursion (claim references count as leaves). */
    static int depth(Term root) {
        return Terms.depth(root);
    }

    List<Model.Bound> takeBounds() {
        List<Model.Bound> out = List.copyOf(bounds);
        bounds.clear();
        return out;
    }

    /** Any expression (define bodies, constants). */
    Optional<Term> expression(Expr e, Scope scope, Place place) {
        Optional<Term> t = check(e, scope, place, Optional.empty());
        return t.isPresent() && tooDeep(t.get(), e, place) ? Optional.empty() : t;
    }

    private void markRoundedSlots(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinOp.AND) {
            markRoundedSlots(b.left());
            markRoundedSlots(b.right());
        } else if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case LT, LE -> {
                    roundedSlots.put(b.right(), Polarity.UPPER_OK);
                    roundedSlots.put(b.left(), Polarity.LOWER_OK);
                }
                case GT, GE -> {
                    roundedSlots.put(b.left(), Polarity.UPPER_OK);
                    roundedSlots.put(b.right(), Polarity.LOWER_OK);
                }
                default -> { }
            }
        }
    }

    private Optional<Term> check(Expr e, Scope scope, Place place, Optional<Type> expected) {
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
        if (e instanceof Expr.Ref r) return ref(r, scope, place);
        if (e instanceof Expr.Call c) return call(c, scope, place, expected);
        if (e instanceof Expr.Unary u) return unary(u, scope, place);
        if (e instanceof Expr.Binary b) return binary(b, scope, place);
        if (e instanceof Expr.If i) return ite(i, scope, place, expected);
        return quant((Expr.Quant) e, scope, place);
    }

    // ------------------------------------------------------------ names

    private Optional<Term> ref(Expr.Ref r, Scope scope, Place place) {
        Name name = r.name();
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
        if (sym instanceof Scope.QuantitySym q) return quantity(q, r, scope, place);
        return indexCheck(symbolTerm(sym, r), r);
    }

    private Optional<Term> symbolTerm(Scope.Symbol sym, Expr.Ref r) {
        if (sym instanceof Scope.BoundSym b) return Optional.of(new Term.EnumConst(b.type(), b.member()));
        if (sym instanceof Scope.MemberSym m) return Optional.of(new Term.EnumConst(m.type(), m.member()));
        if (sym instanceof Scope.DefineSym d) return symbols.define(d).map(body -> Term.define(d.name(), body));
        if (sym instanceof Scope.ParamSym p) return param(p, r.pos());
        if (sym instanceof Scope.NodeSym n && n.kind() == Model.Kind.CLAIM) {
            symbols.claimUsed(n.id());
            return Optional.of(new Term.ClaimRef(n.id()));
        }
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

    private Optional<Term> indexCheck(Optional<Term> t, Expr.Ref r) {
        if (t.isPresent() && r.index().isPresent()) {
            diags.error(Code.SC411, r.pos(), "'" + r.name().text() + "' is not an indexed quantity");
            return Optional.empty();
        }
        return t;
    }

    private Optional<Term> param(Scope.ParamSym p, Position pos) {
        if (p.number().isPresent()) {
            Type t = p.type() == dev.safecase.ast.Decl.ParamType.INT ? Type.INT : Type.REAL;
            return Optional.of(new Term.Num(p.number().get(), t));
        }
        if (p.bool().isPresent()) return Optional.of(new Term.BoolConst(p.bool().get()));
        diags.error(Code.SC401, pos, "text parameter cannot be used in a formula (use {name} in a text instead)");
        return Optional.empty();
    }

    private Optional<Term> quantity(Scope.QuantitySym q, Expr.Ref r, Scope scope, Place place) {
        Optional<Type> type = symbols.quantityType(q);
        Optional<Type.EnumType> index = symbols.indexEnum(q);
        if (type.isEmpty()) return Optional.empty();
        if (index.isEmpty() && q.decl().indexEnum().isPresent()) return Optional.empty(); // its bad enum is reported
        if (index.isEmpty()) {
            if (r.index().isPresent()) {
                diags.error(Code.SC411, r.index().get().pos(), "quantity " + q.name() + " is not indexed");
                return Optional.empty();
            }
            return Optional.of(new Term.Var(symbols.quantityName(q, Optional.empty()), type.get()));
        }
        if (r.index().isEmpty()) {
            diags.error(Code.SC411, r.pos(), "quantity " + q.name() + " is indexed by " + index.get().name() + "; write "
                    + q.name() + "[" + index.get().members().get(0) + "] or bind an index with forall/sum");
            return Optional.empty();
        }
        Optional<Term> idx = check(r.index().get(), scope, place, Optional.of(index.get()));
        if (idx.isEmpty()) return Optional.empty();
        if (!idx.get().type().equals(index.get())) {
            diags.error(Code.SC411, r.index().get().pos(), "index of " + q.name() + " must be a member of "
                    + index.get().name() + ", but this is " + idx.get().type().describe());
            return Optional.empty();
        }
        if (idx.get() instanceof Term.EnumConst c) {
            return Optional.of(new Term.Var(symbols.quantityName(q, Optional.of(c.member())), type.get()));
        }
        // an enum-valued index term: one branch per member
        List<String> members = index.get().members();
        Term result = new Term.Var(symbols.quantityName(q, Optional.of(members.get(members.size() - 1))), type.get());
        for (int i = members.size() - 2; i >= 0; i--) {
            Term var = new Term.Var(symbols.quantityName(q, Optional.of(members.get(i))), type.get());
            Term cond = new Term.Cmp(Term.CmpOp.EQ, idx.get(), new Term.EnumConst(index.get(), members.get(i)));
            result = new Term.Ite(cond, var, result, type.get());
        }
        return Optional.of(result);
    }

    // ------------------------------------------------------------ calls

    private Optional<Term> call(Expr.Call c, Scope scope, Place place, Optional<Type> expected) {
        Optional<Builtin> named = Builtin.named(c.function().text());
        if (named.isEmpty()) {
            diags.error(Code.SC410, c.pos(), "unknown function '" + c.function().text() + "'; the built-ins are "
                    + Builtin.listed());
            return Optional.empty();
        }
        Builtin fn = named.get();
        if (c.args().size() != fn.arity()) {
            diags.error(Code.SC410, c.pos(), fn.spelling() + "() takes " + fn.arity() + " argument"
                    + (fn.arity() == 1 ? "" : "s") + ", not " + c.args().size());
            return Optional.empty();
        }
        return switch (fn) {
            case JSON -> json(c, place, expected);
            case MIN, MAX -> minMax(c, scope, place, fn == Builtin.MIN);
            case ABS -> abs(c, scope, place);
            default -> statistic(c, fn, scope, place);
        };
    }

    private Optional<Term> json(Expr.Call c, Place place, Optional<Type> expected) {
        if (!place.gives()) {
            diags.error(Code.SC408, c.pos(), "json() may appear only in the gives facts of evidence with a file, not in "
                    + place.what());
            return Optional.empty();
        }
        if (!place.evidenceHasFile()) {
            diags.error(Code.SC408, c.pos(), "json() needs a file: this evidence has no `file` clause");
            return Optional.empty();
        }
        if (!(c.args().get(0) instanceof Expr.Str s)) {
            diags.error(Code.SC407, c.args().get(0).pos(), "json() takes a JSON Pointer string, such as json(\"/n\")");
            return Optional.empty();
        }
        if (!s.value().isEmpty() && !s.value().startsWith("/")) {
            diags.error(Code.SC407, s.pos(), "a JSON Pointer is empty or starts with '/' (got \"" + s.value() + "\")");
            return Optional.empty();
        }
        if (expected.isEmpty()) {
            diags.error(Code.SC409, c.pos(), "cannot infer the type of json(); compare it with a typed term");
            return Optional.empty();
        }
        return Optional.of(new Term.Json(s.value(), expected.get(), c.pos()));
    }

    private Optional<Term> minMax(Expr.Call c, Scope scope, Place place, boolean min) {
        Optional<Term> a = numeric(c.args().get(0), scope, place, Optional.empty());
        Optional<Term> b = numeric(c.args().get(1), scope, place, a.map(Term::type));
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        Type t = join(a.get().type(), b.get().type());
        Term cond = new Term.Cmp(min ? Term.CmpOp.LE : Term.CmpOp.GE, a.get(), b.get());
        return Optional.of(new Term.Ite(cond, a.get(), b.get(), t));
    }

    private Optional<Term> abs(Expr.Call c, Scope scope, Place place) {
        Optional<Term> a = numeric(c.args().get(0), scope, place, Optional.empty());
        if (a.isEmpty()) return Optional.empty();
        Term zero = new Term.Num(Rational.ZERO, a.get().type());
        Term cond = new Term.Cmp(Term.CmpOp.GE, a.get(), zero);
        return Optional.of(new Term.Ite(cond, a.get(), new Term.Neg(a.get(), a.get().type()), a.get().type()));
    }

    private Optional<Term> statistic(Expr.Call c, Builtin fn, Scope scope, Place place) {
        Polarity slot = roundedSlots.get(c);
        boolean upper = fn.rounding() == Builtin.Rounding.UP;
        if (slot == null || (slot == Polarity.UPPER_OK) != upper) {
            diags.error(Code.SC406, c.pos(), fn.spelling() + "() is rounded " + (upper ? "up" : "down")
                    + "; rounding " + (upper ? "up" : "down") + " is unsound here. It may stand only as the "
                    + (upper ? "right operand of < or <= (or the left of > or >=)" : "left operand of < or <= (or the right of > or >=)")
                    + " in a top-level conjunct of a gives fact or an assumption");
            return Optional.empty();
        }
        List<Term> args = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < c.args().size(); i++) {
            Type want = fn.args().get(i) == Builtin.Arg.COUNT ? Type.INT : Type.REAL;
            Optional<Term> a = numeric(c.args().get(i), scope, place, Optional.of(want));
            if (a.isEmpty()) {
                failed = true;
                continue;
            }
            if (want instanceof Type.Int && a.get().type() instanceof Type.Real && !(a.get() instanceof Term.Json)) {
                Optional<Rational> v = Terms.constant(a.get());
                if (v.isEmpty() || !v.get().isInteger()) {
                    diags.error(Code.SC407, c.args().get(i).pos(), fn.spelling() + "() argument " + (i + 1) + " must be an integer");
                    failed = true;
                    continue;
                }
            }
            args.add(a.get());
        }
        if (failed) return Optional.empty();
        List<Rational> values = new ArrayList<>();
        boolean allConstant = true;
        for (int i = 0; i < args.size(); i++) {
            Term a = args.get(i);
            if (Terms.containsJson(a)) {
                allConstant = false;
                continue;
            }
            Optional<Rational> v = Terms.constant(a);
            if (v.isEmpty()) {
                diags.error(Code.SC407, c.args().get(i).pos(), fn.spelling() + "() needs constant arguments (numbers, pattern "
                        + "parameters or json() values), not a quantity");
                return Optional.empty();
            }
            values.add(v.get());
        }
        if (!allConstant) return Optional.of(new Term.Builtin(fn, args, c.pos()));
        Optional<String> bad = fn.domainError(values);
        if (bad.isPresent()) {
            diags.error(Code.SC407, c.pos(), fn.spelling() + "(): " + bad.get());
            return Optional.empty();
        }
        Builtin.Evaluation evaluation = fn.evaluate(values, deadlines.get());
        if (evaluation instanceof Builtin.Evaluation.Unfinished u) {
            diags.error(Code.SC407, c.pos(), fn.spelling() + "(): " + u.reason());
            return Optional.empty();
        }
        Rational value = ((Builtin.Evaluation.Value) evaluation).value();
        bounds.add(new Model.Bound(fn, values, value));
        return Optional.of(new Term.Num(value, Type.REAL));
    }

    // ------------------------------------------------------------ operators

    private Optional<Term> numeric(Expr e, Scope scope, Place place, Optional<Type> expected) {
        Optional<Term> t = check(e, scope, place, expected.filter(Type::isNumeric).or(() -> Optional.of(Type.REAL)));
        if (t.isPresent() && !t.get().type().isNumeric()) {
            diags.error(Code.SC401, e.pos(), "expected a number, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    private Optional<Term> bool(Expr e, Scope scope, Place place) {
        Optional<Term> t = check(e, scope, place, Optional.of(Type.BOOL));
        if (t.isPresent() && !(t.get().type() instanceof Type.Bool)) {
            diags.error(Code.SC401, e.pos(), "expected a bool formula, but this is " + t.get().type().describe());
            return Optional.empty();
        }
        return t;
    }

    private Optional<Term> unary(Expr.Unary u, Scope scope, Place place) {
        if (u.op() == Expr.UnOp.NOT) return bool(u.operand(), scope, place).map(Term.Not::new);
        return numeric(u.operand(), scope, place, Optional.empty()).map(t -> foldNeg(t));
    }

    private static Term foldNeg(Term t) {
        if (t instanceof Term.Num n) return new Term.Num(n.value().negate(), n.type());
        return new Term.Neg(t, t.type());
    }

    private Optional<Term> binary(Expr.Binary b, Scope scope, Place place) {
        if (b.op().isLogical() || b.op() == Expr.BinOp.IFF || b.op() == Expr.BinOp.IMPLIES) {
            Optional<Term> l = bool(b.left(), scope, place);
            Optional<Term> r = bool(b.right(), scope, place);
            if (l.isEmpty() || r.isEmpty()) return Optional.empty();
            return Optional.of(switch (b.op()) {
                case AND -> new Term.And(List.of(l.get(), r.get()));
                case OR -> new Term.Or(List.of(l.get(), r.get()));
                case IMPLIES -> new Term.Implies(l.get(), r.get());
                default -> new Term.Iff(l.get(), r.get());
            });
        }
        // Check the side that is not json() first, so json() takes its type from the other side.
        boolean leftJson = isJson(b.left());
        Optional<Term> l;
        Optional<Term> r;
        if (leftJson && !isJson(b.right())) {
            r = check(b.right(), scope, place, Optional.empty());
            l = check(b.left(), scope, place, r.map(Term::type));
        } else {
            l = check(b.left(), scope, place, Optional.empty());
            r = check(b.right(), scope, place, l.map(Term::type));
        }
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        return b.op().isComparison() ? compare(b, l.get(), r.get()) : arith(b, l.get(), r.get());
    }

    private static boolean isJson(Expr e) {
        return e instanceof Expr.Call c && c.function().text().equals(Builtin.JSON.spelling());
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
        if (op == Term.ArithOp.DIV) {
            Optional<Rational> d = Terms.constant(r);
            if (d.isPresent() && d.get().signum() == 0) {
                diags.error(Code.SC404, b.pos(), "division by zero");
                return Optional.empty();
            }
        }
        Term result = new Term.Arith(op, l, r, t);
        Optional<Rational> folded = Terms.constant(result);
        return Optional.of(folded.isPresent() ? new Term.Num(folded.get(), t) : result);
    }

    private static Type join(Type a, Type b) {
        return a instanceof Type.Int && b instanceof Type.Int ? Type.INT : Type.REAL;
    }

    private Optional<Term> ite(Expr.If i, Scope scope, Place place, Optional<Type> expected) {
        Optional<Term> c = bool(i.cond(), scope, place);
        Optional<Term> a = check(i.then(), scope, place, expected);
        Optional<Term> b = check(i.otherwise(), scope, place, a.map(Term::type).or(() -> expected));
        if (c.isEmpty() || a.isEmpty() || b.isEmpty()) return Optional.empty();
        Type at = a.get().type();
        Type bt = b.get().type();
        Type t;
        if (at.isNumeric() && bt.isNumeric()) t = join(at, bt);
        else if (at.equals(bt)) t = at;
        else {
            diags.error(Code.SC401, i.pos(), "the branches of if/then/else differ: " + at.describe() + " and " + bt.describe());
            return Optional.empty();
        }
        return Optional.of(new Term.Ite(c.get(), a.get(), b.get(), t));
    }

    private Optional<Term> quant(Expr.Quant q, Scope scope, Place place) {
        Optional<Type.EnumType> en = symbols.enumType(q.enumName(), scope);
        if (en.isEmpty()) return Optional.empty();
        if (scope.lookup(q.var()).isPresent() || Builtin.isReserved(q.var())) {
            diags.error(Code.SC204, q.varPos(), "bound variable '" + q.var() + "' shadows a visible name; choose another name");
            return Optional.empty();
        }
        List<Term> parts = new ArrayList<>();
        for (String m : en.get().members()) {
            Scope inner = scope.bind(q.var(), new Scope.BoundSym(q.varPos(), en.get(), m));
            Optional<Term> body = q.kind() == Expr.QuantKind.SUM
                    ? numeric(q.body(), inner, place, Optional.empty())
                    : bool(q.body(), inner, place);
            if (body.isEmpty()) return Optional.empty();
            parts.add(body.get());
        }
        return Optional.of(switch (q.kind()) {
            case FORALL -> parts.size() == 1 ? parts.get(0) : new Term.And(parts);
            case EXISTS -> parts.size() == 1 ? parts.get(0) : new Term.Or(parts);
            case SUM -> {
                Term sum = parts.get(0);
                for (int i = 1; i < parts.size(); i++) {
                    sum = new Term.Arith(Term.ArithOp.ADD, sum, parts.get(i), join(sum.type(), parts.get(i).type()));
                }
                yield sum;
            }
        });
    }
}
