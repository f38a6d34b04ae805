package org.piiscanner.classifiers.config;

import java.util.List;
import java.util.Map;
import org.piiscanner.classifiers.DataCategory;

/**
 * A detector defined in configuration by regular expressions (an employee number, a customer reference...).
 *
 * @param id detector id, lower-case, unique among all detectors
 * @param entityType the entity type it reports (a new upper-case name)
 * @param category the data category of that type
 * @param patterns the patterns
 * @param context context words by language code
 */
public record CustomDetectorSettings(String id, String entityType, DataCategory category,
        List<CustomPattern> patterns, Map<String, ContextWordSettings> context) {

    public CustomDetectorSettings {
        patterns = List.copyOf(patterns);
        context = Map.copyOf(context);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("custom detector '" + id + "' needs at least one pattern");
        }
    }
}
