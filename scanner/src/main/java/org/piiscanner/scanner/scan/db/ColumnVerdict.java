package org.piiscanner.scanner.scan.db;

import java.util.List;
import java.util.Objects;
import org.piiscanner.classifiers.DataCategory;

/**
 * What a column holds and how sure we are. Holds no value from the source: evidence has counts and masked
 * previews only. Immutable.
 *
 * @param column the column's name
 * @param sqlType the database's type name
 * @param kind personal data, free text (read in full to find what it holds) or nothing found
 * @param types entity type names, most confident first; may be empty
 * @param category the category of the best type or category hint; null for {@link Kind#NONE}
 * @param confidence 0 to 1
 * @param evidence the signals that fired, match counts and masked examples, in one line
 * @param sampledRows the rows the verdict was drawn from
 * @param totalRows the rows of the table when sampled
 * @param seed the sample's seed
 */
record ColumnVerdict(String column, String sqlType, Kind kind, List<String> types, DataCategory category,
        double confidence, String evidence, long sampledRows, long totalRows, long seed) {

    /** A verdict's kind. */
    enum Kind {
        PERSONAL, FREE_TEXT, NONE
    }

    ColumnVerdict {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        types = List.copyOf(types);
    }

    /** True if the detectors can find something in this column's values (it is worth reading in full). */
    boolean detectable() {
        return !types.isEmpty() || kind == Kind.FREE_TEXT;
    }

    /** The coverage statement, e.g. {@code 1,000 of 2,300,000 rows sampled, seed 42}. */
    String coverage() {
        return String.format(java.util.Locale.ROOT, "%,d of %,d rows sampled, seed %d", sampledRows, totalRows,
                seed);
    }
}
