package org.piiscanner.scanner.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.scanner.config.RetentionSettings;

/**
 * Personal data kept longer than a retention rule allows.
 *
 * @param rule the rule
 * @param entityTypes the entity types found in the location that the rule covers there
 * @param categories their categories
 * @param basis what the age was measured from: {@code MODIFIED}, {@code CONTAINER_MODIFIED} or
 *     {@code FIRST_SEEN} (the rule asked for the modification time, which is unknown, or for the first sighting)
 * @param since the time the age was measured from
 * @param ageDays the age in whole days
 * @param deadline when the data passed the rule's maximum age
 * @param overdueDays whole days since the deadline
 */
record RetentionBreach(RetentionSettings.Rule rule, List<String> entityTypes, Set<DataCategory> categories,
        String basis, Instant since, long ageDays, Instant deadline, long overdueDays) {

    RetentionBreach {
        entityTypes = List.copyOf(entityTypes);
        categories = Set.copyOf(categories);
    }
}
