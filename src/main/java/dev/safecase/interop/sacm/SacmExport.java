package dev.safecase.interop.sacm;

import static dev.safecase.interop.sacm.SacmNames.*;

import dev.safecase.ast.Decl;
import dev.safecase.interop.CheckedCase;
import dev.safecase.interop.NodeKind;
import dev.safecase.model.Model;
import dev.safecase.pipeline.Verifier;
import dev.safecase.syntax.Identifiers;
import dev.safecase.syntax.Outline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked case to OMG SACM 2.x XMI (the 2.3 namespace): an AssuranceCasePackage with one
 * ArgumentPackage (claims, argument reasoning, artifact references and the asserted relationships
 * between them), an ArtifactPackage (the evidence files with their SHA-256) and a
 * TerminologyPackage (quantities, enums and defines). What SACM has no place for (formulas,
 * clauses, the exact attack of a defeater, verdicts) rides in tagged values keyed
 * {@code safecase:…}, so that an import gives the case back. docs/interop.md has the table.
 */
public final class SacmExport {
    /** The comment that marks a file as written by safecase: an export replaces only such a file. */
    public static final String SIGNATURE = "<!-- Written by safecase";

    private final CheckedCase c;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> xmiId = new HashMap<>();
    /** The relationships each node's support or attack is drawn with, by node. */
    private final Map<String, List<String>> directRelations = new HashMap<>();
    private final Map<String, String> strategyInference = new HashMap<>();
    private final Map<String, List<String>> evidenceRelations = new HashMap<>();
    private final List<String> relationships = new ArrayList<>();
    private final List<String[]> artifacts = new ArrayList<>();
    private int counter;

    private SacmExport(CheckedCase c) {
        this.c = c;
    }

    public static String export(CheckedCase c) {
        return new SacmExport(c).document();
    }

    private String id(String prefix) {
        return prefix + (++counter);
    }

    private String document() {
        for (Model.Node n : c.model.nodes()) xmiId.put(n.id(), id("e"));
        relations();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append(SIGNATURE).append(' ').append(Verifier.VERSION).append(" (export to SACM) from ")
                .append(comment(c.model.file())).append(". Tagged values safecase:* keep what SACM has no place for. -->\n");
        out.append("<sacm:AssuranceCasePackage xmlns:sacm=\"").append(NS).append("\" xmlns:xmi=\"").append(Xml.XMI)
                .append("\" xmlns:xsi=\"").append(Xml.XSI).append("\" xmi:version=\"2.0\" xmi:id=\"acp\" gid=\"")
                .append(Xml.attr(Identifiers.content(c.model.name()))).append("\">\n");
        name(1, Identifiers.content(c.model.name()));
        description(1, c.model.text());
        for (String d : packageDeclarations()) tagged(1, DECLARATION, d);
        out.append("  <argumentPackage xmi:id=\"ap\">\n");
        name(2, "argument");
        for (Model.Node n : c.model.nodes()) asset(n);
        for (String r : relationships) out.append(r);
        out.append("  </argumentPackage>\n");
        if (!artifacts.isEmpty()) {
            out.append("  <artifactPackage xmi:id=\"arp\">\n");
            name(2, "evidence");
            for (String[] a : artifacts) {
                out.append("    <artifactElement xsi:type=\"sacm:Artifact\" xmi:id=\"").append(a[0]).append("\">\n");
                name(3, a[1]);
                tagged(3, LOCATION, a[1]);
                if (a[2] != null) tagged(3, SHA256, a[2]);
                out.append("    </artifactElement>\n");
            }
            out.append("  </artifactPackage>\n");
        }
        List<Decl> terms = terms();
        if (!terms.isEmpty()) {
            out.append("  <terminologyPackage xmi:id=\"tp\">\n");
            name(2, "terminology");
            for (Decl d : terms) {
                String name = termName(d);
                out.append("    <terminologyElement xsi:type=\"sacm:Term\" xmi:id=\"").append(id("t")).append("\" gid=\"")
                        .append(Xml.attr(name)).append("\" value=\"").append(Xml.attr(name)).append("\">\n");
                name(3, name);
                termDescription(d).ifPresent(t -> description(3, t));
                tagged(3, DECLARATION, c.caseFile.piece(d).text());
                out.append("    </terminologyElement>\n");
            }
            out.append("  </terminologyPackage>\n");
        }
        out.append("</sacm:AssuranceCasePackage>\n");
        return out.toString();
    }

