package org.piiscanner.scanner.store;

import java.util.Objects;

/**
 * What the store knows about a location when a scan meets it again: enough to decide whether to skip it.
 *
 * @param locationId the location's id
 * @param path the path it was looked up by
 * @param outcome the latest outcome
 * @param fingerprint the fingerprint of the last successful scan; null if never scanned or deleted since
 * @param configHash the detector configuration hash of that scan; null likewise
 * @param lastScannedRun the run of that scan; null if never scanned
 * @param indexState whether the index document matches the store
 * @param findingsCount findings currently recorded
 * @param skipReason why it was skipped, when {@code outcome} is {@code SKIPPED}; else null
 * @param skipDetail the detail of that skip, or null
 * @param skippedAs the size and modification time of the content that was skipped, when the scan that skipped
 *     it gave them; else null
 */
public record LocationState(long locationId, LocationPath path, Outcome outcome, Fingerprint fingerprint,
        String configHash, Long lastScannedRun, IndexState indexState, int findingsCount, SkipReason skipReason,
        String skipDetail, Fingerprint skippedAs) {

    /**
     * True if the location is {@code SKIPPED} and {@code current} has the size and modification time of the
     * content that was skipped: reading it again would be skipped again for a reason that depends on the content
     * alone.
     */
    public boolean skippedUnchanged(Fingerprint current) {
        return outcome == Outcome.SKIPPED && skippedAs != null && current != null
                && skippedAs.size() == current.size() && skippedAs.modifiedMillis() == current.modifiedMillis();
    }

    /**
     * True if the recorded findings and index document can stand in for a scan under {@code configHash}: the
     * location was scanned successfully, is not deleted, used the same detector configuration, and its index
     * document is current (a {@code PENDING} or {@code PARTIAL} document needs the content read again).
     */
    public boolean reusable(String configHash) {
        return outcome != Outcome.DELETED && fingerprint != null && lastScannedRun != null
                && indexState == IndexState.CURRENT && Objects.equals(this.configHash, configHash);
    }

    /** True if the location can be recorded {@link Outcome#UNCHANGED} instead of scanned: see {@link #reusable}. */
    public boolean unchangedSince(Fingerprint current, String configHash) {
        return reusable(configHash) && fingerprint.matches(current);
    }
}
