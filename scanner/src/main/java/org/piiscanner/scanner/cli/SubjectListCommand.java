package org.piiscanner.scanner.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.subject.SubjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pii-scanner subject list}: the recorded requests, newest first (ids, who, when, identifier types). */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists the recorded subject requests, newest first: id, when, who, the types of the "
            + "identifiers (never their values) and how many locations were found.", ""})
final class SubjectListCommand implements Callable<Integer> {

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    SubjectListCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        return SubjectCommand.withService(spring, store, streams, service -> {
            for (SubjectService.RequestSummary s : service.requests(Math.max(1, limit))) {
                streams.out().println(String.format(Locale.ROOT, "%6d  %s  %-12s  %3d locations  %s", s.id(),
                        s.createdAt(), Printable.of(s.createdBy()), s.results(),
                        String.join(", ", s.identifierTypes())));
            }
            return 0;
        });
    }
}
