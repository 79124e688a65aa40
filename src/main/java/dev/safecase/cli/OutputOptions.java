package dev.safecase.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --output-file FILE}: what a command prints on stdout goes to FILE instead, written whole or not at all. */
final class OutputOptions {
    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the output to FILE instead of stdout "
            + "(replaced whole: a temporary file beside it, then moved into place).")
    Path outputFile;

    /** Prints {@code text} on {@code out}, or writes it to the output file. */
    void emit(PrintWriter out, String text) throws IOException {
        if (outputFile == null) {
            out.print(text);
            out.flush();
            return;
        }
        Path target = outputFile.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) throw new Main.BadOption("--output-file " + outputFile + " is a directory");
        Shards.write(target, text); // a temporary sibling, renamed into place in one step
    }
}
