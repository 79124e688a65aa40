package dev.safecase.cli;

import static dev.safecase.cache.CacheFixture.withoutMillis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.cache.CacheFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in JVMs of its own: which runs load Z3 at all, and two runs sharing one cache at the same time. */
class ChildJvmTest {
    @TempDir
    Path root;

    record Child(int code, String out, String err, boolean loadedZ3) {}

    private Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + root.resolve("classes-" + System.nanoTime() + ".log"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(root.toFile())
                .redirectOutput(root.resolve("out-" + System.nanoTime()).toFile()).redirectError(root.resolve("err-" + System.nanoTime()).toFile())
                .start();
    }

    private Child run(String... args) throws Exception {
        Path log = root.resolve("classes.log");
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the child finishes");
        String classes = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(classes.contains("dev.safecase.cli.Main"), "the log lists the classes loaded");
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err), classes.contains("com.microsoft.z3.Native "));
    }

    @Test
    void onlyARunWithSomethingToProveLoadsZ3() throws Exception {
        CacheFixture.write(root, 60);
        Child version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().contains("solver: z3 "), version.out());
        assertFalse(version.loadedZ3(), "--version");
        assertFalse(run("--help").loadedZ3(), "--help");
        Files.writeString(root.resolve("broken.case"), "case broken \"x\"\nclaim c \"c\": nosuch <= 1\n");
        Child broken = run("check", "--today", "2026-11-22", "broken.case");
        assertEquals(2, broken.code(), broken.err());
        assertFalse(broken.loadedZ3(), "an input error");
        // without a cache the library starts loading once a case has checked: a case that does not check never loads it
        Child brokenNoCache = run("check", "--no-cache", "--today", "2026-11-22", "broken.case");
        assertEquals(2, brokenNoCache.code(), brokenNoCache.err());
        assertFalse(brokenNoCache.loadedZ3(), "an input error without a cache");

        Child fresh = run("check", "--today", "2026-11-22", "--format", "json", "cases");
        assertEquals(1, fresh.code(), fresh.err());
        assertTrue(fresh.loadedZ3(), "a run that proves loads Z3 (so the log can tell)");
        Child cached = run("check", "--today", "2026-11-22", "--format", "json", "cases");
        assertEquals(1, cached.code(), cached.err());
        assertFalse(cached.loadedZ3(), "a run whose every verdict is cached");
        assertEquals(fresh.out(), cached.out());
    }

    @Test
    void twoRunsAtOnceShareTheCache() throws Exception {
        CacheFixture.write(root, 300);
        String[] args = {"check", "--today", "2026-11-22", "--jobs", "1", "--format", "json", "cases"};
        Process a = start(args);
        Process b = start(args);
        assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES));
        assertEquals(1, a.exitValue());
        assertEquals(1, b.exitValue());
        List<String> outs = outputs();
        assertEquals(2, outs.size());
        assertEquals(withoutMillis(outs.get(0)), withoutMillis(outs.get(1)));
        Child third = run(args);
        assertFalse(third.loadedZ3(), "every block was stored whole by one of them");
        assertEquals(withoutMillis(outs.get(0)), withoutMillis(third.out()));
        try (Stream<Path> s = Files.walk(root.resolve(".safecase/cache"))) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList(), "no temporary file is left");
        }
    }

    private List<String> outputs() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("out-")).sorted().toList()) out.add(Files.readString(p));
            return out;
        }
    }
}
