package org.piiscanner.scanner.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;

/**
 * What changed in a source since its previous completed run.
 *
 * @param previousRunId the previous completed run of the source, or null if this is its first
 * @param previousRunEnded when it finished, or null
 * @param unavailable why there is no comparison (first scan, no snapshot kept), or null when there is one
 * @param newLocations locations first seen since the previous run (with or without personal data)
 * @param deletedLocations locations deleted since the previous run
 * @param categoriesAdded categories the source holds now and did not
 * @param categoriesRemoved categories the source held and does not now
 * @param locations the locations whose personal data changed, by path
 */
record Changes(Long previousRunId, OffsetDateTime previousRunEnded, String unavailable, long newLocations,
        long deletedLocations, Set<DataCategory> categoriesAdded, Set<DataCategory> categoriesRemoved,
        List<LocationChange> locations) {

    Changes {
        categoriesAdded = Set.copyOf(categoriesAdded);
        categoriesRemoved = Set.copyOf(categoriesRemoved);
        locations = List.copyOf(locations);
    }

    boolean available() {
        return unavailable == null;
    }

    long count(LocationChange.Kind kind) {
        return locations.stream().filter(c -> c.kind() == kind).count();
    }
}
