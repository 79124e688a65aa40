package dev.safecase.maven;

import dev.safecase.judge.CaseLimits;
import dev.safecase.num.Rational;
import dev.safecase.pipeline.Options;
import dev.safecase.result.CaseResult;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** A {@link Rule} as read and checked: its number, its patterns and its limits. */
record CaseRule(int number, List<String> includes, List<String> excludes, CaseLimits limits) {
    CaseRule {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** Reads rule {@code number} (1-based); the message of the exception names the rule and the bad value. */
    static CaseRule of(int number, Rule r) {
        Rational share;
        try {
            share = r.minProved == null || r.minProved.isBlank() ? Rational.ZERO : Options.parseShare(r.minProved);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<rules> rule " + number + ": <minProved> " + e.getMessage());
        }
        try {
            return new CaseRule(number, clean(r.includes), clean(r.excludes), new CaseLimits(share,
                    r.maxOpen == null ? OptionalInt.empty() : OptionalInt.of(r.maxOpen),
                    r.maxRefuted == null ? OptionalInt.empty() : OptionalInt.of(r.maxRefuted)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<rules> rule " + number + ": <" + e.getMessage().replaceFirst(" ", "> "));
        }
    }

    private static List<String> clean(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
    }

    boolean selects(CaseResult c) {
        boolean in = includes.isEmpty() || includes.stream().anyMatch(p -> matches(p, c));
        return in && excludes.stream().noneMatch(p -> matches(p, c));
    }

    private static boolean matches(String glob, CaseResult c) {
        Pattern p = glob(glob);
        return p.matcher(c.name()).matches() || p.matcher(c.file().replace('\\', '/')).matches();
    }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** {@code rule 2 (includes debate*, excludes draft)}, for messages. */
    String label() {
        StringBuilder b = new StringBuilder("rule ").append(number);
        if (!includes.isEmpty() || !excludes.isEmpty()) {
            b.append(" (");
            if (!includes.isEmpty()) b.append("includes ").append(String.join(", ", includes));
            if (!includes.isEmpty() && !excludes.isEmpty()) b.append("; ");
            if (!excludes.isEmpty()) b.append("excludes ").append(String.join(", ", excludes));
            b.append(')');
        }
        return b.toString();
    }
}
