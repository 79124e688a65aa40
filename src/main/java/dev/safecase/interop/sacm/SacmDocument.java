package dev.safecase.interop.sacm;

import static dev.safecase.interop.sacm.SacmNames.*;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SACM XMI document as read: its package's name and description, its argumentation elements
 * (assets and asserted relationships), artifacts and terms, each with its tagged values, and every
 * reference checked to name an element of the document (XMI IDREFs, space-separated).
 */
final class SacmDocument {
    /** An element of the document: its SACM type (local name of xsi:type), IDs, texts and tagged values. */
    record Item(String xmiId, String type, String gid, String name, String description, Map<String, String> tags,
                List<Map<String, String>> otherTags, List<String> notes, Xml.Element xml) {
        Position pos() {
            return xml.pos();
        }

        Optional<String> attr(String a) {
            return xml.attr(a);
        }

        String safecaseId() {
            return !gid.isEmpty() ? gid : xmiId;
        }

        String text() {
            return !description.isEmpty() ? description : "";
        }
    }

    String gid = "";
    String name = "";
    String description = "";
    final List<String> declarations = new ArrayList<>();
    final List<Map<String, String>> packageTags = new ArrayList<>();
    final Map<String, Item> byXmiId = new LinkedHashMap<>();
    final List<Item> assets = new ArrayList<>();
    final List<Item> relationships = new ArrayList<>();
    final List<Item> terms = new ArrayList<>();

    private SacmDocument() {
    }

    static Optional<SacmDocument> read(String display, String text, Diagnostics diags) {
        Diagnostics local = new Diagnostics();
        Optional<Xml.Element> root = Xml.read(display, text, local);
        Optional<SacmDocument> doc = root.flatMap(r -> of(r, local));
        diags.addAll(local.sorted());
        return local.hasErrors() ? Optional.empty() : doc;
    }

    private static Optional<SacmDocument> of(Xml.Element root, Diagnostics diags) {
        Xml.Element pkg = root;
        if (root.local().equals("XMI")) pkg = root.children().stream().filter(c -> c.local().equals(PACKAGE)).findFirst().orElse(root);
        if (!pkg.local().equals(PACKAGE) || !pkg.ns().toLowerCase(java.util.Locale.ROOT).contains("sacm")) {
            diags.error(Code.SC701, pkg.pos(), "not a SACM document: the root element is " + pkg.local() + " in namespace '"
                    + pkg.ns() + "' (expected sacm:AssuranceCasePackage)");
            return Optional.empty();
        }
        SacmDocument d = new SacmDocument();
        d.gid = pkg.attr("gid").orElse("");
        d.name = pkg.child("name").flatMap(n -> n.attr("content")).orElse("");
        d.description = pkg.child("description").map(SacmDocument::multiLang).orElse("");
        for (Map<String, String> tv : tags(pkg)) {
            if (tv.containsKey(DECLARATION)) d.declarations.add(tv.get(DECLARATION));
            else d.packageTags.add(tv);
        }
        for (Xml.Element ap : pkg.children(ARGUMENT_PACKAGE)) d.collect(ap.children(ARGUMENT_ELEMENT), diags);
        for (Xml.Element ap : pkg.children(ARTIFACT_PACKAGE)) d.collect(ap.children(ARTIFACT_ELEMENT), diags);
        for (Xml.Element tp : pkg.children(TERMINOLOGY_PACKAGE)) d.collect(tp.children(TERMINOLOGY_ELEMENT), diags);
        if (!diags.hasErrors()) d.checkReferences(diags);
        return Optional.of(d);
    }

