package dev.safecase.interop.sacm;

import java.util.List;

/** How a case marks what it keeps for SACM: comments {@code // sacm: key: value}. */
public final class SacmComments {
    private SacmComments() {
    }

    public static final String MARKER = SacmNames.COMMENT;
    public static final List<String> FILE_KEYS = List.of(SacmNames.FILES);
}
