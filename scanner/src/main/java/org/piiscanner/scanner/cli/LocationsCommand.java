package org.piiscanner.scanner.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.piiscanner.scanner.store.LocationQuery;
import org.piiscanner.scanner.store.LocationRecord;
import org.piiscanner.scanner.store.Outcome;
import org.piiscanner.scanner.store.Page;
import org.piiscanner.scanner.store.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pii-scanner locations}: lists per-location outcomes (scanned, unchanged, skipped and why, deleted). */
@Command(name = "locations", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Lists locations (files, documents inside archives and e-mails, database rows) with their "
            + "latest outcome: SCANNED, UNCHANGED, SKIPPED with the reason, or DELETED; and how many findings "
            + "each holds.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:an error (no findings store)", "2:bad usage"},
        footer = {"", "Examples:",
            "  pii-scanner locations --outcome SKIPPED",
            "  pii-scanner locations --run 3 --json > run-3.jsonl"})
final class LocationsCommand implements Callable<Integer> {

    private static final int PAGE = 1000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID",
            description = "Only the locations whose outcome this run recorded. Default: every location.")
    private Long run;

    @Option(names = "--outcome", paramLabel = "OUTCOME",
            description = "Only SCANNED, UNCHANGED, SKIPPED or DELETED locations.")
    private String outcome;

    @Option(names = "--json", description = "Print one JSON object per location per line (fields: path, outcome, "
            + "reason, findings, detail, source, run, id).")
    private boolean json;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    LocationsCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        LocationQuery query = LocationQuery.all();
        if (run != null) {
            if (run < 1) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--run': must be a run "
                        + "id (1 or more)");
            }
            query = LocationQuery.ofRun(run);
        }
        if (outcome != null) {
            try {
                query = query.withOutcome(Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--outcome': '" + outcome
                        + "' (expected SCANNED, UNCHANGED, SKIPPED or DELETED)");
            }
        }
        LocationQuery q = query;
        return StoreCommands.withStore(spring, store, streams, findingStore -> {
            Map<Long, String> sources = new HashMap<>();
            for (Source s : findingStore.sources()) {
                sources.put(s.id(), s.locator());
            }
            if (!json) {
                streams.out().println(String.format(Locale.ROOT, "%-9s  %-22s  %8s  %s", "OUTCOME", "REASON",
                        "FINDINGS", "PATH"));
            }
            Long after = null;
            do {
                Page<LocationRecord> page = findingStore.listLocations(q, after, PAGE);
                for (LocationRecord l : page.items()) {
                    print(l, sources.getOrDefault(l.sourceId(), "?"));
                }
                after = page.nextCursor();
            } while (after != null);
            streams.out().flush();
            return 0;
        });
    }

    private void print(LocationRecord l, String source) {
        String reason = l.skipReason() == null ? null : l.skipReason().name();
        if (json) {
            StringBuilder sb = new StringBuilder("{\"path\": ");
            Json.string(sb, l.path()).append(", \"outcome\": ");
            Json.string(sb, l.outcome().name()).append(", \"reason\": ");
            if (reason == null) {
                sb.append("null");
            } else {
                Json.string(sb, reason);
            }
            sb.append(", \"findings\": ").append(l.findingsCount()).append(", \"detail\": ");
            if (l.skipDetail() == null) {
                sb.append("null");
            } else {
                Json.string(sb, l.skipDetail());
            }
            sb.append(", \"source\": ");
            Json.string(sb, source).append(", \"run\": ").append(l.outcomeRun()).append(", \"id\": ").append(l.id())
                    .append('}');
            streams.out().println(sb);
        } else {
            streams.out().println(String.format(Locale.ROOT, "%-9s  %-22s  %8d  %s", l.outcome(),
                    reason == null ? "-" : reason.toLowerCase(Locale.ROOT), l.findingsCount(),
                    Printable.of(l.path())));
        }
    }
}
