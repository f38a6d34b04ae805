package org.piiscanner.scanner.report;

import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;

/**
 * How a location's personal data differs from the previous run of its source.
 *
 * @param path the location (for a database, the table)
 * @param group its folder or schema
 * @param kind {@code NEW} (first seen since the previous run, holds personal data), {@code REMOVED} (held
 *     personal data, deleted since) or {@code CHANGED} (entity types or counts differ, including data appearing
 *     in or disappearing from a location that stayed)
 * @param categoriesAdded categories it holds now and did not
 * @param categoriesRemoved categories it held and does not now
 * @param typesAdded entity types it holds now and did not
 * @param typesRemoved entity types it held and does not now
 * @param findingsBefore findings at the previous run
 * @param findingsAfter findings now
 */
record LocationChange(String path, String group, Kind kind, Set<DataCategory> categoriesAdded,
        Set<DataCategory> categoriesRemoved, List<String> typesAdded, List<String> typesRemoved, long findingsBefore,
        long findingsAfter) {

    enum Kind {
        NEW, REMOVED, CHANGED
    }

    LocationChange {
        categoriesAdded = Set.copyOf(categoriesAdded);
        categoriesRemoved = Set.copyOf(categoriesRemoved);
        typesAdded = List.copyOf(typesAdded);
        typesRemoved = List.copyOf(typesRemoved);
    }
}
