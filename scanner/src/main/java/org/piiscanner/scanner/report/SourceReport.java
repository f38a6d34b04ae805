package org.piiscanner.scanner.report;

import java.util.List;
import org.piiscanner.scanner.store.ScanKind;
import org.piiscanner.scanner.store.ScanRun;
import org.piiscanner.scanner.store.Source;

/**
 * Everything a report says about one source.
 *
 * @param source the source
 * @param laterRun a completed run of this source newer than the report's run, or null (then the locations show
 *     the state that run left)
 * @param coverage what was and was not scanned
 * @param locations the locations holding personal data or skipped, by group then path
 * @param cleanLocations locations scanned without findings, by group (they are counted, not listed)
 * @param inventory the categories it holds, in taxonomy order
 * @param changes changes since the previous run
 * @param uncoveredLocations locations with personal data of which no retention rule covers some type (0 when no
 *     policy was given)
 */
record SourceReport(Source source, ScanRun laterRun, Coverage coverage, List<LocationSummary> locations,
        java.util.Map<String, Long> cleanLocations, List<InventoryEntry> inventory, Changes changes,
        long uncoveredLocations) {

    SourceReport {
        locations = List.copyOf(locations);
        cleanLocations = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(cleanLocations));
        inventory = List.copyOf(inventory);
    }

    ScanKind kind() {
        return source.kind();
    }

    List<LocationSummary> withPersonalData() {
        return locations.stream().filter(LocationSummary::hasPersonalData).toList();
    }

    List<RetentionBreach> breaches() {
        return locations.stream().flatMap(l -> l.breaches().stream()).toList();
    }

    long findings() {
        return locations.stream().mapToLong(LocationSummary::findings).sum();
    }
}
