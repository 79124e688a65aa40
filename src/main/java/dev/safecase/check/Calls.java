package dev.safecase.check;

import dev.safecase.stats.Deadline;
import java.util.function.Supplier;
import dev.safecase.ast.Expr;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.model.Model;
import dev.safecase.stats.Builtin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in calls in formulas: {@code json()}, {@code min}, {@code max}, {@code abs}, and the
 * rounded statistics, which are evaluated when their arguments are constant and may stand only
 * where their rounding is on the safe side.
 */
final class Calls {
    /** Which rounding is sound where a call stands: up where a larger value is weaker, down where a smaller one is. */
    enum Polarity { UPPER_OK, LOWER_OK }

    private final Formulas formulas;
    private final Diagnostics diags;

    /** A deadline for each built-in evaluated here (--timeout-ms). */
    private final Supplier<Deadline> deadlines;

    Calls(Formulas formulas, Diagnostics diags, Supplier<Deadline> deadlines) {
        this.formulas = formulas;
        this.diags = diags;
        this.deadlines = deadlines;
    }

    /** The operands of the top-level comparisons of a conjunction, with the rounding each may take. */
    static void markRoundedSlots(Expr e, Map<Expr, Polarity> slots) {
        if (e instanceof Expr.Binary b && b.op() == Expr.BinOp.AND) {
            markRoundedSlots(b.left(), slots);
            markRoundedSlots(b.right(), slots);
        } else if (e instanceof Expr.Binary b) {
            switch (b.op()) {
                case LT, LE -> {
                    slots.put(b.right(), Polarity.UPPER_OK);
                    slots.put(b.left(), Polarity.LOWER_OK);
                }
                case GT, GE -> {
                    slots.put(b.left(), Polarity.UPPER_OK);
                    slots.put(b.right(), Polarity.LOWER_OK);
                }
                default -> { }
            }
        }
    }

    static boolean isJson(Expr e) {
        return e instanceof Expr.Call c && c.function().text().equals(Builtin.JSON.spelling());
    }

    Optional<Term> call(Expr.Call c, Formulas.Context at, Optional<Type> expected) {
        Optional<Builtin> named = Builtin.named(c.function().text());
        if (named.isEmpty()) {
            diags.error(Code.SC410, c.pos(), "unknown function '" + c.function().text() + "'; the built-ins are "
                    + Builtin.listed());
            return Optional.empty();
        }
        Builtin fn = named.get();
        Expr.Call written = c;
        if (fn == Builtin.RULE_OF_THREE && c.args().size() == 1) c = ruleOfThreeOfOneArgument(c);
        if (c.args().size() != fn.arity()) {
            diags.error(Code.SC410, c.pos(), fn.spelling() + "() takes " + fn.arity() + " argument"
                    + (fn.arity() == 1 ? "" : "s") + ", not " + c.args().size());
            return Optional.empty();
        }
        return switch (fn) {
            case JSON -> json(c, at, expected);
            case MIN, MAX -> minMax(c, at, fn == Builtin.MIN);
            case ABS -> abs(c, at);
            default -> statistic(c, written, fn, at);
        };
    }

    /**
     * {@code rule_of_three(n)}, the old form, states no failure count; it still means {@code rule_of_three(0, n)}, with a
     * warning (SC413), so that a case says what the bound assumes.
     */
    private Expr.Call ruleOfThreeOfOneArgument(Expr.Call c) {
        diags.warning(Code.SC413, c.pos(), "rule_of_three(n) is deprecated: write rule_of_three(0, n), which states that no "
                + "failure was seen (the only case the rule of three covers)");
        List<Expr> args = new ArrayList<>();
        args.add(new Expr.Num(c.pos(), Rational.ZERO, true, "0"));
        args.addAll(c.args());
        return new Expr.Call(c.pos(), c.function(), args);
    }

