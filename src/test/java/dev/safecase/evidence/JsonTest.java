package dev.safecase.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.safecase.formula.Rational;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The strict JSON reader and RFC 6901 pointers behind {@link Validity}. */
class JsonTest {

    private static Validity.Json.Value parse(String text) throws Validity.Json.SyntaxError {
        return Validity.Json.parse(text);
    }

    private static String error(String text) {
        return assertThrows(Validity.Json.SyntaxError.class, () -> parse(text)).getMessage();
    }

    private static Validity.Json.Value at(String text, String pointer) throws Validity.Json.SyntaxError {
        Validity.Json.Resolved r = Validity.Json.resolve(parse(text), pointer);
        return r.value().orElseThrow(() -> new AssertionError(r.error().orElse("")));
    }

    private static String unresolved(String text, String pointer) throws Validity.Json.SyntaxError {
        return Validity.Json.resolve(parse(text), pointer).error().orElseThrow();
    }

    @Test
    void valuesOfEveryKind() throws Exception {
        Validity.Json.Value v = parse(" {\"a\": [true, false, null, \"s\", -0.5e+2, {}]}\r\n");
        assertEquals(new Validity.Json.Obj(Map.of("a", new Validity.Json.Arr(List.of(new Validity.Json.Bool(true),
                new Validity.Json.Bool(false), new Validity.Json.Null(), new Validity.Json.Str("s"),
                new Validity.Json.Num("-0.5e+2"), new Validity.Json.Obj(Map.of()))))), v);
        assertEquals(Optional.of(Rational.of(-50)), Validity.exact("-0.5e+2"));
    }

    @Test
    void stringEscapes() throws Exception {
        assertEquals(new Validity.Json.Str("a\"\\/\b\f\n\r\té😀"),
                parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
    }

    @Test
    void keysAreMatchedAfterUnescaping() throws Exception {
        assertEquals("duplicate key \"ab\" at line 1, column 11", error("{\"ab\": 1, \"a\\u0062\": 2}"));
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', '1', ']'};
        assertEquals(new Validity.Json.Arr(List.of(new Validity.Json.Num("1"))),
                Validity.Json.parse(new ByteArrayInputStream(bytes)));
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
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertEquals("nested deeper than 512 levels at line 1, column 513", error(deep));
    }

    @Test
    void pointerEscapes() throws Exception {
        String doc = "{\"a/b\": 1, \"m~n\": 2, \"~1\": 3, \" \": 4}";
        assertEquals(new Validity.Json.Num("1"), at(doc, "/a~1b"));
        assertEquals(new Validity.Json.Num("2"), at(doc, "/m~0n"));
        assertEquals(new Validity.Json.Num("3"), at(doc, "/~01"));
        assertEquals(new Validity.Json.Num("4"), at(doc, "/ "));
        assertEquals("\"a~2\" has a ~ that is not ~0 or ~1 (write ~0 for ~ and ~1 for /)", unresolved(doc, "/a~2"));
        assertEquals("no member \"a\" in the object at \"\"", unresolved(doc, "/a"));
    }

    @Test
    void pointerIntoArrays() throws Exception {
        String doc = "{\"runs\": [[10, 11], [20, 21]]}";
        assertEquals(new Validity.Json.Num("21"), at(doc, "/runs/1/1"));
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
