package dev.safecase.interop.gsn2x;

import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.SourceText;
import dev.safecase.interop.gsn2x.Gsn2xFile.Ref;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files of one gsn2x argument, as gsn2x gathers them: the files named on the command line,
 * then every file their modules {@code use}, relative to the using file, each read once.
 */
public final class Gsn2xInput {
    /** Files an argument may span at most; far more than any real one (and a guard against runaway uses). */
    public static final int MAX_FILES = 1000;

    private Gsn2xInput() {
    }

    /** Reads the argument; empty (with diagnostics) when a file is unreadable or malformed. */
    public static Optional<List<Gsn2xFile>> read(List<Path> named, Path base, Map<String, SourceText> texts, Diagnostics diags) {
        Map<Path, Gsn2xFile> files = new LinkedHashMap<>();
        Map<String, Position> moduleNames = new HashMap<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (Path p : named) todo.add(p);
        boolean ok = true;
        while (!todo.isEmpty()) {
            Path p = todo.poll();
            Path key = canonical(p);
            if (files.containsKey(key)) continue;
            if (files.size() >= MAX_FILES) {
                diags.error(Code.SC701, new Position(display(p, base), 1, 1), "more than " + MAX_FILES + " gsn2x files");
                return Optional.empty();
            }
            String display = display(p, base);
            Optional<SourceText> text = SourceText.read(p, display, diags);
            if (text.isEmpty()) {
                ok = false;
                files.put(key, null);
                continue;
            }
            texts.put(display, text.get());
            Optional<Gsn2xFile> file = Gsn2xReader.read(p, display, text.get().text(), diags);
            files.put(key, file.orElse(null));
            if (file.isEmpty()) {
                ok = false;
                continue;
            }
            Optional<Gsn2xFile.Module> module = file.get().module();
            if (module.isPresent()) {
                Position first = moduleNames.putIfAbsent(module.get().name(), module.get().pos());
                if (first != null) {
                    diags.error(Code.SC704, module.get().pos(), "module name " + module.get().name() + " is also used at "
                            + first + " (module names are unique)");
                    ok = false;
                }
                for (Ref used : module.get().uses()) {
                    Path u = p.toAbsolutePath().getParent().resolve(used.id()).normalize();
                    if (!Files.isRegularFile(u)) {
                        diags.error(Code.SC703, used.pos(), "used module file " + used.id() + " not found (looked for " + u + ")");
                        ok = false;
                    } else {
                        todo.add(u);
                    }
                }
            }
        }
        if (!ok) return Optional.empty();
        return Optional.of(new ArrayList<>(files.values()));
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** A path as diagnostics show it: relative to {@code base} when inside it. */
    static String display(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        return abs.startsWith(b) ? b.relativize(abs).toString() : abs.toString();
    }
}
