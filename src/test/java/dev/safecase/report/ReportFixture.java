package dev.safecase.report;

import dev.safecase.confidence.Bound;
import dev.safecase.confidence.Confidence;
import dev.safecase.confidence.Source;
import dev.safecase.num.Rational;
import dev.safecase.result.AssumptionResult;
import dev.safecase.result.AlternativesResult;
import dev.safecase.result.BoundResult;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ClaimResult;
import dev.safecase.result.DefeaterResult;
import dev.safecase.result.EvidenceResult;
import dev.safecase.result.GateResult;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import dev.safecase.result.Run;
import dev.safecase.result.StrategyResult;
import dev.safecase.result.TextResult;
import dev.safecase.graph.ArgumentGraph;
import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import dev.safecase.result.Clauses;
import dev.safecase.result.NodeInfo;
import dev.safecase.result.Provenance;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Position;
import dev.safecase.diag.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hand-built run: case {@code debate} has every status, a counterexample, cores, defeaters of each kind, open
 * problems with owners, a strategy, a context and a justification, assumptions named by two nodes, and statistical
 * bounds (one from invalid evidence); case {@code broken} has input errors; one error belongs to no case.
 */
final class ReportFixture {
    private ReportFixture() {
    }

    static final String FILE = "cases/debate.case";
    static final String HOSTILE = "<script>alert(1)</script> & \"q\" 'a' {{x}} $!x #set($y = 1) ]]> <b>bold</b>";

    /** What GitHub turns into links or notifications in a pull-request comment. */
    static final String LINKS = "see https://evil.example/x?a=1, ftp://files.example and www.evil.example; "
            + "mail bob.smith@example.org or mailto:eve@example.org; cc @octocat, @org/team; fixes #12, org/repo#34, GH-56";

    static Run run() {
        return run(text -> text);
    }

