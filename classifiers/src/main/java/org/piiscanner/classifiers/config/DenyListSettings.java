package org.piiscanner.classifiers.config;

import java.util.List;
import org.piiscanner.classifiers.DataCategory;

/**
 * Terms that are always reported (a deny-list): project code names, known individuals' aliases, internal ids.
 * Matched case-insensitively as whole words.
 *
 * @param id detector id, lower-case, unique among all detectors
 * @param entityType the entity type reported
 * @param category the data category of that type
 * @param values the terms
 * @param score score of a match
 */
public record DenyListSettings(String id, String entityType, DataCategory category, List<String> values,
        double score) {

    public DenyListSettings {
        values = List.copyOf(values);
        ContextSettings.checkUnit("score", score);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("deny-list '" + id + "' has no values");
        }
    }
}