    // ------------------------------------------------------------ relationships

    private void relations() {
        for (Model.Node n : c.model.nodes()) {
            if (n instanceof Model.Claim cl) claimRelations(cl);
        }
        for (Model.Node n : c.model.nodes()) {
            if (n instanceof Model.Defeater d) defeaterRelations(d);
        }
    }

    private void claimRelations(Model.Claim cl) {
        String target = xmiId.get(cl.id());
        if (cl.support() instanceof Model.ByStrategy s) {
            strategy(s.strategy(), target);
        } else if (cl.support() instanceof Model.Direct d) {
            direct(cl.id(), d, target);
        }
        side(cl.context(), cl.assuming(), cl.justifiedBy(), target);
    }

    /** A strategy's step: one inference from its subclaims to the claim, with the strategy as its reasoning. */
    private void strategy(String id, String target) {
        Model.Strategy st = (Model.Strategy) c.model.node(id).orElseThrow();
        String rel = relationship(INFERENCE, refs(st.subclaims()), target, Optional.of(xmiId.get(st.id())),
                st.undeveloped() ? NEEDS_SUPPORT : null, false);
        strategyInference.put(st.id(), rel);
        side(st.context(), st.assuming(), st.justifiedBy(), rel);
    }

    /** A {@code supported by} list: an inference from its claims, evidence from its evidence, a step per strategy. */
    private void direct(String owner, Model.Direct d, String target) {
        {
            for (String st : d.strategies()) strategy(st, target);
            List<String> rels = new ArrayList<>();
            if (!d.claims().isEmpty()) rels.add(relationship(INFERENCE, refs(d.claims()), target, Optional.empty(), null, false));
            if (!d.evidence().isEmpty()) {
                String rel = relationship(EVIDENCE, refs(d.evidence()), target, Optional.empty(), null, false);
                rels.add(rel);
                for (String e : d.evidence()) evidenceRelations.computeIfAbsent(e, k -> new ArrayList<>()).add(rel);
            }
            directRelations.put(owner, rels);
        }
    }

    private void side(List<String> context, List<String> assuming, List<String> justified, String target) {
        for (String x : context) relationship(ARTIFACT_CONTEXT, List.of(xmiId.get(x)), target, Optional.empty(), null, false);
        for (String x : assuming) relationship(CONTEXT, List.of(xmiId.get(x)), target, Optional.empty(), null, false);
        for (String x : justified) relationship(CONTEXT, List.of(xmiId.get(x)), target, Optional.empty(), null, false);
    }

    /** A defeater is a claim with a counter relationship to what it attacks; an eliminating claim counters the defeater. */
    private void defeaterRelations(Model.Defeater d) {
        List<String> targets = switch (d.attack()) {
            case REBUTS -> List.of(xmiId.get(d.target()));
            case UNDERCUTS -> c.model.node(d.target()).orElseThrow() instanceof Model.Strategy
                    ? List.of(strategyInference.get(d.target())) : directRelations.getOrDefault(d.target(), List.of());
            case UNDERMINES -> evidenceRelations.getOrDefault(d.target(), List.of(xmiId.get(d.target())));
        };
        if (targets.isEmpty()) targets = List.of(xmiId.get(d.target()));
        relationship(INFERENCE, List.of(xmiId.get(d.id())), String.join(" ", targets), Optional.empty(), null, true);
        // a counter-argument's own argument: plain support of the defeater's claim
        if (d.argument() instanceof Model.Direct arg) direct(d.id(), arg, xmiId.get(d.id()));
        else if (d.argument() instanceof Model.ByStrategy s) strategy(s.strategy(), xmiId.get(d.id()));
        for (String e : d.eliminatedBy()) {
            relationship(INFERENCE, List.of(xmiId.get(e)), xmiId.get(d.id()), Optional.empty(), null, true);
        }
    }

