package org.piiscanner.scanner.scan.db;

import java.util.List;
import java.util.Map;
import org.piiscanner.classifiers.DataCategory;

/**
 * What a column's sample showed: statistics and the detectors' matches. Holds no value: examples are masked
 * previews. Immutable.
 *
 * @param totalRows rows in the table
 * @param sampled rows sampled
 * @param nonNull sampled rows where the column is not null
 * @param distinct distinct non-null values in the sample
 * @param minLength shortest non-null value (characters), 0 when none
 * @param maxLength longest non-null value
 * @param averageLength average length of the non-null values
 * @param withSpace non-null values containing a space
 * @param matches per entity type name, the sampled values with at least one finding of it (sorted by name)
 * @param examples per entity type name, up to two masked previews, in sample order
 * @param categories per entity type name found, its category
 */
record ColumnProfile(long totalRows, long sampled, long nonNull, long distinct, int minLength, int maxLength,
        double averageLength, long withSpace, Map<String, Integer> matches, Map<String, List<String>> examples,
        Map<String, DataCategory> categories) {

    /** Nulls in the sample. */
    long nulls() {
        return sampled - nonNull;
    }
}