    /** The text of the fixture's case file for its source page: a line per node, and lines that try to break out. */
    static java.util.Map<String, java.util.Optional<String>> sources(String hostile) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 80; i++) {
            String line = switch (i) {
                case 1 -> "case debate \"The advisor is safe\"";
                case 18 -> "claim top \"The advisor is safe to use\": p_unsafe <= 1/100";
                case 24 -> "strategy argue_debate \"" + hostile + "\"";
                case 30 -> "claim honest_eq \"Honesty is an equilibrium\" undeveloped";
                case 73 -> "defeater few_trials \"</script><script>alert(2)</script>\" rebuts converged";
                default -> i % 7 == 0 ? "// comment " + i + " & <b>not bold</b>\t(tab)" : "";
            };
            b.append(line).append('\n');
        }
        return java.util.Map.of(FILE, java.util.Optional.of(b.toString()));
    }

    static final java.util.Map<String, java.util.Optional<String>> SOURCES = sources("Argue over the debate game");

    /** The same run with every free text replaced by {@link #LINKS}. */
    static Run linkRun() {
        return run(text -> LINKS);
    }

    /** The same run with every free text replaced by {@link #HOSTILE} (IDs stay identifiers, as the grammar makes them). */
    static Run hostileRun() {
        return run(text -> HOSTILE);
    }

    private interface Texts {
        String t(String text);
    }

    private static Run run(Texts x) {
        Diagnostic unused = new Diagnostic(Severity.WARNING, Code.SC301, new Position(FILE, 9, 1),
                x.t("assumption many_queries is never assumed"));
        Diagnostic unknownName = new Diagnostic(Severity.ERROR, Code.SC201, new Position("cases/broken.case", 4, 22),
                x.t("unknown name `argue`"));
        Diagnostic syntax = new Diagnostic(Severity.ERROR, Code.SC101, new Position("cases/broken.case", 7, 1),
                x.t("syntax error: expected a claim ID after `supported by`"));
        Diagnostic missing = new Diagnostic(Severity.ERROR, Code.SC001, new Position("cases/missing.case", 0, 0),
                x.t("cannot read input: no such file"));
        CaseResult debate = debate(x, List.of(unused));
        CaseResult broken = new CaseResult(new CaseResult.Source("broken", "cases/broken.case", 1,
                x.t("A case that does not parse")), false, new CaseResult.Outcome(false, Map.of(), List.of(), List.of()),
                CaseResult.Nodes.NONE, List.of(), List.of(unknownName, syntax), ArgumentGraph.of(List.of()));
        int proved = debate.summary().getOrDefault(Status.PROVED, 0);
        GateResult gate = new GateResult(false, new GateResult.Rule(false, List.of(Status.REFUTED, Status.VACUOUS,
                Status.UNKNOWN, Status.OPEN, Status.INVALID), "0.90"), proved, debate.total(), List.of(x.t("case broken has input errors"),
                x.t("8 obligations have a failing status"), x.t("proved share 0.52 is below 0.90")));
        return new Run("0.1.0", "z3 4.14.1", LocalDate.of(2026, 11, 22), gate, List.of(unused, unknownName, syntax,
                missing), List.of(debate, broken));
    }

    private static CaseResult debate(Texts x, List<Diagnostic> diags) {
        BoundResult judgeBound = new BoundResult("judge_eval", "clopper_pearson_upper", List.of("270", "2000", "0.95"),
                "0.149151961274", "0.95");
        BoundResult redTeamBound = new BoundResult("red_team", "clopper_pearson_upper", List.of("2", "120", "0.95"),
                "0.0516578407", "0.95");
        BoundResult calBound = new BoundResult("cal_eval", "rule_of_three", List.of("0", "300"), "0.01", "0.95");
        BoundResult sandbagBound = new BoundResult("sandbag_eval", "clopper_pearson_upper", List.of("0", "300", "0.99"),
                "0.0152354399", "0.99");
        List<ClaimResult> claims = List.of(
                clauses(claim("top", x.t("The advisor is safe to use over the deployment distribution"), "p_unsafe <= 1/100",
                        true, 18, Status.INVALID, List.of("error_budget"), "strategy", List.of("argue_debate"),
                        Optional.empty(), Optional.empty()), List.of("deployment"), List.of(),
                        List.of(judgeBound, calBound, sandbagBound), "0.89"),
                claim("honest_eq", x.t("Honesty is an equilibrium of the debate game"), "", false, 30, Status.OPEN,
                        List.of(), "undeveloped", List.of(), Optional.of(x.t("Alice (alignment team)")), Optional.empty()),
                clauses(claim("converged", x.t("Training reached that equilibrium"), "judge_err <= 3/20", false, 31,
                        Status.VACUOUS, List.of(), "direct", List.of("judge_eval"), Optional.empty(), Optional.empty()),
                        List.of(), List.of(), List.of(judgeBound), "0.95"),
                claim("tight", x.t("The judge is rarely misled"), "p_mislead <= 1/100", false, 33, Status.INVALID,
                        List.of(), "direct", List.of("red_team", "lit_review"), Optional.empty(), Optional.empty()),
                clauses(claim("calibrated", x.t("The judge's confidence is calibrated"), "cal_err * cal_err <= 1/400", false,
                        36, Status.UNKNOWN, List.of(), "direct", List.of("cal_eval"), Optional.empty(), Optional.empty()),
                        List.of(), List.of(), List.of(calBound, sandbagBound), "0.94"),
                new ClaimResult(new NodeInfo("reviewed", x.t("Deployment stakes reviewed by the board"), 39),
                        Optional.empty(), new ClaimResult.Standing(Status.ASSERTED, false, false, List.of()),
                        new ClaimResult.Support("asserted", List.of(), false, Optional.of(x.t("Board minutes 2026-10"))),
                        Clauses.NONE, Provenance.NONE, ClaimResult.Confidence.NONE),
                clauses(claim("no_sandbagging", x.t("The model does not sandbag on calibration tasks"), "", false, 41,
                        Status.PROVED, List.of("error_budget"), "direct", List.of("sandbag_eval"),
                        Optional.of(x.t("Carol")), Optional.of("stdlib.ai.inability.no_sandbagging")),
                        List.of(), List.of("error_budget"), List.of(sandbagBound), "0.99"));
        List<StrategyResult> strategies = List.of(new StrategyResult(new NodeInfo("argue_debate",
                x.t("Argue over the debate game: honest equilibria, convergence, a judge that is rarely misled"), 24),
                Status.INVALID, List.of("honest_eq", "converged", "tight", "calibrated", "reviewed"),
                new Clauses(List.of(), List.of("low_stakes", "warrant", "error_budget"), List.of("debate_theory")), false,
                Optional.empty(), Provenance.NONE));
        List<TextResult> texts = List.of(
                new TextResult(new NodeInfo("deployment", x.t("The advisor answers R&D questions that researchers review"), 7),
                        "context"),
                new TextResult(new NodeInfo("debate_theory",
                        x.t("Debate theory: with stable arguments, honest debaters win at equilibrium"), 8), "justification"));

        Map<String, String> cex = new LinkedHashMap<>();
        cex.put("eps", "1/200");
        cex.put("judge_err", "1/100");
        cex.put("p_unsafe", "3/200");
        cex.put("honest_eq", "true");
        cex.put("risk[deception]", x.t("1/50"));
        List<ObligationResult> obs = new ArrayList<>();
        obs.add(ob("support:top", 18, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty()));
        obs.add(ob("support:argue_debate", 24, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("inference:argue_debate", 24, Status.REFUTED, 4, List.of(), List.of(), cex,
                Optional.of(x.t("the subclaims hold but p_unsafe <= 1/100 fails")),
                List.of(new PremiseText("warrant", "honest_eq and converged => p_unsafe <= 1/100"),
                        new PremiseText("low_stakes", "stakes == Stakes.low"), new PremiseText("honest_eq", "honest_eq"),
                        new PremiseText("converged", "judge_err <= 3/20"), new PremiseText("tight", "p_mislead <= 1/100"),
                        new PremiseText("calibrated", "cal_err * cal_err <= 1/400"), new PremiseText("reviewed", "reviewed"),
                        new PremiseText("range:p_unsafe", "0 <= p_unsafe and p_unsafe <= 1")),
                Optional.of("p_unsafe <= 1/100"), Optional.empty()));
        obs.add(ob("support:honest_eq", 30, Status.OPEN, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("undeveloped: nothing supports this claim yet")), List.of(), Optional.empty(),
                Optional.of(x.t("Alice (alignment team)"))));
        obs.add(ob("support:converged", 31, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("evidence:converged", 31, Status.PROVED, 3, List.of(), List.of("judge_eval#1"), Map.of(),
                Optional.empty(), List.of(new PremiseText("judge_eval#1", "judge_err <= 0.149151961274")),
                Optional.of("judge_err <= 3/20"), Optional.empty()));
        obs.add(ob("support:tight", 33, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty()));
        obs.add(ob("evidence:tight", 33, Status.INVALID, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("lists invalid evidence red_team")), List.of(), Optional.of("p_mislead <= 1/100"),
                Optional.empty()));
        obs.add(ob("support:calibrated", 36, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("evidence:calibrated", 36, Status.UNKNOWN, 10000, List.of(), List.of(), Map.of(),
                Optional.of(x.t("incomplete: non-linear arithmetic")),
                List.of(new PremiseText("cal_eval#1", "cal_err <= 3/300")), Optional.of("cal_err * cal_err <= 1/400"),
                Optional.empty()));
        obs.add(ob("support:reviewed", 39, Status.ASSERTED, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("asserted: Board minutes 2026-10")), List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("support:no_sandbagging", 41, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("evidence:no_sandbagging", 41, Status.PROVED, 2, List.of("error_budget"),
                List.of("error_budget", "sandbag_eval#1"), Map.of(), Optional.empty(),
                List.of(new PremiseText("error_budget", "sandbag_rate <= 1/50"),
                        new PremiseText("sandbag_eval#1", "sandbag_rate <= 0.0152354399")),
                Optional.of("no_sandbagging"), Optional.empty()));
        obs.add(ob("validity:judge_eval", 45, Status.PROVED, 1, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("validity:red_team", 51, Status.INVALID, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("sha256 mismatch: expected 3a7bd3e2\u2026, found 9f86d081\u2026")), List.of(),
                Optional.empty(), Optional.empty()));
        obs.add(ob("validity:lit_review", 55, Status.ASSERTED, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("a reference: accepted by review")), List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("validity:cal_eval", 57, Status.PROVED, 1, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("validity:sandbag_eval", 61, Status.PROVED, 1, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("defeater:exploration_hacking", 65, Status.OPEN, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("not eliminated: add eliminated by or accepted")), List.of(), Optional.empty(),
                Optional.of(x.t("Bob"))));
        obs.add(ob("defeater:obfuscated", 69, Status.ASSERTED, 0, List.of(), List.of(), Map.of(),
                Optional.of(x.t("accepted: residual risk accepted by the oversight board")), List.of(),
                Optional.empty(), Optional.empty()));
        obs.add(ob("defeater:few_trials", 73, Status.VACUOUS, 2, List.of(), List.of("range:n_runs", "judge_eval#2",
                        "few_trials_floor"), Map.of(), Optional.of(x.t("the premises contradict each other")),
                List.of(new PremiseText("range:n_runs", "0 <= n_runs and n_runs <= 1000000"),
                        new PremiseText("judge_eval#2", "n_runs == 2000000")), Optional.of("not (n_runs < 1000)"),
                Optional.empty()));
        obs.add(ob("defeater:sandbagging", 77, Status.PROVED, 0, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));
        obs.add(ob("consistency:debate", 1, Status.PROVED, 5, List.of(), List.of(), Map.of(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty()));

        List<AssumptionResult> assumptions = List.of(
                new AssumptionResult(new NodeInfo("error_budget", x.t("Sandbagging stays under 2 %"), 12),
                        Optional.of("sandbag_rate <= 1/50"), ids("inference:argue_debate", "evidence:no_sandbagging"),
                        ids("evidence:no_sandbagging")),
                new AssumptionResult(new NodeInfo("low_stakes", x.t("No single answer is catastrophic"), 13),
                        Optional.of("stakes == Stakes.low"), ids("inference:argue_debate"), List.of()),
                new AssumptionResult(new NodeInfo("warrant", x.t("Honest equilibria and convergence keep errors rare"), 14),
                        Optional.of("honest_eq and converged => p_unsafe <= 1/100"), ids("inference:argue_debate"), List.of()),
                new AssumptionResult(new NodeInfo("many_queries", x.t("Users ask many questions"), 9), Optional.empty(),
                        List.of(), List.of()));

        List<EvidenceResult> evidence = List.of(
                new EvidenceResult(new NodeInfo("judge_eval", x.t("Held-out judge evaluation, 2000 honest transcripts"), 45),
                        new EvidenceResult.Pin(Optional.of("evidence/judge.json"),
                                Optional.of("3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"),
                                Optional.of(LocalDate.of(2027, 6, 1))), Status.PROVED, Optional.empty(),
                        List.of("judge_err <= clopper_pearson_upper(json(\"/failures\"), json(\"/n\"), 95%)",
                                "n_runs == json(\"/n\")"), List.of(judgeBound)),
                new EvidenceResult(new NodeInfo("red_team", x.t("Red-team campaign against the judge"), 51),
                        new EvidenceResult.Pin(Optional.of(x.t("evidence/red_team.json")),
                                Optional.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                                Optional.empty()), Status.INVALID,
                        Optional.of(x.t("sha256 mismatch: expected 3a7bd3e2\u2026, found 9f86d081\u2026")),
                        List.of("p_mislead <= clopper_pearson_upper(2, 120, 95%)"), List.of(redTeamBound)),
                new EvidenceResult(new NodeInfo("lit_review", x.t("Survey of debate results (Irving et al.)"), 55),
                        EvidenceResult.Pin.NONE, Status.ASSERTED, Optional.empty(), List.of(), List.of()),
                new EvidenceResult(new NodeInfo("cal_eval", x.t("Calibration study"), 57),
                        new EvidenceResult.Pin(Optional.of("evidence/cal.json"), Optional.empty(),
                                Optional.of(LocalDate.of(2026, 12, 1))), Status.PROVED, Optional.empty(),
                        List.of("cal_err <= rule_of_three(0, json(\"/n\"))"), List.of(calBound)),
                new EvidenceResult(new NodeInfo("sandbag_eval", x.t("Sandbagging probe, 300 trials"), 61),
                        new EvidenceResult.Pin(Optional.of("evidence/sb.json"), Optional.empty(), Optional.empty()),
                        Status.PROVED, Optional.empty(),
                        List.of("sandbag_rate <= clopper_pearson_upper(0, 300, 99%)"), List.of(sandbagBound)));

        List<DefeaterResult> defeaters = List.of(
                new DefeaterResult(new NodeInfo("exploration_hacking", x.t("The policy never explores the honest strategy"),
                        65), Status.OPEN, "rebuts", "converged", List.of(), Optional.empty(), Optional.of(x.t("Bob"))),
                new DefeaterResult(new NodeInfo("obfuscated", x.t("Debaters know of a flaw they cannot exhibit to the judge"),
                        69), Status.ASSERTED, "undercuts", "argue_debate", List.of(),
                        Optional.of(x.t("Residual risk accepted by the oversight board")), Optional.empty()),
                new DefeaterResult(new NodeInfo("few_trials", x.t("Too few trials to bound the rate"), 73), Status.VACUOUS,
                        "undermines", "judge_eval", List.of(), Optional.empty(), Optional.empty()),
                new DefeaterResult(new NodeInfo("sandbagging", x.t("The model underperforms on purpose"), 77),
                        Status.PROVED, "rebuts", "calibrated", List.of("no_sandbagging"), Optional.empty(), Optional.empty()));

        Map<Status, Integer> summary = new EnumMap<>(Status.class);
        for (ObligationResult o : obs) summary.merge(o.status(), 1, Integer::sum);
        List<ObligationId> open = obs.stream().filter(o -> o.status() == Status.OPEN).map(ObligationResult::id).toList();
        List<ObligationId> unproven = obs.stream()
                .filter(o -> o.status() != Status.PROVED && o.status() != Status.ASSERTED).map(ObligationResult::id)
                .toList();
        CaseResult.Nodes nodes = new CaseResult.Nodes(claims, strategies, evidence, defeaters, assumptions, texts);
        return new CaseResult(new CaseResult.Source("debate", FILE, 1,
                x.t("Alignment safety case for an R&D advisor trained with debate")), true,
                new CaseResult.Outcome(false, summary, open, unproven), nodes, obs, diags, graph(nodes), List.of(
                        new AlternativesResult("tight", List.of("any of (red_team, lit_review)"), Status.ASSERTED, List.of(
                                new AlternativesResult.Route("red_team", List.of("red_team"), Status.INVALID, false,
                                        List.of(), List.of()),
                                new AlternativesResult.Route("lit_review", List.of("lit_review"), Status.ASSERTED, true,
                                        List.of(), List.of(ObligationId.parse("support:honest_eq").orElseThrow()))))),
                bounds(x));
    }

    /** Doubt bounds as the confidence stage gives them: the root bounded, an open claim not. */
    private static Confidence.CaseConfidence bounds(Texts x) {
        Map<String, Bound> claims = new LinkedHashMap<>();
        claims.put("top", new Bound.Finite(Rational.of(13, 200), List.of(
                new Bound.Contribution(new Source("judge_eval#1", Source.Kind.FACT, Optional.of(Rational.of(1, 20)),
                        Optional.of(x.t("1 \u2212 confidence of clopper_pearson_upper(270, 2000, 0.95) at confidence 0.95"))),
                        Rational.of(1, 20)),
                new Bound.Contribution(new Source("low_stakes", Source.Kind.ASSUMPTION, Optional.of(Rational.of(1, 100)),
                        Optional.empty()), Rational.of(1, 100)),
                new Bound.Contribution(new Source("reviewed", Source.Kind.ASSERTED_CLAIM, Optional.of(Rational.of(1, 200)),
                        Optional.empty()), Rational.of(1, 200)))));
        claims.put("honest_eq", new Bound.Unbounded(x.t("support:honest_eq is open")));
        return new Confidence.CaseConfidence(claims, List.of("top"));
    }

    /** The argument graph the hand-built results describe, as the pipeline would have built it from the model. */
    private static ArgumentGraph graph(CaseResult.Nodes n) {
        Map<Integer, String> byLine = new TreeMap<>();
        Map<String, Model.Kind> kinds = new LinkedHashMap<>();
        List<ArgumentGraph.Edge> edges = new ArrayList<>();
        for (ClaimResult c : n.claims()) {
            byLine.put(c.line(), c.id());
            kinds.put(c.id(), Model.Kind.CLAIM);
        }
        for (StrategyResult s : n.strategies()) {
            byLine.put(s.line(), s.id());
            kinds.put(s.id(), Model.Kind.STRATEGY);
        }
        for (EvidenceResult e : n.evidence()) {
            byLine.put(e.line(), e.id());
            kinds.put(e.id(), Model.Kind.EVIDENCE);
        }
        for (DefeaterResult d : n.defeaters()) {
            byLine.put(d.line(), d.id());
            kinds.put(d.id(), Model.Kind.DEFEATER);
        }
        for (String id : byLine.values()) {
            for (ClaimResult c : n.claims()) {
                if (c.id().equals(id)) c.support().supportedBy().forEach(s -> edges.add(edge(id, s, ArgumentGraph.EdgeKind.SUPPORT)));
            }
            for (StrategyResult s : n.strategies()) {
                if (s.id().equals(id)) s.subclaims().forEach(c -> edges.add(edge(id, c, ArgumentGraph.EdgeKind.SUPPORT)));
            }
            for (DefeaterResult d : n.defeaters()) {
                if (d.id().equals(id)) d.eliminatedBy().forEach(c -> edges.add(edge(id, c, ArgumentGraph.EdgeKind.ELIMINATION)));
                if (d.target().equals(id)) edges.add(edge(id, d.id(), ArgumentGraph.EdgeKind.ATTACK));
            }
        }
        return ArgumentGraph.of(List.copyOf(byLine.values()), kinds, edges);
    }

    private static ArgumentGraph.Edge edge(String from, String to, ArgumentGraph.EdgeKind kind) {
        return new ArgumentGraph.Edge(from, to, kind);
    }

    private static List<ObligationId> ids(String... ids) {
        return java.util.Arrays.stream(ids).map(i -> ObligationId.parse(i).orElseThrow()).toList();
    }

    /** The claim with its context and assumption lists and the bounds it rests on (justifications: none here). */
    private static ClaimResult clauses(ClaimResult c, List<String> context, List<String> assuming,
                                       List<BoundResult> bounds, String joint) {
        return new ClaimResult(c.node(), c.formula(), c.standing(), c.support(), new Clauses(context, assuming, List.of()),
                c.provenance(), new ClaimResult.Confidence(bounds, joint));
    }

    private static ClaimResult claim(String id, String text, String formula, boolean root, int line, Status status,
                                     List<String> restsOn, String support, List<String> supportedBy,
                                     Optional<String> owner, Optional<String> origin) {
        return new ClaimResult(new NodeInfo(id, text, line), formula.isEmpty() ? Optional.empty() : Optional.of(formula),
                new ClaimResult.Standing(status, root, status == Status.PROVED, restsOn),
                new ClaimResult.Support(support, supportedBy, "undeveloped".equals(support), Optional.empty()),
                Clauses.NONE, new Provenance(owner, origin), ClaimResult.Confidence.NONE);
    }

    private static ObligationResult ob(String id, int line, Status status, long millis, List<String> used,
                                       List<String> core, Map<String, String> cex, Optional<String> reason,
                                       List<PremiseText> premises, Optional<String> goal, Optional<String> owner) {
        return new ObligationResult(ObligationId.parse(id).orElseThrow(), FILE, line, status, reason,
                new ObligationResult.Findings(millis, used, core, cex), new ObligationResult.Statement(premises, goal, List.of()), owner);
    }
}
