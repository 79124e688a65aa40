package dev.safecase.interop;

/** One file an import or export writes: its name inside the output folder, and its text. */
public record OutputFile(String name, String text) {
}
