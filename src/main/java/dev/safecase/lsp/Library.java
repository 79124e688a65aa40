package dev.safecase.lsp;

import dev.safecase.ast.Decl;
import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.source.Sources;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The bundled library's modules ({@code stdlib.…}), listed from the class path, and their patterns, for completion. */
final class Library {
    /** A bundled module: its import path and its parsed AST. */
    record Module(String path, SourceUnit unit) {
        List<Decl.Pattern> patterns() {
            return unit.decls().stream().filter(d -> d instanceof Decl.Pattern).map(d -> (Decl.Pattern) d).toList();
        }
    }

    private final List<Module> modules;

    Library() {
        modules = load();
    }

    List<Module> modules() {
        return modules;
    }

    private static List<Module> load() {
        List<Module> out = new ArrayList<>();
        for (String rel : listed()) {
            try (InputStream in = Sources.class.getClassLoader().getResourceAsStream(Sources.BUNDLED_ROOT + rel)) {
                if (in == null) continue;
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Optional<SourceUnit> unit = Sources.parse(new SourceText(null, Sources.BUNDLED_DISPLAY + rel, text), new Diagnostics());
                String path = rel.substring(0, rel.length() - ".case".length()).replace('/', '.');
                unit.ifPresent(u -> out.add(new Module(path, u)));
            } catch (IOException e) {
                Log.warn("cannot read the bundled module " + rel + ": " + e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    /** The .case files under the bundled root, relative to it, from the jar or the classes folder holding them. */
    private static List<String> listed() {
        List<String> out = new ArrayList<>();
        try {
            var src = Sources.class.getProtectionDomain().getCodeSource();
            if (src == null) return out;
            Path where = Path.of(src.getLocation().toURI());
            if (Files.isDirectory(where)) {
                Path lib = where.resolve(Sources.BUNDLED_ROOT);
                if (!Files.isDirectory(lib)) return out;
                try (Stream<Path> s = Files.walk(lib)) {
                    s.filter(p -> p.toString().endsWith(".case")).sorted()
                            .forEach(p -> out.add(lib.relativize(p).toString().replace('\\', '/')));
                }
            } else {
                try (ZipFile zip = new ZipFile(where.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(Sources.BUNDLED_ROOT) && n.endsWith(".case")) out.add(n.substring(Sources.BUNDLED_ROOT.length()));
                    }
                }
                out.sort(String::compareTo);
            }
        } catch (IOException | URISyntaxException | SecurityException | IllegalArgumentException e) {
            Log.warn("cannot list the bundled library: " + e.getMessage());
        }
        return out;
    }
}
