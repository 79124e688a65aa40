package dev.safecase.report;

import dev.safecase.judge.Status;
import dev.safecase.lower.ObligationId;
import dev.safecase.result.CaseResult;
import dev.safecase.result.ObligationResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which page of a case's report shows what, so every page stays small (about 3 MB at most) at any size of case, and
 * every link points where its target is. A case page {@code STEM.html} always has the verdict, the unproven
 * obligations and the open problems. A small case has everything on it; a large one (more than
 * {@link #PAGE} obligations or more than {@link #INLINE_NODES} nodes to draw) keeps the unproven obligations there
 * and moves the rest to pages in {@code STEM_files/}: the full claim tree, the obligations {@link #PAGE} at a time
 * in source order, the nodes (assumptions, evidence, defeaters, contexts) and the full diagram. Every case has its
 * source page there. Stems contain only {@code [A-Za-z0-9_.-]}, so {@code STEM_files} never equals another case's
 * page, diagram or folder.
 */
final class PagePlan {
    /** Obligations whose details one page holds. */
    static final int PAGE = 800;
    /** Nodes up to which the case page draws the whole diagram; beyond, the paths to unproven nodes. */
    static final int INLINE_NODES = 250;
    /** Rows of a list (links in a cell, rows of the open problems) shown before "and N more". */
    static final int MAX_LINKS = 12;
    static final int MAX_PROBLEMS = 300;

    final String stem;
    final boolean large;
    private final Map<ObligationId, String> obligationPage = new HashMap<>();
    private final List<String> obligationPages = new ArrayList<>();
    private final List<List<ObligationResult>> obligationChunks = new ArrayList<>();
    private final List<ObligationResult> onCasePage = new ArrayList<>();

    PagePlan(String stem, CaseResult c, int drawnNodes) {
        this.stem = stem;
        this.large = c.obligations().size() > PAGE || drawnNodes > INLINE_NODES;
        if (!large) {
            onCasePage.addAll(c.obligations());
            for (ObligationResult o : c.obligations()) obligationPage.put(o.id(), casePage());
            return;
        }
        for (int i = 0; i < c.obligations().size(); i += PAGE) {
            String page = folder() + "/obligations-" + (i / PAGE + 1) + ".html";
            obligationPages.add(page);
            List<ObligationResult> chunk = c.obligations().subList(i, Math.min(c.obligations().size(), i + PAGE));
            obligationChunks.add(chunk);
            for (ObligationResult o : chunk) obligationPage.put(o.id(), page);
        }
        Set<ObligationId> unproven = new HashSet<>(c.unproven());
        for (ObligationResult o : c.obligations()) {
            if (onCasePage.size() >= PAGE) break;
            if (unproven.contains(o.id()) || o.status() != Status.PROVED && o.status() != Status.ASSERTED) {
                onCasePage.add(o);
                obligationPage.put(o.id(), casePage());
            }
        }
    }

    String casePage() {
        return stem + ".html";
    }

    String svg() {
        return stem + ".svg";
    }

    String folder() {
        return stem + "_files";
    }

    String sourcePage() {
        return folder() + "/source.html";
    }

    String treePage() {
        return large ? folder() + "/tree.html" : casePage();
    }

    String nodesPage() {
        return large ? folder() + "/nodes.html" : casePage();
    }

    String diagramPage() {
        return large ? folder() + "/diagram.html" : casePage();
    }

    List<String> obligationPages() {
        return obligationPages;
    }

    List<List<ObligationResult>> obligationChunks() {
        return obligationChunks;
    }

    /** The obligations whose details the case page shows: all of a small case, the unproven ones of a large one. */
    List<ObligationResult> onCasePage() {
        return onCasePage;
    }

    /** The page (relative to the report folder) that shows an obligation's details. */
    String obligationPage(ObligationId id) {
        return obligationPage.getOrDefault(id, casePage());
    }

    /** A link from page {@code from} to {@code anchor} on page {@code to} (both relative to the report folder). */
    static String href(String from, String to, String anchor) {
        String frag = anchor.isEmpty() ? "" : "#" + anchor;
        if (from.equals(to)) return frag.isEmpty() ? "#" : frag;
        return relative(from, to) + frag;
    }

    /** The path of {@code to} seen from the folder of {@code from}: pages are at most one folder deep. */
    static String relative(String from, String to) {
        int fs = from.lastIndexOf('/');
        int ts = to.lastIndexOf('/');
        String fromDir = fs < 0 ? "" : from.substring(0, fs);
        String toDir = ts < 0 ? "" : to.substring(0, ts);
        if (fromDir.equals(toDir)) return to.substring(ts + 1);
        if (fromDir.isEmpty()) return to;
        return (toDir.isEmpty() ? "../" + to : "../" + to);
    }
}
