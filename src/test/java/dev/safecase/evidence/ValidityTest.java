package dev.safecase.evidence;

import dev.safecase.stats.Builtin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.num.Rational;
import dev.safecase.model.Model;
import dev.safecase.formula.Term;
import dev.safecase.formula.Type;
import dev.safecase.diag.Position;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidityTest {
    private static final Position P = new Position("main.case", 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 2);
    private static final Type.EnumType STAKES = new Type.EnumType("Stakes", List.of("low", "high"));

    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(root.resolve("evidence"));
    }

    // ---- helpers ----

    private Path write(String rel, String content) throws IOException {
        return Files.writeString(root.resolve(rel), content, StandardCharsets.UTF_8);
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static Model.Evidence evidence(String id, Optional<String> file, Optional<String> pin,
                                           Optional<LocalDate> expires, Term... facts) {
        return new Model.Evidence(id, P, "text", file, file.map(f -> P), pin, expires,
                List.of(facts).stream().map(t -> new Model.Fact(t, P)).toList(), Optional.empty());
    }

    private static Model.Evidence file(String path, Term... facts) {
        return evidence("e", Optional.of(path), Optional.empty(), Optional.empty(), facts);
    }

    private Model.Case caseOf(Model.Evidence... es) {
        return new Model.Case("c", "main.case", root.resolve("main.case"), P, "case", List.of(), List.of(es));
    }

    private Validity.Outcome decide(Model.Evidence e) {
        return new Validity(root, TODAY).decide(caseOf(e), e);
    }

    private static Term json(String pointer, Type type) {
        return new Term.Json(pointer, type, P);
    }

    private static Term le(Term left, Term right) {
        return new Term.Cmp(Term.CmpOp.LE, left, right);
    }

    private static Term eq(Term left, Term right) {
        return new Term.Cmp(Term.CmpOp.EQ, left, right);
    }

    private static Term var(String name, Type type) {
        return new Term.Var(name, type);
    }

    private static Term real(String decimal) {
        return new Term.Num(Rational.parse(decimal), Type.REAL);
    }

    private static void assertInvalid(String reason, Validity.Outcome o) {
        assertEquals(Validity.State.INVALID, o.state());
        assertEquals(Optional.of(reason), o.reason());
        assertEquals(List.of(), o.facts());
    }

    /** The single value a one-fact {@code x == json(p)} evidence grounds to. */
    private Term groundValue(String content, String pointer, Type type) throws IOException {
        write("evidence/x.json", content);
        Validity.Outcome o = decide(file("evidence/x.json", eq(var("x", type), json(pointer, type))));
        assertEquals(Validity.State.VALID, o.state(), () -> o.reason().orElse(""));
        return ((Term.Cmp) o.facts().get(0).formula()).right();
    }

    private String reasonFor(String content, String pointer, Type type) throws IOException {
        write("evidence/x.json", content);
        Validity.Outcome o = decide(file("evidence/x.json", eq(var("x", type), json(pointer, type))));
        assertEquals(Validity.State.INVALID, o.state());
        return o.reason().get();
    }

    // ---- references and plain files ----

    @Test
    void referenceIsAssertedWithItsFactsUnchanged() {
        Term fact = le(var("p", Type.REAL), real("0.01"));
        Model.Evidence e = evidence("paper", Optional.empty(), Optional.empty(), Optional.empty(), fact);
        Validity.Outcome o = decide(e);
        assertEquals(Validity.State.REFERENCE, o.state());
        assertEquals(Optional.of("reference (no file): accepted by review, not checked"), o.reason());
        assertEquals(Optional.empty(), o.actualSha256());
        assertEquals(e.facts(), o.facts());
    }

    @Test
    void existingFileWithoutJsonIsProvedAndHashed() throws Exception {
        write("evidence/report.pdf", "%PDF not json at all");
        Term fact = le(var("p", Type.REAL), real("0.01"));
        Validity.Outcome o = decide(file("evidence/report.pdf", fact));
        assertEquals(Validity.State.VALID, o.state());
        assertEquals(Optional.empty(), o.reason());
        assertEquals(Optional.of(sha("%PDF not json at all".getBytes(StandardCharsets.UTF_8))), o.actualSha256());
        assertEquals(List.of(new Model.Fact(fact, P)), o.facts());
    }

    @Test
    void missingFile() {
        assertInvalid("file evidence/judge.json does not exist", decide(file("evidence/judge.json")));
    }

    @Test
    void directory() throws IOException {
        Files.createDirectories(root.resolve("evidence/x"));
        assertInvalid("evidence/x is a directory, not a file", decide(file("evidence/x")));
    }

    @Test
    void dotDotEscapeIsNeverRead() throws IOException {
        Files.writeString(tmp.resolve("outside.json"), "{}");
        Validity v = new Validity(root, TODAY);
        Model.Evidence e = file("../outside.json");
        assertInvalid("evidence path \"../outside.json\" leaves the project root " + root
                + " (pass --root to widen it)", v.decide(caseOf(e), e));
        assertEquals(0, v.filesRead());
    }

    @Test
    void absolutePath() throws IOException {
        Path abs = write("evidence/x.json", "{}").toAbsolutePath();
        assertInvalid("evidence path \"" + abs + "\" is an absolute path; evidence paths are relative to the case file"
                + " and stay inside the project root " + root, decide(file(abs.toString())));
    }

    @Test
    void symlinkOutOfTheRoot() throws IOException {
        Path outside = Files.writeString(tmp.resolve("secret.json"), "{\"n\": 1}");
        Path link = root.resolve("evidence/link.json");
        try {
            Files.createSymbolicLink(link, outside);
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links are not available here");
        }
        Validity v = new Validity(root, TODAY);
        Model.Evidence e = file("evidence/link.json");
        assertInvalid("evidence path \"evidence/link.json\" is a link to " + outside.toRealPath()
                + ", outside the project root " + root, v.decide(caseOf(e), e));
        assertEquals(0, v.filesRead());
    }

    private void link(Path link, Path target) throws IOException {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links are not available here");
        }
    }

    @Test
    void danglingSymlinkOutOfTheRootIsAnEscapeNotAMissingFile() throws IOException {
        // before: "file evidence/dangle.json does not exist" (invalid, exit 1) instead of SC501 (exit 2)
        link(root.resolve("evidence/dangle.json"), tmp.resolve("gone.json"));
        String why = "\"evidence/dangle.json\" is a link to " + tmp.toRealPath().resolve("gone.json")
                + " (which does not exist), outside the project root " + root;
        Validity v = new Validity(root, TODAY);
        Model.Evidence e = file("evidence/dangle.json");
        assertInvalid("evidence path " + why, v.decide(caseOf(e), e));
        dev.safecase.diag.Diagnostics diags = new dev.safecase.diag.Diagnostics();
        EvidencePaths.check("evidence/dangle.json", P, root.resolve("main.case"), root, diags);
        assertEquals(List.of("SC501 evidence path " + why),
                diags.sorted().stream().map(d -> d.code() + " " + d.message()).toList());
    }

    @Test
    void missingFileBehindAFolderLinkOutOfTheRootIsAnEscape() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        link(root.resolve("evidence/far"), outside);
        assertInvalid("evidence path \"evidence/far/x.json\" is a link to " + outside.toRealPath().resolve("x.json")
                + " (which does not exist), outside the project root " + root, decide(file("evidence/far/x.json")));
    }

    @Test
    void danglingSymlinkInsideTheRootIsAMissingFile() throws IOException {
        link(root.resolve("evidence/dangle.json"), root.resolve("evidence/gone.json"));
        assertInvalid("file evidence/dangle.json does not exist", decide(file("evidence/dangle.json")));
        link(root.resolve("evidence/loop.json"), root.resolve("evidence/loop.json"));
        assertInvalid("file evidence/loop.json does not exist", decide(file("evidence/loop.json")));
    }

    @Test
    void symlinkInsideTheRootIsFollowed() throws IOException {
        Path target = write("evidence/real.json", "{\"n\": 1}");
        try {
            Files.createSymbolicLink(root.resolve("evidence/link.json"), target);
        } catch (UnsupportedOperationException | IOException ex) {
            Assumptions.abort("symbolic links are not available here");
        }
        assertEquals(Validity.State.VALID, decide(file("evidence/link.json")).state());
    }

    @Test
    void hashMismatch() throws Exception {
        write("evidence/judge.json", "{\"n\": 40}");
        String expected = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";
        String actual = sha("{\"n\": 40}".getBytes(StandardCharsets.UTF_8));
        Model.Evidence e = evidence("e", Optional.of("evidence/judge.json"), Optional.of(expected), Optional.empty());
        Validity.Outcome o = decide(e);
        assertInvalid("sha256 mismatch for evidence/judge.json: expected " + expected + " but the file has " + actual, o);
        assertEquals(Optional.of(actual), o.actualSha256());
    }

    @Test
    void matchingPinIsProved() throws Exception {
        write("evidence/judge.json", "{\"n\": 40}");
        String pin = sha("{\"n\": 40}".getBytes(StandardCharsets.UTF_8));
        Model.Evidence e = evidence("e", Optional.of("evidence/judge.json"), Optional.of(pin), Optional.empty());
        assertEquals(Validity.State.VALID, decide(e).state());
    }

    @Test
    void expiredTheDayAfter() throws IOException {
        write("evidence/judge.json", "{}");
        Model.Evidence e = evidence("e", Optional.of("evidence/judge.json"), Optional.empty(),
                Optional.of(LocalDate.of(2027, 6, 1)));
        assertInvalid("expired on 2027-06-01 (today is 2027-06-02)", decide(e));
    }

    @Test
    void validThroughTheExpiryDayItself() throws IOException {
        write("evidence/judge.json", "{}");
        Model.Evidence e = evidence("e", Optional.of("evidence/judge.json"), Optional.empty(), Optional.of(TODAY));
        assertEquals(Validity.State.VALID, decide(e).state());
    }

    // ---- JSON syntax ----

    @Test
    void malformedJson() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: expected a string key but found '}' at line 1, column 11",
                reasonFor("{\"n\": 40, }", "/n", Type.INT));
    }

    @Test
    void nanIsNotJson() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: NaN is not a JSON number at line 1, column 7",
                reasonFor("{\"n\": NaN}", "/n", Type.REAL));
    }

    @Test
    void infinityIsNotJson() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: -Infinity is not a JSON number at line 2, column 7",
                reasonFor("{\n \"n\": -Infinity}", "/n", Type.REAL));
        assertEquals("evidence/x.json is not valid JSON: Infinity is not a JSON number at line 1, column 7",
                reasonFor("{\"n\": Infinity}", "/n", Type.REAL));
    }

    @Test
    void fileThatIsNotJson() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: unexpected \"hello\" at line 1, column 1",
                reasonFor("hello world\n", "/n", Type.INT));
    }

    @Test
    void emptyFile() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: unexpected end of input at line 1, column 1",
                reasonFor("", "/n", Type.INT));
    }

    @Test
    void binaryFile() throws IOException {
        Files.write(root.resolve("evidence/x.json"), new byte[] {'[', '1', (byte) 0xff, ']'});
        Validity.Outcome o = decide(file("evidence/x.json", eq(var("x", Type.INT), json("/0", Type.INT))));
        assertInvalid("evidence/x.json is not valid JSON: bytes that are not valid UTF-8 at line 1, column 3", o);
        assertTrue(o.actualSha256().isPresent(), "the hash covers every byte even when parsing stops");
    }

    @Test
    void trailingData() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: trailing data after the JSON value at line 1, column 11",
                reasonFor("{\"n\": 40} {\"n\": 41}", "/n", Type.INT));
    }

    @Test
    void duplicateKeys() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: duplicate key \"n\" at line 2, column 3",
                reasonFor("{\"n\": 40,\n  \"n\": 41}", "/n", Type.INT));
    }

    @Test
    void leadingZero() throws IOException {
        assertEquals("evidence/x.json is not valid JSON: leading zero in a number at line 1, column 8",
                reasonFor("{\"n\": 040}", "/n", Type.INT));
    }

    // ---- pointers ----

    @Test
    void pointerMissing() throws IOException {
        assertEquals("json(\"/failures\") does not resolve in evidence/x.json: no member \"failures\" in the object at \"\"",
                reasonFor("{\"n\": 40}", "/failures", Type.INT));
    }

    @Test
    void indexOutOfRange() throws IOException {
        assertEquals("json(\"/runs/3\") does not resolve in evidence/x.json: index 3 is out of range (array of 2)"
                + " at \"/runs\"", reasonFor("{\"runs\": [1, 2]}", "/runs/3", Type.INT));
    }

    @Test
    void dashIsNotAnElement() throws IOException {
        assertEquals("json(\"/runs/-\") does not resolve in evidence/x.json: \"-\" is past the end (array of 2)"
                + " at \"/runs\"", reasonFor("{\"runs\": [1, 2]}", "/runs/-", Type.INT));
    }

    @Test
    void indexWithLeadingZero() throws IOException {
        assertEquals("json(\"/runs/01\") does not resolve in evidence/x.json: \"01\" is not an array index, it has a"
                + " leading zero (array of 2) at \"/runs\"", reasonFor("{\"runs\": [1, 2]}", "/runs/01", Type.INT));
    }

    @Test
    void stepIntoAScalar() throws IOException {
        assertEquals("json(\"/n/k\") does not resolve in evidence/x.json: the value at \"/n\" is a number,"
                + " not an object or array", reasonFor("{\"n\": 40}", "/n/k", Type.INT));
    }

    @Test
    void escapesAndIndicesResolve() throws IOException {
        String doc = "{\"a/b\": {\"m~n\": 7}, \"runs\": [{\"n\": 10}, {\"n\": 20}], \"\": 3}";
        assertEquals(new Term.Num(Rational.of(7), Type.INT), groundValue(doc, "/a~1b/m~0n", Type.INT));
        assertEquals(new Term.Num(Rational.of(20), Type.INT), groundValue(doc, "/runs/1/n", Type.INT));
        assertEquals(new Term.Num(Rational.of(3), Type.INT), groundValue(doc, "/", Type.INT));
    }

    @Test
    void wholeDocumentPointer() throws IOException {
        assertEquals(new Term.Num(Rational.of(5), Type.INT), groundValue("5", "", Type.INT));
    }

    // ---- types ----

    @Test
    void wrongJsonType() throws IOException {
        assertEquals("json(\"/n\") in evidence/x.json is a string (\"40\"), but a number is needed",
                reasonFor("{\"n\": \"40\"}", "/n", Type.REAL));
        assertEquals("json(\"/n\") in evidence/x.json is null, but an integer is needed",
                reasonFor("{\"n\": null}", "/n", Type.INT));
        assertEquals("json(\"/ok\") in evidence/x.json is 1, but true or false is needed",
                reasonFor("{\"ok\": 1}", "/ok", Type.BOOL));
    }

    @Test
    void nonIntegerWhereIntIsNeeded() throws IOException {
        assertEquals("json(\"/n\") in evidence/x.json is 12.5, but an integer is needed",
                reasonFor("{\"n\": 12.5}", "/n", Type.INT));
    }

    @Test
    void integralNumbersInAnyNotationAreIntegers() throws IOException {
        assertEquals(new Term.Num(Rational.of(40), Type.INT), groundValue("{\"n\": 4.0e1}", "/n", Type.INT));
    }

    @Test
    void numbersAreExact() throws IOException {
        assertEquals(new Term.Num(Rational.of(1, 10), Type.REAL), groundValue("{\"r\": 0.1}", "/r", Type.REAL));
        assertEquals(new Term.Num(Rational.of(BigInteger.ONE, BigInteger.TEN.pow(30)), Type.REAL),
                groundValue("{\"r\": 1e-30}", "/r", Type.REAL));
        assertEquals(new Term.Num(Rational.parse("-12345678901234567890.125"), Type.REAL),
                groundValue("{\"r\": -12345678901234567890.125}", "/r", Type.REAL));
    }

    @Test
    void hugeExponentIsRefused() throws IOException {
        assertEquals("json(\"/r\") in evidence/x.json is 1e999999999, which has too large an exponent to read exactly",
                reasonFor("{\"r\": 1e999999999}", "/r", Type.REAL));
    }

    @Test
    void enumMember() throws IOException {
        assertEquals(new Term.EnumConst(STAKES, "high"), groundValue("{\"stakes\": \"high\"}", "/stakes", STAKES));
        assertEquals("json(\"/stakes\") in evidence/x.json is \"medium\", which is not a member of Stakes (low, high)",
                reasonFor("{\"stakes\": \"medium\"}", "/stakes", STAKES));
    }

    @Test
    void bool() throws IOException {
        assertEquals(new Term.BoolConst(true), groundValue("{\"ok\": true}", "/ok", Type.BOOL));
    }

    // ---- built-ins ----

    @Test
    void ruleOfThreeAfterFailuresInTheFileInvalidatesTheEvidence() throws IOException {
        write("evidence/x.json", "{\"n\": 40, \"failures\": 2}");
        Term bound = new Term.Builtin(Builtin.RULE_OF_THREE, List.of(json("/failures", Type.INT), json("/n", Type.INT)), P);
        Validity.Outcome o = decide(file("evidence/x.json", le(var("rate", Type.REAL), bound)));
        assertEquals(Validity.State.INVALID, o.state());
        assertTrue(o.reason().orElse("").contains("the rule of three holds only after 0 failures, and there were 2; use "
                + "clopper_pearson_upper(2, n, 95%)"), o.reason().orElse(""));
    }

    @Test
    void builtinEvaluatedFromJson() throws IOException {
        write("evidence/x.json", "{\"n\": 40, \"failures\": 0}");
        Term rate = var("rate", Type.REAL);
        Term bound = new Term.Builtin(Builtin.RULE_OF_THREE, List.of(json("/failures", Type.INT), json("/n", Type.INT)), P);
        Validity.Outcome o = decide(file("evidence/x.json", le(rate, bound), eq(var("n", Type.INT), json("/n", Type.INT))));
        assertEquals(Validity.State.VALID, o.state());
        Model.Bound evaluated = new Model.Bound(Builtin.RULE_OF_THREE, List.of(Rational.ZERO, Rational.of(40)), Rational.of(3, 40));
        assertEquals(List.of(new Model.Fact(le(rate, new Term.Num(Rational.of(3, 40), Type.REAL)), P, List.of(evaluated)),
                new Model.Fact(eq(var("n", Type.INT), new Term.Num(Rational.of(40), Type.INT)), P)), o.facts());
    }

    @Test
    void jsonArgumentOutOfDomain() throws IOException {
        write("evidence/x.json", "{\"failures\": 41, \"n\": 40}");
        Term bound = new Term.Builtin(Builtin.CLOPPER_PEARSON_UPPER,
                List.of(json("/failures", Type.INT), json("/n", Type.INT), new Term.Num(Rational.of(19, 20), Type.REAL)), P);
        Validity.Outcome o = decide(file("evidence/x.json", le(var("rate", Type.REAL), bound)));
        String domain = Builtin.CLOPPER_PEARSON_UPPER.domainError(
                List.of(Rational.of(41), Rational.of(40), Rational.of(19, 20))).orElseThrow();
        assertInvalid("clopper_pearson_upper(41, 40, 0.95) with arguments read from evidence/x.json: " + domain, o);
    }

    @Test
    void aBuiltinThatRunsOutOfTimeLeavesTheEvidenceInvalid() throws IOException {
        // before: no deadline reached built-in evaluation; --timeout-ms covers it now (0 ms has passed at once)
        write("evidence/x.json", "{\"failures\": 5000000, \"n\": 10000000}");
        Term bound = new Term.Builtin(Builtin.CLOPPER_PEARSON_UPPER,
                List.of(json("/failures", Type.INT), json("/n", Type.INT), new Term.Num(Rational.of(19, 20), Type.REAL)), P);
        Model.Evidence e = file("evidence/x.json", le(var("rate", Type.REAL), bound));
        Validity.Outcome o = new Validity(root, TODAY, 0).decide(caseOf(e), e);
        assertInvalid("clopper_pearson_upper(5000000, 10000000, 0.95) with arguments read from evidence/x.json:"
                + " not evaluated within the 0 ms allowed (--timeout-ms)", o);
    }

    @Test
    void jsonArgumentsBeyondTheWorkLimitAreOutOfDomain() throws IOException {
        write("evidence/x.json", "{\"failures\": 600000000, \"n\": 1200000000}");
        Term bound = new Term.Builtin(Builtin.CLOPPER_PEARSON_LOWER,
                List.of(json("/failures", Type.INT), json("/n", Type.INT), new Term.Num(Rational.of(19, 20), Type.REAL)), P);
        Validity.Outcome o = decide(file("evidence/x.json", le(bound, var("rate", Type.REAL))));
        assertInvalid("clopper_pearson_lower(600000000, 1200000000, 0.95) with arguments read from evidence/x.json:"
                + " min(k, n - k) is too large for an exact bound (got k = 600000000, n = 1200000000;"
                + " at most 10000000 is supported)", o);
    }

    @Test
    void firstFailureWins() throws IOException {
        write("evidence/x.json", "{\"n\": 1.5}");
        Validity.Outcome o = decide(file("evidence/x.json",
                eq(var("a", Type.INT), json("/missing", Type.INT)), eq(var("b", Type.INT), json("/n", Type.INT))));
        assertInvalid("json(\"/missing\") does not resolve in evidence/x.json: no member \"missing\" in the object"
                + " at \"\"", o);
    }

    @Test
    void endToEndThroughTheChecker() throws IOException {
        write("evidence/judge.json", "{\"runs\": [{\"n\": 40, \"failures\": 0}], \"stakes\": \"low\", \"ok\": true}");
        Path caseFile = Files.writeString(root.resolve("main.case"), """
                case c "C"
                enum Stakes { low, high }
                quantity rate : probability
                quantity n_runs : int
                quantity stakes : Stakes
                quantity passed : bool
                claim top "Top": rate <= 1 supported by judge
                evidence judge "Judge"
                    file "evidence/judge.json"
                    gives rate <= rule_of_three(0, json("/runs/0/n")), n_runs == json("/runs/0/n"),
                          stakes == json("/stakes"), passed == json("/ok")
                """);
        dev.safecase.source.Sources sources = new dev.safecase.source.Sources(root);
        dev.safecase.diag.Diagnostics diags = new dev.safecase.diag.Diagnostics();
        Model.Case c = dev.safecase.check.Checker.check(dev.safecase.source.ImportClosure.load(sources, sources.load(caseFile)),
                        (w, f) -> EvidencePaths.locate(w, f.orElse(null), root).escape(), diags)
                .orElseThrow(() -> new AssertionError(diags.sorted()));
        Model.Evidence e = c.all(Model.Evidence.class).get(0);
        Validity.Outcome o = new Validity(root, TODAY).decide(c, e);
        assertEquals(Validity.State.VALID, o.state(), () -> o.reason().orElse(""));
        List<Term> rights = o.facts().stream()
                .map(f -> f.formula() instanceof Term.Iff i ? i.right() : ((Term.Cmp) f.formula()).right()).toList();
        assertEquals(new Term.Num(Rational.of(3, 40), Type.REAL), rights.get(0));
        assertEquals(new Term.Num(Rational.of(40), Type.INT), rights.get(1));
        assertTrue(rights.get(2) instanceof Term.EnumConst m && m.member().equals("low"), rights.get(2)::toString);
        assertEquals(new Term.BoolConst(true), rights.get(3));
    }

    // ---- one read per file ----

    @Test
    void eachFileIsReadOnceWhenSeveralEvidenceItemsNameIt() throws IOException {
        write("evidence/x.json", "{\"n\": 40, \"k\": 2}");
        Model.Evidence first = evidence("a", Optional.of("evidence/x.json"), Optional.empty(), Optional.empty());
        Model.Evidence second = evidence("b", Optional.of("./evidence/../evidence/x.json"), Optional.empty(),
                Optional.empty(), eq(var("n", Type.INT), json("/n", Type.INT)));
        Model.Evidence third = evidence("c", Optional.of("evidence/x.json"), Optional.empty(), Optional.empty(),
                eq(var("k", Type.INT), json("/k", Type.INT)));
        Model.Case c = caseOf(first, second, third);
        Validity v = new Validity(root, TODAY);
        Validity.Outcome a = v.decide(c, first);
        Validity.Outcome b = v.decide(c, second);
        Validity.Outcome d = v.decide(c, third);
        assertEquals(List.of(Validity.State.VALID, Validity.State.VALID, Validity.State.VALID), List.of(a.state(), b.state(), d.state()));
        assertEquals(a.actualSha256(), b.actualSha256());
        assertEquals(a.actualSha256(), d.actualSha256());
        assertEquals(1, v.filesRead());
    }

    @Test
    void largeFileIsHashedWithoutJson() throws Exception {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) big[i] = (byte) (i * 31);
        Files.write(root.resolve("evidence/blob.bin"), big);
        Validity.Outcome o = decide(file("evidence/blob.bin"));
        assertEquals(Validity.State.VALID, o.state());
        assertEquals(Optional.of(sha(big)), o.actualSha256());
    }
}
