package dev.safecase.formula;

import dev.safecase.num.Rational;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Evaluates a term exactly under an assignment of its symbols (a counterexample), for showing people why a goal
 * fails: a comparison's two sides, a conjunct's truth. Arithmetic is exact; a value that the term does not fix (a
 * symbol without a value, a division by zero, a built-in not yet evaluated) makes every term above it unknown
 * ({@link Optional#empty()}), never a guess. Shared sub-terms (define bodies) are evaluated once.
 *
 * <p>This is for display only: nothing is decided from it.
 */
public final class Evaluation {
    private final Function<String, Optional<Value>> symbols;
    private final Map<Term, Optional<Value>> memo = new IdentityHashMap<>();

    /** A value of a term: a number, a truth value or an enum member. */
    public sealed interface Value permits Num, Bool, Member {}

    public record Num(Rational value) implements Value {}

    public record Bool(boolean value) implements Value {}

    /** An enum member, by its bare name ({@code outage}, not {@code Hazard.outage}). */
    public record Member(String name) implements Value {}

    /** {@code symbols} gives a quantity's or claim atom's value by its name, empty when unknown. */
    public Evaluation(Function<String, Optional<Value>> symbols) {
        this.symbols = symbols;
    }

    /**
     * Reads a counterexample value as the prover writes it: an integer or {@code p/q}, {@code true} or
     * {@code false}, an enum member of {@code type}; anything else (an algebraic number) is unknown.
     */
    public static Optional<Value> parse(String text, Type type) {
        if (type instanceof Type.Bool) {
            if (text.equals("true")) return Optional.of(new Bool(true));
            if (text.equals("false")) return Optional.of(new Bool(false));
            return Optional.empty();
        }
        if (type instanceof Type.EnumType e) {
            return e.members().contains(text) ? Optional.of(new Member(text)) : Optional.empty();
        }
        if (!text.matches("-?[0-9]+(/[0-9]+)?")) return Optional.empty();
        try {
            return Optional.of(new Num(Rational.parse(text)));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** The value of {@code t}, or empty when the assignment does not fix it. */
    public Optional<Value> value(Term t) {
        Optional<Value> hit = memo.get(t);
        if (hit != null) return hit;
        Terms.postOrder(List.of(t), x -> memo.put(x, step(x)));
        return memo.get(t);
    }

    /** Truth value of a boolean term, empty when unknown. */
    public Optional<Boolean> truth(Term t) {
        return value(t).flatMap(v -> v instanceof Bool b ? Optional.of(b.value()) : Optional.empty());
    }

    private Optional<Value> known(Term t) {
        Optional<Value> v = memo.get(t);
        return v == null ? Optional.empty() : v;
    }

    private Optional<Boolean> bool(Term t) {
        return known(t).flatMap(v -> v instanceof Bool b ? Optional.of(b.value()) : Optional.empty());
    }

    private Optional<Rational> number(Term t) {
        return known(t).flatMap(v -> v instanceof Num n ? Optional.of(n.value()) : Optional.empty());
    }

    /** One node, its children already evaluated (post-order). */
    private Optional<Value> step(Term t) {
        if (t instanceof Term.Num n) return Optional.of(new Num(n.value()));
        if (t instanceof Term.BoolConst b) return Optional.of(new Bool(b.value()));
        if (t instanceof Term.EnumConst e) return Optional.of(new Member(e.member()));
        if (t instanceof Term.Var v) return symbols.apply(v.name());
        if (t instanceof Term.ClaimRef c) return symbols.apply(c.claimId());
        if (t instanceof Term.Def d) return known(d.body());
        if (t instanceof Term.Not n) return bool(n.operand()).map(b -> new Bool(!b));
        if (t instanceof Term.And a) return junction(a.operands(), false);
        if (t instanceof Term.Or o) return junction(o.operands(), true);
        if (t instanceof Term.Implies i) {
            Optional<Boolean> l = bool(i.left());
            Optional<Boolean> r = bool(i.right());
            if (l.isPresent() && !l.get() || r.isPresent() && r.get()) return Optional.of(new Bool(true));
            if (l.isPresent() && r.isPresent()) return Optional.of(new Bool(false));
            return Optional.empty();
        }
        if (t instanceof Term.Iff i) {
            Optional<Boolean> l = bool(i.left());
            Optional<Boolean> r = bool(i.right());
            return l.isPresent() && r.isPresent() ? Optional.of(new Bool(l.get().equals(r.get()))) : Optional.empty();
        }
        if (t instanceof Term.Cmp c) return compare(c);
        if (t instanceof Term.Arith a) return arith(a);
        if (t instanceof Term.Sum x) {
            Rational total = Rational.ZERO;
            for (Term o : x.operands()) {
                Optional<Rational> v = number(o);
                if (v.isEmpty()) return Optional.empty();
                total = total.add(v.get());
            }
            return Optional.of(new Num(total));
        }
        if (t instanceof Term.Neg n) return number(n.operand()).map(r -> new Num(r.negate()));
        if (t instanceof Term.Ite i) {
            Optional<Boolean> c = bool(i.cond());
            return c.isEmpty() ? Optional.empty() : known(c.get() ? i.then() : i.otherwise());
        }
        return Optional.empty(); // json() and built-ins not yet evaluated
    }

    /** And ({@code unit} false) or or ({@code unit} true): decided by any operand equal to {@code unit}. */
    private Optional<Value> junction(List<Term> operands, boolean unit) {
        boolean unknown = false;
        for (Term o : operands) {
            Optional<Boolean> b = bool(o);
            if (b.isEmpty()) {
                unknown = true;
            } else if (b.get() == unit) {
                return Optional.of(new Bool(unit));
            }
        }
        return unknown ? Optional.empty() : Optional.of(new Bool(!unit));
    }

    private Optional<Value> compare(Term.Cmp c) {
        Optional<Value> l = known(c.left());
        Optional<Value> r = known(c.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        if (c.op() == Term.CmpOp.EQ) return Optional.of(new Bool(same(l.get(), r.get())));
        if (c.op() == Term.CmpOp.NE) return Optional.of(new Bool(!same(l.get(), r.get())));
        if (!(l.get() instanceof Num a) || !(r.get() instanceof Num b)) return Optional.empty();
        int k = a.value().compareTo(b.value());
        boolean holds = switch (c.op()) {
            case LT -> k < 0;
            case LE -> k <= 0;
            case GT -> k > 0;
            case GE -> k >= 0;
            default -> throw new IllegalStateException();
        };
        return Optional.of(new Bool(holds));
    }

    private static boolean same(Value a, Value b) {
        return a.equals(b);
    }

    private Optional<Value> arith(Term.Arith a) {
        Optional<Rational> l = number(a.left());
        Optional<Rational> r = number(a.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        Rational x = l.get();
        Rational y = r.get();
        return switch (a.op()) {
            case ADD -> Optional.of(new Num(x.add(y)));
            case SUB -> Optional.of(new Num(x.subtract(y)));
            case MUL -> Optional.of(new Num(x.multiply(y)));
            case DIV -> {
                // the solver leaves x / 0 unconstrained: its value is not fixed by the assignment
                if (y.signum() == 0) yield Optional.empty();
                if (a.type() instanceof Type.Int) yield Optional.of(new Num(Rational.of(euclidean(x, y))));
                yield Optional.of(new Num(x.divide(y)));
            }
        };
    }

    /** SMT-LIB's integer division: the quotient whose remainder is at least 0. */
    private static BigInteger euclidean(Rational x, Rational y) {
        BigInteger a = x.numerator();
        BigInteger b = y.numerator();
        BigInteger[] qr = a.divideAndRemainder(b);
        if (qr[1].signum() < 0) return b.signum() > 0 ? qr[0].subtract(BigInteger.ONE) : qr[0].add(BigInteger.ONE);
        return qr[0];
    }
}
