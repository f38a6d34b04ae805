package org.piiscanner.scanner.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.subject.AuditLog;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner audit verify}: checks the hash chain of the audit log of subject requests. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The audit log of subject requests (every find, export and verification).", ""},
        footer = {"", "Run 'pii-scanner audit verify --help' for the options."})
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: 'audit verify'");
    }

    /** {@code audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            sortOptions = false,
            description = {"Walks the audit log's hash chain and reports any edited, deleted, inserted or reordered "
                + "entry; checks the chain's head against the anchor file in the data directory (audit-head) and "
                + "against --head, a head you kept elsewhere (each command prints the head after recording).",
                "Deleting the last entries leaves an intact chain: only a head kept outside the database reveals "
                    + "it. Entries are keyed with the installation's HMAC key, so they cannot be recomputed "
                    + "without it.", ""},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:intact", "1:broken (the problems are listed), or an error", "2:bad usage"})
    static final class Verify implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--head", paramLabel = "SEQ:HASH",
                description = "A head printed earlier (e.g. 17:3fa2...), to check the log still contains it.")
        private String head;

        @Mixin
        private DataDirOptions store;

        private final StandardStreams streams;
        private final ApplicationContextLauncher spring;

        Verify(StandardStreams streams, ApplicationContextLauncher spring) {
            this.streams = streams;
            this.spring = spring;
        }

        @Override
        public Integer call() {
            Optional<AuditLog.Head> expected;
            try {
                expected = head == null ? Optional.empty() : Optional.of(AuditLog.Head.parse(head));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--head': "
                        + e.getMessage());
            }
            String missing = store.missingStore();
            if (missing != null) {
                streams.err().println("pii-scanner: " + missing);
                return 1;
            }
            try (ConfigurableApplicationContext context = ContextStarter.start(spring, store.properties(), streams)) {
                if (context == null) {
                    return 1;
                }
                AuditLog.Verification v;
                try {
                    v = context.getBean(AuditLog.class).verify(expected);
                } catch (RuntimeException e) {
                    streams.err().println("pii-scanner: " + ContextStarter.describe(e));
                    return 1;
                }
                if (v.intact()) {
                    streams.out().println("INTACT: " + v.entries() + " entries; head " + v.head()
                            + v.anchor().map(a -> "; anchor " + a + " found in the chain").orElse("; no anchor file")
                            + expected.map(h -> "; head " + h + " found in the chain").orElse(""));
                    return 0;
                }
                streams.out().println("BROKEN: " + v.entries() + " entries; head " + v.head());
                v.problems().forEach(p -> streams.out().println("  " + p));
                return 1;
            }
        }
    }
}