    private Optional<Term> json(Expr.Call c, Formulas.Context at, Optional<Type> expected) {
        Place place = at.place();
        // in a define, json() reads the file of the evidence whose gives fact uses the define
        boolean define = place == Place.DEFINE;
        if (!place.gives() && !define) {
            diags.error(Code.SC408, c.pos(), "json() may appear only in the gives facts of evidence with a file, not in "
                    + place.what());
            return Optional.empty();
        }
        if (!place.evidenceHasFile() && !define) {
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
        if (expected.isEmpty() && !define) {
            diags.error(Code.SC409, c.pos(), "cannot infer the type of json(); compare it with a typed term");
            return Optional.empty();
        }
        Optional<String> pointer = JsonPointers.expand(s, at.scope(), diags);
        if (pointer.isEmpty()) return Optional.empty();
        // a define's json() with nothing to say its type reads a number
        return Optional.of(new Term.Json(pointer.get(), expected.orElse(Type.REAL), c.pos()));
    }

    private Optional<Term> minMax(Expr.Call c, Formulas.Context at, boolean min) {
        Optional<Term> a = formulas.numeric(c.args().get(0), at, Optional.empty());
        Optional<Term> b = formulas.numeric(c.args().get(1), at, a.map(Term::type));
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        Type t = Formulas.join(a.get().type(), b.get().type());
        Term cond = new Term.Cmp(min ? Term.CmpOp.LE : Term.CmpOp.GE, a.get(), b.get());
        return Optional.of(new Term.Ite(cond, a.get(), b.get(), t));
    }

    private Optional<Term> abs(Expr.Call c, Formulas.Context at) {
        Optional<Term> a = formulas.numeric(c.args().get(0), at, Optional.empty());
        if (a.isEmpty()) return Optional.empty();
        Term zero = new Term.Num(Rational.ZERO, a.get().type());
        Term cond = new Term.Cmp(Term.CmpOp.GE, a.get(), zero);
        return Optional.of(new Term.Ite(cond, a.get(), new Term.Neg(a.get(), a.get().type()), a.get().type()));
    }

    /** {@code written} is the call as written (its slot decides the rounding); {@code c} the call with every argument. */
    private Optional<Term> statistic(Expr.Call c, Expr.Call written, Builtin fn, Formulas.Context at) {
        boolean upper = fn.rounding() == Builtin.Rounding.UP;
        Optional<Polarity> slot = Optional.ofNullable(at.rounded().get(written));
        if (slot.isEmpty() || (slot.get() == Polarity.UPPER_OK) != upper) {
            diags.error(Code.SC406, c.pos(), fn.spelling() + "() is rounded " + (upper ? "up" : "down")
                    + "; rounding " + (upper ? "up" : "down") + " is unsound here. It may stand only as the "
                    + (upper ? "right operand of < or <= (or the left of > or >=)" : "left operand of < or <= (or the right of > or >=)")
                    + " in a top-level conjunct of a gives fact or an assumption");
            return Optional.empty();
        }
        Optional<List<Term>> args = arguments(c, fn, at);
        if (args.isEmpty()) return Optional.empty();
        List<Rational> values = new ArrayList<>();
        boolean allConstant = true;
        for (int i = 0; i < args.get().size(); i++) {
            Term a = args.get().get(i);
            if (formulas.containsJson(a)) {
                allConstant = false;
                continue;
            }
            Optional<Rational> v = formulas.constant(a);
            if (v.isEmpty()) {
                diags.error(Code.SC407, c.args().get(i).pos(), fn.spelling() + "() needs constant arguments (numbers, pattern "
                        + "parameters or json() values), not a quantity");
                return Optional.empty();
            }
            values.add(v.get());
        }
        if (!allConstant) return Optional.of(new Term.Builtin(fn, args.get(), c.pos()));
        return evaluate(c, fn, values);
    }

    /** The arguments, checked as counts (integers) or reals; empty if any is wrong (each is reported). */
    private Optional<List<Term>> arguments(Expr.Call c, Builtin fn, Formulas.Context at) {
        List<Term> args = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < c.args().size(); i++) {
            Type want = fn.args().get(i) == Builtin.Arg.COUNT ? Type.INT : Type.REAL;
            Optional<Term> a = formulas.numeric(c.args().get(i), at, Optional.of(want));
            if (a.isEmpty()) {
                failed = true;
                continue;
            }
            if (want instanceof Type.Int && a.get().type() instanceof Type.Real && !(a.get() instanceof Term.Json)) {
                Optional<Rational> v = formulas.constant(a.get());
                if (v.isEmpty() || !v.get().isInteger()) {
                    diags.error(Code.SC407, c.args().get(i).pos(), fn.spelling() + "() argument " + (i + 1) + " must be an integer");
                    failed = true;
                    continue;
                }
            }
            args.add(a.get());
        }
        return failed ? Optional.empty() : Optional.of(args);
    }

    private Optional<Term> evaluate(Expr.Call c, Builtin fn, List<Rational> values) {
        Optional<String> bad = fn.domainError(values);
        if (bad.isPresent()) {
            diags.error(Code.SC407, c.pos(), fn.spelling() + "(): " + bad.get());
            return Optional.empty();
        }
        Builtin.Evaluation evaluation;
        try {
            evaluation = fn.evaluate(values, deadlines.get());
        } catch (ArithmeticException e) {
            diags.error(Code.SC407, c.pos(), fn.spelling() + "(): the arguments are too large to evaluate exactly");
            return Optional.empty();
        }
        if (evaluation instanceof Builtin.Evaluation.Unfinished u) {
            diags.error(Code.SC407, c.pos(), fn.spelling() + "(): " + u.reason());
            return Optional.empty();
        }
        Rational value = ((Builtin.Evaluation.Value) evaluation).value();
        formulas.evaluated(new Model.Bound(fn, values, value));
        return Optional.of(new Term.Num(value, Type.REAL));
    }
}
