package org.piiscanner.scanner.store;

/** What the latest run that saw a location did with it. */
public enum Outcome {
    /** Its content was read and its findings recorded (possibly none). */
    SCANNED,
    /** Its fingerprint and the detector configuration matched the last successful scan: its findings stand. */
    UNCHANGED,
    /** It could not be scanned (see {@link SkipReason}); findings of an earlier successful scan are kept. */
    SKIPPED,
    /** It was not seen by a completed walk of its source: its findings were removed. */
    DELETED
}
