package dev.safecase.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Term.Var X = new Term.Var("x", Type.REAL);
    private static final Term.Var Y = new Term.Var("y", Type.REAL);
    private static final Term.Var N = new Term.Var("n", Type.INT);
    private static final Term.Var B = new Term.Var("b", Type.BOOL);

    private static Evaluation under(Map<String, String> values) {
        Map<String, Type> types = Map.of("x", Type.REAL, "y", Type.REAL, "n", Type.INT, "b", Type.BOOL);
        return new Evaluation(name -> Optional.ofNullable(values.get(name)).flatMap(v -> Evaluation.parse(v, types.get(name))));
    }

    private static Term num(long p, long q) {
        return new Term.Num(Rational.of(p, q), Type.REAL);
    }

    @Test
    void arithmeticIsExact() {
        Term sum = new Term.Arith(Term.ArithOp.ADD, X, new Term.Arith(Term.ArithOp.MUL, Y, num(1, 3), Type.REAL), Type.REAL);
        Optional<Evaluation.Value> v = under(Map.of("x", "1/10", "y", "3/5")).value(sum);
        assertEquals(Optional.of(new Evaluation.Num(Rational.of(3, 10))), v);
    }

    @Test
    void comparisonsAndConnectives() {
        Evaluation e = under(Map.of("x", "1/40", "y", "1/50", "b", "true"));
        Term le = new Term.Cmp(Term.CmpOp.LE, X, Y);
        assertEquals(Optional.of(false), e.truth(le));
        assertEquals(Optional.of(true), e.truth(new Term.Not(le)));
        assertEquals(Optional.of(false), e.truth(new Term.And(List.of(B, le))));
        assertEquals(Optional.of(true), e.truth(new Term.Or(List.of(le, B))));
        assertEquals(Optional.of(false), e.truth(new Term.Implies(B, le)));
        assertEquals(Optional.of(true), e.truth(new Term.Iff(le, new Term.Not(B))));
    }

    @Test
    void unknownValuesStayUnknownUnlessDecided() {
        Evaluation e = under(Map.of("b", "false", "x", "1"));
        Term le = new Term.Cmp(Term.CmpOp.LE, X, Y); // y has no value
        assertTrue(e.value(le).isEmpty());
        assertEquals(Optional.of(false), e.truth(new Term.And(List.of(le, B))), "a false conjunct decides");
        assertEquals(Optional.of(true), e.truth(new Term.Implies(B, le)), "a false premise decides");
        assertTrue(e.value(new Term.Arith(Term.ArithOp.DIV, X, num(0, 1), Type.REAL)).isEmpty(), "x / 0 is not fixed");
    }

    @Test
    void integerDivisionIsEuclidean() {
        Term div = new Term.Arith(Term.ArithOp.DIV, N, new Term.Num(Rational.of(2), Type.INT), Type.INT);
        assertEquals(Optional.of(new Evaluation.Num(Rational.of(-4))), under(Map.of("n", "-7")).value(div));
        assertEquals(Optional.of(new Evaluation.Num(Rational.of(3))), under(Map.of("n", "7")).value(div));
    }

    @Test
    void definesAreEvaluatedThroughTheirBody() {
        Term body = new Term.Arith(Term.ArithOp.ADD, X, Y, Type.REAL);
        Term total = new Term.Def("total", body);
        Term twice = new Term.Arith(Term.ArithOp.ADD, total, total, Type.REAL);
        assertEquals(Optional.of(new Evaluation.Num(Rational.of(1))), under(Map.of("x", "1/4", "y", "1/4")).value(twice));
    }

    @Test
    void parseReadsWhatTheProverWrites() {
        assertEquals(Optional.of(new Evaluation.Num(Rational.of(-1, 20))), Evaluation.parse("-1/20", Type.REAL));
        assertEquals(Optional.of(new Evaluation.Bool(true)), Evaluation.parse("true", Type.BOOL));
        Type.EnumType h = new Type.EnumType("Hazard", List.of("outage", "leak"));
        assertEquals(Optional.of(new Evaluation.Member("leak")), Evaluation.parse("leak", h));
        assertTrue(Evaluation.parse("fire", h).isEmpty());
        assertTrue(Evaluation.parse("(root-obj (+ (^ x 2) (- 2)) 2) approx 1.414213562", Type.REAL).isEmpty());
    }
}
