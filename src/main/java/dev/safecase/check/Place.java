package dev.safecase.check;

/** Where a formula stands, which decides what it may contain. */
record Place(boolean gives, boolean evidenceHasFile, boolean roundedAllowed, String what) {
    static final Place CLAIM = new Place(false, false, false, "a claim formula");
    static final Place DEFEATER = new Place(false, false, false, "a defeater formula");
    static final Place ASSUMPTION = new Place(false, false, true, "an assumption");
    static final Place DEFINE = new Place(false, false, false, "a define");
    static final Place RANGE = new Place(false, false, false, "a range");
    static final Place DOUBT = new Place(false, false, false, "a doubt");
    static final Place ARGUMENT = new Place(false, false, false, "a pattern argument");

    static Place gives(boolean hasFile) {
        return new Place(true, hasFile, true, "a gives fact");
    }
}
