package org.piiscanner.scanner.scan.db;

import java.util.Objects;

/** The progress listener of the scan running in this context (one at a time). Thread-safe. */
final class DbScanProgressHolder {

    private volatile DbScanProgress progress = DbScanProgress.NONE;

    DbScanProgress get() {
        return progress;
    }

    void set(DbScanProgress listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
    }
}
