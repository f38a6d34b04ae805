package org.piiscanner.scanner.store;

import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * What a report may know about a finding: its kind, confidence and masked preview. Unlike {@link StoredFinding}
 * it carries no keyed hash, no name terms, no offsets and no explanation, so code that reads only digests cannot
 * leak anything that would let a reader look a person up.
 *
 * @param locationId its location
 * @param entityType the entity type name
 * @param category the primary category
 * @param secondaryCategories further categories
 * @param specialCategories Art. 9 subtypes
 * @param score confidence
 * @param maskedPreview masked preview, e.g. {@code GB82**************5432}
 * @param testValue whether a published test value or reserved range
 * @param section the section label (page, sheet, database column), or null
 * @param firstSeenRun the first run that found this type and value here
 */
public record FindingDigest(long locationId, String entityType, DataCategory category,
        Set<DataCategory> secondaryCategories, Set<SpecialCategory> specialCategories, double score,
        String maskedPreview, boolean testValue, String section, long firstSeenRun) {

    public FindingDigest {
        secondaryCategories = Set.copyOf(secondaryCategories);
        specialCategories = Set.copyOf(specialCategories);
    }
}
