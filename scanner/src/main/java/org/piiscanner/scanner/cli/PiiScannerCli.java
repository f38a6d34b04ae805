package org.piiscanner.scanner.cli;

import java.util.Objects;
import org.piiscanner.classifiers.config.ConfigurationException;
import org.piiscanner.scanner.config.ConfigFileException;
import org.piiscanner.scanner.config.DetectorConfigLoader;
import picocli.CommandLine;

/**
 * The command-line entry point: builds the picocli command tree ({@code pii-scanner detect|eval|help}) on the given
 * streams and runs it. Commands that need Spring start it through the {@link ApplicationContextLauncher}.
 */
public final class PiiScannerCli {

    private PiiScannerCli() {
    }

    /**
     * Runs the command named by {@code args} on the process's standard streams.
     *
     * @return the exit code: 0 done, 1 error, 2 bad usage
     */
    public static int execute(String[] args, ApplicationContextLauncher spring) {
        return execute(args, StandardStreams.system(), spring);
    }

    static int execute(String[] args, StandardStreams streams, ApplicationContextLauncher spring) {
        try {
            return commandLine(streams, spring).execute(args);
        } finally {
            streams.out().flush();
            streams.err().flush();
        }
    }

    /**
     * Creates the subcommands picocli instantiates itself (those named in a {@code subcommands} attribute, such as
     * {@code scan files}): a command with a {@code (StandardStreams, ApplicationContextLauncher)} or
     * {@code (StandardStreams)} constructor gets this tree's streams and launcher.
     */
    private static CommandLine.IFactory commandFactory(StandardStreams streams, ApplicationContextLauncher spring) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    var c = cls.getDeclaredConstructor(StandardStreams.class, ApplicationContextLauncher.class);
                    return c.newInstance(streams, spring);
                } catch (NoSuchMethodException e) {
                    try {
                        return cls.getDeclaredConstructor(StandardStreams.class).newInstance(streams);
                    } catch (NoSuchMethodException e2) {
                        return defaults.create(cls);
                    }
                }
            }
        };
    }

    /** The command tree writing to {@code streams}. */
    static CommandLine commandLine(StandardStreams streams, ApplicationContextLauncher spring) {
        Objects.requireNonNull(spring, "spring");
        CommandLine cli = new CommandLine(new RootCommand());
        cli.addSubcommand("detect", new DetectCommand(streams));
        cli.addSubcommand("eval", new EvalCommand(file -> {
            try {
                return DetectorConfigLoader.load(file);
            } catch (ConfigFileException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
        }));
        CommandLine.IFactory factory = commandFactory(streams, spring);
        cli.addSubcommand("scan", new CommandLine(new ScanCommand(), factory));
        cli.addSubcommand("runs", new RunsCommand(streams, spring));
        cli.addSubcommand("locations", new LocationsCommand(streams, spring));
        cli.addSubcommand("report", new ReportCommand(streams, spring));
        cli.addSubcommand("columns", new ColumnsCommand(streams, spring));
        cli.addSubcommand("subject", new CommandLine(new SubjectCommand())
                .addSubcommand("find", new SubjectFindCommand(streams, spring))
                .addSubcommand("export", new SubjectExportCommand(streams, spring))
                .addSubcommand("verify", new SubjectVerifyCommand(streams, spring))
                .addSubcommand("list", new SubjectListCommand(streams, spring)));
        cli.addSubcommand("verify-report", new VerifyReportCommand(streams));
        cli.addSubcommand("audit", new CommandLine(new AuditCommand())
                .addSubcommand("verify", new AuditCommand.Verify(streams, spring)));
        cli.setOut(streams.out());
        cli.setErr(streams.err());
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            command.getErr().println("pii-scanner: internal error: " + e);
            e.printStackTrace(command.getErr());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cli;
    }
}