    private void collect(List<Xml.Element> elements, Diagnostics diags) {
        for (Xml.Element e : elements) {
            String type = e.attr(Xml.XSI, "type").map(t -> t.substring(t.indexOf(':') + 1)).orElse("");
            Optional<String> id = e.attr(Xml.XMI, "id");
            if (id.isEmpty() || id.get().isBlank()) {
                diags.error(Code.SC705, e.pos(), "an element needs an xmi:id");
                continue;
            }
            if (byXmiId.containsKey(id.get())) {
                diags.error(Code.SC704, e.pos(), "xmi:id " + id.get() + " is used twice (first at " + byXmiId.get(id.get()).pos() + ")");
                continue;
            }
            Map<String, String> safecase = new LinkedHashMap<>();
            List<Map<String, String>> other = new ArrayList<>();
            for (Map<String, String> tv : tags(e)) {
                String key = tv.keySet().iterator().next();
                if (key.startsWith("safecase:")) safecase.put(key, tv.get(key));
                else other.add(tv);
            }
            List<String> notes = e.children("note").stream().map(SacmDocument::multiLang).toList();
            Item item = new Item(id.get(), type, e.attr("gid").orElse(""), e.child("name").flatMap(n -> n.attr("content")).orElse(""),
                    e.child("description").map(SacmDocument::multiLang).orElse(""), safecase, other, notes, e);
            byXmiId.put(id.get(), item);
            if (ASSETS.contains(type)) assets.add(item);
            else if (RELATIONSHIPS.contains(type)) relationships.add(item);
            else if (type.equals(TERM)) terms.add(item);
            else if (type.equals(ARTIFACT)) {
                // referenced by an ArtifactReference
            } else if (NOT_CARRIED.contains(type)) {
                diags.error(Code.SC706, e.pos(), "SACM " + type + " has no form in a case (docs/interop.md lists what the "
                        + "import carries)");
            } else {
                diags.error(Code.SC702, e.pos(), "unknown SACM element type '" + (type.isEmpty() ? "(no xsi:type)" : "sacm:" + type)
                        + "' (the import reads Claim, ArgumentReasoning, ArtifactReference, Artifact, Term and the asserted "
                        + "relationships)");
            }
        }
    }

    /** The first value of a MultiLangString ({@code <content><value content="…"/></content>}), or a {@code content} attribute. */
    private static String multiLang(Xml.Element e) {
        Optional<String> v = e.child("content").flatMap(c -> c.child("value")).flatMap(x -> x.attr("content"));
        return v.or(() -> e.attr("content")).orElse("");
    }

    /** Tagged values as one-entry maps, key to value, in order. */
    private static List<Map<String, String>> tags(Xml.Element e) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Xml.Element tv : e.children("taggedValue")) {
            String key = tv.child("key").map(SacmDocument::multiLangOrValue).orElse("");
            String value = tv.child("content").map(SacmDocument::multiLangOrValue)
                    .or(() -> tv.child("value").flatMap(v -> v.attr("content"))).orElse("");
            out.add(Map.of(key, value));
        }
        return out;
    }

    private static String multiLangOrValue(Xml.Element e) {
        return e.child("value").flatMap(v -> v.attr("content")).or(() -> e.attr("content")).orElse("");
    }

    /** Every IDREF names an element of the document, of a type that makes sense there. */
    private void checkReferences(Diagnostics diags) {
        for (Item r : relationships) {
            for (String a : List.of("source", "target", "reasoning")) {
                for (String ref : refs(r, a)) {
                    if (!byXmiId.containsKey(ref)) {
                        diags.error(Code.SC703, r.pos(), a + " " + ref + " names no element of the SACM file");
                    }
                }
            }
            if (refs(r, "target").isEmpty()) diags.error(Code.SC705, r.pos(), r.type() + " " + r.xmiId() + " has no target");
            refs(r, "reasoning").stream().filter(byXmiId::containsKey).filter(x -> !byXmiId.get(x).type().equals(REASONING))
                    .forEach(x -> diags.error(Code.SC705, r.pos(), "reasoning " + x + " is a " + byXmiId.get(x).type()
                            + ", not an ArgumentReasoning"));
        }
        for (Item a : assets) {
            for (String ref : refs(a, "referencedArtifactElement")) {
                if (!byXmiId.containsKey(ref)) diags.error(Code.SC703, a.pos(), "referencedArtifactElement " + ref + " names no element of the SACM file");
            }
        }
    }

    /** The IDs an IDREFS attribute (or {@code <source xmi:idref=…/>}, {@code href="#…"} children) lists. */
    static List<String> refs(Item i, String attribute) {
        List<String> out = new ArrayList<>();
        i.attr(attribute).ifPresent(v -> {
            for (String s : v.trim().split("\\s+")) if (!s.isEmpty()) out.add(s);
        });
        for (Xml.Element child : i.xml().children(attribute)) {
            child.attr(Xml.XMI, "idref").or(() -> child.attr("href").map(h -> h.substring(h.indexOf('#') + 1)))
                    .or(() -> child.attr("ref")).ifPresent(out::add);
        }
        return out;
    }
}
