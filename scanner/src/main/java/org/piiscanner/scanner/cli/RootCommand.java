package org.piiscanner.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner}: the top-level command; does nothing itself but list its subcommands. */
@Command(name = "pii-scanner", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = HelpCommand.class,
        description = {"Finds personal data (UK-centred identifiers, contact and financial data) in files.", ""},
        footer = {"", "Run 'pii-scanner help COMMAND' or 'pii-scanner COMMAND --help' for a command's options.",
            "Exit codes: 0 done (findings or not), 1 error, 2 bad usage."})
final class RootCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: say what to do, e.g. 'detect'");
    }
}
