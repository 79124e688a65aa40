package dev.safecase.evidence;

import java.util.List;
import java.util.Map;

/**
 * A JSON value as read from an evidence file: the tree {@link StrictJson} builds and
 * {@link JsonPointer} walks. Numbers keep their decimal text, so no value is ever rounded.
 */
sealed interface JsonValue permits JsonValue.Obj, JsonValue.Arr, JsonValue.Str, JsonValue.Num, JsonValue.Bool,
        JsonValue.Null {

    /** Members in file order; keys are unique. */
    record Obj(Map<String, JsonValue> members) implements JsonValue {}

    record Arr(List<JsonValue> items) implements JsonValue {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements JsonValue {}

    /** A number exactly as written, e.g. {@code 1e-30}. */
    record Num(String text) implements JsonValue {}

    record Bool(boolean value) implements JsonValue {}

    record Null() implements JsonValue {}

    /** A string in double quotes, escaped as in JSON and in the case language (for messages). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20 || ch == 0x7f) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.append('"').toString();
    }
}
