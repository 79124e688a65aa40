package dev.safecase.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The bytes of a case given as {@code -}: all of stdin, read once. */
final class StdinCase {
    private StdinCase() {
    }

    static byte[] read() {
        try {
            return System.in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the case from stdin", e);
        }
    }
}
