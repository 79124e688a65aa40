package dev.safecase.evidence;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 6901 JSON Pointer over a {@link JsonValue}: {@code /a/b}, {@code ~1} for {@code /},
 * {@code ~0} for {@code ~}, array indices without leading zeros; {@code ""} is the whole
 * document. A pointer that names nothing says why, in terms of the document.
 */
final class JsonPointer {
    private JsonPointer() {
    }

    /** What a pointer names, or why it names nothing. */
    sealed interface Result permits Found, NotFound {}

    record Found(JsonValue value) implements Result {}

    record NotFound(String why) implements Result {}

    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]*");

    static Result resolve(JsonValue doc, String pointer) {
        if (!pointer.isEmpty() && !pointer.startsWith("/")) {
            return new NotFound("a JSON pointer is empty or starts with \"/\"");
        }
        JsonValue at = doc;
        int start = 0;
        while (start < pointer.length()) {
            int end = pointer.indexOf('/', start + 1);
            if (end < 0) end = pointer.length();
            String where = JsonValue.quote(pointer.substring(0, start));
            String raw = pointer.substring(start + 1, end);
            Optional<String> token = unescape(raw);
            if (token.isEmpty()) {
                return new NotFound(JsonValue.quote(raw) + " has a ~ that is not ~0 or ~1 (write ~0 for ~ and ~1 for /)");
            }
            String t = token.get();
            if (at instanceof JsonValue.Obj o) {
                if (!o.members().containsKey(t)) {
                    return new NotFound("no member " + JsonValue.quote(t) + " in the object at " + where);
                }
                at = o.members().get(t);
            } else if (at instanceof JsonValue.Arr a) {
                int size = a.items().size();
                if (t.equals("-")) return new NotFound("\"-\" is past the end (array of " + size + ") at " + where);
                if (!INDEX.matcher(t).matches()) {
                    String why = t.matches("0[0-9]+") ? ", it has a leading zero" : "";
                    return new NotFound(JsonValue.quote(t) + " is not an array index" + why + " (array of " + size + ") at " + where);
                }
                if (t.length() > 9 || Integer.parseInt(t) >= size) {
                    return new NotFound("index " + t + " is out of range (array of " + size + ") at " + where);
                }
                at = a.items().get(Integer.parseInt(t));
            } else {
                return new NotFound("the value at " + where + " is " + kind(at) + ", not an object or array");
            }
            start = end;
        }
        return new Found(at);
    }

    private static Optional<String> unescape(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '~') {
                sb.append(c);
                continue;
            }
            char n = i + 1 < raw.length() ? raw.charAt(i + 1) : ' ';
            if (n == '0') sb.append('~');
            else if (n == '1') sb.append('/');
            else return Optional.empty();
            i++;
        }
        return Optional.of(sb.toString());
    }

    private static String kind(JsonValue v) {
        if (v instanceof JsonValue.Num) return "a number";
        if (v instanceof JsonValue.Str) return "a string";
        if (v instanceof JsonValue.Bool) return "a boolean";
        return "null";
    }
}
