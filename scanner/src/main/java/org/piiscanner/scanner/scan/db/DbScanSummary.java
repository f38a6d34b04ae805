package org.piiscanner.scanner.scan.db;

import java.util.List;
import org.piiscanner.scanner.store.RunCounts;
import org.piiscanner.scanner.store.RunStatus;

/**
 * The outcome of a database scan, for the command line: no values.
 *
 * @param runId the store's run
 * @param source the source's locator (URL without credentials)
 * @param status how the run ended
 * @param failure why it failed, one line; null when it did not
 * @param tables per table, in name order
 * @param counts the run's tallies (locations are rows)
 */
public record DbScanSummary(long runId, String source, RunStatus status, String failure, List<TableSummary> tables,
        RunCounts counts) {

    /**
     * One table.
     *
     * @param table {@code schema.table}
     * @param mode how unchanged rows were told ({@code watermark updated_at}, {@code xmin}, {@code row hash})
     * @param rows rows counted when sampled
     * @param columns readable columns
     * @param personalColumns columns with a personal-data verdict
     * @param scannedColumns columns read in full
     * @param rowsScanned rows read and detected in this scan
     * @param rowsUnchanged rows found unchanged since the last scan
     */
    public record TableSummary(String table, String mode, long rows, int columns, int personalColumns,
            int scannedColumns, long rowsScanned, long rowsUnchanged) {
    }
}
