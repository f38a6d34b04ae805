package org.piiscanner.scanner.store;

import java.time.OffsetDateTime;

/**
 * A location as listed: its latest state.
 *
 * @param id the location id
 * @param sourceId its source
 * @param path the displayed path (segments joined by {@value LocationPath#SEPARATOR})
 * @param depth 0 for top-level locations
 * @param outcome the latest outcome
 * @param skipReason why it was skipped, when {@code outcome} is {@code SKIPPED}
 * @param skipDetail a non-sensitive detail of the skip, or null
 * @param findingsCount findings currently recorded
 * @param fingerprint fingerprint of the last successful scan, or null
 * @param configHash detector configuration of the last successful scan, or null
 * @param firstSeenRun the run that first recorded it
 * @param lastSeenRun the last run in which it existed
 * @param lastScannedRun the last run that read its content, or null
 * @param outcomeRun the run that recorded {@code outcome}
 * @param indexState whether its index document matches the store
 * @param updatedAt when the row last changed
 */
public record LocationRecord(long id, long sourceId, String path, int depth, Outcome outcome, SkipReason skipReason,
        String skipDetail, int findingsCount, Fingerprint fingerprint, String configHash, long firstSeenRun,
        long lastSeenRun, Long lastScannedRun, long outcomeRun, IndexState indexState, OffsetDateTime updatedAt) {
}
