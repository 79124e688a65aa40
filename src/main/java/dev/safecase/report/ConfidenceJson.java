package dev.safecase.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.safecase.confidence.Bound;
import dev.safecase.result.CaseResult;
import java.io.IOException;

/**
 * The {@code confidence} objects of the JSON report (docs/confidence.md): per claim its doubt bound and every premise
 * the bound sums over; per case its roots with their largest contributors. The bound is exact ({@code "3/200"}) with
 * a decimal rounded up ({@code "0.015"}), or {@code "unbounded"} with the reason.
 */
final class ConfidenceJson {
    private ConfidenceJson() {
    }

    /** Contributors listed per root in the case's object; the claim's own object lists them all. */
    static final int LARGEST = 5;

    static void claim(JsonGenerator g, CaseResult c, String claim) throws IOException {
        g.writeObjectFieldStart("confidence");
        bound(g, c.confidence().of(claim), Integer.MAX_VALUE);
        g.writeEndObject();
    }

    static void caseRoots(JsonGenerator g, CaseResult c) throws IOException {
        g.writeObjectFieldStart("confidence");
        g.writeArrayFieldStart("roots");
        for (String root : c.confidence().roots()) {
            g.writeStartObject();
            g.writeStringField("claim", root);
            bound(g, c.confidence().of(root), LARGEST);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void bound(JsonGenerator g, Bound b, int max) throws IOException {
        g.writeBooleanField("bounded", b.isFinite());
        g.writeStringField("bound", b.exact());
        if (b instanceof Bound.Finite f) {
            g.writeStringField("decimal", f.decimalUp());
            if (f.sum().compareTo(f.value()) != 0) g.writeStringField("sum", f.sum().toString());
            g.writeNumberField("premises", f.contributors().size());
            g.writeArrayFieldStart("contributors");
            for (int i = 0; i < Math.min(max, f.contributors().size()); i++) {
                Bound.Contribution x = f.contributors().get(i);
                g.writeStartObject();
                g.writeStringField("premise", x.source().id());
                g.writeStringField("kind", x.source().kind().label());
                g.writeStringField("doubt", x.doubt().toString());
                g.writeStringField("decimal", Bound.decimalUp(x.doubt()));
                Json.optional(g, "derivation", x.source().derivation());
                g.writeEndObject();
            }
            g.writeEndArray();
        } else {
            g.writeStringField("reason", ((Bound.Unbounded) b).reason());
        }
    }
}
