package dev.safecase.lsp;

import java.nio.file.Path;

/** An open buffer: where it is, its text and the client's version of it. */
record Document(String uri, Path path, String text, int version) {
    Document withText(String t, int v) {
        return new Document(uri, path, t, v);
    }
}
