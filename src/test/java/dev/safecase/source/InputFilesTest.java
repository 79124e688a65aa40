package dev.safecase.source;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input-file diagnostics SC001–SC005, which need files that a golden folder cannot hold
 * (missing, unreadable, binary, outside the root), through the pipeline as the CLI runs it.
 */
class InputFilesTest {
    @TempDir
    Path tmp;

    private Verifier verifier(Path root) {
        return new Verifier(Options.defaults(root).withToday(LocalDate.of(2026, 11, 22)).withJobs(1));
    }

    /** {@code display:line:col severity CODE message}, one per line. */
    private static String run(Verifier v, Path... paths) {
        return v.run(List.of(paths)).run().diagnostics().stream()
                .map(d -> d.pos() + " " + d.severity().label() + " " + d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    private Path write(String rel, String text) throws IOException {
        Path f = tmp.resolve(rel);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    private static final String CASE = "case ok \"A case\"\nclaim top \"Top\" asserted \"reviewed\"\n";

    // ------------------------------------------------------------ SC001

    @Test
    void missingFileOrFolderIsSC001() {
        Verifier v = verifier(tmp);
        Path file = tmp.resolve("nope.case");
        Path dir = tmp.resolve("nodir");
        // diagnostics come in source order: by file, then position
        assertEquals(v.sources().display(dir) + ":1:1 error SC001 no such file or directory\n"
                + v.sources().display(file) + ":1:1 error SC001 no such file or directory", run(v, file, dir));
    }

    @Test
    void unreadableFolderIsSC001() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("locked"));
        write("locked/a.case", CASE);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(dir), "permissions do not apply to this user (root)");
            Verifier v = verifier(tmp);
            String out = run(v, dir);
            assertTrue(out.startsWith(v.sources().display(dir) + ":1:1 error SC001 cannot read folder: "), out);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void unreadableFileIsSC001() throws IOException {
        Path f = write("secret.case", CASE);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(f), "permissions do not apply to this user (root)");
            Verifier v = verifier(tmp);
            assertEquals(v.sources().display(f) + ":1:1 error SC001 permission denied", run(v, f));
        } finally {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void readingReportsWhatWentWrong() throws IOException {
        Diagnostics d = new Diagnostics();
        assertEquals(Optional.empty(), SourceText.read(tmp, "dir", d));
        assertEquals(Optional.empty(), SourceText.read(tmp.resolve("none.case"), "none.case", d));
        assertEquals("""
                dir:1:1: error: SC001 is a directory, not a .case file
                none.case:1:1: error: SC001 no such file""",
                d.sorted().stream().map(Diagnostic::headline).collect(Collectors.joining("\n")));
    }

    // ------------------------------------------------------------ SC002

    @Test
    void binaryOrInvalidUtf8IsSC002() throws IOException {
        Path bin = Files.write(tmp.resolve("image.case"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF});
        Path latin1 = Files.write(tmp.resolve("latin1.case"), "case caf\u00e9 \"x\"\n".getBytes(StandardCharsets.ISO_8859_1));
        Verifier v = verifier(tmp);
        assertEquals(v.sources().display(bin) + ":1:1 error SC002 not valid UTF-8 text (a binary file?)\n"
                + v.sources().display(latin1) + ":1:1 error SC002 not valid UTF-8 text (a binary file?)", run(v, bin, latin1));
    }

    @Test
    void nulCharacterIsSC002AtItsPosition() throws IOException {
        Path f = write("nul.case", "case nul \"x\"\nclaim top \"a\0b\" undeveloped\n");
        Verifier v = verifier(tmp);
        assertEquals(v.sources().display(f) + ":2:13 error SC002 contains a NUL character (a binary file?)", run(v, f));
    }

    @Test
    void byteOrderMarkIsAccepted() throws IOException {
        Path f = tmp.resolve("bom.case");
        byte[] text = CASE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(f, bytes);
        Verifier v = verifier(tmp);
        assertEquals("", run(v, f));
    }

    // ------------------------------------------------------------ SC003

    @Test
    void moduleGivenExplicitlyIsSC003() throws IOException {
        Path f = write("lib.case", "// a module\nquantity p : probability\n");
        Verifier v = verifier(tmp);
        assertEquals(v.sources().display(f) + ":1:1 error SC003 this is a module (no `case NAME \"text\"` header); "
                + "modules are checked through the cases that import them", run(v, f));
    }

    @Test
    void emptyFileIsSC003() throws IOException {
        Path f = write("empty.case", "\n  \n");
        Verifier v = verifier(tmp);
        assertEquals(v.sources().display(f) + ":1:1 error SC003 empty file: a case starts with `case NAME \"text\"`", run(v, f));
    }

    @Test
    void folderWithoutCasesIsSC003() throws IOException {
        write("mods/lib.case", "quantity p : probability\n");
        write("mods/notes.txt", "case x \"not a .case file\"\n");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Verifier v = verifier(tmp);
        String message = " error SC003 no case found in this folder (a case starts with `case NAME \"text\"`)";
        assertEquals(v.sources().display(tmp.resolve("mods")) + ":1:1" + message, run(v, tmp.resolve("mods")));
        assertEquals(v.sources().display(empty) + ":1:1" + message, run(verifier(tmp), empty));
    }

    @Test
    void folderSearchSkipsModulesAndFindsNestedCases() throws IOException {
        write("tree/lib/helpers.case", "assumption a \"A\"\n");
        write("tree/deep/er/one.case", CASE);
        Verifier v = verifier(tmp);
        var out = v.run(List.of(tmp.resolve("tree"))).run();
        assertEquals(List.of(), out.diagnostics());
        assertEquals(List.of("ok"), out.cases().stream().map(c -> c.name()).toList());
    }

    // ------------------------------------------------------------ SC004

    @Test
    void caseOutsideTheRootIsSC004() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path f = write("elsewhere/c.case", CASE);
        Verifier v = verifier(root);
        assertEquals(v.sources().display(f) + ":1:1 error SC004 case file is outside the project root "
                + root.toAbsolutePath().normalize() + "; pass --root", run(v, f));
    }

    // ------------------------------------------------------------ SC005

    @Test
    void twoCasesWithOneNameIsSC005() throws IOException {
        Path a = write("a/first.case", CASE);
        Path b = write("b/second.case", "// the same name again\n" + CASE);
        Verifier v = verifier(tmp);
        var out = v.run(List.of(tmp));
        assertEquals(v.sources().display(b) + ":2:6 error SC005 case name ok is already used by " + v.sources().display(a)
                + "; case names are unique in a run", out.run().diagnostics().stream()
                .map(d -> d.pos() + " " + d.severity().label() + " " + d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n")));
        assertEquals(2, out.exitCode());
    }
}
