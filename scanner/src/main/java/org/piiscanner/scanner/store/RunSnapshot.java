package org.piiscanner.scanner.store;

import java.time.OffsetDateTime;

/**
 * That the locations of one source were snapshotted at the end of a completed run: the store's only history (its
 * other tables hold the latest state). Taken by {@link FindingStore#finishRun} for {@link RunStatus#COMPLETED}
 * runs; the {@value FindingStore#SNAPSHOTS_KEPT} newest of each source are kept. Its entries, findings per
 * location and entity type, are streamed by {@link FindingStore#snapshotEntries}.
 *
 * @param runId the run
 * @param sourceId the source
 * @param takenAt when the run finished
 * @param locations the locations of the source the run saw (deleted ones excluded), with or without findings
 */
public record RunSnapshot(long runId, long sourceId, OffsetDateTime takenAt, long locations) {
}
