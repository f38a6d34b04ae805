package org.piiscanner.scanner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner scan files|db}: the scans that record into the findings store. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ScanFilesCommand.class, ScanDbCommand.class},
        description = {"Scans sources into the findings store and index of a data directory.", ""},
        footer = {"", "Run 'pii-scanner scan COMMAND --help' for a command's options.",
            "Exit codes: 0 done, 1 error, 2 bad usage."})
final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: 'scan files ROOT...' or 'scan db JDBC_URL'");
    }
}
