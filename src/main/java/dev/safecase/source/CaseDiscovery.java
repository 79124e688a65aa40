package dev.safecase.source;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Code;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.Position;
import dev.safecase.diag.Vocabulary;
import dev.safecase.syntax.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the cases among the paths of a run: a file named is a case (or an error), a folder is
 * searched for files that are cases; modules are skipped there. Whether a file is a case comes
 * from its parsed header, or, for a file with syntax errors, from its first tokens.
 */
public final class CaseDiscovery {
    /**
     * The cases found, parsed without errors, and the files that claim to be cases but did not
     * parse ({@code case name -> file}).
     */
    public record Discovered(List<Sources.Loaded> cases, Map<String, String> unparsed) {
        public Discovered {
            cases = List.copyOf(cases);
            unparsed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unparsed));
        }
    }

    private final Sources sources;
    private final Diagnostics diags;
    private final List<Sources.Loaded> cases = new ArrayList<>();
    private final Map<String, String> unparsed = new LinkedHashMap<>();

    private CaseDiscovery(Sources sources, Diagnostics diags) {
        this.sources = sources;
        this.diags = diags;
    }

    public static Discovered find(Sources sources, List<Path> paths, Diagnostics diags) {
        CaseDiscovery d = new CaseDiscovery(sources, diags);
        for (Path p : paths) d.path(p);
        return new Discovered(d.cases, d.unparsed);
    }

    private void path(Path p) {
        if (p.toString().equals("-")) {
            loaded(sources.loadStdin(), true, Optional.empty());
            return;
        }
        String display = sources.display(p);
        if (sources.overlay().contains(p)) {
            file(p, true);
            return;
        }
        if (!Files.exists(p)) {
            diags.error(Code.SC001, new Position(display, 1, 1), "no such file or directory");
            return;
        }
        if (!Files.isDirectory(p)) {
            file(p, true);
            return;
        }
        int before = cases.size();
        for (Path f : caseFiles(p, display)) file(f, false);
        if (cases.size() == before && !diags.hasErrors()) {
            diags.error(Code.SC003, new Position(display, 1, 1), "no case found in this folder (a case starts with `case NAME \"text\"`)");
        }
    }

    private List<Path> caseFiles(Path dir, String display) {
        Path abs = dir.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(dir)) {
            // an open buffer that was never saved is found in its folder too
            List<Path> unsaved = sources.overlay().files().stream()
                    .filter(f -> f.startsWith(abs) && f.toString().endsWith(".case") && !Files.exists(f)).toList();
            return Stream.concat(s.filter(f -> f.toString().endsWith(".case") && Files.isRegularFile(f)), unsaved.stream())
                    .sorted().toList();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            diags.error(Code.SC001, new Position(display, 1, 1), "cannot read folder: " + e.getMessage());
            return List.of();
        }
    }

    /** {@code named}: given on the command line, so it must be a case; in a folder a module is skipped. */
    private void file(Path file, boolean named) {
        loaded(sources.load(file), named, Optional.of(file));
    }

    private void loaded(Sources.Loaded loaded, boolean named, Optional<Path> file) {
        boolean unreadable = loaded.diagnostics().stream().anyMatch(d -> d.code() == Code.SC001 || d.code() == Code.SC002);
        Optional<Parser.Heading> heading = loaded.unit().isPresent() ? Optional.empty()
                : Optional.of(Parser.heading(loaded.text()));
        boolean isCase = loaded.unit().map(SourceUnit::isCase).orElse(heading.map(Parser.Heading::isCase).orElse(false));
        if (!isCase && !named && !unreadable) return;
        diags.addAll(loaded.diagnostics());
        if (loaded.unit().isEmpty()) {
            heading.flatMap(Parser.Heading::caseName).ifPresent(n -> unparsed.putIfAbsent(n, loaded.text().display()));
            return;
        }
        SourceUnit unit = loaded.unit().get();
        Position at = new Position(loaded.text().display(), 1, 1);
        if (!unit.isCase()) {
            diags.error(Code.SC003, at, unit.decls().isEmpty()
                    ? "empty file: a case starts with `case NAME \"text\"`"
                    : "this is a module (no `case NAME \"text\"` header); modules are checked through the cases that import them");
            return;
        }
        if (file.isPresent() && !file.get().toAbsolutePath().normalize().startsWith(sources.root())) {
            diags.error(Code.SC004, at, "case file is outside the project root " + sources.root() + "; "
                    + sources.vocabulary().change(Vocabulary.Setting.ROOT));
            return;
        }
        cases.add(loaded);
    }
}
