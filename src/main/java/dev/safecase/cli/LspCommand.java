package dev.safecase.cli;

import dev.safecase.lsp.SafecaseServer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;

/**
 * {@code safecase lsp}: the language server on standard input and output. Standard output
 * carries only the protocol: anything else printed there goes to standard error instead.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, description = "Run the language server (LSP) on stdin/stdout, "
        + "for editors (docs/editors.md). The options set the gate of the verdicts shown on save; logs go to stderr.")
final class LspCommand extends Main.Run {
    @Override
    public Integer call() {
        if (!common.paths.isEmpty()) throw new Main.BadOption("lsp takes no PATH: the editor says which files are open");
        var options = common.options();
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        return SafecaseServer.run(System.in, protocol, options);
    }
}
