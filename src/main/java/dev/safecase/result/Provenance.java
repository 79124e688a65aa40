package dev.safecase.result;

import java.util.Optional;

/** Who owns a node ({@code owner "…"}) and which pattern node it was instantiated from. */
public record Provenance(Optional<String> owner, Optional<String> origin) {
    public static final Provenance NONE = new Provenance(Optional.empty(), Optional.empty());
}
