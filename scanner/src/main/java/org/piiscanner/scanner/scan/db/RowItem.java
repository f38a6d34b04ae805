package org.piiscanner.scanner.scan.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.piiscanner.scanner.store.LocationPath;
import org.piiscanner.scanner.store.LocationState;

/**
 * One row read by the scan: where it is, its scanned values (in memory only, between the reader and the
 * processor) and what the store knew of it. {@link #toString()} never shows a value.
 *
 * @param path {@code schema.table!/key}
 * @param columns the scanned columns
 * @param values their values, null for SQL NULL
 * @param version the row's watermark or {@code xmin} as a number, or null (compare by row hash)
 * @param prior what the store recorded at the last scan, or null
 */
record RowItem(LocationPath path, List<String> columns, List<String> values, Long version, LocationState prior) {

    RowItem {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    RowItem withPrior(LocationState state) {
        return new RowItem(path, columns, values, version, state);
    }

    @Override
    public String toString() {
        return "RowItem[" + path.display() + ", " + columns.size() + " values hidden]";
    }
}
