package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.result.ObligationResult;
import dev.safecase.result.ObligationResult.PremiseText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The premises of a case's obligations, each list written either in full ({@code "premises": [names]}) or as the
 * difference from the list of an obligation written before it in the same case:
 * {@code "premisesFrom": {"obligation": id, "without": [names], "with": [names]}} means that obligation's premises, in
 * their order, less {@code without}, then {@code with}. Along a tree of strategies each step inherits its ancestors'
 * warrants, so full lists grow with the depth; the differences do not, and the JSON grows linearly with the case
 * (schema 3, docs/reports.md). A base is always an earlier obligation of the same case, so one pass in order rebuilds
 * every list.
 *
 * <p>The base is chosen among a few candidates (the obligation just before, and the last ones to hold this list's
 * first and last premises), the one with the smallest difference; the full list is written when no difference is
 * shorter. The choice depends only on the obligations in their order, so the bytes are deterministic.
 */
final class PremiseLists {
    private final List<String> ids = new ArrayList<>();
    private final List<Set<String>> lists = new ArrayList<>();
    private final Map<String, Integer> lastHolder = new HashMap<>();

    void write(JsonGenerator g, ObligationResult o) throws IOException {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(o.premises().stream().map(PremiseText::name).toList()));
        Set<String> mine = new LinkedHashSet<>(names);
        int best = -1;
        int bestCost = names.size();
        for (int candidate : candidates(names)) {
            int cost = 2 + difference(lists.get(candidate), mine);
            if (cost < bestCost || (cost == bestCost && best >= 0 && candidate > best)) {
                best = candidate;
                bestCost = cost;
            }
        }
        if (best < 0) {
            Json.strings(g, "premises", names);
        } else {
            Set<String> base = lists.get(best);
            g.writeObjectFieldStart("premisesFrom");
            g.writeStringField("obligation", ids.get(best));
            Json.strings(g, "without", base.stream().filter(n -> !mine.contains(n)).toList());
            Json.strings(g, "with", names.stream().filter(n -> !base.contains(n)).toList());
            g.writeEndObject();
        }
        int index = ids.size();
        ids.add(o.id().toString());
        lists.add(mine);
        for (String n : names) lastHolder.put(n, index);
    }

    private Set<Integer> candidates(List<String> names) {
        Set<Integer> out = new TreeSet<>();
        if (!ids.isEmpty()) out.add(ids.size() - 1);
        int n = names.size();
        for (int i = 0; i < n; i++) {
            if (i >= 2 && i < n - 3) continue;
            Integer at = lastHolder.get(names.get(i));
            if (at != null) out.add(at);
        }
        return out;
    }

    private static int difference(Set<String> base, Set<String> mine) {
        int d = 0;
        for (String n : base) if (!mine.contains(n)) d++;
        for (String n : mine) if (!base.contains(n)) d++;
        return d;
    }
}
