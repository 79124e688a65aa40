package dev.safecase.diag;

/**
 * Every diagnostic code safecase can print. The table in docs/diagnostics.md lists the same
 * codes (a test keeps the two in step); codes are stable and never reused.
 */
public enum Code {
    // input files
    SC001("SC001", "cannot read input"),
    SC002("SC002", "not a UTF-8 text file"),
    SC003("SC003", "not a case"),
    SC004("SC004", "case file outside the project root"),
    SC005("SC005", "duplicate case name"),
    // syntax
    SC101("SC101", "syntax error"),
    SC102("SC102", "bad token"),
    SC103("SC103", "date literal in a formula"),
    SC104("SC104", "invalid date"),
    // names
    SC201("SC201", "unknown name"),
    SC202("SC202", "duplicate declaration"),
    SC203("SC203", "built-in name declared"),
    SC204("SC204", "bound variable shadows a name"),
    SC205("SC205", "ambiguous enum member"),
    SC206("SC206", "wrong kind of node"),
    SC207("SC207", "import not found"),
    SC208("SC208", "import cycle"),
    SC209("SC209", "error in imported module"),
    SC210("SC210", "declaration not allowed here"),
    SC211("SC211", "module shadows a bundled module"),
    SC212("SC212", "visibility modifier out of place"),
    SC213("SC213", "private declaration of a module"),
    // argument structure
    SC301("SC301", "unused assumption"),
    SC302("SC302", "support list shape"),
    SC303("SC303", "strategy parents"),
    SC304("SC304", "dependency cycle"),
    SC305("SC305", "define cycle"),
    SC306("SC306", "clause not allowed"),
    SC307("SC307", "clause repeated"),
    SC308("SC308", "undeveloped conflicts"),
    SC309("SC309", "asserted on a claim with a strategy"),
    SC310("SC310", "defeater target"),
    SC311("SC311", "defeater both eliminated and accepted"),
    SC312("SC312", "missing text"),
    SC313("SC313", "bad completion"),
    SC314("SC314", "assumption dropped by intersection"),
    SC315("SC315", "bad pattern argument"),
    SC316("SC316", "bad text interpolation"),
    SC317("SC317", "proved from assumptions alone"),
    SC318("SC318", "assertion unnecessary"),
    SC331("SC331", "bad optional node"),
    // formulas and types
    SC401("SC401", "type error"),
    SC402("SC402", "bad enum comparison"),
    SC403("SC403", "bad range"),
    SC404("SC404", "division by zero"),
    SC405("SC405", "divisor may be zero"),
    SC406("SC406", "rounding up is unsound here"),
    SC407("SC407", "bad built-in argument"),
    SC408("SC408", "json() not allowed here"),
    SC409("SC409", "cannot infer the type of json()"),
    SC410("SC410", "unknown function or wrong arity"),
    SC411("SC411", "bad index"),
    SC412("SC412", "constant too large"),
    SC413("SC413", "deprecated form of a built-in"),
    SC414("SC414", "bad indexed define"),
    // evidence
    SC501("SC501", "evidence path leaves the project root"),
    SC502("SC502", "malformed sha256"),
    SC503("SC503", "file-only clause on a reference"),
    // doubt (docs/confidence.md)
    SC601("SC601", "doubt is not a constant"),
    SC602("SC602", "doubt is not a probability"),
    SC603("SC603", "doubt without a review"),
    // interchange files (safecase import / export: gsn2x YAML, SACM XMI)
    SC701("SC701", "malformed interchange file"),
    SC702("SC702", "unknown element type"),
    SC703("SC703", "dangling reference"),
    SC704("SC704", "duplicate ID"),
    SC705("SC705", "bad attribute"),
    SC706("SC706", "cannot be carried");

    private final String id;
    private final String title;

    Code(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
