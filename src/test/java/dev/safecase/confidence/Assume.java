package dev.safecase.confidence;

import dev.safecase.lower.Obligation;
import dev.safecase.lower.ObligationId;
import dev.safecase.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rewrites a case's text so that chosen open problems are resolved by the language itself, for the verifier to check
 * from scratch: an undeveloped claim gets a reference that gives it ({@code supported by}, so evidence or inference
 * obligations are solved again), an open defeater is accepted. Instance nodes are completed in the case. Anything else
 * cannot be rewritten and fails the test.
 */
final class Assume {
    private static final Pattern TOP = Pattern.compile("^[A-Za-z/]");
    private static final String REASON = "\"Assumed resolved (agenda test)\"";

    private final List<String> lines;
    private final List<String> appended = new ArrayList<>();
    /** Clauses to insert, as (line index, text): applied last to first, so that positions stay right. */
    private final java.util.TreeMap<Integer, List<String>> inserts = new java.util.TreeMap<>();
    private final Model.Case model;

    private Assume(String text, Model.Case model) {
        this.lines = new ArrayList<>(List.of(text.split("\n", -1)));
        this.model = model;
    }

    static String resolved(String text, Model.Case model, Set<ObligationId> problems) {
        Assume a = new Assume(text, model);
        int n = 0;
        for (ObligationId id : problems) a.resolve(id, n++);
        for (var e : a.inserts.descendingMap().entrySet()) a.lines.addAll(e.getKey(), e.getValue());
        StringBuilder sb = new StringBuilder(String.join("\n", a.lines));
        sb.append("\n\n// ---- assumed resolved by the agenda test\n");
        for (String s : a.appended) sb.append(s).append('\n');
        return sb.toString();
    }

    private void resolve(ObligationId id, int n) {
        Model.Node node = model.node(id.node()).orElseThrow(() -> new AssertionError("no node " + id.node()));
        if (id.kind() == Obligation.Kind.SUPPORT && node instanceof Model.Claim c) {
            String ev = "assumed_" + n;
            addClause("claim", c, "    supported by " + ev);
            appended.add("evidence " + ev + " " + REASON + " gives " + c.id());
        } else if (id.kind() == Obligation.Kind.DEFEATER && node instanceof Model.Defeater d) {
            addClause("defeater", d, "    accepted " + REASON);
        } else {
            throw new AssertionError("the test cannot rewrite " + id + " as resolved");
        }
    }

    /** Adds a clause to the node's declaration in the case, or to its completion (made if there is none). */
    private void addClause(String keyword, Model.Node node, String clause) {
        int start = -1;
        if (node.origin().isEmpty()) {
            start = node.pos().line() - 1;
        } else {
            Pattern completion = Pattern.compile("^" + keyword + "\\s+" + Pattern.quote(node.id()) + "(\\s|$)");
            for (int i = 0; i < lines.size(); i++) if (completion.matcher(lines.get(i)).find()) start = i;
        }
        if (start < 0) {
            appended.add(keyword + " " + node.id() + "\n" + clause);
            return;
        }
        int last = start;
        for (int i = start + 1; i < lines.size() && !TOP.matcher(lines.get(i)).find(); i++) {
            if (!lines.get(i).isBlank()) last = i;
        }
        for (int i = start; i <= last; i++) lines.set(i, withoutUndeveloped(lines.get(i)));
        inserts.computeIfAbsent(last + 1, k -> new ArrayList<>()).add(clause);
    }

    /** The line without the keyword {@code undeveloped} outside strings and comments. */
    static String withoutUndeveloped(String line) {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (!inString && line.startsWith("//", i)) {
                out.append(line.substring(i));
                break;
            }
            if (ch == '"') inString = !inString;
            if (!inString && line.startsWith("undeveloped", i) && (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1)))
                    && (i + 11 >= line.length() || !Character.isLetterOrDigit(line.charAt(i + 11)))) {
                i += 10;
                continue;
            }
            out.append(ch);
        }
        return out.toString();
    }
}
