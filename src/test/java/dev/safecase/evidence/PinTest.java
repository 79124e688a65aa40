package dev.safecase.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.safecase.diag.Diagnostic;
import dev.safecase.diag.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinTest {
    private static final String WRONG = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

    @TempDir
    Path root;
    Path caseFile;
    String hash;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(root.resolve("cases/evidence"));
        Files.writeString(root.resolve("cases/evidence/judge.json"), "{\"n\": 40}");
        caseFile = root.resolve("cases/main.case");
        hash = Pin.sha256(root.resolve("cases/evidence/judge.json"));
    }

    private List<Pin.Change> pin(String text, boolean write, Diagnostics diags) throws IOException {
        Files.writeString(caseFile, text, StandardCharsets.UTF_8);
        return Pin.pin(caseFile, root, diags, write);
    }

    private String pinned(String text) throws IOException {
        Diagnostics diags = new Diagnostics();
        pin(text, true, diags);
        assertEquals(List.of(), diags.sorted());
        return Files.readString(caseFile, StandardCharsets.UTF_8);
    }

    @Test
    void hashHelperMatchesAKnownDigest() throws IOException {
        Files.writeString(root.resolve("abc.txt"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Pin.sha256(root.resolve("abc.txt")));
    }

    @Test
    void insertsAMissingPinOnTheNextLineWithTheSameIndentation() throws IOException {
        String before = """
                case c "C"   // header comment
                quantity n_runs : int
                claim top "Top" supported by judge_eval
                /* a block
                   comment */
                evidence judge_eval "Held-out judge evaluation"
                  \tfile "evidence/judge.json"     // relative to the case file
                  \tgives n_runs == json("/n")
                """;
        String after = before.replace("// relative to the case file\n",
                "// relative to the case file\n  \tsha256 \"" + hash + "\"\n");
        Diagnostics diags = new Diagnostics();
        List<Pin.Change> changes = pin(before, true, diags);
        assertEquals(List.of(new Pin.Change("judge_eval", "evidence/judge.json", Optional.empty(), hash)), changes);
        assertEquals(List.of(), diags.sorted());
        assertEquals(after, Files.readString(caseFile));
    }

    @Test
    void updatesAWrongPinInPlace() throws IOException {
        String before = "case c \"C\"\n"
                + "evidence e \"E\" file \"evidence/judge.json\" sha256 \"" + WRONG + "\" /* pinned by hand */ expires 2030-01-01\n"
                + "// trailing comment without a newline at the end";
        Diagnostics diags = new Diagnostics();
        List<Pin.Change> changes = pin(before, true, diags);
        assertEquals(List.of(new Pin.Change("e", "evidence/judge.json", Optional.of(WRONG), hash)), changes);
        assertEquals(before.replace(WRONG, hash), Files.readString(caseFile));
    }

    @Test
    void keepsCrlfBomAndOtherEvidenceUntouched() throws IOException {
        String body = "case c \"C\"\r\n"
                + "evidence paper \"A reference\"  // no file: nothing to pin\r\n"
                + "evidence e \"E\"\r\n"
                + "    file \"evidence/judge.json\"\r\n"
                + "    expires 2030-01-01\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(caseFile, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
        Diagnostics diags = new Diagnostics();
        List<Pin.Change> changes = Pin.pin(caseFile, root, diags, true);
        assertEquals(1, changes.size());
        String expected = body.replace("judge.json\"\r\n", "judge.json\"\r\n    sha256 \"" + hash + "\"\r\n");
        assertArrayEquals(concat(bom, expected.getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(caseFile));
    }

    @Test
    void headerLineClauseGetsAnIndentedLineAndCodeOnTheSameLineKeepsItsPlace() throws IOException {
        String before = "case c \"C\"\n"
                + "quantity n : int\n"
                + "evidence a \"A\" file \"evidence/judge.json\"\n"
                + "    gives n == json(\"/n\")\n"
                + "evidence b \"B\" file \"evidence/judge.json\" gives n == json(\"/n\"),\n"
                + "    n >= 1\n";
        String after = "case c \"C\"\n"
                + "quantity n : int\n"
                + "evidence a \"A\" file \"evidence/judge.json\"\n"
                + "    sha256 \"" + hash + "\"\n"
                + "    gives n == json(\"/n\")\n"
                + "evidence b \"B\" file \"evidence/judge.json\" sha256 \"" + hash + "\" gives n == json(\"/n\"),\n"
                + "    n >= 1\n";
        assertEquals(after, pinned(before));
    }

    @Test
    void nonAsciiTextBeforeTheClauseDoesNotShiftTheEdit() throws IOException {
        String before = "case c \"Ünïcödé 😀\"\nevidence e \"😀😀 ✓\" file \"evidence/judge.json\" sha256 \"" + WRONG + "\"\n";
        assertEquals(before.replace(WRONG, hash), pinned(before));
    }

    @Test
    void correctPinIsNoChange() throws IOException {
        String before = "case c \"C\"\nevidence e \"E\" file \"evidence/judge.json\" sha256 \"" + hash + "\"\n";
        Diagnostics diags = new Diagnostics();
        assertEquals(List.of(), pin(before, true, diags));
        assertEquals(before, Files.readString(caseFile));
    }

    @Test
    void reportOnlyChangesNothing() throws IOException {
        String before = "case c \"C\"\nevidence e \"E\"\n  file \"evidence/judge.json\"\n";
        Files.writeString(caseFile, before);
        long modified = Files.getLastModifiedTime(caseFile).toMillis();
        List<Pin.Change> changes = Pin.pin(caseFile, root, new Diagnostics(), false);
        assertEquals(List.of(new Pin.Change("e", "evidence/judge.json", Optional.empty(), hash)), changes);
        assertEquals(before, Files.readString(caseFile));
        assertEquals(modified, Files.getLastModifiedTime(caseFile).toMillis());
        try (var listing = Files.list(caseFile.getParent())) {
            assertEquals(List.of("evidence", "main.case"), listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void missingAndEscapingFilesAreReportedAndSkipped() throws IOException {
        String before = "case c \"C\"\n"
                + "evidence gone \"G\" file \"evidence/gone.json\"\n"
                + "evidence out \"O\" file \"../../outside.json\"\n"
                + "evidence dir \"D\" file \"evidence\"\n"
                + "evidence ok \"K\" file \"evidence/judge.json\"\n";
        Diagnostics diags = new Diagnostics();
        List<Pin.Change> changes = pin(before, true, diags);
        assertEquals(List.of("ok"), changes.stream().map(Pin.Change::evidenceId).toList());
        List<String> messages = diags.sorted().stream().map(d -> d.pos() + " " + d.severity() + " " + d.code().id() + " " + d.message()).toList();
        assertEquals(List.of(
                "cases/main.case:2:24 WARNING SC001 evidence file evidence/gone.json does not exist; not pinned",
                "cases/main.case:3:23 ERROR SC501 evidence path \"../../outside.json\" leaves the project root "
                        + root.toAbsolutePath().normalize() + " (pass --root to widen it); not pinned",
                "cases/main.case:4:23 WARNING SC001 evidence file evidence is a directory, not a file; not pinned"), messages);
        String after = Files.readString(caseFile);
        assertEquals(before.replace("file \"evidence/judge.json\"\n", "file \"evidence/judge.json\"\n    sha256 \"" + hash + "\"\n"), after);
    }

    @Test
    void syntaxErrorsWriteNothing() throws IOException {
        String before = "case c \"C\"\nevidence e \"E\" file \"evidence/judge.json\" sha256\n";
        Diagnostics diags = new Diagnostics();
        assertEquals(List.of(), pin(before, true, diags));
        assertFalse(diags.sorted().isEmpty());
        assertEquals(List.of("SC101"), diags.sorted().stream().map(Diagnostic::code).map(c -> c.id()).distinct().toList());
        assertEquals(before, Files.readString(caseFile));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
