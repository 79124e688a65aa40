package dev.safecase.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
