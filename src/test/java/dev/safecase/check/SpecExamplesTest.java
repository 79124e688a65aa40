package dev.safecase.check;

import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.num.Rational;
import dev.safecase.judge.Status;
import dev.safecase.diag.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the language specification, completed into whole cases under
 * {@code src/test/resources/spec/}: each parses and checks without a single diagnostic, and the
 * checked model holds what the specification says the example declares.
 */
class SpecExamplesTest {
    static final Path SPEC = Path.of("src/test/resources/spec");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Stream<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(SPEC)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".case")).sorted().toList().stream();
        }
    }

    private static Verifier.Prepared prepare(String file) {
        Verifier v = new Verifier(Options.defaults(SPEC).withToday(TODAY).withJobs(1));
        Diagnostics diags = new Diagnostics();
        Map<String, Verifier.Prepared> prepared = v.prepare(List.of(SPEC.resolve(file)), diags, new LinkedHashMap<>());
        assertEquals("", diags.sorted().stream().map(d -> d.headline()).reduce("", (a, b) -> a + b + "\n"),
                file + " must check without any diagnostic");
        assertEquals(1, prepared.size(), file + " is one case");
        return prepared.values().iterator().next();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void checksWithoutDiagnostics(String file) {
        Verifier.Prepared p = prepare(file);
        assertFalse(p.lowered().obligations().isEmpty(), "a checked case gets obligations");
    }

    @Test
    void declarationsExample() {
        Model.Case m = prepare("s3-declarations.case").model();
        assertEquals("debate", m.name());
        assertEquals("Alignment safety case for an R&D advisor trained with debate", m.text());

        Map<String, Model.Quantity> q = quantities(m);
        assertEquals(List.of("stakes", "p_unsafe", "eps", "n_runs", "risk[deception]", "risk[sabotage]"), List.copyOf(q.keySet()));
        assertEquals(new Type.EnumType("Stakes", List.of("low", "high")), q.get("stakes").type());
        assertEquals("How costly one wrong answer is", q.get("stakes").description());
        for (String name : List.of("p_unsafe", "eps", "risk[deception]", "risk[sabotage]")) {
            assertEquals(Type.REAL, q.get(name).type(), name);
            assertEquals(Optional.of(Rational.ZERO), q.get(name).low(), name);
            assertEquals(Optional.of(Rational.ONE), q.get(name).high(), name);
        }
        assertEquals(Type.INT, q.get("n_runs").type());
        assertEquals(Optional.of(Rational.of(1_000_000)), q.get("n_runs").high());

        assertEquals(List.of("deploy", "low_stakes", "warrant", "top", "argue_debate", "honest_eq", "converged", "why_debate"),
                m.nodes().stream().map(Model.Node::id).toList());

        Model.Claim top = claim(m, "top");
        assertEquals(Optional.of(le(var("p_unsafe"), num(1, 100))), top.formula());
        assertEquals(new Model.ByStrategy("argue_debate"), top.support());
        assertEquals(List.of("low_stakes"), top.assuming());
        assertEquals(List.of("deploy"), top.context());

        Model.Strategy s = (Model.Strategy) m.node("argue_debate").orElseThrow();
        assertEquals(List.of("honest_eq", "converged"), s.subclaims());
        assertEquals(List.of("warrant"), s.assuming());
        assertEquals(List.of("why_debate"), s.justifiedBy());

        assertEquals(new Model.Undeveloped(), claim(m, "honest_eq").support());
        assertFalse(claim(m, "honest_eq").isFormal(), "an informal claim is an atom");

        Type.EnumType stakes = (Type.EnumType) q.get("stakes").type();
        assertEquals(Optional.of(new Term.Cmp(Term.CmpOp.EQ, new Term.Var("stakes", stakes), new Term.EnumConst(stakes, "low"))),
                assumption(m, "low_stakes").formula());
        // the warrant ties the informal subclaims (atoms) to the formal parent
        assertEquals(Optional.of(new Term.Implies(
                        new Term.And(List.of(new Term.ClaimRef("honest_eq"), new Term.ClaimRef("converged"))),
                        le(var("p_unsafe"), num(1, 100)))),
                assumption(m, "warrant").formula());
    }

    @Test
    void evidenceExample() {
        Verifier.Prepared p = prepare("s7-evidence.case");
        Model.Evidence e = (Model.Evidence) p.model().node("judge_eval").orElseThrow();
        assertEquals(Optional.of("evidence/judge.json"), e.file());
        assertEquals(Optional.of("95eccbfa1c9bd75f0ed69b3dfd11cc50663645ed057af37e33670a114d783a85"), e.sha256());
        assertEquals(Optional.of(LocalDate.of(2027, 6, 1)), e.expires());
        assertEquals(2, e.facts().size());
        Term.Cmp first = assertInstanceOf(Term.Cmp.class, e.facts().get(0).formula());
        assertEquals(Term.CmpOp.LE, first.op());
        assertEquals(var("err_rate"), first.left());
        // json() values are read when validity is decided; until then the built-in waits for them
        Term.Builtin cp = assertInstanceOf(Term.Builtin.class, first.right());
        assertEquals("clopper_pearson_upper", cp.function().spelling());
        assertEquals("/failures", assertInstanceOf(Term.Json.class, cp.args().get(0)).pointer());
        assertEquals("/n", assertInstanceOf(Term.Json.class, cp.args().get(1)).pointer());
        assertEquals(Type.INT, cp.args().get(0).type(), "k and n are counts");
        assertEquals(Type.INT, cp.args().get(1).type());
        assertEquals(num(95, 100), cp.args().get(2));
        Term.Cmp second = assertInstanceOf(Term.Cmp.class, e.facts().get(1).formula());
        assertEquals(new Term.Var("n_runs", Type.INT), second.left());
        assertEquals("/n", ((Term.Json) second.right()).pointer());
        assertEquals(Type.INT, second.right().type());
        // the pin is the file's real hash and the date is after today, so the evidence is valid
        assertEquals(dev.safecase.evidence.Validity.State.VALID, p.evidence().get("judge_eval").state());
    }

    @Test
    void defeaterExample() {
        Model.Case m = prepare("s8-defeaters.case").model();
        Model.Defeater obfuscated = defeater(m, "obfuscated");
        assertEquals(Model.Attack.UNDERCUTS, obfuscated.attack());
        assertEquals("argue_debate", obfuscated.target());
        assertEquals(List.of("prover_estimator"), obfuscated.eliminatedBy());
        assertTrue(obfuscated.formula().isEmpty());

        Model.Defeater few = defeater(m, "few_trials");
        assertEquals(Model.Attack.UNDERMINES, few.attack());
        assertEquals("judge_eval", few.target());
        assertEquals(Optional.of(new Term.Cmp(Term.CmpOp.LT, new Term.Var("n_runs", Type.INT), new Term.Num(Rational.of(1000), Type.INT))),
                few.formula());

        Model.Defeater hacking = defeater(m, "exploration_hacking");
        assertEquals(Model.Attack.REBUTS, hacking.attack());
        assertEquals("converged", hacking.target());
        assertEquals(Optional.of("Residual risk accepted by the oversight board, see minutes 2026-10"), hacking.accepted());
    }

    @Test
    void patternExample() {
        Verifier.Prepared p = prepare("s9-patterns.case");
        Model.Case m = p.model();
        Model.Claim top = claim(m, "cyber.top");
        assertEquals("The model cannot autonomous cyber offence", top.text());
        assertEquals(Optional.of(le(var("cyber.pass_rate"), num(1, 20))), top.formula());
        assertEquals(new Model.Direct(List.of("cyber.measured"), List.of()), top.support());
        assertTrue(top.origin().orElseThrow().startsWith("inability.top ("), top.origin().toString());
        assertEquals(15, top.pos().line(), "instance nodes report the position of their `use`");

        Model.Claim measured = claim(m, "cyber.measured");
        assertEquals("Measured pass rate is at most 5%", measured.text());
        // the completion's `supported by` replaces the pattern's `undeveloped`
        assertEquals(new Model.Direct(List.of(), List.of("ctf_eval")), measured.support());

        Model.Defeater sandbagging = defeater(m, "cyber.sandbagging");
        assertEquals(Model.Attack.REBUTS, sandbagging.attack());
        assertEquals("cyber.measured", sandbagging.target());
        assertEquals(List.of("no_sandbagging"), sandbagging.eliminatedBy());

        Model.Quantity rate = quantities(m).get("cyber.pass_rate");
        assertEquals("Pass rate on autonomous cyber offence tasks", rate.description());
        assertEquals(Optional.of(Rational.ONE), rate.high());
        assertEquals(List.of("cyber.top", "cyber.measured", "cyber.sandbagging", "ctf_eval", "no_sandbagging"),
                m.nodes().stream().map(Model.Node::id).toList());
    }

    // ------------------------------------------------------------ helpers

    private static Map<String, Model.Quantity> quantities(Model.Case m) {
        Map<String, Model.Quantity> out = new LinkedHashMap<>();
        for (Model.Quantity q : m.quantities()) out.put(q.name(), q);
        return out;
    }

    private static Model.Claim claim(Model.Case m, String id) {
        return (Model.Claim) m.node(id).orElseThrow(() -> new AssertionError("no claim " + id));
    }

    private static Model.Assumption assumption(Model.Case m, String id) {
        return (Model.Assumption) m.node(id).orElseThrow(() -> new AssertionError("no assumption " + id));
    }

    private static Model.Defeater defeater(Model.Case m, String id) {
        return (Model.Defeater) m.node(id).orElseThrow(() -> new AssertionError("no defeater " + id));
    }

    private static Term var(String name) {
        return new Term.Var(name, Type.REAL);
    }

    private static Term num(long p, long q) {
        return new Term.Num(Rational.of(p, q), Type.REAL);
    }

    private static Term le(Term a, Term b) {
        return new Term.Cmp(Term.CmpOp.LE, a, b);
    }
}
