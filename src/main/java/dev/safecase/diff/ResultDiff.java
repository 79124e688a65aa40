package dev.safecase.diff;

import dev.safecase.judge.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two results of the same cases, for the review of a change to a case: the gate, cases added or
 * removed, every obligation whose status changed (better or worse), obligations added or removed, open problems
 * opened and closed, and evidence whose file, pin, expiry or status changed or that expired. Only what differs is
 * listed; an empty diff means the two results agree on all of it.
 */
public record ResultDiff(Snapshot base, Snapshot head, List<String> addedCases, List<String> removedCases,
                         List<StatusChange> changed, List<Item> added, List<Item> removed, List<Item> opened,
                         List<Item> closed, List<EvidenceChange> evidence) {

    public ResultDiff {
        addedCases = List.copyOf(addedCases);
        removedCases = List.copyOf(removedCases);
        changed = List.copyOf(changed);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
        evidence = List.copyOf(evidence);
    }

    /** An obligation of a case, as one side has it. */
    public record Item(String caseName, Snapshot.Obligation obligation) {}

    /** An obligation whose status differs. */
    public record StatusChange(String caseName, Snapshot.Obligation before, Snapshot.Obligation after) {
        /** Worse: its status is later in {@link Status}' order (proved, asserted, open, unknown, refuted, vacuous, invalid). */
        public boolean worse() {
            return after.status().compareTo(before.status()) > 0;
        }
    }

    /** An evidence item that changed; {@code before} is empty for a new one. */
    public record EvidenceChange(String caseName, Optional<Snapshot.Evidence> before, Snapshot.Evidence after, List<String> what) {
        public EvidenceChange {
            what = List.copyOf(what);
        }
    }

    public static ResultDiff of(Snapshot base, Snapshot head) {
        List<String> addedCases = new ArrayList<>();
        List<String> removedCases = new ArrayList<>();
        List<StatusChange> changed = new ArrayList<>();
        List<Item> added = new ArrayList<>();
        List<Item> removed = new ArrayList<>();
        List<Item> opened = new ArrayList<>();
        List<Item> closed = new ArrayList<>();
        List<EvidenceChange> evidence = new ArrayList<>();
        for (String name : base.cases().keySet()) if (!head.cases().containsKey(name)) removedCases.add(name);
        Set<String> names = new LinkedHashSet<>(head.cases().keySet());
        for (String name : names) {
            Snapshot.Case h = head.cases().get(name);
            Optional<Snapshot.Case> b = Optional.ofNullable(base.cases().get(name));
            if (b.isEmpty()) addedCases.add(name);
            for (Snapshot.Obligation o : h.obligations().values()) {
                Snapshot.Obligation was = b.map(c -> c.obligations().get(o.id())).orElse(null);
                if (was == null) {
                    if (b.isPresent()) added.add(new Item(name, o));
                } else if (was.status() != o.status()) {
                    changed.add(new StatusChange(name, was, o));
                }
                boolean openNow = h.openProblems().contains(o.id());
                boolean openBefore = b.map(c -> c.openProblems().contains(o.id())).orElse(false);
                if (openNow && !openBefore) opened.add(new Item(name, o));
            }
            b.ifPresent(c -> {
                for (Snapshot.Obligation o : c.obligations().values()) {
                    if (!h.obligations().containsKey(o.id())) removed.add(new Item(name, o));
                    if (c.openProblems().contains(o.id()) && !h.openProblems().contains(o.id())) closed.add(new Item(name, o));
                }
            });
            for (Snapshot.Evidence e : h.evidence().values()) {
                Optional<Snapshot.Evidence> was = b.map(c -> c.evidence().get(e.id()));
                List<String> what = evidenceChanges(was, e);
                if (!what.isEmpty()) evidence.add(new EvidenceChange(name, was, e, what));
            }
        }
        return new ResultDiff(base, head, addedCases, removedCases, changed, added, removed, opened, closed, evidence);
    }

    private static List<String> evidenceChanges(Optional<Snapshot.Evidence> was, Snapshot.Evidence now) {
        List<String> out = new ArrayList<>();
        if (was.isEmpty()) {
            out.add("new");
            if (now.expired()) out.add("expired");
            return out;
        }
        Snapshot.Evidence b = was.get();
        if (!Objects.equals(b.file(), now.file())) out.add("file " + b.file().orElse("none") + " \u2192 " + now.file().orElse("none"));
        if (!Objects.equals(b.sha256(), now.sha256())) out.add("content changed (sha256 " + shortHash(b.sha256()) + " \u2192 " + shortHash(now.sha256()) + ")");
        if (!Objects.equals(b.expires(), now.expires())) out.add("expiry " + b.expires().orElse("none") + " \u2192 " + now.expires().orElse("none"));
        if (now.expired() && !b.expired()) out.add("expired");
        if (b.status() != now.status()) out.add("status " + b.status().label() + " \u2192 " + now.status().label());
        return out;
    }

    private static String shortHash(Optional<String> h) {
        return h.map(s -> s.length() > 12 ? s.substring(0, 12) : s).orElse("none");
    }

    /** The status changes for the worse. */
    public List<StatusChange> regressions() {
        return changed.stream().filter(StatusChange::worse).toList();
    }

    public List<StatusChange> improvements() {
        return changed.stream().filter(c -> !c.worse()).toList();
    }

    /** Whether the two results differ in anything this diff looks at. */
    public boolean empty() {
        return addedCases.isEmpty() && removedCases.isEmpty() && changed.isEmpty() && added.isEmpty() && removed.isEmpty()
                && opened.isEmpty() && closed.isEmpty() && evidence.isEmpty() && base.gate().passed() == head.gate().passed()
                && base.gate().proved() == head.gate().proved() && base.gate().total() == head.gate().total();
    }
}
