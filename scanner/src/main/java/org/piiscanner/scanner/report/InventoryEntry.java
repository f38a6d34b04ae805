package org.piiscanner.scanner.report;

import java.util.Map;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * One line of the inventory (in the spirit of a UK GDPR Art. 30 record): a category of personal data a source
 * holds. A finding counts in each of its categories (a National Insurance number is Identity and Financial).
 *
 * @param category the category
 * @param locations lines of the report (files, entries, tables) holding it
 * @param findings findings in it
 * @param entityTypes findings by entity type, by descending count then name
 * @param specialCategories for special-category data, the Art. 9 subtypes found
 */
record InventoryEntry(DataCategory category, long locations, long findings, Map<String, Long> entityTypes,
        Set<SpecialCategory> specialCategories) {

    InventoryEntry {
        entityTypes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entityTypes));
        specialCategories = Set.copyOf(specialCategories);
    }
}
