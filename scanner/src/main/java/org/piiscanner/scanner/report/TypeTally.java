package org.piiscanner.scanner.report;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * The findings of one entity type in one location: how many, how sure, and up to
 * {@value ReportBuilder#PREVIEWS_PER_TYPE} masked previews.
 *
 * @param entityType the entity type name
 * @param category its primary category
 * @param secondaryCategories its further categories
 * @param specialCategories the Art. 9 subtypes found
 * @param findings the number of findings
 * @param high findings in the high confidence band
 * @param medium findings in the medium band
 * @param low findings in the low band
 * @param testValues findings that are published test values
 * @param maxScore the highest score
 * @param previews distinct masked previews, at most {@value ReportBuilder#PREVIEWS_PER_TYPE}
 * @param sections where in the location (database columns, sheets, pages), at most
 *     {@value ReportBuilder#SECTIONS_PER_TYPE}
 */
record TypeTally(String entityType, DataCategory category, Set<DataCategory> secondaryCategories,
        Set<SpecialCategory> specialCategories, long findings, long high, long medium, long low, long testValues,
        double maxScore, List<String> previews, List<String> sections) {

    TypeTally {
        secondaryCategories = Set.copyOf(secondaryCategories);
        specialCategories = Set.copyOf(specialCategories);
        previews = List.copyOf(previews);
        sections = List.copyOf(sections);
    }

    /** The primary and secondary categories, in taxonomy order. */
    Set<DataCategory> categories() {
        Set<DataCategory> all = EnumSet.of(category);
        all.addAll(secondaryCategories);
        return all;
    }
}