    private List<String> refs(List<String> ids) {
        return ids.stream().map(xmiId::get).toList();
    }

    private String relationship(String type, List<String> sources, String target, Optional<String> reasoning, String declaration,
                                boolean counter) {
        String id = id("r");
        StringBuilder sb = new StringBuilder("    <argumentElement xsi:type=\"sacm:").append(type).append("\" xmi:id=\"")
                .append(id).append("\" source=\"").append(String.join(" ", sources)).append("\" target=\"").append(target).append('"');
        reasoning.ifPresent(r -> sb.append(" reasoning=\"").append(r).append('"'));
        if (declaration != null) sb.append(" assertionDeclaration=\"").append(declaration).append('"');
        if (counter) sb.append(" isCounter=\"true\"");
        sb.append("/>\n");
        relationships.add(sb.toString());
        return id;
    }

    // ------------------------------------------------------------ assets

    private void asset(Model.Node n) {
        NodeKind kind = NodeKind.valueOf(n.kind().name());
        Optional<Decl.Element> decl = c.declaredInCase(n);
        String gid = decl.map(e -> Identifiers.content(e.id().last())).orElse(n.id());
        String type = switch (kind) {
            case STRATEGY -> REASONING;
            case EVIDENCE, CONTEXT -> ARTIFACT_REFERENCE;
            default -> CLAIM;
        };
        LinkedHashMap<String, Object> extras = decl.map(c.caseFile::attributes).orElse(new LinkedHashMap<>());
        String declaration = declaration(n, kind, extras);
        out.append("    <argumentElement xsi:type=\"sacm:").append(type).append("\" xmi:id=\"").append(xmiId.get(n.id()))
                .append("\" gid=\"").append(Xml.attr(gid)).append('"');
        if (declaration != null) out.append(" assertionDeclaration=\"").append(declaration).append('"');
        if (n instanceof Model.Evidence ev && ev.file().isPresent()) {
            String art = id("a");
            artifacts.add(new String[] {art, ev.file().get(), ev.sha256().orElse(null)});
            out.append(" referencedArtifactElement=\"").append(art).append('"');
        }
        out.append(">\n");
        name(3, gid);
        description(3, n.text());
        tagged(3, KIND, kind.keyword);
        Optional<Outline.Piece> piece = decl.map(c.caseFile::piece);
        piece.flatMap(Outline.Piece::formula).ifPresent(f -> tagged(3, FORMULA, f));
        String clauses = decl.map(e -> extraClauses(e, piece.get())).orElse(c.completion(n)
                .map(comp -> String.join(" ", c.caseFile.piece(comp).clauses())).orElse(""));
        if (!clauses.isEmpty()) tagged(3, CLAUSES, clauses);
        if (n instanceof Model.Defeater d) {
            String target = decl.flatMap(e -> attackText(e, c.caseFile.piece(e))).orElse(d.attack().name().toLowerCase(java.util.Locale.ROOT) + " " + d.target());
            tagged(3, ATTACK, target);
        }
        if (decl.isEmpty()) tagged(3, FROM, CheckedCase.generatedBy(n));
        c.status(n.id()).ifPresent(s -> tagged(3, STATUS, s.label()));
        if (extras.get("taggedValue") instanceof List<?> tvs) {
            for (Object tv : tvs) {
                if (tv instanceof Map<?, ?> m && m.size() == 1) {
                    Map.Entry<?, ?> e = m.entrySet().iterator().next();
                    tagged(3, String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                }
            }
        }
        if (extras.get("note") instanceof List<?> notes) for (Object note : notes) note(3, String.valueOf(note));
        out.append("    </argumentElement>\n");
    }

    /** The assertion declaration: undeveloped claims need support, assumptions are assumed, justifications axiomatic. */
    private static String declaration(Model.Node n, NodeKind kind, Map<String, Object> extras) {
        if (extras.get("assertionDeclaration") instanceof String s && DECLARATIONS.contains(s)) return s;
        return switch (kind) {
            case ASSUMPTION -> ASSUMED;
            case JUSTIFICATION -> AXIOMATIC;
            case CLAIM -> ((Model.Claim) n).support() instanceof Model.Undeveloped ? NEEDS_SUPPORT : null;
            default -> null;
        };
    }

    /** The clauses that SACM's structure does not carry: everything but the relations, as written. */
    private static String extraClauses(Decl.Element e, Outline.Piece piece) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < e.clauses().size(); i++) {
            switch (e.clauses().get(i).kind()) {
                // SACM has no `any of` / `M of`: such a list rides in safecase:clauses as written, first
                case SUPPORTED_BY -> {
                    if (CheckedCase.hasChoice(e.clauses().get(i))) out.add(0, piece.clauses().get(i));
                }
                case CONTEXT, ASSUMING, JUSTIFIED_BY, UNDEVELOPED, REBUTS, UNDERCUTS, UNDERMINES -> { }
                default -> out.add(piece.clauses().get(i));
            }
        }
        return String.join(" ", out);
    }

    private static Optional<String> attackText(Decl.Element e, Outline.Piece piece) {
        for (int i = 0; i < e.clauses().size(); i++) {
            switch (e.clauses().get(i).kind()) {
                case REBUTS, UNDERCUTS, UNDERMINES -> {
                    return Optional.of(piece.clauses().get(i));
                }
                default -> { }
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------ declarations and terms

    private List<String> packageDeclarations() {
        List<String> out = new ArrayList<>();
        for (Decl d : c.caseFile.unit().decls()) {
            if (d instanceof Decl.Import || d instanceof Decl.Pattern || d instanceof Decl.Use) out.add(c.caseFile.piece(d).text());
        }
        return out;
    }

    private List<Decl> terms() {
        List<Decl> out = new ArrayList<>();
        for (Decl d : c.caseFile.unit().decls()) {
            if (d instanceof Decl.Quantity || d instanceof Decl.EnumDecl || d instanceof Decl.Define) out.add(d);
        }
        return out;
    }

    private static String termName(Decl d) {
        if (d instanceof Decl.Quantity q) return Identifiers.content(q.name().id());
        if (d instanceof Decl.EnumDecl e) return Identifiers.content(e.name().id());
        return Identifiers.content(((Decl.Define) d).name().id());
    }

    private static Optional<String> termDescription(Decl d) {
        return d instanceof Decl.Quantity q ? q.description().map(t -> t.value()) : Optional.empty();
    }

    // ------------------------------------------------------------ pieces of XMI

    private void indent(int level) {
        out.append("  ".repeat(level));
    }

    private void name(int level, String text) {
        indent(level);
        out.append("<name content=\"").append(Xml.attr(text)).append("\"/>\n");
    }

    private void description(int level, String text) {
        indent(level);
        out.append("<description xmi:id=\"").append(id("d")).append("\"><content><value lang=\"en\" content=\"")
                .append(Xml.attr(text)).append("\"/></content></description>\n");
    }

    private void tagged(int level, String key, String value) {
        indent(level);
        out.append("<taggedValue xmi:id=\"").append(id("v")).append("\"><key><value content=\"").append(Xml.attr(key))
                .append("\"/></key><content><value content=\"").append(Xml.attr(value)).append("\"/></content></taggedValue>\n");
    }

    private void note(int level, String text) {
        indent(level);
        out.append("<note xmi:id=\"").append(id("n")).append("\"><content><value lang=\"en\" content=\"").append(Xml.attr(text))
                .append("\"/></content></note>\n");
    }

    private static String comment(String s) {
        return s.replace("--", "- -");
    }
}
