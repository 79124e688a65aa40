package dev.safecase.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.safecase.num.Rational;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strict JSON reader (jackson-core underneath) and RFC 6901 pointers behind {@link Validity}. */
class JsonTest {

    private static JsonValue parse(String text) throws StrictJson.SyntaxError {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String error(String text) {
        return assertThrows(StrictJson.SyntaxError.class, () -> parse(text)).getMessage();
    }

    private static JsonValue at(String text, String pointer) throws StrictJson.SyntaxError {
        JsonPointer.Result r = JsonPointer.resolve(parse(text), pointer);
        if (r instanceof JsonPointer.NotFound nf) throw new AssertionError(nf.why());
        return ((JsonPointer.Found) r).value();
    }

    private static String unresolved(String text, String pointer) throws StrictJson.SyntaxError {
        return ((JsonPointer.NotFound) JsonPointer.resolve(parse(text), pointer)).why();
    }

    @Test
    void valuesOfEveryKind() throws Exception {
        JsonValue v = parse(" {\"a\": [true, false, null, \"s\", -0.5e+2, {}]}\r\n");
        assertEquals(new JsonValue.Obj(Map.of("a", new JsonValue.Arr(List.of(new JsonValue.Bool(true),
                new JsonValue.Bool(false), new JsonValue.Null(), new JsonValue.Str("s"),
                new JsonValue.Num("-0.5e+2"), new JsonValue.Obj(Map.of()))))), v);
        assertEquals(Optional.of(Rational.of(-50)), Grounding.exact("-0.5e+2"));
    }

    @Test
    void stringEscapes() throws Exception {
        assertEquals(new JsonValue.Str("a\"\\/\b\f\n\r\té😀"),
                parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
    }

    @Test
    void keysAreMatchedAfterUnescaping() throws Exception {
        assertEquals("duplicate key \"ab\" at line 1, column 11", error("{\"ab\": 1, \"a\\u0062\": 2}"));
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};
        assertEquals(new JsonValue.Arr(List.of(new JsonValue.Num("1"))),
                StrictJson.parse(bytes));
    }

    @Test
    void syntaxErrorsSayWhatAndWhere() {
        assertEquals("unescaped control character U+0009 in a string at line 1, column 3", error("\"a\tb\""));
        assertEquals("invalid escape \\x in a string at line 1, column 3", error("\"\\x\""));
        assertEquals("\\u must be followed by four hex digits at line 1, column 6", error("\"\\u12G4\""));
        assertEquals("unexpected end of input in a string at line 1, column 4", error("\"ab"));
        assertEquals("expected a digit after the decimal point but found ']' at line 1, column 4", error("[1.]"));
        assertEquals("expected a digit in the exponent but the input ended at line 1, column 3", error("1e"));
        assertEquals("unexpected character '+' at line 1, column 2", error("[+1]"));
        assertEquals("unexpected character ''' at line 1, column 1", error("'a'"));
        assertEquals("expected ':' after the key but found '1' at line 1, column 6", error("{\"a\" 1}"));
        assertEquals("expected ',' or ']' but found '2' at line 2, column 1", error("[1\n2]"));
        assertEquals("expected ',' or '}' but the input ended at line 1, column 8", error("{\"a\": 1"));
        assertEquals("unexpected character ']' at line 1, column 4", error("[1,]"));
        assertEquals("unexpected \"True\" at line 1, column 1", error("True"));
        assertEquals("unexpected \"-x\" at line 1, column 2", error("[-x]"));
    }

    @Test
    void everyLenientFormIsRefused() {
        assertEquals("unexpected character '/' at line 1, column 1", error("// a comment\n1"));
        assertEquals("expected ',' or ']' but found '/' at line 1, column 4", error("[1 /* a comment */]"));
        assertEquals("unexpected character '+' at line 1, column 2", error("[+1]"));
        assertEquals("leading zero in a number at line 1, column 3", error("[01]"));
        assertEquals("unexpected character '.' at line 1, column 2", error("[.5]"));
        assertEquals("expected a digit after the decimal point but the input ended at line 1, column 3", error("1."));
        assertEquals("NaN is not a JSON number at line 1, column 2", error("[NaN]"));
        assertEquals("-Infinity is not a JSON number at line 1, column 2", error("[-Infinity]"));
        assertEquals("expected a string key but found '}' at line 1, column 8", error("{\"a\":1,}"));
        assertEquals("expected a string key but found 'a' at line 1, column 2", error("{a: 1}"));
        assertEquals("expected a string key but found ''' at line 1, column 2", error("{'a': 1}"));
        assertEquals("trailing data after the JSON value at line 1, column 2", error("1x"));
        assertEquals("trailing data after the JSON value at line 2, column 1", error("[1]\n]"));
        assertEquals("unexpected end of input at line 2, column 3", error("\n  "));
    }

    @Test
    void onlyUtf8IsRead() {
        // jackson would guess UTF-16 from the zero bytes; the strict decoder never guesses
        byte[] utf16 = "[1]".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("unexpected character U+0000 at line 1, column 2",
                assertThrows(StrictJson.SyntaxError.class, () -> StrictJson.parse(utf16)).getMessage());
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
        assertEquals("bytes that are not valid UTF-8 at line 1, column 2",
                assertThrows(StrictJson.SyntaxError.class, () -> StrictJson.parse(overlong)).getMessage());
    }

    @Test
    void duplicateKeysAreFoundBeforeTheirValuesAreRead() {
        assertEquals("duplicate key \"a\\\"\" at line 1, column 10", error("{\"a\\\"\":1,\"a\\\"\" : -0.0e-}"));
        assertEquals("duplicate key \"a\" at line 1, column 30", error("[{\"a\": 1}, {\"a\": [{\"a\": 2}], \"a\": 3}]"));
    }

    @Test
    void unpairedSurrogatesArePassedInStringsButNotInKeys() throws Exception {
        assertEquals(new JsonValue.Str("\ud800"), parse("\"\\ud800\""));
        assertEquals("unpaired surrogate escape (\\uD800 to \\uDFFF) in a key at line 1, column 9", error("{\"\\ud800x\": 1}"));
    }

    @Test
    void veryLongNumbersAreReadExactlyUpToTheLimit() throws Exception {
        String digits = "9".repeat(100_000);
        assertEquals(new JsonValue.Num(digits), parse(digits));
        assertEquals("a number longer than 1000000 characters at line 1, column 2", error("[" + "1".repeat(1_000_001) + "]"));
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals("nested deeper than 512 levels at line 1, column 513", error(deep));
    }

    @Test
    void pointerEscapes() throws Exception {
        String doc = "{\"a/b\": 1, \"m~n\": 2, \"~1\": 3, \" \": 4}";
        assertEquals(new JsonValue.Num("1"), at(doc, "/a~1b"));
        assertEquals(new JsonValue.Num("2"), at(doc, "/m~0n"));
        assertEquals(new JsonValue.Num("3"), at(doc, "/~01"));
        assertEquals(new JsonValue.Num("4"), at(doc, "/ "));
        assertEquals("\"a~2\" has a ~ that is not ~0 or ~1 (write ~0 for ~ and ~1 for /)", unresolved(doc, "/a~2"));
        assertEquals("no member \"a\" in the object at \"\"", unresolved(doc, "/a"));
    }

    @Test
    void pointerIntoArrays() throws Exception {
        String doc = "{\"runs\": [[10, 11], [20, 21]]}";
        assertEquals(new JsonValue.Num("21"), at(doc, "/runs/1/1"));
        assertEquals("index 2 is out of range (array of 2) at \"/runs/0\"", unresolved(doc, "/runs/0/2"));
        assertEquals("\"x\" is not an array index (array of 2) at \"/runs\"", unresolved(doc, "/runs/x"));
        assertEquals("index 99999999999999999999 is out of range (array of 2) at \"/runs\"",
                unresolved(doc, "/runs/99999999999999999999"));
    }

    @Test
    void pointerSyntax() throws Exception {
        assertEquals("a JSON pointer is empty or starts with \"/\"", unresolved("{}", "a"));
        assertEquals("the value at \"/a~1b\" is a string, not an object or array",
                unresolved("{\"a/b\": \"s\"}", "/a~1b/c"));
    }
}
