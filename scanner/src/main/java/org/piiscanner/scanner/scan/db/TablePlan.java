package org.piiscanner.scanner.scan.db;

import java.util.List;

/**
 * How one table of a run is read: its key, the columns read in full and the incremental mode. Holds names only.
 *
 * @param id its row in {@code db_table_scan}, 0 before it is recorded
 * @param catalog its catalog, or null
 * @param schema its schema, or null
 * @param name its name
 * @param display {@code schema.table}: the location path's root
 * @param keyColumns the primary key columns; empty when rows are located by hash
 * @param keyKinds the key columns' kinds
 * @param scanColumns the columns read in full, in table order
 * @param mode how unchanged rows are told
 * @param watermarkColumn the watermark column of {@link Mode#WATERMARK}, else null
 * @param rowCount the rows counted when the table was sampled
 */
record TablePlan(long id, String catalog, String schema, String name, String display, List<String> keyColumns,
        List<Catalog.KeyKind> keyKinds, List<String> scanColumns, Mode mode, String watermarkColumn,
        long rowCount) {

    /** How a rescan tells unchanged rows. */
    enum Mode {
        /** A watermark column ({@code updated_at}) as the row's version. */
        WATERMARK,
        /** PostgreSQL's {@code xmin}: the transaction that last wrote the row. */
        XMIN,
        /** A keyed hash of the scanned values. */
        ROW_HASH
    }

    TablePlan {
        keyColumns = List.copyOf(keyColumns);
        keyKinds = List.copyOf(keyKinds);
        scanColumns = List.copyOf(scanColumns);
    }

    TablePlan withId(long newId) {
        return new TablePlan(newId, catalog, schema, name, display, keyColumns, keyKinds, scanColumns, mode,
                watermarkColumn, rowCount);
    }

    /** The table as {@link Catalog#qualified} wants it. */
    Catalog.Table table() {
        return new Catalog.Table(catalog, schema, name, display, null, List.of(), List.of());
    }
}
