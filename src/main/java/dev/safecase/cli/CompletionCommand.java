package dev.safecase.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code safecase completion bash}: prints a completion script for bash (and zsh with bashcompinit). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script: source <(safecase completion bash), or save it under "
                + "/etc/bash_completion.d/safecase. Works in bash, and in zsh after 'autoload -U +X bashcompinit && bashcompinit'.")
final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", description = "bash (the default) or zsh.")
    String shell = "bash";
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) throw new Main.BadOption("completion: SHELL must be bash or zsh, not " + shell);
        CommandLine root = spec.commandLine().getParent();
        spec.commandLine().getOut().print(AutoComplete.bash("safecase", root));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
