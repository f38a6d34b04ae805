package org.piiscanner.scanner.scan.db;

/** Told of the scan's progress (the CLI draws a bar from it). Implementations must be thread-safe. */
public interface DbScanProgress {

    /** Nothing to tell. */
    DbScanProgress NONE = new DbScanProgress() {
    };

    /** The sample phase found {@code tables} tables with {@code rows} rows to read in full. */
    default void planned(int tables, long rows) {
    }

    /** A table's sample and verdicts are done. */
    default void profiled(String table) {
    }

    /** More rows of {@code table} were recorded: scanned, unchanged. */
    default void rows(String table, long scanned, long unchanged) {
    }
}
