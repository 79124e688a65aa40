package dev.safecase.report;

import dev.safecase.diag.Code;
import dev.safecase.judge.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The long texts of the SARIF rules (and of anything else that explains a rule): for a status, what it means and
 * how to meet it; for a diagnostic code, its section of {@code docs/diagnostics.md}, which the jar bundles.
 */
final class RuleHelp {
    private RuleHelp() {
    }

    /** The project's home, for SARIF's {@code informationUri}; the documentation lives under {@code docs/} there. */
    static final String HOME = "https://safecase.dev/";

    private static final String DIAGNOSTICS = "safecase-docs/diagnostics.md";

    private static final class Doc {
        static final String TEXT = load();

        private static String load() {
            try (InputStream in = RuleHelp.class.getClassLoader().getResourceAsStream(DIAGNOSTICS)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What a status means for an obligation, in full. */
    static String full(Status s) {
        return "An obligation is " + s.label() + " when " + switch (s) {
            case PROVED -> "Z3 showed its premises consistent and its goal entailed by them.";
            case ASSERTED -> "it is accepted on review alone (an asserted claim or strategy, evidence without a file, an "
                    + "accepted defeater): nothing was proved.";
            case OPEN -> "nothing supports it yet: an undeveloped or unsupported claim, or a defeater that nothing "
                    + "eliminates. Open obligations are the case's research agenda.";
            case UNKNOWN -> "Z3 gave up on it: the time or resource budget ran out, or the formula lies outside what the "
                    + "solver decides.";
            case REFUTED -> "Z3 found a counterexample: values for the quantities under which every premise holds and "
                    + "the goal fails.";
            case VACUOUS -> "its premises contradict each other, so any goal would follow and a proof would mean nothing.";
            case INVALID -> "it rests on evidence that failed its validity check: a changed or missing file, a wrong "
                    + "hash, an expired date, or a value that cannot be read.";
        };
    }

    /** How to meet a status, as plain text. */
    static String fix(Status s) {
        return switch (s) {
            case PROVED -> "Nothing to do.";
            case ASSERTED -> "Replace the review by a proof: give the claim a formula and support it, or give the evidence "
                    + "a file with a sha256 pin.";
            case OPEN -> "Develop the claim (supported by a strategy, sub-claims or evidence), or eliminate the defeater. "
                    + "The owner named in the case is the person to ask.";
            case UNKNOWN -> "Raise the solver budget (timeout, rlimit), or split the step into smaller ones.";
            case REFUTED -> "Read the counterexample (safecase explain KIND:NODE shows it with the premises): either a "
                    + "premise is too weak, or the claim says more than its support gives.";
            case VACUOUS -> "Find the clashing assumptions (listed with the result) and correct the one that is wrong.";
            case INVALID -> "Check the evidence file, then re-pin it with safecase pin, or renew its expiry date.";
        };
    }

    /** The section of docs/diagnostics.md about a code, as Markdown; empty when the jar has no such section. */
    static Optional<String> section(Code c) {
        String doc = Doc.TEXT;
        String head = "### " + c.id() + " ";
        int at = doc.indexOf("\n" + head);
        if (at < 0) return Optional.empty();
        int body = doc.indexOf('\n', at + 1);
        int end = body;
        while (end >= 0) {
            int next = doc.indexOf('\n', end + 1);
            if (next < 0 || doc.startsWith("\n## ", next) || doc.startsWith("\n### ", next)) {
                end = next < 0 ? doc.length() : next;
                break;
            }
            end = next;
        }
        String text = doc.substring(body + 1, end).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The GitHub-style anchor of a code's section, e.g. {@code sc001-cannot-read-input}. */
    static String anchor(Code c) {
        return (c.id() + " " + c.title()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    /** Markdown reduced to plain text for SARIF's {@code help.text}: no backticks, fences or emphasis marks. */
    static String plain(String markdown) {
        return markdown.replace("```sh\n", "").replace("```\n", "").replace("```", "").replace("`", "").replace("**", "");
    }
}
