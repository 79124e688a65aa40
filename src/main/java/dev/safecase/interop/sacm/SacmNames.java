package dev.safecase.interop.sacm;

import java.util.Set;

/** The SACM 2.x vocabulary the mapping uses, and the tagged-value keys that safecase adds. */
final class SacmNames {
    private SacmNames() {
    }

    /** The namespace of SACM 2.3's normative XMI (OMG version URI), written with the prefix {@code sacm}. */
    static final String NS = "http://www.omg.org/spec/SACM/20220301";

    static final String PACKAGE = "AssuranceCasePackage";
    static final String ARGUMENT_PACKAGE = "argumentPackage";
    static final String ARTIFACT_PACKAGE = "artifactPackage";
    static final String TERMINOLOGY_PACKAGE = "terminologyPackage";
    static final String ARGUMENT_ELEMENT = "argumentElement";
    static final String ARTIFACT_ELEMENT = "artifactElement";
    static final String TERMINOLOGY_ELEMENT = "terminologyElement";

    static final String CLAIM = "Claim";
    static final String REASONING = "ArgumentReasoning";
    static final String ARTIFACT_REFERENCE = "ArtifactReference";
    static final String INFERENCE = "AssertedInference";
    static final String EVIDENCE = "AssertedEvidence";
    static final String CONTEXT = "AssertedContext";
    static final String ARTIFACT_CONTEXT = "AssertedArtifactContext";
    static final String ARTIFACT_SUPPORT = "AssertedArtifactSupport";
    static final String ARTIFACT = "Artifact";
    static final String TERM = "Term";

    static final Set<String> RELATIONSHIPS = Set.of(INFERENCE, EVIDENCE, CONTEXT, ARTIFACT_CONTEXT, ARTIFACT_SUPPORT);
    static final Set<String> ASSETS = Set.of(CLAIM, REASONING, ARTIFACT_REFERENCE);
    /** SACM types that a case has no form for (the import refuses them, SC706). */
    static final Set<String> NOT_CARRIED = Set.of("ArgumentGroup", "ArgumentPackage", "ArgumentPackageBinding",
            "ArgumentPackageInterface", "ArgumentAsset", "ArgumentationElement", "AssertedRelationship", "Assertion",
            "ArtifactGroup", "ArtifactPackage", "Activity", "Event", "Participant", "Resource", "Technique", "Property",
            "ArtifactAssetRelationship", "Category", "Expression", "TerminologyGroup", "TerminologyPackage",
            "TerminologyPackageBinding", "TerminologyPackageInterface", "ExternalReference");

    // assertion declarations (SACM 2.2, 11.x): toBeSupported is the 2.0/2.1 spelling of needsSupport
    static final String ASSERTED = "asserted";
    static final String NEEDS_SUPPORT = "needsSupport";
    static final String TO_BE_SUPPORTED = "toBeSupported";
    static final String ASSUMED = "assumed";
    static final String AXIOMATIC = "axiomatic";
    static final String DEFEATED = "defeated";
    static final String AS_CITED = "asCited";
    static final Set<String> DECLARATIONS = Set.of(ASSERTED, NEEDS_SUPPORT, TO_BE_SUPPORTED, ASSUMED, AXIOMATIC, DEFEATED, AS_CITED);

    // tagged values written by safecase export (keys in the safecase: namespace)
    static final String KIND = "safecase:kind";
    static final String FORMULA = "safecase:formula";
    static final String CLAUSES = "safecase:clauses";
    static final String ATTACK = "safecase:attack";
    static final String FROM = "safecase:from";
    static final String STATUS = "safecase:status";
    static final String DECLARATION = "safecase:declaration";
    /** Plain tagged values on an Artifact: where the file is and its pin. */
    static final String LOCATION = "location";
    static final String SHA256 = "sha256";

    /** The comment prefix that keeps SACM information in a case: {@code // sacm: taggedValue: {…}}. */
    static final String COMMENT = " sacm: ";
    static final String FILES = "package";
}
