package dev.safecase.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code safecase fmt}: what it writes, what --check says, and that it writes nothing when a file is bad. */
class FmtCommandTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static final String MESSY = "case t \"T\"\nclaim top \"Top\"   undeveloped // later\n";
    private static final String TIDY = "case t \"T\"\nclaim top \"Top\" undeveloped // later\n";

    @Test
    void checkListsTheFilesThatWouldChangeAndWritesNothing() throws Exception {
        Path messy = TestFiles.write(tmp, "cases/a.case", MESSY);
        Path tidy = TestFiles.write(tmp, "cases/lib/m.case", "quantity x : bool\n");
        Run r = main("fmt", "--check", tmp.resolve("cases").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("a.case"), r.out());
        assertFalse(r.out().contains("m.case"), r.out());
        assertEquals(MESSY, Files.readString(messy));
        assertEquals("quantity x : bool\n", Files.readString(tidy));
    }

    @Test
    void formatsInPlaceKeepingTheByteOrderMarkAndPermissionsAndThenChecksClean() throws Exception {
        Path f = tmp.resolve("a.case");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = MESSY.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        Files.write(f, all);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        Run r = main("fmt", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("formatted"), r.out());
        byte[] written = Files.readAllBytes(f);
        byte[] expected = new byte[3 + TIDY.length()];
        System.arraycopy(bom, 0, expected, 0, 3);
        System.arraycopy(TIDY.getBytes(StandardCharsets.UTF_8), 0, expected, 3, TIDY.length());
        assertArrayEquals(expected, written);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(0, main("fmt", "--check", f.toString()).code());
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "a temporary file was left behind");
        }
    }

    @Test
    void aFileThatDoesNotParseStopsEveryWriteWithItsPlaceAndExitTwo() throws Exception {
        Path good = TestFiles.write(tmp, "a.case", MESSY);
        Path bad = TestFiles.write(tmp, "b.case", "case b \"B\"\nclaim c \"C\" supported by ,\n");
        Run r = main("fmt", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("b.case:2:26: error: SC101"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(MESSY, Files.readString(good), "nothing is written when any file is bad");
        assertEquals("case b \"B\"\nclaim c \"C\" supported by ,\n", Files.readString(bad));
        assertEquals(2, main("fmt", "--check", tmp.toString()).code());
    }

    @Test
    void aMissingPathOrABinaryFileIsAnInputError() throws Exception {
        Run missing = main("fmt", tmp.resolve("nope.case").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.case:1:1: error: SC001 no such file or directory"), missing.err());
        Files.write(tmp.resolve("bin.case"), new byte[] {(byte) 0xff, 0, 1});
        Run binary = main("fmt", tmp.resolve("bin.case").toString());
        assertEquals(2, binary.code());
        assertTrue(binary.err().contains("SC002"), binary.err());
        assertEquals(2, main("fmt").code(), "fmt needs a PATH");
    }
}
