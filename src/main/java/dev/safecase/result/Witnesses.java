package dev.safecase.result;

import dev.safecase.formula.Evaluation;
import dev.safecase.formula.Infix;
import dev.safecase.formula.Term;
import dev.safecase.formula.Terms;
import dev.safecase.formula.Type;
import dev.safecase.lower.Obligation;
import dev.safecase.lower.Premise;
import dev.safecase.prove.SmtLib;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Builds the {@link Witness} of a refuted obligation from its terms and its counterexample; decides nothing. */
final class Witnesses {
    private Witnesses() {
    }

    /** Conjuncts shown one by one; beyond this many only the failing ones. */
    private static final int MAX_CONJUNCTS = 8;

    static Witness of(Obligation o, Map<String, String> counterexample) {
        if (counterexample.isEmpty() || o.goal().isEmpty()) return Witness.NONE;
        Term goal = o.goal().get();
        Map<String, Type> types = SmtLib.symbols(o);
        Evaluation eval = new Evaluation(name -> {
            String v = counterexample.get(name);
            Type t = types.get(name);
            return v == null || t == null ? Optional.empty() : Evaluation.parse(v, t);
        });
        Set<String> relevant = relevant(o, goal, eval);
        List<String> shown = counterexample.keySet().stream().filter(relevant::contains).toList();
        List<Witness.Part> parts = new ArrayList<>();
        parts.add(part(0, goal, eval));
        Term body = unfold(goal);
        List<Term> operands = operands(body);
        boolean many = operands.size() > MAX_CONJUNCTS;
        Optional<Witness.Comparison> failed = comparison(body, eval);
        for (Term op : operands) {
            if (op instanceof Term.Num) continue;
            if (many && eval.truth(op).orElse(false)) continue;
            parts.add(part(1, op, eval));
            Term inner = unfold(op);
            if (body instanceof Term.And && eval.truth(op).map(b -> !b).orElse(false)) {
                if (failed.isEmpty()) failed = comparison(inner, eval);
                if (inner instanceof Term.Cmp c) {
                    for (Term side : List.of(c.left(), c.right())) {
                        if (!(side instanceof Term.Num)) parts.add(part(2, side, eval));
                    }
                }
            }
        }
        return new Witness(shown, counterexample.size() - shown.size(), parts, failed);
    }

    /**
     * The symbols of the goal and of the premises in play: each premise is split into its conjuncts, and a conjunct
     * that mentions a symbol already in the set brings in its own symbols, until nothing changes. An implication
     * whose condition is false in the counterexample holds whatever its conclusion says, so it brings in only its
     * condition's symbols (were the condition true, the conclusion could save the goal). A conjunct with no symbol
     * in common with the set constrains other symbols only: any value of theirs leaves the goal failing.
     */
    private static Set<String> relevant(Obligation o, Term goal, Evaluation eval) {
        Set<String> in = symbolsOf(goal);
        List<Set<String>> triggers = new ArrayList<>();
        List<Set<String>> brings = new ArrayList<>();
        for (Premise p : o.premises()) {
            for (Term c : conjuncts(p.formula())) {
                if (c instanceof Term.Implies i && eval.truth(i.left()).equals(Optional.of(false))) {
                    triggers.add(symbolsOf(i.right()));
                    brings.add(symbolsOf(i.left()));
                } else {
                    Set<String> s = symbolsOf(c);
                    triggers.add(s);
                    brings.add(s);
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < triggers.size(); i++) {
                Set<String> t = triggers.get(i);
                if (t == null || t.stream().noneMatch(in::contains)) continue;
                grew |= in.addAll(brings.get(i));
                triggers.set(i, null);
            }
        }
        return in;
    }

    /** The conjuncts of a formula, through nested ands and define uses. */
    private static List<Term> conjuncts(Term t) {
        List<Term> out = new ArrayList<>();
        java.util.ArrayDeque<Term> stack = new java.util.ArrayDeque<>();
        Set<Term> seen = Terms.identitySet();
        stack.push(t);
        while (!stack.isEmpty() && out.size() < 10_000) {
            Term x = unfold(stack.pop());
            if (!seen.add(x)) continue;
            if (x instanceof Term.And a) {
                for (int i = a.operands().size() - 1; i >= 0; i--) stack.push(a.operands().get(i));
            } else {
                out.add(x);
            }
        }
        out.addAll(stack);
        return out;
    }

    private static Set<String> symbolsOf(Term t) {
        Set<String> vars = new LinkedHashSet<>();
        Terms.collect(t, vars, vars);
        return vars;
    }

    private static Witness.Part part(int depth, Term t, Evaluation eval) {
        return new Witness.Part(depth, Infix.print(t), eval.value(t).map(Witnesses::text));
    }

    static String text(Evaluation.Value v) {
        if (v instanceof Evaluation.Num n) return n.value().toString();
        if (v instanceof Evaluation.Bool b) return String.valueOf(b.value());
        return ((Evaluation.Member) v).name();
    }

    /** A define's use stands for its body when we look inside (printing still shows the name). */
    private static Term unfold(Term t) {
        Term x = t;
        for (int i = 0; i < 64 && x instanceof Term.Def d; i++) x = d.body();
        return x;
    }

    private static List<Term> operands(Term t) {
        if (t instanceof Term.Cmp c) return List.of(c.left(), c.right());
        if (t instanceof Term.Not n) return List.of(n.operand());
        if (t instanceof Term.And a) return a.operands();
        if (t instanceof Term.Or o) return o.operands();
        if (t instanceof Term.Implies i) return List.of(i.left(), i.right());
        if (t instanceof Term.Iff i) return List.of(i.left(), i.right());
        return List.of();
    }

    /** A failing comparison, with the relation that holds in its place. */
    private static Optional<Witness.Comparison> comparison(Term t, Evaluation eval) {
        if (!(t instanceof Term.Cmp c) || !eval.truth(c).map(b -> !b).orElse(false)) return Optional.empty();
        Optional<Evaluation.Value> l = eval.value(c.left());
        Optional<Evaluation.Value> r = eval.value(c.right());
        if (l.isEmpty() || r.isEmpty()) return Optional.empty();
        String holds = switch (c.op()) {
            case LE -> ">";
            case LT -> ">=";
            case GE -> "<";
            case GT -> "<=";
            case EQ -> "!=";
            case NE -> "==";
        };
        return Optional.of(new Witness.Comparison(Infix.print(c.left()), text(l.get()), holds, Infix.print(c.right()),
                text(r.get())));
    }
}
