package dev.safecase.interop.gsn2x;

import java.util.List;
import java.util.Set;

/** The attribute and layer names of gsn2x YAML that the mapping knows, and the ones safecase adds. */
public final class Gsn2xNames {
    private Gsn2xNames() {
    }

    public static final String MODULE = "module";

    // element attributes that become parts of a safecase declaration
    public static final String TEXT = "text";
    public static final String SUPPORTED_BY = "supportedBy";
    public static final String IN_CONTEXT_OF = "inContextOf";
    public static final String CHALLENGES = "challenges";
    public static final String UNDEVELOPED = "undeveloped";
    public static final String NODE_TYPE = "nodeType";

    // element attributes kept verbatim (validated when gsn2x gives them a shape)
    public static final String URL = "url";
    public static final String CLASSES = "classes";
    public static final String DEFEATED = "defeated";
    public static final String DEFEATED_RELATION = "defeatedRelation";
    public static final String RANK_INCREMENT = "rankIncrement";
    public static final String HORIZONTAL_INDEX = "horizontalIndex";
    public static final String CHAR_WRAP = "charWrap";
    public static final String ACP = "acp";

    /** The layers safecase writes so that an exported case comes back whole; reserved on import. */
    public static final String FORMULA = "safecase-formula";
    public static final String CLAUSES = "safecase";
    public static final String FROM = "safecase-from";
    public static final Set<String> SAFECASE_LAYERS = Set.of(FORMULA, CLAUSES, FROM);

    /** Classes that export adds to colour by verdict; import drops them (they are computed, not data). */
    public static final String STATUS_CLASS_PREFIX = "status-";

    // module attributes
    public static final String NAME = "name";
    public static final String BRIEF = "brief";
    public static final String USES = "uses";
    public static final String EXTENDS = "extends";
    public static final String DEVELOPS = "develops";

    /** The comment prefix that carries gsn2x attributes in a case: {@code // gsn2x: url: https://…}. */
    public static final String COMMENT = " gsn2x: ";
    /** The file-level comment key: the gsn2x files (and their module information) a case file holds. */
    public static final String FILES = "files";
    /** The file key inside {@link #FILES}, and the element comment saying which of them an element came from. */
    public static final String FILE = "file";
    /** A comment about an element that has no declaration in the case: {@code // gsn2x: of cyber.top: {...}}. */
    public static final String OF = "of ";

    /** The attributes an element may have whose meaning the mapping carries in the case itself. */
    public static final List<String> STRUCTURAL = List.of(TEXT, SUPPORTED_BY, IN_CONTEXT_OF, CHALLENGES, UNDEVELOPED,
            NODE_TYPE);
}
