package dev.safecase.cli;

import java.util.List;
import picocli.CommandLine;

/** The message for a bad command line: an unknown command or option gets "did you mean …?" from picocli's suggestions. */
final class Suggestions {
    private Suggestions() {
    }

    static String message(CommandLine.ParameterException ex) {
        String base = String.valueOf(ex.getMessage());
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) return base;
        List<String> unmatched = u.getUnmatched();
        List<String> suggestions = u.getSuggestions();
        if (unmatched.isEmpty()) return base;
        String word = unmatched.get(0);
        boolean command = !word.startsWith("-") && u.getCommandLine().getCommandSpec().parent() == null
                && u.getCommandLine().getSubcommands().size() > 0;
        String what = command ? "unknown command '" + word + "'" : base;
        if (suggestions.isEmpty()) return command ? what + " (commands: " + String.join(", ", u.getCommandLine().getSubcommands().keySet()) + ")" : what;
        return what + " (did you mean " + String.join(" or ", suggestions.stream().limit(2).map(x -> "'" + x + "'").toList()) + "?)";
    }
}
