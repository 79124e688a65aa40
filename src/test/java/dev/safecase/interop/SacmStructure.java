package dev.safecase.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The checks of an exported SACM file that can be made here without the OMG metamodel files: the XMI
 * is well-formed XML; the root is {@code sacm:AssuranceCasePackage} in the SACM 2.x namespace; every
 * {@code argumentElement} and {@code artifactElement} has an {@code xsi:type} of a SACM class this
 * exporter may write; every {@code xmi:id} is unique; every reference ({@code source}, {@code target},
 * {@code reasoning}, {@code referencedArtifactElement}) names an {@code xmi:id} of the file; every
 * asserted relationship has a source and a target; {@code assertionDeclaration} is one of SACM's values.
 */
final class SacmStructure {
    static final String SACM_NS = "http://www.omg.org/spec/SACM/20220301";
    static final String XMI_NS = "http://www.omg.org/spec/XMI/20131001";
    static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
    static final Set<String> TYPES = Set.of("sacm:Claim", "sacm:ArgumentReasoning", "sacm:AssertedInference",
            "sacm:AssertedContext", "sacm:AssertedEvidence", "sacm:AssertedArtifactSupport", "sacm:AssertedArtifactContext",
            "sacm:AssertedCounterEvidence", "sacm:ArtifactReference", "sacm:Artifact", "sacm:ArtifactGroup");
    static final Set<String> DECLARATIONS = Set.of("asserted", "needsSupport", "assumed", "axiomatic", "defeated", "asCited");
    static final Set<String> REFERENCES = Set.of("source", "target", "reasoning", "referencedArtifactElement");

    private SacmStructure() {
    }

    static void check(String xml) {
        Set<String> ids = new HashSet<>();
        List<String> refs = new ArrayList<>();
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(xml));
            boolean root = true;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                if (root) {
                    assertEquals(SACM_NS, r.getNamespaceURI(), "the root is in the SACM 2.x namespace");
                    assertEquals("AssuranceCasePackage", r.getLocalName());
                    root = false;
                }
                String id = r.getAttributeValue(XMI_NS, "id");
                if (id != null) assertTrue(ids.add(id), "xmi:id " + id + " is unique");
                String local = r.getLocalName();
                if (local.equals("argumentElement") || local.equals("artifactElement")) {
                    String type = r.getAttributeValue(XSI_NS, "type");
                    assertTrue(type != null && TYPES.contains(type), "known SACM type: " + type);
                    if (type.startsWith("sacm:Asserted")) {
                        assertTrue(r.getAttributeValue(null, "source") != null && r.getAttributeValue(null, "target") != null,
                                type + " " + id + " has a source and a target");
                    }
                    String decl = r.getAttributeValue(null, "assertionDeclaration");
                    if (decl != null) assertTrue(DECLARATIONS.contains(decl), "assertionDeclaration " + decl);
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    if (r.getAttributeNamespace(i) == null && REFERENCES.contains(r.getAttributeLocalName(i))) {
                        for (String x : r.getAttributeValue(i).trim().split("\\s+")) refs.add(x);
                    }
                }
            }
        } catch (XMLStreamException e) {
            fail("not well-formed XML: " + e.getMessage());
        }
        for (String x : refs) assertTrue(ids.contains(x), "reference " + x + " resolves");
    }
}
