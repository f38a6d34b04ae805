package org.piiscanner.scanner.store;

import java.time.OffsetDateTime;

/**
 * One execution of a scan.
 *
 * @param id the run id (increasing)
 * @param kind files or database
 * @param description what was scanned, as given at start
 * @param configHash the detector configuration hash
 * @param status running, completed, failed or stopped
 * @param startedAt when it started
 * @param endedAt when it finished, or null
 * @param counts tallies as of the finish (zero while running; see {@link FindingStore#runCounts})
 */
public record ScanRun(long id, ScanKind kind, String description, String configHash, RunStatus status,
        OffsetDateTime startedAt, OffsetDateTime endedAt, RunCounts counts) {
}
