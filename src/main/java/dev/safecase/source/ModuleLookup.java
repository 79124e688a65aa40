package dev.safecase.source;

/** What an {@code import} names: a module file found (and parsed once), or nothing. */
public sealed interface ModuleLookup permits ModuleLookup.Found, ModuleLookup.Missing {

    /** {@code shadowsBundled}: a project file with the path of a bundled module, and different from it. */
    record Found(Sources.Loaded module, boolean shadowsBundled) implements ModuleLookup {}

    record Missing() implements ModuleLookup {}
}
