package dev.safecase.evidence;

import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.model.Model;
import dev.safecase.stats.Builtin;
import dev.safecase.stats.Deadline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Grounds the facts of one evidence item: every {@code json()} is replaced by the exact
 * constant it points at, and every built-in by its value, so the facts handed to the solver
 * hold only constants and quantities. The first thing that cannot be grounded (a pointer that
 * names nothing, a value of the wrong type, a built-in argument out of its domain, an
 * evaluation out of time) makes the evidence invalid, with that reason.
 */
final class Grounding {
    private Grounding() {
    }

    /** The ground facts, or why there are none. */
    sealed interface Result permits Ground, Failed {}

    /** Every fact ground, each with the statistical bounds it evaluated. */
    record Ground(List<Model.Fact> facts) implements Result {
        Ground {
            facts = List.copyOf(facts);
        }
    }

    record Failed(String reason) implements Result {}

    /**
     * Grounds {@code facts} against the JSON read from {@code written} (empty when the file was
     * not parsed); {@code deadlines} gives each built-in evaluation its own deadline.
     */
    static Result ground(List<Model.Fact> facts, String written, Optional<JsonValue> doc, Supplier<Deadline> deadlines) {
        List<Model.Fact> ground = new ArrayList<>();
        for (Model.Fact f : facts) {
            Walk walk = new Walk(written, doc, deadlines, readingDefines(f.formula()));
            Term t;
            try {
                t = Terms.map(f.formula(), walk::step);
            } catch (Refused r) {
                return new Failed(r.getMessage());
            }
            List<Model.Bound> bounds = new ArrayList<>(f.bounds());
            bounds.addAll(walk.bounds);
            ground.add(new Model.Fact(t, f.pos(), bounds));
        }
        return new Ground(ground);
    }

    /** Ends the walk over one fact at the first node that cannot be ground (bottom-up, left to right). */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /** One walk over one fact; collects the bounds it evaluates. */
    private static final class Walk {
        private final String written;
        private final Optional<JsonValue> doc;
        private final Supplier<Deadline> deadlines;
        private final Set<String> readingDefines;
        final List<Model.Bound> bounds = new ArrayList<>();

        Walk(String written, Optional<JsonValue> doc, Supplier<Deadline> deadlines, Set<String> readingDefines) {
            this.written = written;
            this.doc = doc;
            this.deadlines = deadlines;
            this.readingDefines = readingDefines;
        }

        Term step(Term t) {
            if (t instanceof Term.Json j) return read(j);
            if (t instanceof Term.Builtin b) return evaluate(b);
            // a define that reads json() means what this evidence's file says: its ground body, in place
            if (t instanceof Term.Def d && readingDefines.contains(d.name())) {
                return Terms.constant(d.body()).<Term>map(v -> new Term.Num(v, d.body().type())).orElse(d.body());
            }
            return t;
        }

        private Term read(Term.Json j) {
            String call = "json(" + JsonValue.quote(j.pointer()) + ")";
            if (doc.isEmpty()) throw new Refused(call + " has no JSON to read in " + written);
            JsonPointer.Result r = JsonPointer.resolve(doc.get(), j.pointer());
            if (r instanceof JsonPointer.NotFound nf) {
                throw new Refused(call + " does not resolve in " + written + ": " + nf.why());
            }
            JsonValue v = ((JsonPointer.Found) r).value();
            String found = call + " in " + written + " is ";
            Type type = j.type();
            if (type instanceof Type.Bool) {
                if (v instanceof JsonValue.Bool b) return new Term.BoolConst(b.value());
                throw new Refused(found + describe(v) + ", but true or false is needed");
            }
            if (type instanceof Type.EnumType en) {
                String members = en.name() + " (" + String.join(", ", en.members()) + ")";
                if (!(v instanceof JsonValue.Str s)) {
                    throw new Refused(found + describe(v) + ", but a string naming a member of " + members + " is needed");
                }
                if (!en.members().contains(s.value())) {
                    throw new Refused(found + JsonValue.quote(s.value()) + ", which is not a member of " + members);
                }
                return new Term.EnumConst(en, s.value());
            }
            boolean integer = type instanceof Type.Int;
            if (!(v instanceof JsonValue.Num n)) {
                throw new Refused(found + describe(v) + ", but " + (integer ? "an integer" : "a number") + " is needed");
            }
            Optional<Rational> value = exact(n.text());
            if (value.isEmpty()) throw new Refused(found + n.text() + ", which has too large an exponent to read exactly");
            if (integer && !value.get().isInteger()) throw new Refused(found + n.text() + ", but an integer is needed");
            return new Term.Num(value.get(), integer ? Type.INT : Type.REAL);
        }

        private Term evaluate(Term.Builtin b) {
            List<Rational> args = new ArrayList<>();
            for (Term a : b.args()) {
                Optional<Rational> v = Terms.constant(a);
                if (v.isEmpty()) throw new Refused(b.function().spelling() + " has an argument that is neither a constant nor json()");
                args.add(v.get());
            }
            String call = b.function().spelling() + "(" + String.join(", ", args.stream().map(Grounding::decimal).toList())
                    + ") with arguments read from " + written + ": ";
            Optional<String> bad = b.function().domainError(args);
            if (bad.isPresent()) throw new Refused(call + bad.get());
            Builtin.Evaluation e = b.function().evaluate(args, deadlines.get());
            if (e instanceof Builtin.Evaluation.Unfinished u) throw new Refused(call + u.reason());
            Rational value = ((Builtin.Evaluation.Value) e).value();
            bounds.add(new Model.Bound(b.function(), args, value));
            return new Term.Num(value, Type.REAL);
        }
    }

    /**
     * The defines in a fact whose bodies read json(): grounded against one evidence's file, each
     * becomes its value there, so two evidence items that read the same define from two files
     * never give one define two bodies.
     */
    private static Set<String> readingDefines(Term fact) {
        Set<String> out = new HashSet<>();
        Terms.visit(fact, Terms.identitySet(), t -> {
            if (t instanceof Term.Def d && Terms.containsJson(d.body())) out.add(d.name());
        });
        return out;
    }

    /** A JSON number's exact value from its decimal text, or empty when its exponent is out of range. */
    static Optional<Rational> exact(String text) {
        try {
            return Optional.of(Rational.parse(text));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    /** {@code 0.95} when the value is a short finite decimal, else {@code p/q}. */
    private static String decimal(Rational r) {
        try {
            return new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator())).toPlainString();
        } catch (ArithmeticException ex) {
            return r.toString();
        }
    }

    private static String describe(JsonValue v) {
        if (v instanceof JsonValue.Num n) return n.text();
        if (v instanceof JsonValue.Str s) return "a string (" + JsonValue.quote(shorten(s.value())) + ")";
        if (v instanceof JsonValue.Bool b) return String.valueOf(b.value());
        if (v instanceof JsonValue.Null) return "null";
        if (v instanceof JsonValue.Arr a) return "an array (of " + a.items().size() + ")";
        return "an object";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
