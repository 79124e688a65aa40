package dev.safecase.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.safecase.diag.TerminalText;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Streaming JSON with the house layout: two-space indentation, {@code "key": value}, "\n" line ends; one-line values without spaces. */
final class Json {
    private Json() {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * Besides what JSON requires, DEL and every character that is not printable (bidi controls, line separators,
     * C1 controls) as <code>&#92;uXXXX</code>: the same JSON, and safe when {@code check --format json} prints to a terminal.
     */
    private static final CharacterEscapes TERMINAL_SAFE = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (Character.isSurrogate((char) ch) || TerminalText.printable(ch)) return null;
            return new SerializedString(String.format("\\u%04x", ch));
        }
    };

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** Writes one document and returns it with a trailing newline. */
    static String document(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            Separators seps = Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator("");
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter(seps);
            pp.indentObjectsWith(indenter);
            pp.indentArraysWith(indenter);
            g.setPrettyPrinter(pp);
            g.setCharacterEscapes(TERMINAL_SAFE);
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /**
     * A value on one line, without spaces: {@code {"id":"x","n":[1,2]}}. Each item of a case's lists is such a line;
     * the spaces after {@code ,} and {@code :} were a tenth of a large case's JSON (schema 4, docs/reports.md).
     */
    private static DefaultPrettyPrinter oneLine() {
        Separators seps = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.NONE)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(seps);
        pp.indentObjectsWith(new DefaultPrettyPrinter.NopIndenter());
        pp.indentArraysWith(new DefaultPrettyPrinter.NopIndenter());
        return pp;
    }

    /** Writes a value on one line inside a document ({@code body} writes exactly one value). */
    static void oneLine(JsonGenerator g, Body body) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator line = FACTORY.createGenerator(out)) {
            line.setPrettyPrinter(oneLine());
            line.setCharacterEscapes(TERMINAL_SAFE);
            body.write(line);
        }
        g.writeRawValue(out.toString());
    }

    /** An array of strings on one line: {@code "field": ["a","b"]}. */
    static void inlineStrings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeFieldName(field);
        oneLine(g, line -> {
            line.writeStartArray();
            for (String v : values) line.writeString(v);
            line.writeEndArray();
        });
    }

    static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** An array of strings, or nothing when there are none (an extra key at its default is left out). */
    static void stringsIfAny(JsonGenerator g, String field, List<String> values) throws IOException {
        if (!values.isEmpty()) strings(g, field, values);
    }

    /** A string, or nothing when it is absent (an extra key at its default is left out). */
    static void ifPresent(JsonGenerator g, String field, Optional<?> value) throws IOException {
        if (value.isPresent()) g.writeStringField(field, value.get().toString());
    }

    static void optional(JsonGenerator g, String field, Optional<?> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(field, value.get().toString());
        } else {
            g.writeNullField(field);
        }
    }

    /**
     * A ratio from its decimal text ({@code 0.90} → {@code 0.9}, {@code 90%} → {@code 0.9}) as a JSON number; a text
     * that is no number stays a string.
     */
    static void ratio(JsonGenerator g, String field, String text) throws IOException {
        Optional<BigDecimal> d = decimal(text);
        if (d.isPresent()) {
            g.writeFieldName(field);
            g.writeNumber(d.get().toPlainString());
        } else {
            g.writeStringField(field, text);
        }
    }

    static Optional<BigDecimal> decimal(String text) {
        try {
            String t = text.strip();
            BigDecimal d = t.endsWith("%")
                    ? new BigDecimal(t.substring(0, t.length() - 1).strip()).movePointLeft(2)
                    : new BigDecimal(t);
            d = d.stripTrailingZeros();
            if (d.scale() < 0) d = d.setScale(0);
            return Optional.of(d);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
