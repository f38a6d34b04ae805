package org.piiscanner.scanner.report;

import java.time.Instant;
import java.util.List;
import org.piiscanner.scanner.config.RetentionSettings;
import org.piiscanner.scanner.store.ScanRun;

/**
 * A classification report: the sources a run covered, their personal data by location, coverage, retention
 * breaches and changes since each source's previous run. Immutable; built by {@link ReportBuilder}, written by
 * {@link HtmlReport}, {@link CsvReport} and {@link JsonReport}.
 *
 * @param generatedAt when it was made (ages are measured to this moment)
 * @param run the run it reports on
 * @param sources the run's sources, by id
 * @param retention the retention policy applied, or null when none was given
 * @param notices warnings for the reader (a run that did not complete, a newer run of a source)
 */
record Report(Instant generatedAt, ScanRun run, List<SourceReport> sources, RetentionSettings retention,
        List<String> notices) {

    /** Version of the JSON document's layout (fields are only ever added within a version). */
    static final int FORMAT_VERSION = 1;

    Report {
        sources = List.copyOf(sources);
        notices = List.copyOf(notices);
    }

    List<LocationSummary> allLocations() {
        return sources.stream().flatMap(s -> s.locations().stream()).toList();
    }

    long locationsWithPersonalData() {
        return allLocations().stream().filter(LocationSummary::hasPersonalData).count();
    }

    long specialLocations() {
        return allLocations().stream().filter(LocationSummary::special).count();
    }

    long criminalLocations() {
        return allLocations().stream().filter(LocationSummary::criminal).count();
    }

    long breachedLocations() {
        return allLocations().stream().filter(l -> !l.breaches().isEmpty()).count();
    }

    long findings() {
        return sources.stream().mapToLong(SourceReport::findings).sum();
    }
}
