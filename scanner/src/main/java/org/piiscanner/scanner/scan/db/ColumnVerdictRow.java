package org.piiscanner.scanner.scan.db;

import java.util.List;
import org.piiscanner.classifiers.DataCategory;

/**
 * A column verdict as recorded in the store, with its table and source: what {@code pii-scanner columns} lists.
 * No value: evidence holds counts and masked previews.
 *
 * @param runId the run
 * @param source the source's locator (JDBC URL without credentials)
 * @param schema the table's schema (or database)
 * @param table the table's name
 * @param display {@code schema.table}
 * @param column the column's name
 * @param sqlType the database's type name
 * @param verdict {@code PERSONAL}, {@code FREE_TEXT} or {@code NONE}
 * @param types entity type names, most confident first
 * @param category the category, or null
 * @param confidence 0 to 1
 * @param evidence signals, match counts, masked examples
 * @param scanned whether the column was read in full
 * @param sampledRows rows sampled
 * @param totalRows rows in the table
 * @param seed the sample's seed
 * @param coverage e.g. {@code 1,000 of 2,300,000 rows sampled, seed 42; read in full}
 */
public record ColumnVerdictRow(long runId, String source, String schema, String table, String display,
        String column, String sqlType, String verdict, List<String> types, DataCategory category, double confidence,
        String evidence, boolean scanned, long sampledRows, long totalRows, long seed, String coverage) {

    public ColumnVerdictRow {
        types = List.copyOf(types);
    }
}
