package dev.safecase.prove;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the z3 and cvc5 command-line solvers on an SMT-LIB file and returns their answers. */
final class Solvers {
    private Solvers() {
    }

    static boolean available(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) return true;
        }
        return false;
    }

    /** The solver's answers, one per check-sat, e.g. [sat, unsat]. */
    static List<String> answers(String solver, Path file) throws IOException, InterruptedException {
        List<String> cmd = solver.equals("z3") ? List.of("z3", "-T:20", file.toString())
                : List.of("cvc5", "--incremental", "--tlimit=20000", file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return List.of("timeout");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
