package org.piiscanner.scanner.store;

import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * How many findings of one entity type a location held at the end of a run (see {@link RunSnapshot}), with what a
 * comparison needs to know about the location now.
 *
 * @param locationId the location
 * @param path its displayed path
 * @param depth its depth (0 for a top-level location)
 * @param deletedNow whether its current outcome is {@code DELETED}
 * @param firstSeenRun the run that first recorded it
 * @param entityType the entity type name
 * @param category the primary category
 * @param secondaryCategories further categories
 * @param specialCategories Art. 9 subtypes
 * @param findings the number of findings
 */
public record SnapshotEntry(long locationId, String path, int depth, boolean deletedNow, long firstSeenRun,
        String entityType, DataCategory category, Set<DataCategory> secondaryCategories,
        Set<SpecialCategory> specialCategories, int findings) {

    public SnapshotEntry {
        secondaryCategories = Set.copyOf(secondaryCategories);
        specialCategories = Set.copyOf(specialCategories);
    }
}
