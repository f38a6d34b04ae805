package org.piiscanner.scanner.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.piiscanner.classifiers.DataCategory;
import org.piiscanner.classifiers.SpecialCategory;

/**
 * One line of the report: a file or archive entry of a file source, or a table of a database source (its rows
 * counted together), with its personal data by entity type.
 *
 * @param path the location path (for a table, {@code schema.table})
 * @param group the folder (or schema) it is listed under; empty for the top level
 * @param outcome what the latest scan did: {@code SCANNED}, {@code UNCHANGED}, {@code SKIPPED} (for a table,
 *     the outcome of its own location if it has one, else of most of its rows)
 * @param skipReason the skip reason's name when skipped, else null
 * @param skipDetail the skip detail, or null
 * @param members the store locations counted in this line (1 for a file; the rows of a table)
 * @param membersWithFindings of those, how many hold findings
 * @param modified the last modification (own, else the container's; for a table the oldest row's), or null
 * @param modifiedFromContainer true if {@code modified} is the container's time
 * @param firstSeen the start of the scan that first recorded it (for a table, its oldest row)
 * @param firstSeenRun that scan's run id
 * @param types the findings by entity type, by descending count
 * @param breaches the retention rules it breaches
 */
record LocationSummary(String path, String group, String outcome, String skipReason, String skipDetail,
        long members, long membersWithFindings, Instant modified, boolean modifiedFromContainer, Instant firstSeen,
        long firstSeenRun, List<TypeTally> types, List<RetentionBreach> breaches) {

    LocationSummary {
        types = List.copyOf(types);
        breaches = List.copyOf(breaches);
    }

    long findings() {
        return types.stream().mapToLong(TypeTally::findings).sum();
    }

    long count(ConfidenceBand band) {
        return types.stream().mapToLong(t -> switch (band) {
            case HIGH -> t.high();
            case MEDIUM -> t.medium();
            case LOW -> t.low();
        }).sum();
    }

    long testValues() {
        return types.stream().mapToLong(TypeTally::testValues).sum();
    }

    /** Every category of every finding (primary and secondary), in taxonomy order. */
    Set<DataCategory> categories() {
        Set<DataCategory> all = EnumSet.noneOf(DataCategory.class);
        types.forEach(t -> all.addAll(t.categories()));
        return all;
    }

    Set<SpecialCategory> specialCategories() {
        Set<SpecialCategory> all = EnumSet.noneOf(SpecialCategory.class);
        types.forEach(t -> all.addAll(t.specialCategories()));
        return all;
    }

    /** True if it holds special-category (Art. 9) data. */
    boolean special() {
        return categories().contains(DataCategory.SPECIAL_CATEGORY) || !specialCategories().isEmpty();
    }

    /** True if it holds criminal-offence (Art. 10) data. */
    boolean criminal() {
        return categories().contains(DataCategory.CRIMINAL_OFFENCE);
    }

    boolean hasPersonalData() {
        return !types.isEmpty();
    }

    boolean skipped() {
        return skipReason != null;
    }
}
