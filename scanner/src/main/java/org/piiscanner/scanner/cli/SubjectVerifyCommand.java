package org.piiscanner.scanner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.piiscanner.classifiers.DetectionEngine;
import org.piiscanner.scanner.subject.ErasureReport;
import org.piiscanner.scanner.subject.LocationKind;
import org.piiscanner.scanner.subject.SubjectLocation;
import org.piiscanner.scanner.subject.SubjectService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pii-scanner subject verify}: re-reads every location of a request (and every location a new search
 * finds) at its source and writes a signed report saying, per location, whether the person's data is gone.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Verifies an erasure: re-reads every location the request found, and every location the "
            + "index lists for the person now, at its source (files re-extracted, rows re-read by key).",
            "Per location: GONE (re-read, the person's data is no longer there), LOCATION_MISSING (the file, the "
                + "document inside its container or the row no longer exists), STILL_PRESENT, or UNVERIFIED (could "
                + "not be re-read: source unreachable, permission denied...). Verdict: GONE only when every location "
                + "is GONE or LOCATION_MISSING (or EXCLUDED by --exclude).",
            "Writes a report signed with the data directory's Ed25519 key (check it with 'pii-scanner "
                + "verify-report FILE') and records the verification in the audit log.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:verified (whatever the verdict: read it)", "1:an error (no such request...)",
            "2:bad usage"},
        footer = {"", "Example:", "  pii-scanner subject verify --request 12 --output erasure-12.report"})
final class SubjectVerifyCommand implements Callable<Integer> {

    @Option(names = "--request", paramLabel = "ID", required = true, description = "The request (from 'find').")
    private long requestId;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write the signed report to FILE. Default: <data-dir>/reports/erasure-request-ID-TIME.report.")
    private Path output;

    @Option(names = "--exclude", paramLabel = "RANK", split = ",",
            description = "Leave out these results of the request (their rank in 'find'): locations you established "
                + "hold another person's data, e.g. a namesake's. The report lists them as EXCLUDED.")
    private List<Integer> exclude = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "The detector configuration the scans used (YAML, as for 'detect --config'), so that a "
                + "value is recognised exactly as the scan recognised it. Default: the built-in defaults.")
    private Path config;

    @Mixin
    private DataDirOptions store;

    private final StandardStreams streams;
    private final ApplicationContextLauncher spring;

    SubjectVerifyCommand(StandardStreams streams, ApplicationContextLauncher spring) {
        this.streams = streams;
        this.spring = spring;
    }

    @Override
    public Integer call() {
        DetectionEngine engine = DetectorOption.engine(config, streams);
        if (config != null && engine == null) {
            return 2;
        }
        return SubjectCommand.withService(spring, store, streams, service -> {
            SubjectService.VerifyOutcome v = service.verify(requestId, output, engine, Set.copyOf(exclude));
            ErasureReport r = v.report();
            for (ErasureReport.LocationCheck c : r.locations()) {
                SubjectLocation l = c.location();
                String what = l.kind() == LocationKind.ROW ? "row " + l.table() + " key " + l.rowKey() + " in "
                        + l.source() : l.display();
                streams.out().println(String.format(Locale.ROOT, "%-16s %s%s  (%s%s)", c.status(),
                        Printable.of(what), c.foundBy().equals("request") ? "" : "  [found by searching again]",
                        Printable.of(c.detail()), c.stillMatched().isEmpty() ? ""
                            : "; still holds " + String.join(", ", c.stillMatched())));
            }
            ErasureReport.Tally t = r.tally();
            streams.out().println(String.format(Locale.ROOT,
                    "Verdict: %s (%d locations: %d gone, %d location missing, %d still present, %d unverified, "
                        + "%d excluded; %d found only by searching again)", r.verdict(), t.total(), t.gone(),
                    t.missing(), t.present(), t.unverified(), t.excluded(), t.newLocations()));
            streams.out().flush();
            streams.err().println("Signed report: " + v.reportFile() + " (SHA-256 " + v.sha256() + ", key "
                    + r.signingKeyId() + "). Audit entry " + v.auditHead() + ".");
            if (r.searchTruncated()) {
                streams.err().println("pii-scanner: warning: searching again hit the request's limit; some "
                        + "locations may not be listed");
            }
            return 0;
        });
    }
}
