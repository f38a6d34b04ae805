package org.piiscanner.scanner.report;

import java.util.List;
import java.util.Map;

/**
 * How much of a source the scans read, and what they could not.
 *
 * @param locations locations the source holds now (files, archive entries, database rows; deleted ones excluded)
 * @param scanned of those, read by the last scan that saw them
 * @param unchanged found unchanged (their earlier findings stand)
 * @param skipped not read (see {@code skippedByReason})
 * @param skippedByReason skipped locations by skip reason name, most frequent first
 * @param skippedLocations every skipped location, by path
 * @param notes notes from {@link CoverageContributor}s (sampled columns...)
 */
record Coverage(long locations, long scanned, long unchanged, long skipped, Map<String, Long> skippedByReason,
        List<SkippedLocation> skippedLocations, List<CoverageNote> notes) {

    Coverage {
        skippedByReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skippedByReason));
        skippedLocations = List.copyOf(skippedLocations);
        notes = List.copyOf(notes);
    }

    /**
     * A location that could not be scanned.
     *
     * @param path its path
     * @param reason the skip reason's name
     * @param detail a non-sensitive detail (a limit, an exception class), or null
     * @param findingsKept findings of an earlier successful scan, still counted
     */
    record SkippedLocation(String path, String reason, String detail, long findingsKept) {
    }
}
