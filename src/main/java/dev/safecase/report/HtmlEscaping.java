package dev.safecase.report;

import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;

/**
 * Velocity reference-insertion handler that HTML-escapes every value a template inserts, so case text
 * ({@code <script>}, {@code $!x}, {@code #set}, {@code {{}) is shown as text. Only {@link HtmlModel.Markup}, which
 * this package builds from escaped parts, passes through as markup.
 */
public final class HtmlEscaping implements ReferenceInsertionEventHandler {
    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null) return null;
        if (value instanceof HtmlModel.Markup m) return m.html();
        return Escaping.xml(value.toString());
    }
}
