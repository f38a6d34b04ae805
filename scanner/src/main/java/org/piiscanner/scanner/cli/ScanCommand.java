package org.piiscanner.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner scan db|files}: scans into the findings store. Its subcommands are registered by the CLI. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Scans a source into the findings store and the index.", ""},
        footer = {"", "Run 'pii-scanner scan COMMAND --help' for a command's options.",
            "Exit codes: 0 done, 1 error, 2 bad usage."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command (e.g. 'scan db JDBC_URL')");
    }
}
