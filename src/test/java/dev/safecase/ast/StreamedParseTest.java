package dev.safecase.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.syntax.Parser;
import dev.safecase.syntax.gen.SafeCaseParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link AstBuilder#parse}, which builds each declaration's AST as the parser finishes it and drops its tree, gives
 * exactly what parsing the whole tree and then building gives: the same declarations, modifiers and diagnostics, on
 * every case, module and test input of the repository, on broken files and on seeded mutants of them.
 */
class StreamedParseTest {

    private record Both(Optional<SourceUnit> unit, String diagnostics) {}

    private static Both streamed(SourceText s) {
        Diagnostics d = new Diagnostics();
        return new Both(AstBuilder.parse(s, d), d.sorted().toString());
    }

    private static Both whole(SourceText s) {
        Diagnostics d = new Diagnostics();
        Optional<SafeCaseParser.FileContext> tree = Parser.parse(s, d);
        return new Both(tree.flatMap(t -> AstBuilder.build(s, t, d)), d.sorted().toString());
    }

    private static void same(SourceText s) {
        Both a = streamed(s);
        Both b = whole(s);
        assertEquals(b.diagnostics(), a.diagnostics(), s.display());
        assertEquals(b.unit().isPresent(), a.unit().isPresent(), s.display());
        if (a.unit().isEmpty()) return;
        SourceUnit x = a.unit().get();
        SourceUnit y = b.unit().get();
        assertEquals(y.header(), x.header(), s.display());
        assertEquals(y.decls(), x.decls(), s.display());
        List<String> mx = new ArrayList<>();
        List<String> my = new ArrayList<>();
        for (Decl d : x.decls()) mx.add(String.valueOf(x.modifier(d)));
        for (Decl d : y.decls()) my.add(String.valueOf(y.modifier(d)));
        assertEquals(my, mx, s.display() + ": modifiers");
    }

    private static List<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("cases", "stdlib", "src/test/resources")) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                files.filter(p -> p.toString().endsWith(".case")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static SourceText text(Path p) throws IOException {
        return new SourceText(p, p.toString(), Files.readString(p, StandardCharsets.UTF_8));
    }

    @Test
    void everyRepositoryFileGivesTheSameUnit() throws IOException {
        List<Path> files = inputs();
        assertTrue(files.size() > 50, "the corpus: " + files.size());
        int withDecls = 0;
        for (Path p : files) {
            SourceText s = text(p);
            same(s);
            if (streamed(s).unit().map(u -> !u.decls().isEmpty()).orElse(false)) withDecls++;
        }
        assertTrue(withDecls > 50, "files that built declarations: " + withDecls);
    }

    @Test
    void brokenAndMutatedFilesGiveTheSameDiagnostics() throws IOException {
        Random random = new Random(20261203L);
        List<Path> files = inputs();
        int broken = 0;
        for (int i = 0; i < 400; i++) {
            String t = Files.readString(files.get(random.nextInt(files.size())), StandardCharsets.UTF_8);
            if (t.isEmpty()) continue;
            int at = random.nextInt(t.length());
            String mutant = switch (random.nextInt(4)) {
                case 0 -> t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + random.nextInt(8)));
                case 1 -> t.substring(0, at) + " supported by " + t.substring(at);
                case 2 -> t.substring(0, at) + "(" + t.substring(at);
                default -> t.substring(0, at) + "\npublic claim z \"Z\": " + t.substring(at);
            };
            SourceText s = new SourceText(Path.of("mutant" + i + ".case"), "mutant" + i + ".case", mutant);
            same(s);
            if (whole(s).unit().isEmpty()) broken++;
        }
        assertTrue(broken > 100, "mutants with errors: " + broken);
    }

    @Test
    void aBrokenLastDeclarationLeavesNoUnit() {
        SourceText s = new SourceText(Path.of("b.case"), "b.case",
                "case b \"B\"\nquantity x : probability \"X\"\nclaim c \"C\": x <= 1\nclaim d \"D\": x <= \n");
        Both a = streamed(s);
        assertFalse(a.unit().isPresent());
        assertTrue(a.diagnostics().contains("SC101"), a.diagnostics());
        same(s);
    }
}
