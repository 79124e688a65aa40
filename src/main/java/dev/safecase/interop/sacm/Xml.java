package dev.safecase.interop.sacm;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML as a small tree of elements that remember where they start, read with the JDK's StAX
 * parser configured so that nothing outside the file is ever read: no DTD (a document that has
 * one is refused), no external entities. Elements are named by namespace URI and local name;
 * attributes by {@code {uri}local} (or just {@code local} without a namespace).
 */
final class Xml {
    /** Elements a file may have at most, and how deeply they may nest. */
    static final int MAX_ELEMENTS = 1_000_000;
    static final int MAX_DEPTH = 100;

    static final String XMI = "http://www.omg.org/spec/XMI/20131001";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private Xml() {
    }

    record Element(String ns, String local, Map<String, String> attributes, List<Element> children, Position pos) {
        Optional<String> attr(String name) {
            return Optional.ofNullable(attributes.get(name));
        }

        Optional<String> attr(String ns, String local) {
            return Optional.ofNullable(attributes.get("{" + ns + "}" + local));
        }

        List<Element> children(String local) {
            return children.stream().filter(c -> c.local().equals(local)).toList();
        }

        Optional<Element> child(String local) {
            return children.stream().filter(c -> c.local().equals(local)).findFirst();
        }
    }

    static Optional<Element> read(String display, String text, Diagnostics diags) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(new StringReader(text));
            List<Element> stack = new ArrayList<>();
            Element root = null;
            int count = 0;
            Location before = r.getLocation();
            boolean lastWasText = false;
            while (r.hasNext()) {
                // an element starts where the event before it ended: the '<' of its tag (text before it
                // ends only once the parser has read that '<', one column further)
                Position start = pos(display, before, lastWasText ? 1 : 0);
                int ev = r.next();
                switch (ev) {
                    case XMLStreamConstants.DTD -> {
                        diags.error(Code.SC701, pos(display, r.getLocation()), "XML with a document type declaration (DTD) is "
                                + "refused: nothing outside the file is read, and no entity is expanded");
                        return Optional.empty();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        diags.error(Code.SC701, pos(display, r.getLocation()), "XML entity &" + r.getLocalName()
                                + "; is not defined (only the five predefined entities and character references are read)");
                        return Optional.empty();
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++count > MAX_ELEMENTS || stack.size() >= MAX_DEPTH) {
                            diags.error(Code.SC701, pos(display, r.getLocation()), "XML with more than " + MAX_ELEMENTS
                                    + " elements or nested more than " + MAX_DEPTH + " levels deep");
                            return Optional.empty();
                        }
                        Map<String, String> attrs = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String ns = r.getAttributeNamespace(i);
                            String key = ns == null || ns.isEmpty() ? r.getAttributeLocalName(i) : "{" + ns + "}" + r.getAttributeLocalName(i);
                            attrs.put(key, r.getAttributeValue(i));
                        }
                        String ns = r.getNamespaceURI();
                        Element e = new Element(ns == null ? "" : ns, r.getLocalName(), attrs, new ArrayList<>(), start);
                        if (stack.isEmpty()) root = e;
                        else stack.get(stack.size() - 1).children().add(e);
                        stack.add(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                    default -> { }
                }
                before = r.getLocation();
                lastWasText = ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.SPACE;
            }
            if (root == null) {
                diags.error(Code.SC701, new Position(display, 1, 1), "empty XML file");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String msg = e.getMessage() == null ? "not well-formed" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            diags.error(Code.SC701, at == null ? new Position(display, 1, 1) : pos(display, at), "malformed XML: "
                    + msg.replaceAll("\\s+", " ").strip());
            return Optional.empty();
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was written; closing a reader cannot lose anything
                }
            }
        }
    }

    private static Position pos(String display, Location l) {
        return pos(display, l, 0);
    }

    private static Position pos(String display, Location l, int back) {
        return new Position(display, Math.max(1, l.getLineNumber()), Math.max(1, l.getColumnNumber() - back));
    }

    /** Text for an attribute value: the markup characters and the whitespace that XML would fold, as references. */
    static String attr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append("&#9;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
