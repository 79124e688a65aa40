package dev.safecase.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an evidence file as strict RFC 8259 JSON with jackson-core's streaming parser: one
 * value and nothing after it, no duplicate keys, no comments, {@code NaN}, {@code Infinity},
 * leading zeros or plus signs, no control characters in strings, valid UTF-8 (a leading
 * byte-order mark is skipped). Numbers keep their text. Errors say what and where, in the
 * words of the case language's own messages.
 *
 * <p>The bytes are decoded strictly first (so UTF-16 is never guessed and a bad byte is found
 * where it is), and jackson reads the characters, with {@code STRICT_DUPLICATE_DETECTION} on
 * and every lenient feature off (its defaults). The nesting limit is checked here, where the
 * offending bracket's position is known. Jackson's messages are translated by their wording
 * (the version is pinned, and JsonTest holds every message); one not recognised is passed on.
 */
final class StrictJson {
    private StrictJson() {
    }

    static final int MAX_DEPTH = 512;
    /** Longer numbers are refused: the text is read exactly, in time about linear in its length. */
    static final int MAX_NUMBER_LENGTH = 1_000_000;

    /** Jackson's defaults are the strict grammar (every lenient JsonReadFeature is off); they stay so. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(2 * MAX_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build();

    /** What is wrong and where: {@code duplicate key "a" at line 3, column 5}. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String what, int line, int col) {
            super(what + " at line " + line + ", column " + col);
        }
    }

    /** A problem at a character offset, before it is placed on a line. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        final String what;
        final long offset;

        Stop(String what, long offset) {
            super(what, null, false, false);
            this.what = what;
            this.offset = offset;
        }
    }

    static JsonValue parse(byte[] bytes) throws SyntaxError {
        CharBuffer decoded = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = decoder.decode(ByteBuffer.wrap(bytes), decoded, true);
        boolean badBytes = r.isError();
        if (!badBytes) decoder.flush(decoded);
        char[] text = decoded.array();
        int start = decoded.position() > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int end = decoded.position();
        try {
            try {
                JsonValue v = document(text, start, end);
                if (badBytes) throw new Stop("bytes that are not valid UTF-8", end);
                return v;
            } catch (Stop s) {
                // the reader stops at the first bad byte: a problem found there (or in a word that runs into it) is that byte's
                throw badBytes && (s.offset >= end || isWordError(s) && wordRunsTo(text, (int) s.offset, end))
                        ? new Stop("bytes that are not valid UTF-8", end) : s;
            }
        } catch (Stop s) {
            throw at(text, start, s);
        }
    }

    private static JsonValue document(char[] text, int start, int end) throws Stop {
        try (JsonParser p = FACTORY.createParser(text, start, end - start)) {
            JsonToken first = next(p, text, start, end);
            if (first == null) throw new Stop("unexpected end of input", end);
            JsonValue v = value(p, first, 1, text, start, end);
            int after = start + (int) p.currentLocation().getCharOffset();
            while (after < end && isSpace(text[after])) after++;
            if (after < end) throw new Stop("trailing data after the JSON value", after);
            return v;
        } catch (IOException ex) {
            throw new IllegalStateException("reading from memory cannot fail", ex);
        }
    }

    private static JsonValue value(JsonParser p, JsonToken t, int depth, char[] text, int start, int end)
            throws IOException, Stop {
        switch (t) {
            case START_OBJECT -> {
                if (depth > MAX_DEPTH) throw new Stop("nested deeper than " + MAX_DEPTH + " levels", tokenAt(p, start));
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (JsonToken k = next(p, text, start, end); k != JsonToken.END_OBJECT; k = next(p, text, start, end)) {
                    String key = p.currentName();
                    members.put(key, value(p, next(p, text, start, end), depth + 1, text, start, end));
                }
                return new JsonValue.Obj(Collections.unmodifiableMap(members));
            }
            case START_ARRAY -> {
                if (depth > MAX_DEPTH) throw new Stop("nested deeper than " + MAX_DEPTH + " levels", tokenAt(p, start));
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken i = next(p, text, start, end); i != JsonToken.END_ARRAY; i = next(p, text, start, end)) {
                    items.add(value(p, i, depth + 1, text, start, end));
                }
                return new JsonValue.Arr(items);
            }
            case VALUE_STRING -> {
                return new JsonValue.Str(text(p, text, start, end));
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new JsonValue.Num(text(p, text, start, end));
            }
            case VALUE_TRUE -> {
                return new JsonValue.Bool(true);
            }
            case VALUE_FALSE -> {
                return new JsonValue.Bool(false);
            }
            case VALUE_NULL -> {
                return new JsonValue.Null();
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static long tokenAt(JsonParser p, int start) {
        return start + p.currentTokenLocation().getCharOffset();
    }

    private static JsonToken next(JsonParser p, char[] text, int start, int end) throws IOException, Stop {
        try {
            return p.nextToken();
        } catch (JsonProcessingException ex) {
            throw translate(ex, p, text, start, end);
        }
    }

    /** The token's text; strings are decoded only now, so their errors surface here. */
    private static String text(JsonParser p, char[] text, int start, int end) throws IOException, Stop {
        try {
            return p.getText();
        } catch (JsonProcessingException ex) {
            throw translate(ex, p, text, start, end);
        }
    }

