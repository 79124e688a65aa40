package dev.safecase.prove;

import dev.safecase.diag.Vocabulary;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.formula.Infix;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.lower.Obligation;
import dev.safecase.num.Rational;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decides blocks of solver obligations with {@code jobs} workers.
 *
 * <p>{@link #plan} cuts each case's solver obligations into {@link Block}s, in order: a block
 * ends after an obligation whose ID hashes to a boundary (about one in {@value #SPREAD}), or at
 * {@value #MAX_BLOCK} obligations, and the case's consistency check is a block of its own. The
 * cuts depend on the IDs only, so editing a formula changes one block, adding a claim one or two,
 * and a block never holds two cases: every obligation sees the same solver history whatever
 * {@code --jobs} is, whichever other cases share the run, and whatever the cache already knew.
 *
 * <p>{@link #decide} first shows, per case, which obligations' premises are satisfiable
 * ({@link Consistency}), then decides each block in a fresh Z3 session ({@link Z3Session}).
 */
public final class Prover {
    /**
     * The revision of how a block is decided; part of every cache key, so that verdicts cached by
     * an earlier way of deciding are not taken for this one's.
     */
    public static final int REVISION = 2;

    /** About one obligation in SPREAD ends a block. */
    static final int SPREAD = 32;
    static final int MAX_BLOCK = 96;

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

    /** Told after each decided block. */
    public interface Progress {
        Progress NONE = (block, verdicts) -> { };

        void decided(Block block, List<Verdict> verdicts);
    }

    // ------------------------------------------------------------ planning

    /** The blocks of the cases' solver obligations ({@link Obligation#isSolved}) and of their SC405 divisor checks. */
    public static List<Block> plan(Map<String, List<Obligation>> byCase) {
        List<Block> out = new ArrayList<>();
        for (Map.Entry<String, List<Obligation>> c : byCase.entrySet()) {
            List<Obligation> solved = c.getValue().stream().filter(Obligation::isSolved).toList();
            List<String> keys = solved.stream().map(o -> o.id().toString()).toList();
            cut(c.getKey(), false, solved, List.of(), keys, out);
            List<Obligation> checks = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<String> checkKeys = new ArrayList<>();
            Map<Term, List<Term>> memo = new IdentityHashMap<>();
            for (Obligation o : solved) {
                Set<String> seen = new LinkedHashSet<>();
                for (Term d : divisors(o, memo)) {
                    String text = Infix.print(d);
                    if (!seen.add(text)) continue;
                    Term nonZero = new Term.Cmp(Term.CmpOp.NE, d, new Term.Num(Rational.ZERO, d.type()));
                    checks.add(new Obligation(o.id(), o.pos(), Obligation.Mode.ENTAILMENT, o.premises(),
                            Optional.of(nonZero), List.of(), Optional.empty()));
                    labels.add(text);
                    checkKeys.add(o.id() + " " + text);
                }
            }
            cut(c.getKey(), true, checks, labels, checkKeys, out);
        }
        return out;
    }

    private static void cut(String caseName, boolean divisors, List<Obligation> obs, List<String> labels, List<String> keys,
                            List<Block> out) {
        int from = 0;
        for (int i = 0; i < obs.size(); i++) {
            boolean alone = obs.get(i).kind() == Obligation.Kind.CONSISTENCY;
            if (alone && i > from) {
                out.add(block(caseName, divisors, obs, labels, from, i));
                from = i;
            }
            if (alone || boundary(keys.get(i)) || i + 1 - from >= MAX_BLOCK || i == obs.size() - 1) {
                out.add(block(caseName, divisors, obs, labels, from, i + 1));
                from = i + 1;
            }
        }
    }

    private static Block block(String caseName, boolean divisors, List<Obligation> obs, List<String> labels, int from, int to) {
        return new Block(caseName, divisors, obs.subList(from, to), divisors ? labels.subList(from, to) : List.of());
    }

    /** Whether an obligation ends its block: a fixed function of its ID (String.hashCode is specified). */
    static boolean boundary(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, SPREAD) == 0;
    }

    /**
     * The divisors of an obligation's formulas that are not constants, in first-occurrence order;
     * {@code memo} keeps each formula's own (by identity), as premises are shared by many obligations.
     */
    static List<Term> divisors(Obligation o, Map<Term, List<Term>> memo) {
        List<Term> roots = new ArrayList<>();
        o.premises().forEach(p -> roots.add(p.formula()));
        o.goal().ifPresent(roots::add);
        Set<Term> seen = Terms.identitySet();
        List<Term> out = new ArrayList<>();
        for (Term root : roots) {
            for (Term d : memo.computeIfAbsent(root, Prover::divisorsOf)) if (seen.add(d)) out.add(d);
        }
        return out;
    }

    private static List<Term> divisorsOf(Term root) {
        List<Term> out = new ArrayList<>();
        Terms.visit(root, Terms.identitySet(), t -> {
            if (t instanceof Term.Arith a && a.op() == Term.ArithOp.DIV && Terms.constant(a.right()).isEmpty()) out.add(a.right());
        });
        return out.isEmpty() ? List.of() : out;
    }

    /**
     * SC405: a divisor that the premises allow to be 0. In SMT {@code x / 0} is an unconstrained
     * value, so a proof that divides by such a term may mislead; each divisor was checked as the
     * goal {@code divisor != 0} under the obligation's premises.
     */
    public static void divisorWarnings(Block block, List<Verdict> verdicts, Diagnostics diags) {
        if (!block.divisors()) return;
        for (int i = 0; i < block.size(); i++) {
            Obligation c = block.obligations().get(i);
            if (verdicts.get(i).answer() == Verdict.Answer.REFUTED) {
                diags.warning(Code.SC405, c.pos(), "divisor " + block.label(i).orElse("?") + " may be 0 under the premises of "
                        + c.id() + "; state that it is not (x / 0 is unconstrained)");
            }
        }
    }

    // ------------------------------------------------------------ deciding

    /** Decides the blocks; Z3 is loaded only when there is one to decide. Verdicts by block (identity), in obligation order. */
    public Map<Block, List<Verdict>> decide(List<Block> blocks, Progress progress) {
        Map<Block, List<Verdict>> out = new IdentityHashMap<>();
        if (blocks.isEmpty()) return out;
        Map<String, List<Obligation>> byCase = new LinkedHashMap<>();
        for (Block b : blocks) byCase.computeIfAbsent(b.caseName(), k -> new ArrayList<>()).addAll(b.obligations());
        List<Callable<Map<Obligation, Satisfiable>>> phases = new ArrayList<>();
        for (List<Obligation> obs : byCase.values()) phases.add(() -> new Consistency(timeoutMs, rlimit).decide(obs));
        Map<Obligation, Satisfiable> sat = new IdentityHashMap<>();
        for (Map<Obligation, Satisfiable> m : runAll(phases)) sat.putAll(m);
        List<Callable<List<Verdict>>> tasks = new ArrayList<>();
        for (Block b : blocks) {
            tasks.add(() -> {
                List<Verdict> vs = new ArrayList<>();
                try (Z3Session z3 = new Z3Session(timeoutMs, rlimit, b.canonical(), vocabulary)) {
                    for (Obligation o : b.obligations()) vs.add(z3.decide(o, sat.getOrDefault(o, Satisfiable.NOT_SHOWN)));
                }
                List<Verdict> done = List.copyOf(vs);
                progress.decided(b, done);
                return done;
            });
        }
        List<List<Verdict>> decided = runAll(tasks);
        for (int i = 0; i < blocks.size(); i++) out.put(blocks.get(i), decided.get(i));
        return out;
    }

    /** Runs the tasks with up to {@code jobs} workers, taken in order; results in task order. */
    private <T> List<T> runAll(List<Callable<T>> tasks) {
        List<T> results = new ArrayList<>();
        int workers = Math.min(jobs, tasks.size());
        if (workers <= 1) {
            try {
                for (Callable<T> t : tasks) results.add(t.call());
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("solver task failed: " + e, e);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<T>> fs = new ArrayList<>();
            for (Callable<T> t : tasks) fs.add(pool.submit(t));
            for (Future<T> f : fs) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while proving", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw new IllegalStateException("solver worker failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}
