package dev.safecase.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.safecase.prove.Block;
import dev.safecase.prove.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partial result of {@code check --shard I/N}: the verdicts of the shard's blocks, as
 * {@link Entry} texts by block key, in one JSON document:
 *
 * <pre>
 * {"tool": "safecase", "partial": 1, "version": "0.1.0", "solver": "z3 4.14.1", "shard": "2/4",
 *  "blocks": {"KEY": "ENTRY TEXT", …}}
 * </pre>
 *
 * {@code merge} reads any number of them back as one {@link VerdictSource}.
 */
public final class Partials implements VerdictSource {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final Map<String, String> entries;

    private Partials(Map<String, String> entries) {
        this.entries = entries;
    }

    /** The partial result's text. */
    public static String render(String version, String solver, Shard shard, Map<String, String> entries) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("tool", "safecase");
            g.writeNumberField("partial", 1);
            g.writeStringField("version", version);
            g.writeStringField("solver", solver);
            g.writeStringField("shard", shard.toString());
            g.writeObjectFieldStart("blocks");
            for (Map.Entry<String, String> e : entries.entrySet()) g.writeStringField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** A file that is not a partial result of safecase. */
    public static final class NotAPartial extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAPartial(String message) {
            super(message);
        }
    }

    /** Reads the partial results; a file that is not one is refused with its name and what is wrong. */
    public static Partials read(List<Path> files) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the partial result " + f, e);
            }
            parse(f, text).forEach(all::putIfAbsent);
        }
        return new Partials(all);
    }

    private static Map<String, String> parse(Path f, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean partial = false;
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new NotAPartial(f + " is not a partial result of safecase (no JSON object)");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("partial")) {
                    partial = value == JsonToken.VALUE_NUMBER_INT && p.getIntValue() == 1;
                } else if (field.equals("blocks") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        if (p.nextToken() != JsonToken.VALUE_STRING) throw new NotAPartial(f + ": block " + key + " is not a string");
                        out.put(key, p.getText());
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new NotAPartial(f + " is not a partial result of safecase: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!partial) throw new NotAPartial(f + " is not a partial result of safecase (written by check --shard I/N)");
        return out;
    }

    /** Whether the file holds a partial result (so that {@code check --shard -o FILE} may replace it). */
    public static boolean isPartial(Path f) {
        try {
            parse(f, Files.readString(f, StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public Optional<List<Verdict>> get(String key, Block block) {
        String text = entries.get(key);
        return text == null ? Optional.empty() : Entry.decode(text, key, block, true);
    }

    @Override
    public void put(String key, Block block, List<Verdict> verdicts) {
        // partial results are read, never written, by a merge
    }
}
