package dev.safecase.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.safecase.ast.SourceUnit;
import dev.safecase.diag.Diagnostics;
import dev.safecase.diag.SourceText;
import dev.safecase.model.Model;
import dev.safecase.source.Sources;
import dev.safecase.syntax.Parser;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A built-in evaluated from constants in the checker is bounded by --timeout-ms: out of time, SC407 at the call. */
class BuiltinDeadlineTest {
    private static final String CASE = """
            case c "C"
            quantity rate : probability
            assumption a "A": rate <= clopper_pearson_upper(5000000, 10000000, 95%)
            claim top "Top": rate <= 1 assuming a
            """;

    private static String check(long timeoutMs, Diagnostics unused) {
        FrontEnd.Result r = FrontEnd.check(CASE, timeoutMs);
        assertEquals(!r.errors().isEmpty(), r.model().isEmpty());
        return r.diagnostics().stream().map(d -> d.pos().line() + ":" + d.pos().col() + " " + d.code().id() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void anEvaluationOutOfTimeIsAnErrorAtTheCall() {
        // before: the checker evaluated without a deadline, whatever --timeout-ms said (0 ms has passed at once)
        assertEquals("3:27 SC407 clopper_pearson_upper(): not evaluated within the 0 ms allowed (--timeout-ms)",
                check(0, new Diagnostics()));
    }

    @Test
    void withTimeTheValueIsComputed() {
        Diagnostics diags = new Diagnostics();
        check(60_000, diags);
        assertTrue(diags.sorted().stream().noneMatch(d -> d.code().id().equals("SC407")), diags.sorted()::toString);
    }
}
