package org.piiscanner.scanner.cli;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.store.FindingStore;
import org.piiscanner.scanner.store.Page;
import org.piiscanner.scanner.store.ScanRun;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner runs}: lists the scan runs of the findings store, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Lists the scan runs recorded in the findings store, newest first: status, times and "
            + "outcome counts (locations scanned, unchanged, skipped, deleted; findings).", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error (no findings store)", "2:bad usage"})
final class RunsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per run per line.")
    private boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "List at most N runs. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    RunsCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--limit': must be at least 1");
        }
        return StoreCommands.withStore(spring, store, streams, findingStore -> {
            Page<ScanRun> page = findingStore.listRuns(null, limit);
            if (!json) {
                streams.out().println(String.format(Locale.ROOT, "%5s  %-5s  %-9s  %-19s  %-19s  %8s  %9s  %7s  %7s  "
                        + "%8s  %s", "RUN", "KIND", "STATUS", "STARTED (UTC)", "ENDED (UTC)", "SCANNED", "UNCHANGED",
                        "SKIPPED", "DELETED", "FINDINGS", "DESCRIPTION"));
            }
            for (ScanRun r : page.items()) {
                var c = r.counts();
                if (json) {
                    StringBuilder sb = new StringBuilder("{\"run\": ").append(r.id()).append(", \"kind\": ");
                    Json.string(sb, r.kind().name()).append(", \"status\": ");
                    Json.string(sb, r.status().name()).append(", \"started_at\": ");
                    Json.string(sb, r.startedAt().toInstant().toString()).append(", \"ended_at\": ");
                    if (r.endedAt() == null) {
                        sb.append("null");
                    } else {
                        Json.string(sb, r.endedAt().toInstant().toString());
                    }
                    sb.append(", \"scanned\": ").append(c.scanned()).append(", \"unchanged\": ").append(c.unchanged())
                            .append(", \"skipped\": ").append(c.skipped()).append(", \"deleted\": ")
                            .append(c.deleted()).append(", \"findings\": ").append(c.findings())
                            .append(", \"scanned_bytes\": ").append(c.scannedBytes()).append(", \"description\": ");
                    Json.string(sb, r.description() == null ? "" : r.description()).append('}');
                    streams.out().println(sb);
                } else {
                    streams.out().println(String.format(Locale.ROOT, "%5d  %-5s  %-9s  %-19s  %-19s  %8d  %9d  %7d  "
                                    + "%7d  %8d  %s", r.id(), r.kind(), r.status(),
                            TIME.format(r.startedAt().atZoneSameInstant(java.time.ZoneOffset.UTC)),
                            r.endedAt() == null ? "-"
                                    : TIME.format(r.endedAt().atZoneSameInstant(java.time.ZoneOffset.UTC)),
                            c.scanned(), c.unchanged(), c.skipped(), c.deleted(), c.findings(),
                            Printable.of(r.description() == null ? "" : r.description())));
                }
            }
            streams.out().flush();
            return 0;
        });
    }
}
