package dev.safecase.cli;

import dev.safecase.diag.Code;
import dev.safecase.diag.DiagnosticPrinter;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.diag.TerminalText;
import dev.safecase.format.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code safecase fmt [--check] PATH...}: rewrites {@code .case} files in the one canonical
 * layout ({@link Formatter}). Every file is formatted before any is written; when one does not
 * parse, its errors are printed, nothing is written and the exit status is 2. With
 * {@code --check} nothing is written: the files that would change are listed and the exit
 * status is 1 when there are any.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true, description = "Format .case files in the canonical layout "
        + "(comments kept, meaning unchanged). Folders are searched for .case files, modules included.")
final class FmtCommand implements Callable<Integer> {
    @Option(names = "--check", description = "Write nothing; list the files that would change and exit 1 if any.")
    boolean check;
    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders to format.")
    List<Path> paths = new ArrayList<>();
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A file read and formatted: its bytes started with a byte-order mark, its text, and the text it should have. */
    private record Planned(Path file, String display, boolean bom, String before, String after) {
        boolean changes() {
            return !before.equals(after);
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Diagnostics diags = new Diagnostics();
        Map<String, SourceText> texts = new HashMap<>();
        List<Planned> plans = new ArrayList<>();
        for (Path file : files(diags)) plan(file, diags, texts).ifPresent(plans::add);
        for (var d : diags.sorted()) err.print(DiagnosticPrinter.format(d, f -> Optional.ofNullable(texts.get(f))));
        if (diags.hasErrors()) {
            err.println("safecase: fmt: nothing was written; fix the errors above first");
            err.flush();
            return 2;
        }
        int changed = 0;
        for (Planned p : plans) {
            if (!p.changes()) continue;
            changed++;
            if (check) {
                out.println(TerminalText.escape(p.display()));
            } else {
                write(p);
                out.println(TerminalText.escape("formatted " + p.display()));
            }
        }
        out.flush();
        return check && changed > 0 ? 1 : 0;
    }

    /** The files named and the .case files under the folders named, each once, in order. */
    private List<Path> files(Diagnostics diags) {
        java.util.Set<Path> found = new java.util.LinkedHashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".case") && Files.isRegularFile(f)).sorted()
                            .forEach(f -> found.add(f.toAbsolutePath().normalize()));
                } catch (IOException | UncheckedIOException e) {
                    diags.error(Code.SC001, new Position(display(p), 1, 1), "cannot read folder: " + e.getMessage());
                }
            } else if (!Files.exists(p)) {
                diags.error(Code.SC001, new Position(display(p), 1, 1), "no such file or directory");
            } else {
                found.add(p.toAbsolutePath().normalize());
            }
        }
        return List.copyOf(found);
    }

    private Optional<Planned> plan(Path file, Diagnostics diags, Map<String, SourceText> texts) {
        String display = display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            diags.error(Code.SC001, new Position(display, 1, 1), "no such file");
            return Optional.empty();
        } catch (IOException e) {
            diags.error(Code.SC001, new Position(display, 1, 1), "cannot read: " + e.getMessage());
            return Optional.empty();
        }
        Optional<SourceText> text = SourceText.decode(file, display, bytes, diags);
        if (text.isEmpty()) return Optional.empty();
        texts.put(display, text.get());
        Optional<String> formatted = Formatter.format(text.get(), diags);
        boolean bom = bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
        return formatted.map(f -> new Planned(file, display, bom, text.get().text(), f));
    }

    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** A temporary file beside the target, then a rename: a reader never sees half a case, a failure leaves it as it was. */
    private static void write(Planned p) throws IOException {
        Path target = p.file().toRealPath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            byte[] body = p.after().getBytes(StandardCharsets.UTF_8);
            byte[] bytes = body;
            if (p.bom()) {
                bytes = new byte[BOM.length + body.length];
                System.arraycopy(BOM, 0, bytes, 0, BOM.length);
                System.arraycopy(body, 0, bytes, BOM.length, body.length);
            }
            Files.write(tmp, bytes);
            PosixFileAttributeView posix = Files.getFileAttributeView(target, PosixFileAttributeView.class);
            if (posix != null) Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
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