    // ---- jackson's messages in our words ---------------------------------------------------------
    //
    // Jackson says what it expected; the message here says what was found, where, in the terms
    // of the grammar's state: a value, a key, ':' after a key, ',' or a closing bracket. The state
    // comes from jackson's parsing context and the last character before the offending one;
    // a malformed number is re-read from its first character, so the message names the exact
    // character that breaks it.

    private static final Pattern CONTROL = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*", Pattern.DOTALL);
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape.*?code (\\d+)(?: / 0x\\p{XDigit}+)?\\).*", Pattern.DOTALL);
    private static final Pattern CHARACTER = Pattern.compile("(?:Unexpected|Illegal) character \\(.*?code (\\d+)(?: / 0x\\p{XDigit}+)?\\)\\)(.*)", Pattern.DOTALL);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'.*", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*)':.*", Pattern.DOTALL);
    private static final Pattern LIMIT = Pattern.compile("(Number value|String value|Name) length \\(\\d+\\) exceeds the maximum allowed \\((\\d+).*",
            Pattern.DOTALL);
    private static final Pattern UNFINISHED_HEX = Pattern.compile(".*\\\\u[0-9a-fA-F]{0,3}", Pattern.DOTALL);

    private static Stop translate(JsonProcessingException ex, JsonParser p, char[] text, int start, int end) {
        String m = ex.getOriginalMessage();
        JsonLocation loc = ex.getLocation() != null ? ex.getLocation() : p.currentLocation();
        int at = (int) Math.min(end, start + Math.max(0, loc.getCharOffset()));
        if (ex instanceof StreamConstraintsException) {
            Matcher limit = LIMIT.matcher(m);
            if (!limit.matches()) return new Stop(m, at);
            String what = switch (limit.group(1)) {
                case "Number value" -> "a number";
                case "String value" -> "a string";
                default -> "a key";
            };
            return new Stop(what + " longer than " + limit.group(2) + " characters", tokenAt(p, start));
        }
        Matcher g;
        if ((g = CONTROL.matcher(m)).matches()) {
            return new Stop("unescaped control character " + show(Integer.parseInt(g.group(1))) + " in a string", at);
        }
        if ((g = ESCAPE.matcher(m)).matches()) {
            return new Stop("invalid escape \\" + (char) Integer.parseInt(g.group(1)) + " in a string", at);
        }
        if ((g = DUPLICATE.matcher(m)).matches()) {
            // reported just after the key's closing quote; the message is placed at its opening one
            int close = at - 1;
            while (close > start && text[close] != '"') close--;
            return new Stop("duplicate key " + JsonValue.quote(g.group(1)), openingQuote(text, start, close));
        }
        if (m.contains("surrogate")) return new Stop("unpaired surrogate escape (\\uD800 to \\uDFFF) in a key", at);
        if (m.contains("hex-digit")) return new Stop("\\u must be followed by four hex digits", at);
        if (m.startsWith("Unexpected end-of-input")) return endOfInput(m, text, start, end);
        if ((g = NON_STANDARD.matcher(m)).matches()) {
            return new Stop(g.group(1) + " is not a JSON number", at - g.group(1).length());
        }
        if (m.contains("numeric value") || m.contains("Leading zeroes") || m.contains("minus sign")) {
            Stop bad = midValue(text, start, Math.max(at, (int) tokenAt(p, start) + 1), end);
            if (bad != null) return bad;
        }
        if (m.startsWith("Unrecognized token")) {
            // jackson's token runs to the next separator; a keyword followed by a stray character is that character's problem
            String w = word(text, at, end);
            boolean keyword = w.equals("true") || w.equals("false") || w.equals("null");
            if (!keyword || at + w.length() >= end) return value(text, at, end);
            at += w.length();
            return inState(text[at], m, p, text, start, at, end);
        }
        int c;
        if ((g = CHARACTER.matcher(m)).matches()) c = Integer.parseInt(g.group(1));
        else if ((g = CLOSE.matcher(m)).matches()) c = g.group(1).charAt(0);
        else return new Stop(m.replaceAll(" \\(.*", ""), at);
        // jackson places a stray character between tokens just after it
        if (m.startsWith("Illegal character") && at > start) at--;
        if (m.contains("root-level")) return new Stop("trailing data after the JSON value", at);
        return inState(c, m, p, text, start, at, end);
    }

    /** What the grammar wanted where {@code c} stands, from the open container and the character before. */
    private static Stop inState(int c, String m, JsonParser p, char[] text, int start, int at, int end) {
        Stop bad = midValue(text, start, at, end);
        if (bad != null) return bad;
        int prev = at - 1;
        while (prev >= start && isSpace(text[prev])) prev--;
        char before = prev >= start ? text[prev] : ' ';
        String found = " but found " + show(c);
        if (p.getParsingContext().inArray()) {
            if (before == '[' || before == ',') return value(text, at, end);
            return new Stop("expected ',' or ']'" + found, at);
        }
        if (p.getParsingContext().inObject()) {
            if (before == '{' || before == ',') return new Stop("expected a string key" + found, at);
            if (m.contains("colon") || (before == '"' && isKey(text, start, prev))) return new Stop("expected ':' after the key" + found, at);
            if (before == ':') return value(text, at, end);
            return new Stop("expected ',' or '}'" + found, at);
        }
        // at the top level, anything after a whole value
        for (int i = start; i < at; i++) if (!isSpace(text[i])) return new Stop("trailing data after the JSON value", at);
        return value(text, at, end);
    }

    /**
     * When the characters just before {@code at} are the start of a number or a word (jackson
     * stops inside them), the problem as reading that value from its first character finds
     * it; null when they form a whole value.
     */
    private static Stop midValue(char[] text, int start, int at, int end) {
        int run = at;
        while (run > start && (Character.isLetterOrDigit(text[run - 1]) || "+-.".indexOf(text[run - 1]) >= 0)) run--;
        if (run == at) return null;
        char c = text[run];
        if (c == '-' || isDigit(c)) return number(text, run, end);
        String w = word(text, run, end);
        if (run + w.length() == at && (w.equals("true") || w.equals("false") || w.equals("null"))) return null;
        return value(text, run, end);
    }

    /** Whether the string that closes at {@code close} is an object key (it follows '{' or ','). */
    private static boolean isKey(char[] text, int start, int close) {
        int before = openingQuote(text, start, close) - 1;
        while (before >= start && isSpace(text[before])) before--;
        return before >= start && (text[before] == '{' || text[before] == ',');
    }

    /** The opening quote of the string whose closing quote is at {@code close} (a quote inside is escaped). */
    private static int openingQuote(char[] text, int start, int close) {
        int open = close - 1;
        while (open > start) {
            if (text[open] == '"') {
                int slashes = 0;
                while (open - 1 - slashes >= start && text[open - 1 - slashes] == '\\') slashes++;
                if (slashes % 2 == 0) break;
            }
            open--;
        }
        return open;
    }

    /** Where a value should start: a number, a word, or a character that starts nothing. */
    private static Stop value(char[] text, int at, int end) {
        if (at >= end) return new Stop("unexpected end of input", at);
        char c = text[at];
        if (c == '-' || isDigit(c)) {
            Stop bad = number(text, at, end);
            if (bad != null) return bad;
        }
        if (Character.isLetter(c)) {
            String w = word(text, at, end);
            if (w.equals("NaN") || w.equals("Infinity")) return new Stop(w + " is not a JSON number", at);
            return new Stop("unexpected " + JsonValue.quote(shorten(w)), at);
        }
        return new Stop("unexpected character " + show(c), at);
    }

    /** Reads a number as RFC 8259 spells it; the problem at its first wrong character, or null when it is well formed. */
    private static Stop number(char[] text, int i, int end) {
        int first = i;
        if (i < end && text[i] == '-') {
            i++;
            if (i < end && Character.isLetter(text[i])) {
                String w = word(text, i, end);
                return new Stop(w.equals("Infinity") ? "-Infinity is not a JSON number"
                        : "unexpected " + JsonValue.quote("-" + shorten(w)), first);
            }
        }
        if (!(i < end && isDigit(text[i]))) return expected("a digit", text, i, end);
        if (text[i] == '0') {
            i++;
            if (i < end && isDigit(text[i])) return new Stop("leading zero in a number", i);
        } else {
            while (i < end && isDigit(text[i])) i++;
        }
        if (i < end && text[i] == '.') {
            i++;
            if (!(i < end && isDigit(text[i]))) return expected("a digit after the decimal point", text, i, end);
            while (i < end && isDigit(text[i])) i++;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            if (i < end && (text[i] == '+' || text[i] == '-')) i++;
            if (!(i < end && isDigit(text[i]))) return expected("a digit in the exponent", text, i, end);
        }
        return null;
    }

    private static Stop expected(String what, char[] text, int i, int end) {
        return new Stop("expected " + what + (i >= end ? " but the input ended" : " but found " + show(text[i])), i);
    }

    /** A word where a value should be: the reader read it to its end. */
    private static boolean isWordError(Stop s) {
        return s.what.startsWith("unexpected \"") || s.what.endsWith("is not a JSON number");
    }

    /** Whether a word (or "-word") starts at {@code i} and goes on to {@code end}. */
    private static boolean wordRunsTo(char[] text, int i, int end) {
        if (i < end && text[i] == '-') i++;
        if (!(i < end && Character.isLetter(text[i]))) return false;
        return i + word(text, i, end).length() == end;
    }

    private static String word(char[] text, int i, int end) {
        int w = i;
        while (w < end && Character.isLetterOrDigit(text[w])) w++;
        return new String(text, i, w - i);
    }

    /** Jackson names the open container; what was expected follows from the last characters read. */
    private static Stop endOfInput(String m, char[] text, int start, int end) {
        if (m.contains("VALUE_STRING") || m.contains("string value") || m.contains("name") || m.contains("escape")) {
            if (UNFINISHED_HEX.matcher(new String(text, start, end - start)).matches()) {
                return new Stop("\\u must be followed by four hex digits", end);
            }
            return new Stop("unexpected end of input in a string", end);
        }
        int last = end - 1;
        while (last >= start && isSpace(text[last])) last--;
        Stop bad = midValue(text, start, last + 1, end);
        if (bad != null) return bad;
        char c = last >= start ? text[last] : ' ';
        String what;
        if (c == '{' || (c == ',' && m.contains("Object"))) what = "expected a string key but the input ended";
        else if (c == '"' && m.contains("Object entries")) what = "expected ':' after the key but the input ended";
        else if (c == '[' || c == ',' || c == ':' || last < start) what = "unexpected end of input";
        else if (m.contains("Array")) what = "expected ',' or ']' but the input ended";
        else if (m.contains("Object")) what = "expected ',' or '}' but the input ended";
        else what = "unexpected end of input";
        return new Stop(what, end);
    }

    // ---- positions -------------------------------------------------------------------------------

    /** 1-based line and column of a character offset: lines end at '\n', columns count code points. */
    private static SyntaxError at(char[] text, int start, Stop s) {
        int line = 1;
        int col = 1;
        for (int i = start; i < s.offset && i < text.length; i++) {
            if (text[i] == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(text[i])) {
                col++;
            }
        }
        return new SyntaxError(s.what, line, col);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static String show(int c) {
        if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)) return String.format("U+%04X", c);
        return "'" + (char) c + "'";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
