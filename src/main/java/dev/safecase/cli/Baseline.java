package dev.safecase.cli;

import dev.safecase.diff.Snapshot;
import dev.safecase.diff.SnapshotReader;
import dev.safecase.pipeline.Options;
import dev.safecase.pipeline.Verifier;
import dev.safecase.report.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code diff --baseline REF}: the result of the project's cases as they are at git revision REF, checked in a
 * temporary copy of that revision (git archive), and as they are in the working tree now. The verdict cache of the
 * working tree is shared (its keys are the obligations' content), so unchanged obligations are not proved twice. The
 * temporary copy is the tool's own and is removed afterwards.
 */
final class Baseline {
    private Baseline() {
    }

    /** Why a baseline cannot be made: not a git work tree, an unknown revision, a failing git or tar. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The result of the cases under {@code root} at revision {@code ref}. */
    static Snapshot at(Options options, String ref) throws Refused, IOException {
        Path root = options.root();
        Path top = Path.of(git(root, "rev-parse", "--show-toplevel").strip());
        String commit = git(root, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
        Path tmp = Files.createTempDirectory("safecase-baseline-");
        try {
            Path tar = tmp.resolve("baseline.tar");
            git(top, "archive", "--format=tar", "-o", tar.toString(), commit);
            Path tree = Files.createDirectory(tmp.resolve("tree"));
            run(List.of("tar", "-xf", tar.toString(), "-C", tree.toString()), tmp, "tar");
            Path baseRoot = tree.resolve(top.relativize(root.toAbsolutePath().normalize()).toString());
            Options o = options.withRoot(baseRoot);
            Verifier.Outcome out = new Verifier(o).run(List.of(baseRoot.resolve("cases")));
            return snapshot(out, ref);
        } finally {
            deleteTree(tmp);
        }
    }

    /** The result of the working tree's cases now. */
    static Snapshot now(Options options, List<Path> paths) throws IOException {
        return snapshot(new Verifier(options).run(paths), "the working tree");
    }

    private static Snapshot snapshot(Verifier.Outcome out, String what) throws IOException {
        byte[] json = JsonReport.render(out.run()).getBytes(StandardCharsets.UTF_8);
        try {
            return SnapshotReader.read(new ByteArrayInputStream(json), what);
        } catch (SnapshotReader.Bad e) {
            throw new IllegalStateException("safecase's own result does not read back: " + e.getMessage(), e);
        }
    }

    private static String git(Path dir, String... args) throws Refused, IOException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        return run(cmd, dir, "git " + args[0]);
    }

    private static String run(List<String> cmd, Path dir, String what) throws Refused, IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new Refused("--baseline needs " + cmd.get(0) + " on the PATH: " + e.getMessage());
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                String why = output.isBlank() ? "exit " + p.exitValue() : output.strip().lines().findFirst().orElse("");
                throw new Refused("--baseline: " + what + " failed: " + why);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("--baseline: interrupted");
        }
        return output;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
