package org.piiscanner.scanner.cli;

import java.util.concurrent.Callable;
import java.util.function.Function;
import org.piiscanner.scanner.subject.SubjectService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pii-scanner subject find|export|verify|list}: subject access and erasure requests over what the scans
 * recorded.
 */
@Command(name = "subject", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Subject access and erasure requests: find everything held about one person (files, "
            + "documents inside archives and e-mails, database rows), export it, and verify its erasure.",
            "Identifiers are hashed with the scanners' key at once; nothing typed is stored or logged. Every find, "
                + "export and verification is recorded in the hash-chained audit log ('pii-scanner audit verify').",
            ""},
        footer = {"", "Run 'pii-scanner subject COMMAND --help' for a command's options.",
            "Exit codes: 0 done, 1 error, 2 bad usage."})
final class SubjectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(),
                "Missing command: find, export, verify or list (e.g. 'subject find --name \"Jane Smith\"')");
    }

    /**
     * Runs {@code work} with the subject service of a context started for {@code options}; prints a failure in one
     * line. Returns the work's exit code, 1 if the context or the work failed.
     */
    static int withService(ApplicationContextLauncher spring, DataDirOptions options, StandardStreams streams,
            Function<SubjectService, Integer> work) {
        String missing = options.missingStore();
        if (missing != null) {
            streams.err().println("pii-scanner: " + missing);
            return 1;
        }
        try (ConfigurableApplicationContext context = ContextStarter.start(spring, options.properties(), streams)) {
            if (context == null) {
                return 1;
            }
            try {
                return work.apply(context.getBean(SubjectService.class));
            } catch (IllegalArgumentException e) {
                streams.err().println("pii-scanner: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                streams.out().flush();
                streams.err().println("pii-scanner: " + ContextStarter.describe(e));
                return 1;
            }
        }
    }
}
