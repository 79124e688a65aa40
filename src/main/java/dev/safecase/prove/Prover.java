package dev.safecase.prove;

import dev.safecase.diag.Vocabulary;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.num.Rational;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Infix;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides the solver obligations of a run with {@code jobs} workers.
 *
 * <p>Each case's obligations are cut into fixed blocks, in order, and each block is decided in a
 * fresh Z3 session: a block never holds two cases, so no declaration (an enum sort, a symbol)
 * and no solver history passes from one case to another, and every obligation sees the same
 * history whatever {@code --jobs} is and whichever other cases share the run.
 */
public final class Prover {
    /** Obligations per fresh solver context: a context costs about a millisecond, a push/pop scope a few microseconds. */
    static final int BLOCK = 64;

    private final long timeoutMs;
    private final long rlimit;
    private final int jobs;

    private final Vocabulary vocabulary;

    public Prover(long timeoutMs, long rlimit, int jobs) {
        this(timeoutMs, rlimit, jobs, Vocabulary.CLI);
    }

    /** As above; a verdict that ran out of budget names the settings in {@code vocabulary}'s words. */
    public Prover(long timeoutMs, long rlimit, int jobs, Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.timeoutMs = timeoutMs;
        this.rlimit = rlimit;
        this.jobs = Math.max(1, jobs);
    }

    /** Every solver obligation ({@link Obligation#isSolved}) of the cases, by case name, decided. */
    public Map<ObligationRef, Verdict> prove(Map<String, List<Obligation>> byCase) {
        List<Block> blocks = new ArrayList<>();
        for (Map.Entry<String, List<Obligation>> c : byCase.entrySet()) {
            List<Obligation> solved = c.getValue().stream().filter(Obligation::isSolved).toList();
            for (int i = 0; i < solved.size(); i += BLOCK) {
                blocks.add(new Block(c.getKey(), solved.subList(i, Math.min(solved.size(), i + BLOCK))));
            }
        }
        List<List<Verdict>> decided = decideAll(blocks);
        Map<ObligationRef, Verdict> out = new LinkedHashMap<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            for (int i = 0; i < block.obligations().size(); i++) {
                out.put(new ObligationRef(block.caseName(), block.obligations().get(i).id()), decided.get(b).get(i));
            }
        }
        return out;
    }

    /**
     * SC405: a divisor that the premises allow to be 0. In SMT {@code x / 0} is an unconstrained
     * value, so a proof that divides by such a term may mislead; each divisor is checked as the
     * goal {@code divisor != 0} under the obligation's premises, case by case.
     */
    public void divisorWarnings(Map<String, List<Obligation>> byCase, Diagnostics diags) {
        List<Block> blocks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Map.Entry<String, List<Obligation>> c : byCase.entrySet()) {
            List<Obligation> checks = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Obligation o : c.getValue()) {
                if (!o.isSolved()) continue;
                for (Term d : divisors(o)) {
                    String text = Infix.print(d);
                    if (!seen.add(o.id() + " " + text)) continue;
                    Term nonZero = new Term.Cmp(Term.CmpOp.NE, d, new Term.Num(Rational.ZERO, d.type()));
                    checks.add(new Obligation(o.id(), o.pos(), Obligation.Mode.ENTAILMENT, o.premises(),
                            Optional.of(nonZero), List.of(), Optional.empty()));
                    labels.add(text);
                }
            }
            if (!checks.isEmpty()) blocks.add(new Block(c.getKey(), checks));
        }
        List<List<Verdict>> decided = decideAll(blocks);
        int label = 0;
        for (int b = 0; b < blocks.size(); b++) {
            for (int i = 0; i < blocks.get(b).obligations().size(); i++) {
                Obligation c = blocks.get(b).obligations().get(i);
                String text = labels.get(label++);
                if (decided.get(b).get(i).answer() == Verdict.Answer.REFUTED) {
                    diags.warning(Code.SC405, c.pos(), "divisor " + text + " may be 0 under the premises of " + c.id()
                            + "; state that it is not (x / 0 is unconstrained)");
                }
            }
        }
    }

    /** The divisors of an obligation's formulas that are not constants, in first-occurrence order. */
    static List<Term> divisors(Obligation o) {
        List<Term> out = new ArrayList<>();
        Set<Term> visited = Terms.identitySet();
        List<Term> roots = new ArrayList<>();
        o.premises().forEach(p -> roots.add(p.formula()));
        o.goal().ifPresent(roots::add);
        for (Term root : roots) {
            Terms.visit(root, visited, t -> {
                if (t instanceof Term.Arith a && a.op() == Term.ArithOp.DIV && Terms.constant(a.right()).isEmpty()) {
                    out.add(a.right());
                }
            });
        }
        return out;
    }

    private record Block(String caseName, List<Obligation> obligations) {
        Block {
            obligations = List.copyOf(obligations);
        }
    }

    private List<List<Verdict>> decideAll(List<Block> blocks) {
        List<List<Verdict>> results = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) results.add(null);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < blocks.size(); b = next.getAndIncrement()) {
                List<Verdict> vs = new ArrayList<>();
                try (Z3Session z3 = new Z3Session(timeoutMs, rlimit, vocabulary)) {
                    for (Obligation o : blocks.get(b).obligations()) vs.add(z3.decide(o));
                }
                synchronized (results) {
                    results.set(b, vs);
                }
            }
        };
        int workers = Math.min(jobs, blocks.size());
        if (workers <= 1) {
            worker.run();
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) fs.add(pool.submit(worker));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proving", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("solver worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }
}
