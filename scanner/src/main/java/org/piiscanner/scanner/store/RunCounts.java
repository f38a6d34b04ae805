package org.piiscanner.scanner.store;

/**
 * Tallies of a run, computed from the locations whose outcome it recorded (so a retried chunk cannot count
 * twice).
 *
 * @param scanned locations scanned
 * @param unchanged locations found unchanged
 * @param skipped locations skipped (any reason)
 * @param deleted locations found deleted
 * @param findings findings in the scanned, unchanged and skipped locations
 * @param scannedBytes total size of the top-level locations scanned
 */
public record RunCounts(long scanned, long unchanged, long skipped, long deleted, long findings, long scannedBytes) {

    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0);
}
