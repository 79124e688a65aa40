package dev.safecase.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report run stopped by a signal leaves no half-written folder: the shutdown hook removes it, and the previous
 * report stays as it was. The child JVM blocks inside the writer until it is sent SIGTERM, so nothing here waits
 * on a clock.
 */
class SignalCleanupTest {
    @TempDir
    Path tmp;

    private static Map<String, String> snapshot(Path dir) throws IOException {
        return ReportWriteTest.snapshot(dir);
    }

    private List<String> names() throws IOException {
        return ReportWriteTest.names(tmp);
    }

    @Test
    void sigtermWhileWritingRemovesTheTemporaryFolder() throws Exception {
        Path out = tmp.resolve("report");
        Reports.writeAll(ReportFixture.run(), out, OutputFolder.Protected.none());
        Map<String, String> before = snapshot(out);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), BlockingReport.class.getName(),
                out.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = stdout.readLine();
            assertTrue(line != null && line.startsWith("writing "), "the child did not start writing: " + line);
            Path temp = Path.of(line.substring("writing ".length()));
            assertTrue(Files.isRegularFile(temp.resolve("index.html")), "half-written folder exists while writing");
            assertTrue(temp.getFileName().toString().startsWith(".report.new-" + child.pid() + "-"), temp.toString());

            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child did not stop on SIGTERM");
            assertEquals(143, child.exitValue(), "killed by SIGTERM, after the shutdown hooks");
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of("report"), names(), "no temporary folder left");
        assertEquals(before, snapshot(out), "the previous report is untouched");
    }

    @Test
    void theNextRunRemovesStaleFoldersOfFinishedRunsAndNothingElse() throws Exception {
        long gone = 999_999_999L; // above any PID the kernel hands out
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path staleNew = marked(tmp.resolve(".report.new-" + gone + "-123"));
        Path staleOld = marked(tmp.resolve(".report.old-" + gone + "-456"));
        Path staleEmpty = Files.createDirectories(tmp.resolve(".report.new-" + gone + "-789"));
        Path unmarked = Files.createDirectories(tmp.resolve(".report.new-" + gone + "-42"));
        Files.writeString(unmarked.resolve("notes.txt"), "not ours: no marker");
        Path running = marked(tmp.resolve(".report.new-" + alive + "-7"));
        Path otherName = marked(tmp.resolve(".other.new-" + gone + "-1"));
        Path userNamed = marked(tmp.resolve(".report.new-backup"));
        Path file = Files.writeString(tmp.resolve(".report.old-" + gone + "-9"), "a file, not a folder");

        Reports.writeAll(ReportFixture.run(), tmp.resolve("report"), OutputFolder.Protected.none());

        for (Path p : List.of(staleNew, staleOld, staleEmpty)) assertTrue(Files.notExists(p), p + " is stale");
        for (Path p : List.of(unmarked, running, otherName, userNamed, file)) assertTrue(Files.exists(p), p + " is kept");
        assertEquals("not ours: no marker", Files.readString(unmarked.resolve("notes.txt")));
    }

    private static Path marked(Path dir) throws IOException {
        Files.createDirectories(dir);
        OutputFolder.mark(dir);
        Files.writeString(dir.resolve("index.html"), "half written");
        return dir;
    }
}
